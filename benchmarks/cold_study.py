"""Cold diffusion study: which cure stops row/column-averaging cold diffusion from collapsing onto a few digits.

Each variant (a restorer network and a training noise `sigma`) trains for the same CPU budget and seed (`training.train`
through `study.budget_run`); its EMA restorer is then scored restoring the first `--n` test digits (Algorithm 2 and one
direct call) and generating from each sampling option (prior, per-step noise `delta`, start noise). `--zoo FILE ...`
scores shipped restorers instead; `--bound` measures how much of a digit survives full degradation (classifiers on the
28 row or column means). Rows merge into `--out`, so a stopped study resumes. What each part means, and the commands
behind each CSV, are in `nbs/15_cold_study.ipynb`:

    python benchmarks/cold_study.py --budget 300 --n 1000 --orientation row --out benchmarks/results/cold_study.csv
    python benchmarks/cold_study.py --bound --out benchmarks/results/cold_bound.csv     # the others: 15_cold_study
"""
import argparse, csv, time
from dataclasses import replace
from pathlib import Path
import torch
from mnist_diffusion.core import ZOO_DIR, write_csv
from mnist_diffusion.checkpoint import load_checkpoint
from mnist_diffusion.zoo import manifest
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.cold import cold_preset, build_cold, profile, PRIORS
from mnist_diffusion.metrics import image_metrics
from mnist_diffusion.scoring import SampleSpec, restoration_score, ruler, timed_samples
from torch.utils.data import TensorDataset
from study import budget_run

VARIANTS = {                          # name: (preset, training noise sigma, whole sampling grid?)
    'unet_28':       ('unet_28', 0.0, True),
    'unet_28_s0.01': ('unet_28', 0.01, True),
    'cnn_28':        ('default_28', 0.0, False),  # the coursework restorer
    'unet_28_s0.05': ('unet_28', 0.05, False),
}
SAMPLING = [                          # (prior, prior size, delta, start noise); the first two also for the short grid
    ('empirical', 2000, 0.0, 0.0), ('gmm', 10, 0.0, 0.0), ('empirical', 2000, 0.01, 0.0),
    ('empirical', 2000, 0.02, 0.0),
    ('empirical', 2000, 0.05, 0.0), ('empirical', 2000, 0.0, 0.05), ('gmm', 50, 0.0, 0.0),
]

ZOO_SAMPLING = [('gmm', 50, 0.0, 0.0), ('gmm', 10, 0.0, 0.0), ('gmm', 200, 0.0, 0.0), ('empirical', 2000, 0.0, 0.0),
                ('gmm', 50, 0.005, 0.0), ('gmm', 50, 0.01, 0.0), ('gmm', 50, 0.02, 0.0), ('gmm', 50, 0.0, 0.05)]

def shipped(file):
    "A zoo restorer in eval mode, its name (preset@epoch) and its manifest entry."
    entry = {e['file']: e for e in manifest()}.get(Path(file).name, {})
    if entry.get("kind") != "cold": raise SystemExit(f"{file}: not a cold model in the zoo ({ZOO_DIR}/manifest.json)")
    return load_checkpoint(ZOO_DIR/entry['file'], 'cold')[0], f"{entry['preset']}@{entry['epoch']}", entry

def trained(name, orientation, x, budget, models: Path, seed=0):
    "The EMA restorer of a variant after `budget` CPU-seconds (trained once, then read from `models`)."
    preset, sigma, _ = VARIANTS[name]
    torch.manual_seed(seed)
    cfg = replace(cold_preset(preset, orientation), sigma=sigma)
    model, p = build_cold(cfg), models/f'{name}_{orientation}_{budget:g}.pt'
    if p.exists():                                        # the prior is refitted per sampling option below
        model.load_state_dict({k: v for k, v in torch.load(p, weights_only=True).items() if not k.startswith('prior.')},
                              strict=False)
    else:
        t0, ema = time.process_time(), {}
        keep = lambda m, epoch: ema.update(state={k: v.clone() for k, v in m.state_dict().items()}) or {}
        (r,) = budget_run(model, [budget], keep, TensorDataset(x, torch.zeros(len(x))), kind='cold', preset=preset,
                          orientation=orientation, seed=seed)
        model.load_state_dict(ema['state'])
        print(f"{name} {orientation}: {int(r['steps'])} steps in {time.process_time() - t0:.0f} CPU-s, loss "
              f"{r['loss']:.4f}", flush=True)
        models.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), p)
    return model.eval(), cfg

