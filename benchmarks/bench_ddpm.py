"""DDPM speed on this CPU, in one run: training images/s and FLOP/s against the CPU's fp32 peak (the recommended
UNet `unet_v` vs the coursework's starter CNN `default`; on CPUs with AMX also in bf16 autocast, as `train` does there),
where a UNet training step spends its time (torch.profiler), and sampling ms/image for each sampler at several NFE.

    .venv/bin/python benchmarks/bench_ddpm.py --threads 2      # on a quiet machine; medians of repeated timings

Writes `benchmarks/results/speed.csv` (one row per measurement) and `benchmarks/results/profile_unet.csv` (the
operators of one UNet training step by self CPU time); the speed study in `nbs/11_studies.ipynb` formats both.
"""
import argparse, re, statistics, time
from pathlib import Path
import torch
from torch.utils.flop_counter import FlopCounterMode
from mnist_diffusion.core import write_csv
from mnist_diffusion.ddpm import build_ddpm, ddpm_preset, make_ema
from mnist_diffusion.training import LossModule, lr_lambda, train_step, use_bf16

def median_time(fn, reps):
    "Median wall seconds of `fn()` over `reps` calls after one warm-up call."
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)

def train_step_fn(m, x, opt, bf16=False):
    "One training step as training takes it (`training.train_step`: loss, bf16 autocast if `bf16`, Adam, EMA)."
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda(0, 1, False))
    ema, g = make_ema(m), torch.Generator().manual_seed(0)
    return lambda: train_step(LossModule(m), opt, sched, ema, x, g, grad_clip=1.0, amp=bf16)

def train_flops(m, x):
    "FLOPs of one training step (torch's FLOP counter)."
    with FlopCounterMode(display=False) as fc: train_step_fn(m, x, torch.optim.Adam(m.parameters()))()
    return fc.get_total_flops()

def cpu_info():
    "CPU model name, max clock in MHz and whether it has AVX-512, from /proc/cpuinfo."
    info = open('/proc/cpuinfo').read()
    name = re.search(r'model name\s*:\s*(.*)', info)
    mhz = max(float(m) for m in re.findall(r'cpu MHz\s*:\s*([\d.]+)', info))
    return (name.group(1).strip() if name else ''), mhz, 'avx512f' in info

def profile_step(step, top=12):
    "The operators of one training step by self CPU time: `[{op, self_ms, share}]`, largest first."
    from torch.profiler import profile, ProfilerActivity
    step()
    with profile(activities=[ProfilerActivity.CPU]) as prof: step()
    ev = [e for e in prof.key_averages() if e.self_cpu_time_total > 0]
    tot = sum(e.self_cpu_time_total for e in ev)
    ev.sort(key=lambda e: -e.self_cpu_time_total)
    return [dict(op=e.key, calls=e.count, self_ms=e.self_cpu_time_total / 1000,
                 share=e.self_cpu_time_total / tot) for e in ev[:top]]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--reps', type=int, default=7)
    p.add_argument('--batch', type=int, default=128)
    p.add_argument('--sample-n', type=int, default=50)
    p.add_argument('--threads', type=int, default=torch.get_num_threads())
    p.add_argument('--out', default='benchmarks/results')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    name, mhz, avx512 = cpu_info()
    peak = a.threads * 2 * (16 if avx512 else 8) * 2 * mhz * 1e6  # cores x 2 FMA units x fp32 lanes x 2 flops x clock
    x = torch.rand(a.batch, 1, 28, 28) * 2 - 1
    base = dict(cpu=name, avx512=avx512, threads=a.threads, mhz=mhz, peak_gflop_s=peak / 1e9, torch=torch.__version__)
    rows = []
    dtypes = ['fp32', 'bf16'] if use_bf16(torch.device('cpu')) else ['fp32']
    for preset in ['default', 'unet_v']:
        for dt in dtypes:
            torch.manual_seed(0)
            m = build_ddpm(ddpm_preset(preset))
            step = train_step_fn(m, x, torch.optim.Adam(m.parameters(), 1e-4), bf16=dt == 'bf16')
            t, fl = median_time(step, a.reps), train_flops(m, x)
            rows.append(base | dict(what='train', preset=preset, dtype=dt, sampler='', nfe='', batch=a.batch,
                                    img_per_s=a.batch / t,
                                    gflop_s=fl / t / 1e9, peak_frac=fl / t / peak if dt == 'fp32' else '',
                                    ms_per_image=1000 * t / a.batch))
            print(rows[-1], flush=True)
            if (preset, dt) == ('unet_v', 'fp32'): prof = profile_step(step)
    m = build_ddpm(ddpm_preset('unet_v')).eval()
    g = lambda: torch.Generator().manual_seed(0)
    for sampler, nfe, reps in [('ancestral', 1000, 1), ('ddim', 50, a.reps), ('ddim', 20, a.reps),
                               ('dpm++2m', 10, a.reps), ('dpm++2m', 20, a.reps)]:
        with torch.no_grad(): t = median_time(lambda: m.sample(a.sample_n, g(), sampler, nfe), reps)
        rows.append(base | dict(what='sample', preset='unet_v', dtype='fp32', sampler=sampler, nfe=nfe,
                                batch=a.sample_n, img_per_s=a.sample_n / t,
                                gflop_s='', peak_frac='', ms_per_image=1000 * t / a.sample_n))
        print(rows[-1], flush=True)
    write_csv(Path(a.out)/'speed.csv', rows)
    write_csv(Path(a.out)/'profile_unet.csv', prof)
    for r in prof: print(f"{r['op']:40s} {r['calls']:5d} {r['self_ms']:8.1f} ms {r['share']:6.1%}")

if __name__ == '__main__': main()
