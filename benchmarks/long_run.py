"""A long-run trial of a candidate DDPM preset against the shipped one, epoch for epoch, on the zoo's ruler.

The recipe study ranks recipes by how fast they start (a fraction of an epoch); this checks whether a ranking holds
over epochs. It scores the chosen epochs of a training run (`mnist-diffusion train ... --save-every 1`) exactly as
`tools/evaluate_zoo.py` scores the zoo (n samples with the family's default sampler, seed 0, against n test digits),
adds each epoch's cumulative training seconds from the run's log.csv, and writes the rows to `--out`; the README puts
them beside the shipped preset's rows at the same epochs (mnist_diffusion/zoo/metrics.csv).

    python benchmarks/long_run.py --run runs/zoo/ddpm-unet_v_snr5 --epochs 1 2 5 8 --n 1000 --out benchmarks/results/long_unet_v_snr5.csv
"""
import argparse, csv, tempfile
from pathlib import Path
from mnist_diffusion.core import write_csv
from mnist_diffusion.checkpoint import checkpoints, ckpt_epoch
from mnist_diffusion.evaluation import evaluate_checkpoints

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--run', required=True, help='a training run folder with per-epoch checkpoints')
    ap.add_argument('--epochs', type=int, nargs='+', required=True)
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    run = Path(a.run)
    paths = [p for p in checkpoints(run) if ckpt_epoch(p) in a.epochs]
    missing = sorted(set(a.epochs) - {ckpt_epoch(p) for p in paths})
    if missing: raise SystemExit(f"{run}: no checkpoint for epochs {missing}; train further or choose from those saved")
    secs = {int(r['epoch']): float(r['seconds']) for r in csv.DictReader(open(run/'log.csv'))}
    rows = list(csv.DictReader(open(evaluate_checkpoints(paths, tempfile.mkdtemp(), n=a.n, root=a.root))))
    for r in rows: r['train_seconds'] = round(sum(s for e, s in secs.items() if e <= int(r['epoch'])))
    out = Path(a.out)
    old = [r for r in csv.DictReader(open(out)) if int(r['epoch']) not in a.epochs] if out.exists() else []
    write_csv(out, sorted(old + rows, key=lambda r: int(r['epoch'])))
    print(f"wrote {out}")

if __name__ == '__main__': main()
