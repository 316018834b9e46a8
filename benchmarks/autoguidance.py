"""Autoguidance and post-hoc EMA, measured (nbs/23_autoguidance). Three modes:

`sweep`: one model sampled unguided, guided by weaker models (zoo files or checkpoints: earlier epochs, a smaller
preset) and, for a class-conditional model, with classifier-free guidance, at several weights w. Each row is a full
score: FID, KID, IS, classes, precision, recall, density, coverage, and the digit asked for where `--digits`.

    python benchmarks/autoguidance.py sweep --model edm_mnist_18_edm_mnist.pt \
        --guides edm_mnist_6_edm_mnist.pt,edm_mnist_12_edm_mnist.pt --weights 0,0.5,1,2 --n 1000 \
        --out benchmarks/results/autoguidance.csv
    python benchmarks/autoguidance.py sweep --model ddpm_mnist_8_unet_v_cond.pt --digits --cfg \
        --guides ddpm_mnist_2_unet_v_cond.pt,ddpm_mnist_5_unet_v_cond.pt --weights 0,0.5,1,2 --n 1000 \
        --out benchmarks/results/autoguidance_cond.csv

`ema`: the post-hoc EMA lengths of a run that tracked profiles (`--phema`), each reconstructed and scored unguided
and guided (`--guide`, `--weights`; the ten digits asked with `--digits`).

    python benchmarks/autoguidance.py ema --run runs/zoo-edm-long/edm-edm_mnist --sigma-rels 0.03,0.05,0.08,0.12,0.18 \
        --guide <guide.pt> --weights 0,1 --n 1000 --out benchmarks/results/phema_sweep.csv

`rulers`: models sampled once and seen by both rulers: precision, recall, density and coverage in the classifier's
features and in Inception's, against the same n test digits, with each ruler's floor (needs the `inception` extra).

    python benchmarks/autoguidance.py rulers --models edm_mnist_18_edm.pt,edm_mnist_18_edm_mnist.pt --n 1000 \
        --out benchmarks/results/rulers_prdc.csv

`speed`: sampling ms/image of a model unguided and guided by each guide, side by side in one run (medians).

    python benchmarks/autoguidance.py speed --model <model.pt> --guides <a.pt>,<b.pt> --threads 1 \
        --out benchmarks/results/autoguidance_speed.csv

Rows are merged into `--out` by their `run` name, so sweeps add up and a rerun replaces its own rows.
"""
import argparse
from pathlib import Path
import torch
from mnist_diffusion.core import ZOO_DIR, merge_csv
from mnist_diffusion.zoo import hardware
from mnist_diffusion.checkpoint import load_checkpoint
from mnist_diffusion.phema import posthoc_checkpoint
from mnist_diffusion.scoring import SampleSpec, ruler, score, score_line, load_guide, timed_samples
from mnist_diffusion.metrics import FIDInception, prdc, real_subset, to_metric_space
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.classifier import load_classifier
from bench_ddpm import median_time

def find(f) -> Path:
    "A checkpoint path, or a zoo file's."
    return Path(f) if Path(f).is_file() else ZOO_DIR/f

def settings(a) -> list[tuple[str, SampleSpec]]:
    "(guidance name, spec) for each run: unguided, each guide at each weight, classifier-free at each weight."
    base, ws = SampleSpec(a.n, seed=a.seed, guidance=0. if a.digits else None), [float(w) for w in a.weights.split(',')]
    out = [('none', base)] if 0. in ws else []                                    # weight 0: the model unguided
    out += [(Path(g).name, SampleSpec(a.n, seed=a.seed, guidance=base.guidance, guide=str(find(g)), guide_weight=w))
            for g in (a.guides.split(',') if a.guides else []) for w in ws if w]
    return out + ([('classifier-free', SampleSpec(a.n, seed=a.seed, guidance=w)) for w in ws if w] if a.cfg else [])

