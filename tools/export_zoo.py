"""Slim training runs into mnist_diffusion/zoo/ and merge them into its manifest (a re-exported model replaces its
old files; the other models stay).

    .venv/bin/python tools/export_zoo.py [--runs runs/zoo/*] [--epochs 0 1 2 5 10] [--where "Intel Xeon, 2 CPU threads"]
"""
import argparse
from pathlib import Path
from mnist_diffusion.zoo import export_zoo, zoo_table

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--runs', nargs='*', default=None, help='run folders (default: every folder under runs/zoo)')
    p.add_argument('--epochs', type=int, nargs='*', default=None, help='epochs to ship (default: every kept checkpoint)')
    p.add_argument('--where', default=None)
    a = p.parse_args()
    runs = a.runs or sorted(d for d in Path('runs/zoo').iterdir() if d.is_dir())
    print(export_zoo(runs, where=a.where, epochs=a.epochs))
    print(zoo_table())
