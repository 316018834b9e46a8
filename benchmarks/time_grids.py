"""Where a few-step sampler spends its steps: FID of one shipped DDPM for several time grids at the same NFE.

Samplers visit `time_grid(T, steps, power)`: evenly spaced in t for power 1 (`sde-dpm++2m` uses 0.75, the choice this
study made). DPM-Solver's authors recommend denser steps near t=0 for small discrete-time models ("time_quadratic") or
even spacing in log-SNR. This study samples the same noise (the seed and batches of `timed_samples`, so the uniform row
reproduces `solvers_10k.csv`) down grids t_i = T ((k-i)/k)^p for several powers p (`core.time_grid`; p=1: uniform; p=2:
quadratic, dense near 0; p<1: dense near T, one long last step), down a uniform grid that ends with one long step from
t_last (`u<t_last>`: separates the long last step from the denser start) and down a grid even in log-SNR, and scores
each at `n` against `n` test digits. The commands behind `time_grids.csv` are in `nbs/12_samplers.ipynb`, e.g.

    python benchmarks/time_grids.py --preset unet_v_b512 --n 10000 --sampler sde-dpm++2m --nfe 20 --grids p1,logsnr
"""
import argparse, csv
from pathlib import Path
import torch
from mnist_diffusion.core import write_csv, time_grid
from mnist_diffusion.zoo import load_pretrained
from mnist_diffusion.metrics import image_metrics
from mnist_diffusion.scoring import SampleSpec, ruler, timed_samples

def log_snr_grid(abar: torch.Tensor, k: int) -> list[int]:
    "k time indices evenly spaced in log-SNR between t=T and t=1 (nearest indices), then 0 (clean)."
    lam = 0.5 * torch.log(abar[1:].double() / (1 - abar[1:].double()))           # t = 1..T, decreasing
    ts = {int((lam - v).abs().argmin()) + 1 for v in torch.linspace(float(lam[-1]), float(lam[0]), k)}
    return sorted(ts | {0}, reverse=True)

def last_jump_grid(T: int, k: int, t_last: int) -> list[int]:
    "Evenly spaced from T down to `t_last` in k-1 steps, then one step to 0: a uniform grid with a long last step."
    return [round(T - i * (T - t_last) / (k - 1)) for i in range(k)] + [0]

def grid(model, name: str, k: int) -> list[int]:
    "The grid called `name` ('p<power>', 'u<t_last>' or 'logsnr') with about `k` steps."
    if name == 'logsnr': return log_snr_grid(model.abar, k)
    return last_jump_grid(model.T, k, int(name[1:])) if name[0] == 'u' else time_grid(model.T, k, float(name[1:]))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='unet_v_b512')
    ap.add_argument('--n', type=int, default=10000)
    ap.add_argument('--sampler', default='sde-dpm++2m')
    ap.add_argument('--nfe', type=int, default=20)
    ap.add_argument('--grids', default='p1,p0.5,p0.75,p2,logsnr')
    ap.add_argument('--seed', type=int, default=0,
                    help='starting noise (0: the noise of solvers.py and the zoo scores)')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='benchmarks/results/time_grids.csv')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model, entry = load_pretrained('ddpm', a.preset)
    rule = ruler(a.n, a.root)
    clf, x_real, floor = rule['clf'], rule['x_real'], rule['floor']
    out = Path(a.out)
    key = lambda r: (r['model'], r['sampler'], str(r['nfe_asked']), r['grid'], str(r['n']), str(r.get('seed') or 0))
    for name in a.grids.split(','):
        ts = grid(model, name, a.nfe)
        row = dict(model=entry['file'], sampler=a.sampler, nfe_asked=a.nfe, grid=name, n=a.n, seed=a.seed)
        x, spi = timed_samples(model, SampleSpec(a.n, a.sampler, seed=a.seed, grid=tuple(ts)))
        r = image_metrics(x, x_real, clf)
        # read late: runs may share a file
        rows = [q for q in csv.DictReader(open(out)) if key(q) != key(row)] if out.exists() else []
        rows.append(row | dict(nfe=len(ts) - 1, first_steps=' '.join(map(str, ts[:4])),
                               last_steps=' '.join(map(str, ts[-4:])),
                               fid=r['fid'], kid=r['kid'], IS=r['IS'], effective_classes=r['effective_classes'],
                               ms_per_image=1000 * spi, threads=a.threads, floor_fid=floor['fid']))
        print(f"{name:7s} NFE {len(ts) - 1:3d} {ts[:3]}..{ts[-3:]}  FID {r['fid']:.2f}  IS {r['IS']:.2f}  classes "
              f"{r['effective_classes']:.2f}", flush=True)
        write_csv(out, rows)

if __name__ == '__main__': main()