def scored(model: Path, name: str, spec: SampleSpec, rule, out, **extra) -> dict:
    "Score one setting and merge its row into `out`."
    w = spec.guide_weight if spec.guide else spec.guidance or 0.
    r = dict(run=f"{model.name}|{name}|{w:g}|{spec.n}" + ''.join(f'|{v}' for v in extra.values()), guided_by=name,
             w=w) | extra | score(model, spec, rule)
    print(f"{name} w={w:g} {extra}: {score_line(r)}", flush=True)
    merge_csv(out, [r], key='run')
    return r

def sweep(a):
    rule = ruler(a.n, a.root, a.seed)
    for name, spec in settings(a): scored(find(a.model), name, spec, rule, a.out)

def ema(a):
    "Reconstruct each sigma_rel from the run's snapshots, score it unguided and guided."
    rule, ws = ruler(a.n, a.root, a.seed), [float(w) for w in a.weights.split(',')]
    for s in [float(v) for v in a.sigma_rels.split(',')]:
        p = posthoc_checkpoint(a.run, s)
        for w in ws:
            spec = SampleSpec(a.n, seed=a.seed, guidance=0. if a.digits else None,
                              guide=str(find(a.guide)) if w else None, guide_weight=w)
            scored(p, Path(a.guide).name if w else 'none', spec, rule, a.out, sigma_rel=s)

def rulers(a):
    "prdc of each model's samples (and of real training digits: the floor) in both rulers' feature spaces."
    x_test = mnist_dataset(a.root, train=False).tensors[0]
    real = to_metric_space(real_subset(x_test, a.n, a.seed))
    sets = {'real data (floor)': to_metric_space(mnist_dataset(a.root, train=True, subset=a.n, seed=a.seed + 1)
                                                 .tensors[0])}
    for f in a.models.split(','):
        x, _ = timed_samples(load_checkpoint(find(f))[0], SampleSpec(a.n, seed=a.seed))
        sets[Path(f).name] = to_metric_space(x)
    for name, ext in (('classifier', load_classifier()), ('Inception', FIDInception())):
        features = lambda u: torch.cat([ext.features(b) for b in u.split(50)])      # (Inception: 299x299 inputs)
        f_real = features(real)
        for model, u in sets.items():
            r = dict(run=f"{model}|{name}|{a.n}", model=model, ruler=name, n=a.n) | prdc(f_real, features(u))
            print(r, flush=True)
            merge_csv(a.out, [r], key='run')

def speed(a):
    "ms/image unguided and with each guide, batch 250, medians of `reps` after a warm-up."
    m, rows, g = load_checkpoint(find(a.model))[0], [], torch.Generator()
    for name in ['none'] + (a.guides.split(',') if a.guides else []):
        guide = None if name == 'none' else load_guide(str(find(name)))
        ms = 1000 * median_time(lambda: m.sample(250, g, guide=guide, guidance=1. if guide else 0.), a.reps) / 250
        rows.append(dict(run=f"{find(a.model).name}|{Path(name).name}|{a.threads}", model=find(a.model).name,
                         guided_by=Path(name).name, ms_per_image=ms, threads=a.threads, cpu=hardware(), reps=a.reps))
        rows[-1]['vs_unguided'] = ms / rows[0]['ms_per_image']
        print(rows[-1], flush=True)
    merge_csv(a.out, rows, key='run')

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('what', choices=['sweep', 'ema', 'rulers', 'speed'])
    ap.add_argument('--models', help='rulers: comma-separated zoo files or checkpoints')
    ap.add_argument('--model', help='a zoo file name or a checkpoint path')
    ap.add_argument('--guides', default='', help='comma-separated zoo files or checkpoints to guide with')
    ap.add_argument('--guide', default='', help='ema: the guide of the guided rows')
    ap.add_argument('--run', help='ema: a run folder with post-hoc EMA snapshots')
    ap.add_argument('--sigma-rels', default='0.03,0.05,0.08,0.12,0.18')
    ap.add_argument('--weights', default='0.5,1,2')
    ap.add_argument('--cfg', action='store_true', help='also classifier-free guidance at the same weights')
    ap.add_argument('--digits', action='store_true', help='ask for the ten digits alike (class-conditional models)')
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('--threads', type=int, default=torch.get_num_threads())
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dict(sweep=sweep, ema=ema, rulers=rulers, speed=speed)[a.what](a)

if __name__ == '__main__':
    main()
