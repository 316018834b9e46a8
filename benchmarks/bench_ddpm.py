"""DDPM speed on this CPU, in one run: training images/s (UNet preset vs the starter CNN `default`),
sampling images/s (DDIM-50 vs ancestral-1000, same network), and training FLOP/s against the CPU's fp32 peak.

    .venv/bin/python benchmarks/bench_ddpm.py            # prints a markdown table; medians of repeated timings
"""
import argparse, json, platform, re, statistics, time
import torch
from torch.utils.flop_counter import FlopCounterMode
from mnist_diffusion.ddpm import build_ddpm, ddpm_preset

def median_time(fn, reps):
    fn()                                                     # warm-up
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts)

def train_step_fn(m, x, opt):
    def step():
        l = m.loss(x); opt.zero_grad(); l.backward(); opt.step()
    return step

def train_flops(m, x):
    with FlopCounterMode(display=False) as fc: m.loss(x).backward()
    return fc.get_total_flops()

def cpu_peak_flops(lanes=8):
    "cores x 2 FMA units x `lanes` fp32 lanes (8: AVX2, 16: AVX-512) x 2 flops per FMA x clock from /proc/cpuinfo."
    mhz = max(float(m) for m in re.findall(r'cpu MHz\s*:\s*([\d.]+)', open('/proc/cpuinfo').read()))
    return torch.get_num_threads() * 2 * lanes * 2 * mhz * 1e6, mhz

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--reps', type=int, default=7); p.add_argument('--batch', type=int, default=128)
    p.add_argument('--sample-n', type=int, default=16); p.add_argument('--json', default=None)
    a = p.parse_args()
    torch.manual_seed(0)
    x = torch.rand(a.batch, 1, 28, 28) * 2 - 1
    peak, mhz = cpu_peak_flops(8)
    avx512 = 'avx512f' in open('/proc/cpuinfo').read()
    peak512 = cpu_peak_flops(16)[0]
    res = {}
    for name in ['default', 'unet']:
        m = build_ddpm(ddpm_preset(name)); opt = torch.optim.Adam(m.parameters(), 1e-4)
        t = median_time(train_step_fn(m, x, opt), a.reps)
        fl = train_flops(m, x)
        res[name] = dict(train_img_s=a.batch / t, train_gflop_s=fl / t / 1e9, peak_frac=fl / t / peak, peak512_frac=fl / t / peak512)
    m = build_ddpm(ddpm_preset('unet')).eval()
    g = lambda: torch.Generator().manual_seed(0)
    t_anc = median_time(lambda: m.sample(a.sample_n, g(), 'ancestral'), max(1, a.reps // 3))
    t_ddim = median_time(lambda: m.sample(a.sample_n, g(), 'ddim', 50), a.reps)
    res['sampling'] = dict(ancestral1000_img_s=a.sample_n / t_anc, ddim50_img_s=a.sample_n / t_ddim)
    print(f"CPU: {platform.processor() or platform.machine()}, {torch.get_num_threads()} threads, {mhz} MHz, "
          f"AVX-512: {'yes' if avx512 else 'no'}; fp32 peak {peak / 1e9:.0f} GFLOP/s with AVX2 (2 cores x 2 FMA x 8 lanes x 2 x clock), "
          f"{peak512 / 1e9:.0f} with AVX-512; torch {torch.__version__}; median of {a.reps} timings\n")
    print('| preset | train img/s (batch %d) | GFLOP/s | of AVX2 peak | of AVX-512 peak |' % a.batch)
    print('|---|---|---|---|---|')
    for k in ['default', 'unet']:
        r = res[k]; print(f"| {k} | {r['train_img_s']:.0f} | {r['train_gflop_s']:.1f} | {r['peak_frac']:.0%} | {r['peak512_frac']:.0%} |")
    s = res['sampling']
    print(f"\nUNet/default training speed: {res['unet']['train_img_s'] / res['default']['train_img_s']:.2f}x")
    print(f"sampling (unet, n={a.sample_n}): ancestral-1000 {s['ancestral1000_img_s']:.2f} img/s, "
          f"DDIM-50 {s['ddim50_img_s']:.1f} img/s: {s['ddim50_img_s'] / s['ancestral1000_img_s']:.1f}x faster")
    if a.json: json.dump(res, open(a.json, 'w'), indent=1)
