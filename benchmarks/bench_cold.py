"""Cold diffusion speed on this CPU, in one run: the vectorised row-averaging degradation vs a per-sample, per-row
Python loop (the original's approach) on a batch of 128, and sampling time per image for 7- and 28-step models.

    .venv/bin/python benchmarks/bench_cold.py
"""
import argparse, statistics, time
import torch
from mnist_diffusion.cold import RowColumnAveraging, build_cold, cold_preset

def median_time(fn, reps):
    fn(); ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts)

def loop_degrade(x, t, rank):
    "The naive operator: for each sample, for each row, average it if its step has come."
    out = x.clone()
    for b in range(len(x)):
        for r in range(x.shape[-2]):
            if rank[r] <= t[b]: out[b, :, r, :] = x[b, :, r, :].mean()
    return out

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--reps', type=int, default=7); p.add_argument('--n', type=int, default=16)
    a = p.parse_args()
    torch.manual_seed(0)
    x, D = torch.randn(128, 1, 28, 28), RowColumnAveraging('row', 1)
    t = torch.randint(0, D.T + 1, (128,))
    assert torch.allclose(loop_degrade(x, t, D.rank), D(x, t), atol=1e-6)
    tv, tl = median_time(lambda: D(x, t), a.reps * 10), median_time(lambda: loop_degrade(x, t, D.rank), a.reps)
    print(f"degradation, batch 128 (row, 28 steps), median of {a.reps}+ timings:")
    print(f"| method | images/s |\n|---|---|\n| per-sample, per-row loop | {128 / tl:,.0f} |\n| vectorised | {128 / tv:,.0f} |")
    print(f"speed-up: {tl / tv:,.0f}x\n")
    print(f"unconditional sampling (Algorithm 2), n={a.n}, starter-CNN `default_*` presets (untrained weights; the cost does not depend on them):")
    print("| preset | steps | ms per image |\n|---|---|---|")
    for name in ['default_7', 'default_28']:
        m = build_cold(cold_preset(name)).eval()
        ts = median_time(lambda: m.sample(a.n, torch.Generator().manual_seed(0)), a.reps)
        print(f"| {name} | {m.T} | {1000 * ts / a.n:.1f} |")
