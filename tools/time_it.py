"""Run a command, time it, and record the wall time in benchmarks/results/timings.csv (the README reads it there).

    .venv/bin/python tools/time_it.py NAME -- COMMAND [ARGS...]
"""
import subprocess, sys, time
from pathlib import Path
from mnist_diffusion.core import merge_csv
from mnist_diffusion.zoo import hardware

OUT = Path(__file__).resolve().parents[1]/'benchmarks'/'results'/'timings.csv'

if __name__ == '__main__':
    name, cmd = sys.argv[1], sys.argv[sys.argv.index('--') + 1:]
    t0 = time.time()
    rc = subprocess.call(cmd)
    secs = time.time() - t0
    merge_csv(OUT, [dict(name=name, command=' '.join(cmd), seconds=round(secs), exit=rc, cpu=hardware(),
                         date=time.strftime('%Y-%m-%d'))], key='name')
    print(f'{name}: {secs:.0f} s (exit {rc})')
    sys.exit(rc)
