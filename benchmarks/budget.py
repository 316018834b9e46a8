"""Train any model for a fixed CPU budget (process time), scoring its EMA copy at CPU-second marks.

Shared by the studies in this folder (`recipe.py`, `cold_study.py`, `peer_diffusers.py`) so that every variant and
every peer is trained by the same loop: same data order (seeded), Adam, gradient clipping at 1, an EMA with warm-up,
optional linear warm-up and cosine decay of the LR over the budget. Time spent scoring is not charged to the budget,
and process time means a shared machine does not shorten a run.
"""
import csv, math, time
from pathlib import Path
import torch
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.ddpm import make_ema
from mnist_diffusion.evaluation import load_classifier, real_floor

def train_for_budget(model, x, marks, lr=1e-3, batch_size=128, ema=0.999, warmup=0, cosine=False, seed=0, loss=None, bf16=False):
    "Train `model` on images `x` until `max(marks)` CPU-seconds (the forward pass in bf16 autocast if `bf16`); yield `(mark, steps, ema_model, mean recent loss)` at each mark."
    loss = loss or model.loss
    avg, opt = make_ema(model, ema), torch.optim.Adam(model.parameters(), lr=lr)
    g, marks = torch.Generator().manual_seed(seed), sorted(marks)
    budget, cpu, step, losses, i = marks[-1], 0.0, 0, [], 0
    perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    while marks:
        t0 = time.process_time()
        if i + batch_size > len(x): perm, i = torch.randperm(len(x), generator=g), 0
        xb = x[perm[i:i + batch_size]]
        i += batch_size
        mult = (step + 1) / warmup if step < warmup else (0.5 * (1 + math.cos(math.pi * cpu / budget)) if cosine else 1.0)
        for pg in opt.param_groups: pg['lr'] = lr * mult
        model.train()
        with torch.autocast('cpu', dtype=torch.bfloat16, enabled=bf16): l = loss(xb, g)
        opt.zero_grad(set_to_none=True)
        l.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        avg.update_parameters(model)
        losses.append(l.item())
        step += 1
        cpu += time.process_time() - t0
        if cpu >= marks[0]:
            yield marks.pop(0), step, avg.module.eval(), sum(losses[-50:]) / len(losses[-50:])

def finished_rows(out, key: str, budget) -> tuple[list[dict], set]:
    "The rows of the runs in CSV `out` that reached their budget (CPU-seconds, or a function of the `key` value), and their `key` values (a study resumes after them)."
    rows = list(csv.DictReader(open(out))) if Path(out).exists() else []
    budget_of = budget if callable(budget) else (lambda _: budget)
    done = {r[key] for r in rows if float(r['cpu_s']) >= budget_of(r[key])}
    return [r for r in rows if r[key] in done], done

def study_data(root, n) -> tuple:
    "Training images, test images, the ruler's classifier and the real-data floor at `n`: what every budget study scores with."
    clf = load_classifier()
    return mnist_dataset(root, train=True).tensors[0], mnist_dataset(root, train=False).tensors[0], clf, real_floor(n, root, clf)
