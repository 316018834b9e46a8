"""Slim the zoo's training runs (runs/zoo/*) into mnist_diffusion/zoo/ with a manifest.

    .venv/bin/python tools/export_zoo.py [--where "AMD EPYC, 2 CPU threads"]
"""
import argparse
from pathlib import Path
from mnist_diffusion.zoo import export_zoo, zoo_table

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--runs', default='runs/zoo'); p.add_argument('--where', default=None)
    a = p.parse_args()
    print(export_zoo(sorted(d for d in Path(a.runs).iterdir() if d.is_dir()), where=a.where))
    print(zoo_table())
