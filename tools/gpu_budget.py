"""Train several models at once on one GPU, each for the same wall-clock budget, then score them and pack them: what a
short GPU lease is for (`tools/gpu_zoo.py` is the unhurried version, a fixed number of epochs per run through papermill).

    python tools/gpu_budget.py --minutes 5 --stop-after 8 --pack $OUT         # on a CUDA machine
    .venv/bin/python tools/gpu_budget.py --dry-run                            # anywhere: tiny runs on the CPU
    .venv/bin/python tools/gpu_budget.py --score runs/gpu/*/ --n 1000          # back here: score the unpacked runs' last epochs

Each job (`kind:preset[:orientation]`, default `JOBS`) runs in its own process, all at once (the networks are small,
so one alone leaves most of an H200 idle). A process first times a few training steps (`probe`) with the others
running beside it, sizes its epochs to fit the budget, and then trains a normal run (`train`: batch `--batch`, the
preset's learning rate scaled by sqrt(batch / the preset's batch), 200 warm-up steps and a cosine decay that ends at the last epoch,
bf16 autocast, channels_last, MNIST held on the device), with `time_limit_s` as the safety net. It keeps checkpoints at
the epochs of `curve_epochs`, scores them on the zoo's ruler (every kept epoch at `--n`, the last at `--final-n`) on the
same device, and, with `--pack DIR`, writes `DIR/<run>.tar.gz`: the run's log, config, grids, scores and its kept
checkpoints slimmed to zoo files (EMA weights in fp16), which `tools/export_zoo.py --runs <unpacked run>` merges
into the zoo (each tar also holds the run's console log). `DIR/gpu_budget.csv` has one row per run: probe, planned and
trained epochs, seconds, images per second. `--stop-after` ends runs still scoring when a lease is about to end.
A cold run fits its Gaussian-mixture prior on the CPU before training starts (minutes for 60,000 digits on a busy
machine): leave room for it in the lease.
"""
import argparse, csv, json, math, os, subprocess, sys, tarfile, time
from dataclasses import replace
from pathlib import Path
import torch
from torch.utils.data import TensorDataset
from mnist_diffusion.core import write_csv
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.training import TrainConfig, LossModule, _prepare, pick_device, read_log, train
from mnist_diffusion.checkpoint import checkpoints
from mnist_diffusion.evaluation import evaluate_checkpoints
from mnist_diffusion.zoo import slim_checkpoint
from gpu_zoo import run_name                                   # tools/gpu_zoo.py: the same run folder names

JOBS = ['ddpm:unet_v', 'ddpm:more_capacity', 'cold:unet_7:col', 'cold:unet_7:row']

def parse_job(spec: str) -> tuple[str, str, str]:
    "`kind:preset[:orientation]` as (kind, preset, orientation); a one-line error for anything else."
    parts = spec.split(':')
    if len(parts) not in (2, 3) or parts[0] not in ('ddpm', 'cold'):
        sys.exit(f"error: job {spec!r}: write kind:preset[:orientation], e.g. ddpm:unet_v or cold:unet_7:col")
    return parts[0], parts[1], parts[2] if len(parts) == 3 else 'row'

def curve_epochs(epochs: int) -> tuple:
    "Epochs to keep for the curve: 1, 2, 5, 10, 20, 50, 100, ... below `epochs` (the last is always kept)."
    marks = [m * 10 ** k for k in range(6) for m in (1, 2, 5)]
    return tuple(m for m in marks if m < epochs)

def probe(cfg: TrainConfig, ds, steps=30, warm=10) -> float:
    "Seconds per training step of `cfg`'s model at its batch size on its device (optimiser step, EMA and loss read-back)."
    device = pick_device(cfg.device)
    _, model, ema, opt, _ = _prepare(cfg, TensorDataset(*(t[:2048] for t in ds.tensors)), device)   # (a cold prior fitted on a slice: fast)
    net, amp = LossModule(model), cfg.amp and device.type == 'cuda'
    fmt = torch.channels_last if cfg.channels_last else torch.contiguous_format
    x = ds.tensors[0][:cfg.batch_size].to(device).contiguous(memory_format=fmt)
    g = torch.Generator(device).manual_seed(0)
    for i in range(warm + steps):
        if i == warm:
            if device.type == 'cuda': torch.cuda.synchronize()
            t0 = time.perf_counter()
        with torch.autocast(device.type, torch.bfloat16, enabled=amp): loss = net(x, g)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); ema.update_parameters(model); loss.item()
    return (time.perf_counter() - t0) / steps

