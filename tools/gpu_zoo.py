"""Train the whole zoo grid on GPUs by executing the training notebook with papermill per configuration, then score
every kept checkpoint and export the runs into a zoo.

    .venv/bin/python tools/gpu_zoo.py                    # on a CUDA machine: all visible GPUs, into runs/gpu-zoo/
    .venv/bin/python tools/gpu_zoo.py --gpus 4 --per-gpu 3
    .venv/bin/python tools/gpu_zoo.py --dry-run          # anywhere, on the CPU: one tiny epoch per configuration

The grid (`GRID`) is the recommended DDPM `unet_v`, the coursework DDPM sets (`default`, `light`, `more_capacity`,
`testing`, `testing2`: `more_capacity` costs about 30 times the starter CNN per image, which a CPU cannot afford for
even one epoch), and the UNet cold restorers `unet_7` / `unet_28` for rows and columns. The dry run skips the four
coursework sets after `default` (they change only the parameters the `default` run already exercises). On CUDA each run holds MNIST on its device, uses bf16 autocast and
channels_last, and trains at batch `--batch` with the preset's learning rate scaled by sqrt(batch / 128) (Adam's
square-root rule). N GPUs: the runs are independent, so they are spread over the devices, `--per-gpu` at a time on
each (one process per run, pinned with CUDA_VISIBLE_DEVICES); a single bigger run would use
`torchrun --nproc_per_node N -m mnist_diffusion.cli train ...` instead (README, "Multi-GPU").
Each run's papermill output notebook and log go to `<out>/<run>/`; wall times go to `<out>/times.csv`; scores to
`<run>/metrics.csv`; the export to `--zoo` (default: the package's zoo; with --dry-run: `<out>/zoo`).
"""
import argparse, csv, json, math, os, subprocess, sys, time
from pathlib import Path
import torch
from mnist_diffusion.core import ZOO_DIR, write_csv
from mnist_diffusion.ddpm import ddpm_preset
from mnist_diffusion.cold import cold_preset
from mnist_diffusion.training import read_log
from mnist_diffusion.checkpoint import checkpoints
from mnist_diffusion.evaluation import evaluate_checkpoints
from mnist_diffusion.zoo import export_zoo

ROOT = Path(__file__).resolve().parents[1]
GRID = [                      # (kind, preset, orientation, epochs on a GPU, save every)
    ('ddpm', 'unet_v', 'row', 60, 5),
    ('ddpm', 'default', 'row', 20, 5),
    ('cold', 'unet_28', 'row', 20, 5),
    ('cold', 'unet_28', 'col', 20, 5),
    ('cold', 'unet_7', 'row', 20, 5),
    ('cold', 'unet_7', 'col', 20, 5),
    ('ddpm', 'light', 'row', 20, 5),
    ('ddpm', 'more_capacity', 'row', 20, 5),
    ('ddpm', 'testing', 'row', 20, 5),
    ('ddpm', 'testing2', 'row', 20, 5),
]
DRY_RUN_SKIP = {'light', 'more_capacity', 'testing', 'testing2'}

def grid(dry_run=False) -> list[tuple]:
    "The configurations to run: all of `GRID`, or, for the CPU dry run, all but the `DRY_RUN_SKIP` presets."
    return [g for g in GRID if not (dry_run and g[1] in DRY_RUN_SKIP)]

def run_name(kind, preset, o): return f'{kind}-{preset}' + (f'-{o}' if kind == 'cold' else '')

def params(kind, preset, o, epochs, every, a) -> dict:
    "The papermill parameters of one run (tiny on the CPU for --dry-run)."
    lr = (ddpm_preset(preset) if kind == 'ddpm' else cold_preset(preset, o)).lr * math.sqrt(a.batch / 128)
    p = dict(kind=kind, preset=preset, orientation=o, epochs=epochs, save_every=every, subset=0, batch_size=a.batch, lr=lr,
             warmup=200, cosine=True, device='cuda', channels_last=True, data_root=str(Path(a.root).resolve()))
    if a.dry_run: p |= dict(epochs=1, save_every=1, subset=256, batch_size=64, lr=lr * math.sqrt(64 / a.batch), warmup=0, device='cpu',
                            channels_last=False)
    return p

