"""Few-step sampling, measured: the consistency model's two-call sampler at several levels `sigma_mid`, and the speed of
the consistency model beside its teacher in one run (sampling ms/image at each number of calls; training ms/step of the
teacher's EDM loss against the ECT tuning loss, for the tuning's cost in the teacher's terms).

    python benchmarks/few_step.py mid --n 1000 --mids 0.8,1.6,2.5,4,6 --out benchmarks/results/consistency_mid.csv
    python benchmarks/few_step.py speed --threads 2 --out benchmarks/results/few_step_speed.csv   # on a quiet machine

Both read the shipped models (`--epoch`: the consistency model's; the teacher is the one its preset names). Speeds are
medians of `--reps` timings after one warm-up, batch 250 for sampling and 128 (the presets') for a training step, which
is `training.train_step` (loss, clipping, Adam, EMA; bf16 where the loop would use it).
"""
import argparse
import torch
from mnist_diffusion.core import write_csv
from mnist_diffusion.zoo import load_pretrained, hardware
from mnist_diffusion.metrics import image_metrics
from mnist_diffusion.scoring import SampleSpec, ruler, timed_samples
from mnist_diffusion.training import use_bf16
from bench_ddpm import median_time, train_step_fn

def mid_sweep(cm, entry, a):
    "FID of the two-call sampler at each `sigma_mid`, against `a.n` test digits, from one seed."
    rule, rows = ruler(a.n, a.root), []
    for mid in [float(s) for s in a.mids.split(',')]:
        x, _ = timed_samples(cm, SampleSpec(a.n, grid=(cm.sigma_max, mid, 0.)))
        r = image_metrics(x, rule['x_real'], rule['clf'])
        rows.append(dict(model=entry['file'], sigma_mid=mid, nfe=2, n=a.n, fid=r['fid'], kid=r['kid'], IS=r['IS'],
                         effective_classes=r['effective_classes'], floor_fid=rule['floor']['fid']))
        print(f"sigma_mid {mid:g}: FID {r['fid']:.2f}  classes {r['effective_classes']:.2f}", flush=True)
        write_csv(a.out, rows)

def speed(cm, entry, a):
    "Sampling ms/image of the teacher and the consistency model, and training ms/step of their losses, in one run."
    teacher, t_entry = load_pretrained('edm', cm.teacher, cm.teacher_epoch)
    runs = [(teacher, t_entry, s, k) for s, k in (('sde-dpm++2m', 20), ('dpm++2m', 8), ('dpm++2m', 4))]
    runs += [(cm, entry, 'multistep', k) for k in (1, 2, 4)]
    rows, base = [], dict(threads=a.threads, cpu=hardware(), reps=a.reps)
    g = torch.Generator()
    for m, e, s, k in runs:
        ms = 1000 * median_time(lambda: m.sample(250, g, s, k), a.reps) / 250
        rows.append(dict(what='sample', model=e['file'], sampler=s, nfe=m.nfe(s, k), ms=ms) | base)
        print(f"{e['file']} {s} {m.nfe(s, k)} calls: {ms:.2f} ms/image", flush=True)
        write_csv(a.out, rows)
    x0 = torch.rand(128, 1, 28, 28, generator=g) * 2 - 1
    for m, e in ((teacher, t_entry), (cm, entry)):       # as the loop takes it: loss, clipping, Adam, EMA
        step = train_step_fn(m.train(), x0, torch.optim.Adam(m.parameters(), 1e-5), use_bf16(torch.device('cpu')))
        ms = 1000 * median_time(step, a.reps)
        rows.append(dict(what='train_step', model=e['file'], sampler='', nfe='', ms=ms) | base)
        print(f"{e['file']} training step (batch 128): {ms:.0f} ms", flush=True)
        write_csv(a.out, rows)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('what', choices=['mid', 'speed'])
    ap.add_argument('--preset', default='ect')
    ap.add_argument('--epoch', type=int, default=None)
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--mids', default='0.8,1.6,2.5,4,6')
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('--threads', type=int, default=torch.get_num_threads())
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cm, entry = load_pretrained('consistency', a.preset, a.epoch)
    (mid_sweep if a.what == 'mid' else speed)(cm, entry, a)

if __name__ == '__main__':
    main()