def barrier(folder: Path, name: str, n: int, timeout=120):
    "Wait until `n` processes have called this (each touches `folder/name`), so that the probes run side by side."
    folder.mkdir(parents=True, exist_ok=True)
    (folder/name).touch()
    t0 = time.time()
    while len(list(folder.iterdir())) < n and time.time() - t0 < timeout: time.sleep(0.2)

def worker(job: dict) -> dict:
    "Probe, train, score and pack one run; returns its summary row."
    kind, preset, o = job['kind'], job['preset'], job['orientation']
    run = Path(job['out'])/run_name(kind, preset, o)
    cfg = TrainConfig(kind=kind, preset=preset, orientation=o, epochs=1, run_dir=str(run), data_root=job['root'], subset=job['subset'],
                      batch_size=job['batch'], warmup_steps=job['warmup'], cosine_decay=True, device=job['device'],
                      channels_last=job['device'] == 'cuda', progress=False, time_limit_s=job['seconds'])
    cfg.lr = cfg.model_config().lr * math.sqrt(job['batch'] / cfg.model_config().batch_size)
    ds = mnist_dataset(job['root'], train=True, subset=job['subset'])
    barrier(Path(job['out'])/'.ready', run.name, job['n_jobs'])
    sec_step = probe(cfg, ds, *((3, 1) if job['dry_run'] else ()))
    steps_per_epoch = math.ceil(len(ds) / job['batch'])
    epochs = max(1, int(0.9 * job['seconds'] / (sec_step * steps_per_epoch)))
    cfg = replace(cfg, epochs=epochs, save_epochs=curve_epochs(epochs), grid_every=max(1, epochs // 5))
    print(f"{run.name}: {1000 * sec_step:.1f} ms/step in the probe -> {epochs} epochs of {steps_per_epoch} steps", flush=True)
    t0 = time.time()
    train(cfg)
    log = read_log(run)
    row = dict(run=run.name, device=str(pick_device(cfg.device)), batch_size=cfg.batch_size, lr=cfg.lr, budget_s=job['seconds'],
               probe_ms_per_step=round(1000 * sec_step, 2), planned_epochs=epochs, epochs=len(log),
               train_s=round(sum(r['seconds'] for r in log), 1), wall_s=round(time.time() - t0, 1),
               img_per_s=log[-1]['img_per_s'], final_loss=log[-1]['loss'])
    (run/'budget.json').write_text(json.dumps(row, indent=1))
    if job['pack']: pack(run, Path(job['pack']))               # packed at once: a failed scoring below loses no training
    cks = checkpoints(run)
    if job['n']: evaluate_checkpoints(cks, run/'eval', n=job['n'], root=job['root'], device=cfg.device, progress=False)
    if job['final_n']: evaluate_checkpoints(cks[-1:], run/'eval_final', n=job['final_n'], root=job['root'], device=cfg.device, progress=False)
    if job['pack']: pack(run, Path(job['pack']))
    print(f"{run.name}: scored", flush=True)
    return row

def pack(run: Path, dst: Path, max_mb=15) -> Path:
    "`dst/<run>.tar.gz`: the run's small files and its kept checkpoints slimmed to zoo files, newest first, within `max_mb`."
    (slim := run/'slim').mkdir(exist_ok=True)
    budget = max_mb * 1e6 - sum(p.stat().st_size for p in run.rglob('*') if p.is_file() and p.suffix != '.pt')
    cks = checkpoints(run)
    for p in reversed(cks):                                      # newest first, while they fit (the last always)
        slim_checkpoint(p, slim/p.name)
        size = (slim/p.name).stat().st_size
        if size > budget and p != cks[-1]: (slim/p.name).unlink()
        else: budget -= size
    dst.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dst/f'{run.name}.tar.gz', 'w:gz') as tar:
        for p in sorted(run.rglob('*')):
            if p.is_file() and (p.parent == slim or p.suffix != '.pt'): tar.add(p, arcname=f'{run.name}/{p.relative_to(run)}')
        if (log := run.parent/f'{run.name}.log').exists(): tar.add(log, arcname=f'{run.name}/worker.log')
    return dst/f'{run.name}.tar.gz'

def score_runs(runs, out: Path, n=1000, root='data') -> Path:
    "Score each unpacked run's last kept epoch on this machine at `n` (reusing a run's `cpu_eval/` if it holds that epoch); rows to `out`."
    rows = []
    for run in map(Path, runs):
        last = (checkpoints(run/'slim') or checkpoints(run))[-1]
        done = [r for r in csv.DictReader(open(run/'cpu_eval'/'metrics.csv'))] if (run/'cpu_eval'/'metrics.csv').exists() else []
        hit = [r for r in done if r['file'] == last.name and int(r['n']) == n]
        rows += hit[:1] or list(csv.DictReader(open(evaluate_checkpoints([last], run/'cpu_eval', n=n, root=root))))
    write_csv(out, rows)
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--jobs', nargs='*', default=JOBS, help='kind:preset[:orientation] (default: %(default)s)')
    ap.add_argument('--minutes', type=float, default=6, help='training budget per run (they run at the same time)')
    ap.add_argument('--batch', type=int, default=512)
    ap.add_argument('--n', type=int, default=1000, help='samples per kept checkpoint for the scores (0: none)')
    ap.add_argument('--final-n', type=int, default=10000, help='samples for the last checkpoint (0: none)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='runs/gpu-budget')
    ap.add_argument('--pack', default=None, help='folder for one .tar.gz per run and gpu_budget.csv')
    ap.add_argument('--stop-after', type=float, default=None, help='minutes after which runs still scoring are stopped (a lease that ends)')
    ap.add_argument('--dry-run', action='store_true', help='tiny runs on the CPU (256 digits, 5 s each) to check the script')
    ap.add_argument('--score', nargs='*', default=None, help='unpacked run folders: score each last epoch here at --n, rows to --score-out')
    ap.add_argument('--score-out', default='benchmarks/results/gpu_budget_scores.csv')
    ap.add_argument('--worker', default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.score: return print(score_runs(a.score, Path(a.score_out), a.n, a.root))
    if a.worker: return worker(json.loads(a.worker))
    if not a.dry_run and not torch.cuda.is_available(): sys.exit("error: no CUDA device visible; run with --dry-run to check the script on the CPU")
    if Path(a.out).exists() and any(Path(a.out).iterdir()): sys.exit(f"error: {a.out} is not empty; choose another --out")
    base = dict(out=a.out, root=a.root, batch=64 if a.dry_run else a.batch, warmup=0 if a.dry_run else 200,
                seconds=5 if a.dry_run else 60 * a.minutes, subset=256 if a.dry_run else None, device='cpu' if a.dry_run else 'cuda',
                n=min(a.n, 100) if a.dry_run else a.n, final_n=min(a.final_n, 200) if a.dry_run else a.final_n, pack=a.pack,
                dry_run=a.dry_run, n_jobs=len(a.jobs))
    jobs = [base | dict(kind=k, preset=p, orientation=o) for k, p, o in map(parse_job, a.jobs)]
    Path(a.out).mkdir(parents=True, exist_ok=True)
    env = os.environ | dict(PYTHONUNBUFFERED='1', OMP_NUM_THREADS='1' if a.dry_run else os.environ.get('OMP_NUM_THREADS', '2'))
    logs = [Path(a.out)/f"{run_name(j['kind'], j['preset'], j['orientation'])}.log" for j in jobs]
    procs = [subprocess.Popen([sys.executable, __file__, '--worker', json.dumps(j)], env=env, stdout=open(log, 'w'),
                              stderr=subprocess.STDOUT) for j, log in zip(jobs, logs)]
    rows, failed, deadline = [], [], time.time() + 60 * a.stop_after if a.stop_after else None
    for log, p in zip(logs, procs):
        try: p.wait(None if deadline is None else max(1, deadline - time.time()))
        except subprocess.TimeoutExpired: p.kill(); p.wait()       # past --stop-after: its training is packed already, or lost
        name, out = log.stem, log.read_text()
        if (b := Path(a.out)/name/'budget.json').exists(): rows.append(json.loads(b.read_text()))
        if p.returncode: failed.append(name)
        print(f"{name}: exit {p.returncode}\n" + '\n'.join(out.splitlines()[-8:]), flush=True)
    if rows: write_csv(Path(a.pack or a.out)/'gpu_budget.csv', rows)
    if failed: sys.exit(f"error: {', '.join(failed)} failed; see their logs in {a.out}")

if __name__ == '__main__': main()
