"""Side by side with Hugging Face diffusers on this CPU: training speed, sampling speed and quality at equal CPU budget.

*Ours* is the recommended preset `unet_v`; *theirs* a diffusers `UNet2DModel` of about the same size (`THEIRS`) with
their `DDPMScheduler` targets and `DPMSolverMultistepScheduler` sampling, as their training example has it. Both train
in the package's one loop (`training.train`), so what differs is the network and the scheduler code (`nbs/17_peers`).

    python benchmarks/peer_diffusers.py speed --threads 2        # a quiet machine: nothing else running
    python benchmarks/peer_diffusers.py quality --budget 600 --n 2000 --threads 1

`speed` writes `peer_speed.csv` (medians of --reps timed repeats after a warm-up); `quality` writes `peer_quality.csv`
(FID/KID/IS/classes at n against n test digits, with the floor). `diffusers` is a dev extra, never a package dependency.
"""
import argparse
from pathlib import Path
import torch
import torch.nn.functional as F
from torch import nn
from diffusers import UNet2DModel, DDPMScheduler, DPMSolverMultistepScheduler
from mnist_diffusion.core import write_csv
from mnist_diffusion.data import mnist_dataset
from mnist_diffusion.ddpm import ddpm_preset, build_ddpm
from mnist_diffusion.metrics import image_metrics
from mnist_diffusion.scoring import ruler
from mnist_diffusion.models import n_params
from study import budget_run
from bench_ddpm import median_time, cpu_info, train_step_fn

T = 1000
THEIRS = dict(sample_size=28, in_channels=1, out_channels=1, block_out_channels=(16, 32, 48), layers_per_block=1,
              down_block_types=('DownBlock2D', 'DownBlock2D', 'AttnDownBlock2D'),
              up_block_types=('AttnUpBlock2D', 'UpBlock2D', 'UpBlock2D'), norm_num_groups=8)

def dpm_scheduler():
    return DPMSolverMultistepScheduler(num_train_timesteps=T, beta_schedule='linear', prediction_type='v_prediction',
                                                        algorithm_type='dpmsolver++', solver_order=2,
                                                        final_sigmas_type='zero',
                                                        timestep_spacing='trailing')

class Theirs(nn.Module):
    "diffusers' UNet2DModel trained as in their example (DDPMScheduler targets), sampled with their DPM-Solver++ loop."
    def __init__(self):
        super().__init__()
        self.unet = UNet2DModel(**THEIRS)
        self.train_sched = DDPMScheduler(num_train_timesteps=T, beta_schedule='linear', prediction_type='v_prediction')
    def loss(self, x0, generator=None):
        "v-prediction MSE at uniformly drawn timesteps, targets from `DDPMScheduler`."
        noise = torch.randn(x0.shape, generator=generator)
        k = torch.randint(0, T, (len(x0),), generator=generator)
        return F.mse_loss(self.unet(self.train_sched.add_noise(x0, noise, k), k).sample,
                          self.train_sched.get_velocity(x0, noise, k))
    @torch.no_grad()
    def sample(self, n, generator=None, steps=20):
        "`n` images with diffusers' DPM-Solver++(2M) loop, clamped to [-1, 1] as their pipelines do."
        return scheduler_loop(lambda x, k: self.unet(x, k).sample, n, generator, steps).clamp(-1, 1)

@torch.no_grad()
def scheduler_loop(f, n, generator, steps):
    "The diffusers sampling loop (their example's): `x <- scheduler.step(f(x, k), k, x)` over its timesteps."
    sch = dpm_scheduler()
    sch.set_timesteps(steps)
    x = torch.randn((n, 1, 28, 28), generator=generator)
    for k in sch.timesteps: x = sch.step(f(x, k), k, x).prev_sample
    return x

def ours(): return build_ddpm(ddpm_preset('unet_v'))

def forward_mflop(net_call) -> float:
    "Millions of floating-point operations of one network forward pass on one image (torch's FLOP counter)."
    from torch.utils.flop_counter import FlopCounterMode
    with FlopCounterMode(display=False) as fc, torch.no_grad(): net_call(torch.randn(1, 1, 28, 28))
    return fc.get_total_flops() / 1e6

