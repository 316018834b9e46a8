"""DDPM recipe study: training variants at one fixed CPU budget, each scored on the project's ruler as it trains.

Every variant starts from the `unet` preset (UNet (16,32,64) with 7x7 attention, linear schedule, eps target, Adam lr
1e-3 constant, batch 128, EMA 0.999) and changes one thing (or combines earlier winners). A variant with its own
`budget` stops there (and its cosine LR decay ends there) when that is below `--budget`. Each trains on full MNIST with
the same seed and data order until it has used `--budget` CPU-seconds (process time, so a shared machine does not
shorten it); at each `--evals` mark its EMA model draws `--n` samples with `--sampler` (DDIM unless told) at `--steps`
NFE (the same seed for all) and is scored against `--n` test digits. Evaluation time is not charged to the budget. Rows
are appended to `--out` as they come, so a stopped study resumes where it left off (finished variants are skipped).

    python benchmarks/recipe.py --budget 240 --evals 60,120,240 --n 2000 --out benchmarks/results/recipe.csv
    python benchmarks/recipe.py --only v_pred --budget 600 --evals 120,240,360,480 --n 1000 --steps 50 \
        --out benchmarks/results/recipe_pass.csv
    python benchmarks/recipe.py --only v_lr2e-3,v_lr4e-3_warm,v_bs64,v_bs64_lr2e-3,v_bs32,v_bs64_no_attn \
        --budget 240 --evals 180 --n 1000 --steps 50 --out benchmarks/results/recipe_pass.csv
    python benchmarks/recipe.py --only v_bs64_snr5,v_bs64_cos180,v_bs64_snr5_cos180,v_bs64_no_ema,v_bs64_bf16 \
        --budget 240 --evals 180 --n 1000 --steps 50 --out benchmarks/results/recipe_pass.csv
    python benchmarks/recipe.py --only v_bs64 --budget 180 --evals 180 --n 1000 --steps 50 --seed 1 \
        --out benchmarks/results/recipe_pass_seed1_fp32.csv
    python benchmarks/recipe.py --only v_bs64_bf16 --budget 180 --evals 180 --n 1000 --steps 50 --seed 1 \
        --out benchmarks/results/recipe_pass_seed1_bf16.csv
"""
import argparse, csv
from dataclasses import replace
from pathlib import Path
import torch
from mnist_diffusion.core import write_csv
from mnist_diffusion.ddpm import ddpm_preset, build_ddpm
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.evaluation import SampleSpec, ruler
from study import budget_run

VARIANTS = {                      # name: changes to the base recipe
    'base':          {},
    'warmup_cosine': dict(warmup=100, cosine=True),
    'bs256_lr2e-3':  dict(batch_size=256, lr=2e-3),
    'ema_0.995':     dict(ema=0.995),
    'v_pred':        dict(pred='v'),
    'min_snr5':      dict(min_snr=5.0),
    'cosine_sched':  dict(schedule='cosine'),
    'no_attn':       dict(attn=False),
    'ch_32_64_64':   dict(ch=(32, 64, 64)),
    'ch_32_64_128':  dict(ch=(32, 64, 128)),
    'v_min_snr5':    dict(pred='v', min_snr=5.0),           # combinations with the early winner
    'v_ch_32_64_128': dict(pred='v', ch=(32, 64, 128)),
    'v_lr2e-3':      dict(pred='v', lr=2e-3),               # faster early progress: the 3-CPU-minute pass target
    'v_lr4e-3_warm': dict(pred='v', lr=4e-3, warmup=50),
    'v_bs64':        dict(pred='v', batch_size=64),
    'v_bs64_lr2e-3': dict(pred='v', batch_size=64, lr=2e-3),
    'v_bs32':        dict(pred='v', batch_size=32),
    'v_bs64_no_attn': dict(pred='v', batch_size=64, attn=False),
    'v_bs64_snr5':   dict(pred='v', batch_size=64, min_snr=5.0),
    'v_bs64_cos180': dict(pred='v', batch_size=64, warmup=20, cosine=True, budget=180),  # LR decays to 0 at 180 CPU-s
    'v_bs64_no_ema': dict(pred='v', batch_size=64, ema=0.0),                                  # score the raw weights
    'v_bs64_bf16':   dict(pred='v', batch_size=64, bf16=True),  # bf16 autocast (fast on AMX CPUs)
    'v_bs64_snr5_cos180': dict(pred='v', batch_size=64, min_snr=5.0, warmup=20, cosine=True, budget=180),
}
BASE = dict(lr=1e-3, batch_size=128, ema=0.999, warmup=0, cosine=False)

