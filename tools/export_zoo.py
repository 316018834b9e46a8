"""Slim training runs into mnist_diffusion/zoo/ and merge them into its manifest (a re-exported model replaces its
old files; the other models stay).

    .venv/bin/python tools/export_zoo.py [--runs runs/zoo/*] [--epochs 0 1 2 5 10] [--where "Intel Xeon, 2 CPU threads"]
    .venv/bin/python tools/export_zoo.py --drop ddpm_mnist_0_unet.pt ...     # stop shipping these files (for room)
"""
import argparse, json, sys
from pathlib import Path
from mnist_diffusion.core import ZOO_DIR, atomic_path
from mnist_diffusion.zoo import export_zoo, zoo_table, manifest

def drop(files, zoo=ZOO_DIR):
    "Remove `files` from the zoo and its manifest (the metrics rows go at the next `tools/evaluate_zoo.py` run)."
    ms = manifest(zoo)
    if unknown := set(files) - {m['file'] for m in ms}: sys.exit(f"error: not in the zoo: {', '.join(sorted(unknown))}")
    with atomic_path(Path(zoo)/'manifest.json') as tmp: tmp.write_text(json.dumps([m for m in ms if m['file'] not in files], indent=1))
    for f in files: (Path(zoo)/f).unlink(missing_ok=True)

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--runs', nargs='*', default=None, help='run folders (default: every folder under runs/zoo)')
    p.add_argument('--epochs', type=int, nargs='*', default=None, help='epochs to ship (default: every kept checkpoint)')
    p.add_argument('--where', default=None)
    p.add_argument('--drop', nargs='*', default=None, help='zoo files to stop shipping (nothing is exported)')
    a = p.parse_args()
    if a.drop: drop(a.drop); print(zoo_table()); sys.exit()
    runs = a.runs or sorted(d for d in Path('runs/zoo').iterdir() if d.is_dir())
    print(export_zoo(runs, where=a.where, epochs=a.epochs))
    print(zoo_table())