def launch(p: dict, run: Path, gpu: int|None) -> subprocess.Popen:
    "Start `papermill` on the training notebook for one run, logging into the run folder."
    run.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, '-m', 'papermill', str(ROOT/'nbs'/'04_training.ipynb'), str(run/'train.ipynb'), '--cwd', str(ROOT/'nbs'),
           '--log-output', '--no-progress-bar'] + [x for k, v in (p | dict(run_dir=str(run))).items() for x in ('-p', k, str(v))]
    env = os.environ | ({'CUDA_VISIBLE_DEVICES': str(gpu)} if gpu is not None else {})
    return subprocess.Popen(cmd, stdout=open(run/'papermill.log', 'w'), stderr=subprocess.STDOUT, env=env)

def train_grid(jobs: list, slots: list, out: Path) -> list[dict]:
    "Run the jobs, at most one per slot (a GPU index, or None) at a time; a row of wall time per run."
    pending, running, rows = list(jobs), {}, []
    while pending or running:
        for s in [s for s in range(len(slots)) if s not in running and pending]:
            name, p = pending.pop(0)
            running[s] = (name, p, launch(p, out/name, slots[s]), time.time())
            print(f"started {name} on {'cpu' if slots[s] is None else f'gpu {slots[s]}'}", flush=True)
        time.sleep(1)
        for s, (name, p, proc, t0) in list(running.items()):
            if proc.poll() is None: continue
            del running[s]
            if proc.returncode: sys.exit(f"error: {name} failed (exit {proc.returncode}); see {out/name/'papermill.log'}")
            log = read_log(out/name)
            rows.append(dict(run=name, device=p['device'] if slots[s] is None else f"cuda:{slots[s]}", epochs=p['epochs'],
                             batch_size=p['batch_size'], lr=p['lr'], wall_s=round(time.time() - t0, 1),
                             train_s=round(sum(r['seconds'] for r in log), 1), img_per_s=log[-1]['img_per_s'] if log else None,
                             final_loss=log[-1]['loss'] if log else None))
            print(f"finished {name}: {rows[-1]['wall_s']} s wall, {rows[-1]['img_per_s']} img/s", flush=True)
            write_csv(out/'times.csv', rows)
    return rows

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--dry-run', action='store_true', help='one tiny epoch per configuration on the CPU, two at a time (CI runs it)')
    ap.add_argument('--gpus', type=int, default=torch.cuda.device_count())
    ap.add_argument('--per-gpu', type=int, default=3, help='runs at a time on each GPU (the networks are small)')
    ap.add_argument('--batch', type=int, default=512)
    ap.add_argument('--n', type=int, default=1000, help='samples per checkpoint for the scores (200 with --dry-run)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', default='runs/gpu-zoo')
    ap.add_argument('--zoo', default=None)
    ap.add_argument('--where', default=None, help="the manifest's trained_on (default: the GPU's name)")
    a = ap.parse_args()
    if not a.dry_run and a.gpus < 1: sys.exit("error: no CUDA device visible; run with --dry-run to check the script on the CPU")
    out = Path(a.out)
    jobs = [(run_name(k, pr, o), params(k, pr, o, e, ev, a)) for k, pr, o, e, ev in grid(a.dry_run)]
    slots = [None, None] if a.dry_run else [g for g in range(a.gpus) for _ in range(a.per_gpu)]
    t0 = time.time()
    rows = train_grid(jobs, slots, out)
    device = 'cpu' if a.dry_run else 'cuda'
    for name, _ in jobs:                                     # every kept epoch (the dry run: its last only)
        cks = checkpoints(out/name)
        evaluate_checkpoints(cks[-1:] if a.dry_run else cks, out/name, 200 if a.dry_run else a.n, root=a.root, device=device)
    where = a.where or ('CPU dry run' if a.dry_run else f"{torch.cuda.get_device_name(0)}, papermill, batch {a.batch}")
    zoo = Path(a.zoo or (out/'zoo' if a.dry_run else ZOO_DIR))
    print(export_zoo([out/name for name, _ in jobs], out=zoo, where=where))
    print(json.dumps(dict(runs=len(rows), total_wall_s=round(time.time() - t0, 1), times=str(out/'times.csv')), indent=1))

if __name__ == '__main__': main()
