"""Score the shipped zoo: every checkpoint at n=1000 (mnist_diffusion/zoo/metrics.csv, for the curves) and, with
--final-n, the last epoch of each model at that n (metrics_10k.csv for n=10000). --preset limits the scoring to the
models of some presets (and --orientation, for cold ones) and merges their rows into the existing CSVs (the other
models' rows are kept); merges hold a lock, so several of these can score different models at once.

    .venv/bin/python tools/evaluate_zoo.py [--n 1000] [--final-n 10000] [--preset unet] [--orientation row] [--epochs 13 15] [--last]

`--n` other than 1000 writes to `metrics_<n/1000>k.csv` (so `--n 10000 --epochs 17 --preset unet_v` adds a 10k row for an
earlier epoch, as the cold-vs-DDPM comparison needs).
"""
import argparse, csv, fcntl, tempfile
from contextlib import contextmanager
from pathlib import Path
from mnist_diffusion.core import ZOO_DIR, write_csv
from mnist_diffusion.zoo import manifest, find_pretrained
from mnist_diffusion.evaluation import evaluate_checkpoints

@contextmanager
def zoo_lock():
    "Hold an exclusive lock on the zoo's metrics files (released when the block ends, or the process dies)."
    with open(Path(tempfile.gettempdir())/'mnist-diffusion-zoo-metrics.lock', 'w') as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield

def metrics_file(n: int) -> Path:
    "Where the zoo's scores at `n` live: metrics.csv for n=1,000 (the curves), metrics_<n/1000>k.csv otherwise."
    return ZOO_DIR/('metrics.csv' if n == 1000 else f'metrics_{n // 1000}k.csv')

def merge(new_csv, dst: Path):
    "Replace `dst`'s rows for the files in `new_csv` (or add them), keeping every other row."
    new = list(csv.DictReader(open(new_csv)))
    with zoo_lock():
        old = [r for r in csv.DictReader(open(dst))] if dst.exists() else []
        files = {r['file'] for r in new}
        write_csv(dst, [r for r in old if r['file'] not in files] + new)

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--n', type=int, default=1000)
    p.add_argument('--final-n', type=int, default=0)
    p.add_argument('--preset', nargs='*', default=None, help='only these presets (default: every model)')
    p.add_argument('--orientation', choices=['row', 'col'], default=None, help='cold models: only this orientation')
    p.add_argument('--epochs', type=int, nargs='*', default=None, help='only these epochs at --n (default: every shipped one)')
    p.add_argument('--last', action='store_true', help="only each model's last shipped epoch at --n")
    p.add_argument('--root', default='data')
    a = p.parse_args()
    ms = [m for m in manifest() if (a.preset is None or m['preset'] in a.preset) and (a.orientation is None or m['orientation'] in (None, a.orientation))]
    if a.n:
        newest = lambda m: find_pretrained(m['kind'], m['preset'], None, m['orientation'] or 'row')['epoch']
        sel = [m for m in ms if (a.epochs is None or m['epoch'] in a.epochs) and (not a.last or m['epoch'] == newest(m))]
        merge(evaluate_checkpoints([ZOO_DIR/m['file'] for m in sel], tempfile.mkdtemp(), n=a.n, root=a.root), metrics_file(a.n))
    if a.final_n:
        last = [m for m in ms if m['epoch'] == find_pretrained(m['kind'], m['preset'], None, m['orientation'] or 'row')['epoch']]
        out = evaluate_checkpoints([ZOO_DIR/m['file'] for m in last], tempfile.mkdtemp(), n=a.final_n, root=a.root)
        merge(out, metrics_file(a.final_n))
    with zoo_lock():
        known = {m['file'] for m in manifest()}                # read now: another export may have added files meanwhile
        for f in sorted(ZOO_DIR.glob('metrics*.csv')):         # drop rows of files no longer shipped, at every n
            write_csv(f, [r for r in csv.DictReader(open(f)) if r['file'] in known])
