"""Score the shipped zoo: every checkpoint at n=1000 (mnist_diffusion/zoo/metrics.csv, for the curves) and, with
--final-n, the last epoch of each model at that n (metrics_10k.csv for n=10000).

    .venv/bin/python tools/evaluate_zoo.py [--n 1000] [--final-n 10000]
"""
import argparse, shutil, tempfile
from mnist_diffusion.zoo import ZOO_DIR, manifest, find_pretrained
from mnist_diffusion.evaluation import evaluate_checkpoints

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--n', type=int, default=1000); p.add_argument('--final-n', type=int, default=0)
    p.add_argument('--root', default='data'); a = p.parse_args()
    ms = manifest()
    if a.n:
        shutil.copy(evaluate_checkpoints([ZOO_DIR/m['file'] for m in ms], tempfile.mkdtemp(), n=a.n, root=a.root), ZOO_DIR/'metrics.csv')
    if a.final_n:
        last = [m for m in ms if m['epoch'] == find_pretrained(m['kind'], m['preset'], None, m['orientation'] or 'row')['epoch']]
        out = evaluate_checkpoints([ZOO_DIR/m['file'] for m in last], tempfile.mkdtemp(), n=a.final_n, root=a.root)
        shutil.copy(out, ZOO_DIR/f'metrics_{a.final_n // 1000}k.csv')
