"""FID against NFE for the samplers of one shipped model of any formulation (`--kind`), at several step counts.

Every sampler starts from the same noise (one seed) and is scored at the same `n` against `n` test digits, with the
real-data floor at that `n`; ms/image is measured in the same run (batch 250, the threads given). The commands behind
`solvers.csv` and `solvers_10k.csv` are in `nbs/12_samplers.ipynb`, e.g.

    python benchmarks/solvers.py --preset unet --n 1000 --steps 5,10,20,50 --out benchmarks/results/solvers.csv

`--steps` lists step counts (Heun's k steps make 2k-1 network calls: the `nfe` column counts calls). `--eta` > 0 makes
DDIM stochastic (eta = 1 over every step is ancestral sampling); its rows are named `ddim-eta<eta>`. `--power` sets the
time grid (`core.time_grid`; rho for EDM); by default each sampler uses its own; the `power` column says which.
"""
import argparse, csv
from pathlib import Path
import torch
from mnist_diffusion.core import write_csv, formulations
from mnist_diffusion.zoo import load_pretrained
from mnist_diffusion.metrics import image_metrics
from mnist_diffusion.scoring import SampleSpec, ruler, timed_samples

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--kind', default='ddpm', choices=list(formulations()))
    ap.add_argument('--preset', default='unet')
    ap.add_argument('--epoch', type=int, default=None)
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--steps', default='5,10,20,50,100', help='step counts (the nfe column counts network calls)')
    ap.add_argument('--samplers', default='ddim,dpm++2m')
    ap.add_argument('--eta', type=float, default=0., help='DDIM noise (0: deterministic); rows named ddim-eta<eta>')
    ap.add_argument('--power', type=float, default=None,
                    help="time grid t_i = T((k-i)/k)^power (default: each sampler's own)")
    ap.add_argument('--threads', type=int, default=torch.get_num_threads())
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='benchmarks/results/solvers.csv')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model, entry = load_pretrained(a.kind, a.preset, a.epoch)
    rule = ruler(a.n, a.root)
    clf, x_real, floor = rule['clf'], rule['x_real'], rule['floor']
    out = Path(a.out)
    label = lambda s: f'{s}-eta{a.eta:g}' if a.eta and s == 'ddim' else s
    power = lambda s: model.sampler(s).power if a.power is None else a.power
    steps = [int(k) for k in a.steps.split(',')]
    same = lambda r, s: (r['model'], r['sampler'], float(r['power'])) == (entry['file'], label(s), power(s)) \
        and int(r['nfe']) in {model.nfe(s, k, a.power) for k in steps}
    old = list(csv.DictReader(open(out))) if out.exists() else []
    rows = [r for r in old if not any(same(r, s) for s in a.samplers.split(','))]      # keep other runs' rows
    for s in a.samplers.split(','):
        for k in steps:
            eta = dict(eta=a.eta) if a.eta and s == 'ddim' else {}
            x, spi = timed_samples(model, SampleSpec(a.n, s, k, a.power), **eta)
            r = image_metrics(x, x_real, clf)
            rows.append(dict(model=entry['file'], sampler=label(s), power=power(s), nfe=model.nfe(s, k, a.power), n=a.n,
                             fid=r['fid'], kid=r['kid'], IS=r['IS'], effective_classes=r['effective_classes'],
                             ms_per_image=1000 * spi, threads=a.threads, floor_fid=floor['fid']))
            print(f"{label(s):8s} {k:4d} steps: FID {r['fid']:7.2f}  KID {r['kid']:.4f}  IS {r['IS']:.2f}  classes "
                  f"{r['effective_classes']:.2f}  "
                  f"{1000 * spi:.1f} ms/image", flush=True)
            write_csv(a.out, rows)

if __name__ == '__main__': main()
