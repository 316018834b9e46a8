"""Cold diffusion speed on this CPU, in one run: the vectorised row-averaging degradation vs a per-sample, per-row
Python loop (the original's approach) on a batch of 128, and Algorithm 2's sampling time per image for the 7- and
28-step presets (starter CNN and UNet restorers; untrained weights, as the cost does not depend on them).

    .venv/bin/python benchmarks/bench_cold.py \
        --threads 2      # on a quiet machine; writes benchmarks/results/speed_cold.csv
"""
import argparse

import torch
from mnist_diffusion.core import write_csv
from mnist_diffusion.cold import RowColumnAveraging, build_cold, cold_preset
from bench_ddpm import median_time, cpu_info

def loop_degrade(x, t, rank):
    "The naive operator: for each sample, for each row, average it if its step has come."
    out = x.clone()
    for b in range(len(x)):
        for r in range(x.shape[-2]):
            if rank[r] <= t[b]: out[b, :, r, :] = x[b, :, r, :].mean()
    return out

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--reps', type=int, default=7)
    p.add_argument('--n', type=int, default=50)
    p.add_argument('--threads', type=int, default=torch.get_num_threads())
    p.add_argument('--out', default='benchmarks/results/speed_cold.csv')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    x, D = torch.randn(128, 1, 28, 28), RowColumnAveraging('row', 1)
    t = torch.randint(0, D.T + 1, (128,))
    assert torch.allclose(loop_degrade(x, t, D.rank), D(x, t), atol=1e-6)
    base = dict(cpu=cpu_info()[0], threads=a.threads)
    rows = [base | dict(what='degrade', method=m, preset='', steps=28, batch=128, img_per_s=128 / median_time(f, r),
                        ms_per_image='')
            for m, f, r in [('loop', lambda: loop_degrade(x, t, D.rank), a.reps),
                            ('vectorised', lambda: D(x, t), a.reps * 10)]]
    xc = x[:a.n].clamp(-1, 1)
    for name in ['default_7', 'default_28', 'unet_7', 'unet_28']:
        m = build_cold(cold_preset(name)).eval()
        with torch.no_grad():
            s = median_time(lambda: m.sample(a.n, torch.Generator().manual_seed(0), restore=xc), a.reps)
        rows.append(base | dict(what='sample', method='alg2', preset=name, steps=m.T, batch=a.n, img_per_s=a.n / s,
                                ms_per_image=1000 * s / a.n))
    for r in rows: print(r, flush=True)
    write_csv(a.out, rows)

if __name__ == '__main__': main()
