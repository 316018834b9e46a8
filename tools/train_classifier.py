"""Train the MNIST feature classifier on the full training split, save it into the package, and record its sha256
and test accuracy in nbs/05_classifier.ipynb (then run `nbdev_export`).

    .venv/bin/python tools/train_classifier.py [--epochs 4] [--root data]
"""
import argparse, json, re, time
from pathlib import Path
import torch
from mnist_diffusion.core import atomic_path, sha256_of
from mnist_diffusion.data import fetch_mnist, mnist_dataset
from mnist_diffusion.classifier import CLASSIFIER_PATH, train_classifier

ROOT = Path(__file__).resolve().parents[1]

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--epochs', type=int, default=4)
    p.add_argument('--root', default='data')
    a = p.parse_args()
    fetch_mnist(a.root)
    t0 = time.time()
    clf, acc = train_classifier(mnist_dataset(a.root, True), mnist_dataset(a.root, False), epochs=a.epochs,
                                progress=True)
    secs = time.time() - t0
    path = CLASSIFIER_PATH
    with atomic_path(path) as tmp: torch.save(clf.state_dict(), tmp)
    sha = sha256_of(path)
    nb = ROOT/'nbs'/'05_classifier.ipynb'
    nb.write_text(re.sub(r"CLASSIFIER_SHA256 = '[^']*'", f"CLASSIFIER_SHA256 = '{sha}'", nb.read_text()))
    print(json.dumps(dict(test_accuracy=acc, epochs=a.epochs, seconds=round(secs), sha256=sha)))
