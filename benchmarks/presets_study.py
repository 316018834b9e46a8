"""The coursework's hyperparameter sets and the recommended preset at one equal CPU budget.

The original coursework compared `default`, `testing` and `testing2`; `light` and `more_capacity` complete the set, and
`unet_v` (the recommended preset) is the yardstick. Each trains as its preset says (network, T, schedule, target,
learning rate, batch) in the package's training loop (`training.train`: Adam, EMA 0.999, gradient clipping at 1, same
seed and data order, one thread) until it has used `--budget` CPU-seconds; at each `--evals` mark its EMA model draws
`--n` samples with DPM-Solver++(2M) at `--steps` NFE (the same seed for all) and is scored against `--n` test digits on
the project's ruler, with the real-data floor at that n. Scoring is not charged to the budget. `images` / 60,000 is the
number of epochs the budget bought, so each row places a preset on both axes: CPU-minutes and epochs.

`more_capacity` (5.1 M parameters, 7x7 convolutions over 64-256 channels) costs about 30 times the starter CNN per
image, so sampling it is expensive too: `--final-only` scores the presets named there at the budget only, and
`--unscored` trains them for the budget without scoring (the row then records only how far the budget got them).

    python benchmarks/presets_study.py --budget 480 --evals 120,240,480 --n 1000 --steps 10 --unscored more_capacity
"""
import argparse
from pathlib import Path
import torch
from mnist_diffusion.core import write_csv, UsageError
from mnist_diffusion.ddpm import ddpm_preset, build_ddpm
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.evaluation import SampleSpec, ruler
from study import budget_run
from recipe import finished_rows

PRESETS = ['default', 'light', 'testing', 'testing2', 'unet_v', 'more_capacity']

def train_preset(name, ds, evals, n, steps, rule, scored=True, seed=0):
    "Train preset `name` for max(evals) CPU-seconds; a row at each mark, scored with DPM-Solver++(2M) if `scored`."
    cfg = ddpm_preset(name)
    torch.manual_seed(seed)
    model = build_ddpm(cfg)
    params = sum(p.numel() for p in model.parameters())
    spec = SampleSpec(n, 'dpm++2m', steps, seed=seed) if scored else None
    floor = rule['floor']
    for r in budget_run(model, evals, spec, ds, rule, preset=name, seed=seed):
        yield dict(preset=name, params=params, T=cfg.T, lr=cfg.lr, cpu_s=r['mark'], steps=int(r['steps']),
                   images=int(r['images']), epochs=r['images'] / len(ds), loss=r['loss'],
                   **{k: r.get(k) for k in ('fid', 'kid', 'IS', 'effective_classes')},
                   n=n, sampler=f'dpm++2m{steps}', floor_fid=floor['fid'], floor_kid=floor['kid'],
                   threads=torch.get_num_threads())

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--budget', type=float, default=480, help='CPU-seconds of training per preset')
    ap.add_argument('--evals', default='120,240,480',
                    help='CPU-second marks at which to score (the last is the budget)')
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--steps', type=int, default=10, help='DPM-Solver++(2M) NFE')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--only', default='', help='comma-separated preset names (default: all)')
    ap.add_argument('--final-only', default='', help='presets scored at the budget only (comma-separated)')
    ap.add_argument('--unscored', default='', help='presets trained for the budget but not scored (comma-separated)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='benchmarks/results/presets_study.csv')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    evals = sorted({float(e) for e in a.evals.split(',')} | {a.budget})
    names = a.only.split(',') if a.only else PRESETS
    try:
        for name in names: ddpm_preset(name)  # a one-line error for an unknown name, before any work
    except UsageError as e: raise SystemExit(f"error: {e}")
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    rows, done = finished_rows(out, lambda _: a.budget, key='preset')
    ds, rule = mnist_dataset(a.root, train=True), ruler(a.n, a.root)
    final_only, unscored = set(filter(None, a.final_only.split(','))), set(filter(None, a.unscored.split(',')))
    for name in names:
        if name in done: continue
        marks = [a.budget] if name in final_only | unscored else evals
        for r in train_preset(name, ds, marks, a.n, a.steps, rule, name not in unscored):
            rows.append(r)
            write_csv(out, rows)
            print(f"{name:14s} {r['cpu_s']:6.0f} CPU-s  {r['steps']:5d} steps  {r['epochs']:.2f} epochs  loss "
                  f"{r['loss']:.4f}  " +
                  (f"FID {r['fid']:8.2f}  KID {r['kid']:.2f}  IS {r['IS']:.2f}  classes {r['effective_classes']:.2f}"
                   if r['fid'] else 'not scored'),
                  flush=True)

if __name__ == '__main__': main()