def speed(a):
    "Training img/s (the package's own `train_step`) and sampling ms/image, our loop and diffusers', on both networks."
    torch.manual_seed(0)
    o, t = ours(), Theirs()
    x = mnist_dataset(a.root, train=True, subset=128).tensors[0]
    rows, calls = [], {'ours': lambda z: o.net(z, torch.tensor([0.5])),
                       'diffusers': lambda z: t.unet(z, torch.tensor([500])).sample}
    for name, m in (('ours', o), ('diffusers', t)):
        step = median_time(train_step_fn(m, x, torch.optim.Adam(m.parameters(), 1e-3)), a.reps)
        rows.append(dict(what='train', model=name, params=n_params(m), mflop=forward_mflop(calls[name]), nfe='',
                         batch=128, img_per_s=128 / step, ms=1000 * step))
    g = lambda: torch.Generator().manual_seed(0)
    ours_on_their_times = lambda x, k: o.net(x, (k + 1).float().expand(len(x)) / T)   # diffusers' k = our t - 1
    o.eval(), t.eval()
    for nfe in (20, 50):
        loops = {('ours', 'ours'): lambda: o.sample(a.batch, g(), 'dpm++2m', nfe, clip_x0=False),
                 ('ours', 'diffusers'): lambda: scheduler_loop(ours_on_their_times, a.batch, g(), nfe),
                 ('diffusers', 'diffusers'): lambda: t.sample(a.batch, g(), nfe)}
        for (net, loop), f in loops.items():
            with torch.no_grad(): sec = median_time(f, a.reps)
            rows.append(dict(what='sample', model=net, loop=loop, params=n_params(o if net == 'ours' else t), nfe=nfe,
                             batch=a.batch, ms_per_image=1000 * sec / a.batch))
    for r in rows: r |= dict(threads=a.threads, cpu=cpu_info()[0])
    write_csv(Path(a.out_dir)/'peer_speed.csv', rows)
    for r in rows: print({k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()}, flush=True)

def quality(a):
    "Train both for `--budget` CPU-seconds, same seed and data (`training.train`); score n against n test digits."
    ds = mnist_dataset(a.root, train=True)
    rule, rows = ruler(a.n, a.root), []
    clf, x_test, floor = rule['clf'], rule['x_real'], rule['floor']
    for name, make in (('ours', ours), ('diffusers', Theirs)):
        torch.manual_seed(0)
        model = make()
        if name == 'ours': sample = lambda m, g, n: m.sample(n, g, 'dpm++2m', 20)
        else: sample = lambda m, g, n: m.sample(n, g, 20)
        def scores(m, epoch):
            with torch.no_grad():
                xs = torch.cat([sample(m, torch.Generator().manual_seed(k), min(500, a.n - k))
                                for k in range(0, a.n, 500)])
            r = image_metrics(xs, x_test, clf)
            return {k: r[k] for k in ('fid', 'kid', 'IS', 'effective_classes')}
        for r in budget_run(model, a.marks, scores, ds, preset='unet_v', lr=1e-3, batch_size=128):
            rows.append(dict(model=name, params=n_params(model), cpu_s=r['mark'], steps=int(r['steps']), loss=r['loss'],
                             sampler='DPM-Solver++(2M) 20 NFE', n=a.n,
                             **{k: r[k] for k in ('fid', 'kid', 'IS', 'effective_classes')},
                             floor_fid=floor['fid'], threads=a.threads, cpu=cpu_info()[0]))
            print({k: round(v, 3) if isinstance(v, float) else v for k, v in rows[-1].items()}, flush=True)
            write_csv(Path(a.out_dir)/'peer_quality.csv', rows)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('part', choices=['speed', 'quality'])
    ap.add_argument('--threads', type=int, default=torch.get_num_threads())
    ap.add_argument('--reps', type=int, default=10, help='timed repeats (speed)')
    ap.add_argument('--batch', type=int, default=100, help='sampling batch (speed)')
    ap.add_argument('--budget', type=float, default=600, help='CPU-seconds of training each (quality)')
    ap.add_argument('--n', type=int, default=2000, help='samples scored (quality)')
    ap.add_argument('--root', default='data')
    ap.add_argument('--out-dir', default='benchmarks/results')
    a = ap.parse_args()
    a.marks = sorted({a.budget / 4, a.budget / 2, a.budget})
    torch.set_num_threads(a.threads)
    speed(a) if a.part == 'speed' else quality(a)

if __name__ == '__main__': main()
