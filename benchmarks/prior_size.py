"""How many mixture components the prior over degraded states should have: held-out likelihood against FID.

A cold model draws its start x_T from a prior over fully degraded states (the 28 row or column means of a digit).
More mixture components fit the training profiles more closely, and a deterministic restorer then draws images closer
to the training digits, which FID rewards whether or not the prior generalises. This study refits the prior of one
shipped restorer with each `--ks` value (the shipped fit is reused where k matches), and for each reports the mean
log-likelihood (nats per profile) of the 60,000 training profiles and of the 10,000 test profiles, and the FID, KID,
IS and classes of `--n` unconditional samples (the zoo's sampler and seed, so the shipped k reproduces its zoo row).
A k whose test likelihood falls while its training likelihood rises is memorising the training set.

    .venv/bin/python benchmarks/prior_size.py --preset unet_7 --orientation row --ks 200,100,400,50 --n 10000
"""
import argparse, csv, time
from pathlib import Path
import torch
from mnist_diffusion.core import write_csv
from mnist_diffusion.cold import GaussianMixturePrior, profile
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.zoo import load_pretrained
from mnist_diffusion.metrics import image_metrics
from mnist_diffusion.scoring import SampleSpec, ruler, timed_samples

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='unet_7')
    ap.add_argument('--orientation', default='row', choices=['row', 'col'])
    ap.add_argument('--ks', default='200,100,400,50')
    ap.add_argument('--n', type=int, default=10000)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='benchmarks/results/prior_size.csv')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    m, entry = load_pretrained('cold', a.preset, orientation=a.orientation)
    shipped = {k: v.clone() for k, v in m.prior.state_dict().items()}
    rule = ruler(a.n, a.root)
    x_tr, x_te, clf, floor = mnist_dataset(a.root, train=True).tensors[0], rule['x_real'], rule['clf'], rule['floor']
    v_tr, v_te = (profile(x * m.x_scale, m.D.orientation) for x in (x_tr, x_te))
    out = Path(a.out)
    key = lambda r: (r['model'], str(r['k']), str(r['n']))
    for k in map(int, a.ks.split(',')):
        t0 = time.process_time()
        prior = GaussianMixturePrior(k)
        if k == len(shipped['weights']): prior.load_state_dict(shipped)                 # the zoo file's own fit
        else: prior.fit(v_tr, seed=0)  # as zoo.refit_prior fits it
        fit_s = time.process_time() - t0
        m.prior = prior
        x, spi = timed_samples(m, SampleSpec(a.n))
        r = image_metrics(x, x_te, clf, seed=0)
        row = dict(model=entry['file'], k=k, n=a.n, train_ll=prior.log_prob(v_tr).mean().item(),
                   test_ll=prior.log_prob(v_te).mean().item(),
                   fit_cpu_s=fit_s, fid=r['fid'], kid=r['kid'], IS=r['IS'], effective_classes=r['effective_classes'],
                   floor_fid=floor['fid'], threads=a.threads)
        rows = [q for q in csv.DictReader(open(out)) if key(q) != key(row)] if out.exists() else []
        write_csv(out, rows + [row])
        print(f"k={k:4d}  LL train {row['train_ll']:.2f}  test {row['test_ll']:.2f}  FID {r['fid']:.2f}  IS "
              f"{r['IS']:.2f}  "
              f"classes {r['effective_classes']:.2f}  (fit {fit_s:.0f} CPU-s)", flush=True)

if __name__ == '__main__': main()