def bound(root, out):
    "Test accuracy of classifiers that see only the degraded state (row or column means): the best is the ceiling."
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    x, y = mnist_dataset(root, train=True).tensors
    x_test, y_test = mnist_dataset(root, train=False).tensors
    hgb = lambda: HistGradientBoostingClassifier(max_iter=500, early_stopping=True, random_state=0)
    mlp = lambda: MLPClassifier((256, 256), alpha=1e-3, early_stopping=True, max_iter=200, random_state=0)
    clfs = {'HistGradientBoosting': hgb, 'MLP 256-256': lambda: make_pipeline(StandardScaler(), mlp())}
    rows = []
    for o in ('row', 'col'):
        f, f_test = profile(x, o).flatten(1).numpy(), profile(x_test, o).flatten(1).numpy()
        for name, make in clfs.items():
            c = make().fit(f, y.numpy())
            rows.append(dict(orientation=o, features='28 means', classifier=name, train=len(x),
                             test_acc=c.score(f_test, y_test.numpy())))
            print(rows[-1], flush=True)
    write_csv(out, rows)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--budget', type=float, default=300, help='CPU-seconds of training per variant')
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--orientation', default='row', choices=['row', 'col'])
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--only', default='', help='comma-separated variant names (default: all)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--models', default='runs/cold_study')
    ap.add_argument('--out', default='benchmarks/results/cold_study.csv')
    ap.add_argument('--zoo', nargs='*', default=[],
                    help='shipped zoo restorer files to score instead of training variants')
    ap.add_argument('--bound', action='store_true', help='only the classifier-on-D(x0, T) bound')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    out = Path(a.out)
    if a.bound: return bound(a.root, out)
    rows = list(csv.DictReader(open(out))) if out.exists() else []
    key = lambda r: (r['variant'], r['orientation'], r['mode'], r['prior'], float(r['delta']), float(r['start_noise']))
    done = {key(r) for r in rows}
    x, rule = mnist_dataset(a.root, train=True).tensors[0], ruler(a.n, a.root)
    x_test, y_test, clf, floor = rule['x_real'][:a.n], rule['y_real'][:a.n], rule['clf'], rule['floor']
    for name in a.zoo or (a.only.split(',') if a.only else VARIANTS):
        if a.zoo:
            m, name, e = shipped(name)
            base = dict(variant=name, preset=e['preset'], sigma=m.sigma, orientation=e['orientation'],
                        budget_cpu_s=e['train_seconds'], n=a.n, threads=a.threads)
            grid = ZOO_SAMPLING
        else:
            m, cfg = trained(name, a.orientation, x, a.budget, Path(a.models))
            base = dict(variant=name, preset=VARIANTS[name][0], sigma=cfg.sigma, orientation=a.orientation,
                        budget_cpu_s=a.budget, n=a.n, threads=a.threads)
            grid = SAMPLING if VARIANTS[name][2] else SAMPLING[:2]
        def add(r):
            rows.append(base | r)
            print(' '.join(f'{k}={v:.4g}' if isinstance(v, float) else f'{k}={v}' for k, v in (base | r).items()),
                  flush=True)
            write_csv(out, rows)
        for sampler in ('alg2', 'direct'):                                  # restoration of real test digits
            r = dict(mode='restore', prior='', prior_k=0, delta=0.0, start_noise=0.0, sampler=sampler)
            if key(base | r | dict(mode=f'restore_{sampler}')) in done: continue
            t0 = time.perf_counter()
            score = restoration_score(m, x_test, y_test, clf, sampler)
            add(r | dict(mode=f'restore_{sampler}', **score, ms_per_image=1000 * (time.perf_counter() - t0) / a.n))
        fits = {}                                                           # one fitted prior per (kind, size)
        for prior, k, delta, start in grid:                                 # unconditional generation
            r = dict(mode='generate', prior=f'{prior}{k}' if prior == 'gmm' else prior, prior_k=k, delta=delta,
                     start_noise=start, sampler='alg2')
            if key(base | r) in done: continue
            if (prior, k) not in fits:
                m.prior = PRIORS[prior](k)
                fits[prior, k] = m.fit_prior(x).prior
            m.prior = fits[prior, k]
            xs, spi = timed_samples(m, SampleSpec(a.n, 'alg2'), delta=delta, start_noise=start)
            s = image_metrics(xs, rule['x_real'], clf)
            add(r | dict(fid=s['fid'], kid=s['kid'], IS=s['IS'], effective_classes=s['effective_classes'],
                         class_counts=s['class_counts'], ms_per_image=1000 * spi,
                         floor_fid=floor['fid'], floor_effective_classes=floor['effective_classes']))

if __name__ == '__main__': main()