def budget_of(name: str, budget: float) -> float:
    "The CPU-seconds variant `name` trains for: the study's `budget`, or the variant's own if that is smaller."
    return min(budget, VARIANTS.get(name, {}).get('budget', budget))

def model_for(v: dict):
    "The DDPM of a variant (the `unet` preset with the variant's model changes)."
    mc = ddpm_preset('unet')
    net = mc.net | {k: v[k] for k in ('ch', 'attn') if k in v}
    return build_ddpm(replace(mc, net=net, **{k: v[k] for k in ('pred', 'schedule', 'min_snr') if k in v}))

def train_variant(name, v, ds, evals, n, steps, rule, seed=0, sampler='ddim'):
    "Train one variant for max(evals) CPU-seconds (`training.train`); a score row at each mark."
    h = BASE | v
    torch.manual_seed(seed)
    cap = budget_of(name, evals[-1])
    spec, floor = SampleSpec(n, sampler, steps, seed=seed), rule['floor']
    marks = budget_run(model_for(v), [e for e in evals if e < cap] + [cap], spec, ds, rule, preset='unet', lr=h['lr'],
                       batch_size=h['batch_size'], ema_decay=h['ema'], warmup_steps=h['warmup'],
                       cosine_decay=h['cosine'], amp=h.get('bf16', False), seed=seed)
    return [dict(variant=name, cpu_s=r['mark'], steps=int(r['steps']), images=int(r['images']), loss=r['loss'],
                 fid=r['fid'], kid=r['kid'],
                 IS=r['IS'], effective_classes=r['effective_classes'], n=n, sampler=f'{sampler}{steps}',
                 floor_fid=floor['fid'],
                 floor_kid=floor['kid'], threads=torch.get_num_threads(), seed=seed) for r in marks]

def finished_rows(out, budget_of, key='variant') -> tuple[list[dict], set]:
    "The rows of the runs in CSV `out` that reached their budget, and their `key` values (a study resumes after them)."
    rows = list(csv.DictReader(open(out))) if Path(out).exists() else []
    done = {r[key] for r in rows if float(r['cpu_s']) >= budget_of(r[key])}
    return [r for r in rows if r[key] in done], done

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--budget', type=float, default=240, help='CPU-seconds of training per variant')
    ap.add_argument('--evals', default='60,120,240', help='CPU-second marks at which to score (the last is the budget)')
    ap.add_argument('--n', type=int, default=2000)
    ap.add_argument('--steps', type=int, default=20)
    ap.add_argument('--sampler', default='ddim', help='the DDPM sampler that scores each mark')
    ap.add_argument('--seed', type=int, default=0,
                    help='weights, data order and sampling noise (write other seeds to another --out)')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--only', default='', help='comma-separated variant names (default: all)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='benchmarks/results/recipe.csv')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    evals = sorted({float(e) for e in a.evals.split(',')} | {a.budget})
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    rows, done = finished_rows(out, lambda name: budget_of(name, a.budget))
    ds, rule = mnist_dataset(a.root, train=True), ruler(a.n, a.root, a.seed)
    for name in (a.only.split(',') if a.only else VARIANTS):
        if name in done: continue
        for r in train_variant(name, VARIANTS[name], ds, evals, a.n, a.steps, rule, seed=a.seed, sampler=a.sampler):
            rows.append(r)
            write_csv(out, rows)
            print(f"{name:14s} {r['cpu_s']:6.0f} CPU-s  {r['steps']:5d} steps  loss {r['loss']:.4f}  FID "
                  f"{r['fid']:8.2f}  "
                  f"KID {r['kid']:.4f}  IS {r['IS']:.2f}  classes {r['effective_classes']:.2f}", flush=True)

if __name__ == '__main__': main()
