"""Run a command, time it, and record the wall time in benchmarks/results/timings.csv (the README reads it there).

    .venv/bin/python tools/time_it.py NAME -- COMMAND [ARGS...]
"""
import csv, platform, subprocess, sys, time
from pathlib import Path
from mnist_diffusion.core import write_csv

OUT = Path(__file__).resolve().parents[1]/'benchmarks'/'results'/'timings.csv'

def cpu() -> str:
    "The CPU model and core count of this machine."
    name = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')),
                platform.processor())
    return f"{name}, {len(__import__('os').sched_getaffinity(0))} cores"

if __name__ == '__main__':
    name, cmd = sys.argv[1], sys.argv[sys.argv.index('--') + 1:]
    t0 = time.time()
    rc = subprocess.call(cmd)
    secs = time.time() - t0
    rows = [r for r in csv.DictReader(open(OUT))] if OUT.exists() else []
    row = dict(name=name, command=' '.join(cmd), seconds=round(secs), exit=rc, cpu=cpu(),
               date=time.strftime('%Y-%m-%d'))
    rows = [r for r in rows if r['name'] != name] + [row]
    write_csv(OUT, rows)
    print(f'{name}: {secs:.0f} s (exit {rc})')
    sys.exit(rc)
