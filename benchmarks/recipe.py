"""Training variants at one fixed CPU budget, each scored on the project's ruler as it trains: the DDPM recipe study,
the coursework's presets against the recommended one, EDM against `unet_v` with its ablations, and rectified flow
against both.

A variant names a preset and a formulation (`kind`), or changes one thing in the `unet` recipe (UNet (16,32,64) with 7x7
attention, linear schedule, eps target, Adam lr 1e-3 constant, batch 128, EMA 0.999). A variant with its own `budget`
stops there (and its cosine LR decay ends there) when that is below `--budget`; one with `scored=False` is only
trained. Each trains on full MNIST with the same seed and data order (`training.train` through `study.budget_run`)
until it has used `--budget` CPU-seconds (process time, so a shared machine does not shorten it); at each `--evals`
mark its EMA model draws `--n` samples with `--sampler` at `--steps` (`default`: each formulation's own sampler and
steps) from the same seed and is scored against `--n` test digits. Evaluation time is not charged to the budget. Rows
are appended to `--out` as they come, so a stopped study resumes after its finished variants. The commands behind each
CSV are in the study notebooks (13_recipe, 14_presets, 20_edm, 21_flow), e.g.

    python benchmarks/recipe.py --budget 240 --evals 60,120,240 --n 2000 --out benchmarks/results/recipe.csv
"""
import argparse, csv
from dataclasses import replace
from pathlib import Path
import torch
from mnist_diffusion.core import write_csv, formulation
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.scoring import SampleSpec, ruler
from mnist_diffusion.models import n_params
from study import budget_run

VARIANTS = {                      # name: changes to the base recipe, or a preset trained as it says
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
    # the coursework's hyperparameter sets and the recommended preset, each as its preset says (14_presets)
    **{p: dict(preset=p) for p in ('default', 'light', 'testing', 'testing2', 'unet_v')},
    'more_capacity': dict(preset='more_capacity', scored=False),   # 30x the starter CNN's cost per image: trained only
    # EDM against unet_v as the zoo trains both (200 warm-up steps, bf16 where it pays), and one part of EDM undone
    # at a time (20_edm)
    **{f'{k}_{p}' if k == 'ddpm' else p: dict(kind=k, preset=p, warmup=200, bf16=True)
       for k, p in [('ddpm', 'unet_v'), ('edm', 'edm'), ('edm', 'edm_no_precond'), ('edm', 'edm_loguniform'),
                    ('edm', 'edm_unweighted')]},
    # EDM's data scale and noise levels matched to MNIST in [-1, 1] (std 0.62, root mean square 0.96; 20_edm)
    **{n: dict(kind='edm', preset='edm', warmup=200, bf16=True, **c) for n, c in [
        ('edm_sd_std', dict(sigma_data=0.62)), ('edm_sd_rms', dict(sigma_data=0.96)),
        ('edm_sd_rms_pm', dict(sigma_data=0.96, P_mean=-0.55)), ('edm_sd_rms_pm0', dict(sigma_data=0.96, P_mean=0.)),
        ('edm_sd_rms_pm06', dict(sigma_data=0.96, P_mean=0.6)), ('edm_sd_rms_pm12', dict(sigma_data=0.96, P_mean=1.2)),
        ('edm_pm06', dict(P_mean=0.6)),
        ('edm_sd_rms_pm0_unw', dict(sigma_data=0.96, P_mean=0., weighting='none'))]},
    # rectified flow (nbs/02c_flow) against edm_mnist and unet_v, trained alike (21_flow)
    **{p: dict(kind='flow', preset=p, warmup=200, bf16=True) for p in ('flow', 'flow_mnist', 'flow_uniform')},
    # EDM2's magnitude-preserving parts (nbs/01_models) added one at a time to edm_mnist, as EDM2's configs C to G were;
    # fp32 (this ablation ran on an AVX2 CPU). Normalised weights sit at unit RMS, 20-40x PyTorch's initial 3x3 conv
    # weights at these widths, so the same Adam step is a far smaller relative change: each part with weights
    # normalised also runs at EDM2's larger rate (23_autoguidance)
    **{n: dict(kind='edm', preset='edm_mnist', warmup=200, mp=mp, **({'lr': lr} if lr else {})) for n, mp, lr in [
        ('mp_none', (), None), ('mp_no_bias', ('no_bias',), None),
        ('mp_weight_norm', ('no_bias', 'weight_norm'), None),
        ('mp_weight_norm_lr1e-2', ('no_bias', 'weight_norm'), 1e-2),
        ('mp_no_groupnorm', ('no_bias', 'weight_norm', 'no_groupnorm'), None),
        ('mp_no_groupnorm_lr1e-2', ('no_bias', 'weight_norm', 'no_groupnorm'), 1e-2),
        ('mp_all', ('no_bias', 'weight_norm', 'no_groupnorm', 'mp_fixed'), None),
        ('mp_all_lr1e-2', ('no_bias', 'weight_norm', 'no_groupnorm', 'mp_fixed'), 1e-2)]},
}
BASE = dict(preset='unet', lr=1e-3, batch_size=128, ema=0.999, warmup=0, cosine=False)
TRAIN = dict(lr='lr', batch_size='batch_size', ema='ema_decay', warmup='warmup_steps', cosine='cosine_decay',
             bf16='amp')                                                 # variant key: TrainConfig field

def recipe(name: str) -> dict:
    "What variant `name` trains: its preset as the preset says, or the base recipe with its changes."
    v = VARIANTS[name]
    return v if 'preset' in v else BASE | v

def model_for(h: dict):
    "The model of a variant (its preset, with the variant's model changes) and the preset's config."
    f = formulation(h.get('kind', 'ddpm'))
    mc = f.config(h['preset'])
    net = mc.net | {k: h[k] for k in ('ch', 'attn', 'mp') if k in h}
    cfg = {k: h[k] for k in ('pred', 'schedule', 'min_snr', 'sigma_data', 'P_mean', 'weighting') if k in h}
    return f.build(replace(mc, net=net, **cfg)), mc

def train_variant(name, ds, evals, a, rule):
    "Train one variant for max(evals) CPU-seconds (`training.train`); a row at each mark (scored if the variant is)."
    h = recipe(name)
    torch.manual_seed(a.seed)
    model, mc = model_for(h)
    cap, scored = min(evals[-1], h.get('budget', evals[-1])), h.get('scored', True)
    sampler, steps = (None if a.sampler == 'default' else a.sampler), a.steps or None
    spec, floor = SampleSpec(a.n, sampler, steps, seed=a.seed) if scored else None, rule['floor']
    kind, train = h.get('kind', 'ddpm'), {TRAIN[k]: h[k] for k in TRAIN if k in h}
    marks = budget_run(model, [e for e in evals if e < cap and scored] + [cap], spec, ds, rule, kind=kind,
                       preset=h['preset'], seed=a.seed, **train)
    label = f"{sampler or model.default_sampler}{model.nfe(sampler, steps)}"
    return [dict(variant=name, kind=kind, preset=h['preset'], params=n_params(model),
                 T=getattr(model, 'T', ''), lr=h.get('lr', mc.lr), cpu_s=r['mark'], steps=int(r['steps']),
                 images=int(r['images']), epochs=r['images'] / len(ds), loss=r['loss'],
                 **{k: r.get(k) for k in ('fid', 'kid', 'IS', 'effective_classes')}, n=a.n, sampler=label,
                 floor_fid=floor['fid'], floor_kid=floor['kid'], threads=torch.get_num_threads(), seed=a.seed)
            for r in marks]

def finished_rows(out, budget_of) -> tuple[list[dict], set]:
    "The rows of the variants in CSV `out` that reached their budget, and their names (a study resumes after them)."
    rows = list(csv.DictReader(open(out))) if Path(out).exists() else []
    name = lambda r: r.get('variant') or r['preset']                          # older preset rows have no variant
    done = {name(r) for r in rows if float(r['cpu_s']) >= budget_of(name(r))}
    return [r for r in rows if name(r) in done], done

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--budget', type=float, default=240, help='CPU-seconds of training per variant')
    ap.add_argument('--evals', default='60,120,240', help='CPU-second marks at which to score (the last is the budget)')
    ap.add_argument('--n', type=int, default=2000)
    ap.add_argument('--steps', type=int, default=20, help="the sampler's steps (0: the formulation's default)")
    ap.add_argument('--sampler', default='ddim', help="the sampler that scores each mark ('default': each model's own)")
    ap.add_argument('--seed', type=int, default=0,
                    help='weights, data order and sampling noise (write other seeds to another --out)')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--only', default='', help='comma-separated variant names (default: all)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='benchmarks/results/recipe.csv')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    names = a.only.split(',') if a.only else list(VARIANTS)
    if bad := [n for n in names if n not in VARIANTS]: raise SystemExit(f"error: unknown variants {bad}")
    evals = sorted({float(e) for e in a.evals.split(',')} | {a.budget})
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    rows, done = finished_rows(out, lambda name: min(a.budget, VARIANTS.get(name, {}).get('budget', a.budget)))
    ds, rule = mnist_dataset(a.root, train=True), ruler(a.n, a.root, a.seed)
    for name in names:
        if name in done: continue
        for r in train_variant(name, ds, evals, a, rule):
            rows.append(r)
            write_csv(out, rows)
            fid = 'not scored' if r['fid'] is None else f"FID {r['fid']:8.2f}  IS {r['IS']:.2f}"
            print(f"{name:14s} {r['cpu_s']:6.0f} CPU-s  {r['steps']:5d} steps  loss {r['loss']:.4f}  {fid}", flush=True)

if __name__ == '__main__': main()
