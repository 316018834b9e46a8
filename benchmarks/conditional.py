"""Drawing the digit asked for, measured: cold models' conditional accuracy and the coursework's own cold loop; the
cost of classifier-free guidance.

`--part cold`: the last shipped epoch of every cold model, asked for the ten digits alike (from its per-digit prior):
the share the classifier names as asked, FID of the ten-digit mix, and the first n test digits restored from
D(x0, T) by Algorithm 2, by the coursework's own loop and directly. `--part cost`: ms/image of a class-conditional
DDPM unguided (w = 0) and guided (w > 0: both branches in one batched call), medians of `--repeats` runs, with the
network calls and the images per call counted.

    .venv/bin/python benchmarks/conditional.py --part cold --n 1000 [--presets unet_7_cond]
    .venv/bin/python benchmarks/conditional.py --part cost --repeats 5
"""
import argparse, statistics, time
import torch
from mnist_diffusion.core import write_csv, merge_csv, ZOO_DIR
from mnist_diffusion.zoo import manifest, last_epochs, load_pretrained, hardware
from mnist_diffusion.scoring import SampleSpec, ruler, score, restoration_score
from mnist_diffusion.checkpoint import load_checkpoint

def cold(a):
    rule, rows = ruler(a.n, a.root), []
    x0, y0 = rule['x_real'][:a.n], rule['y_real'][:a.n]
    colds = [m for m in last_epochs(manifest()) if m['kind'] == 'cold']
    for m in (m for m in colds if not a.presets or m['preset'] in a.presets):
        r = score(ZOO_DIR/m['file'], SampleSpec(a.n, guidance=0.), rule)
        model = load_checkpoint(ZOO_DIR/m['file'])[0]
        cw = restoration_score(model, x0, y0, rule['clf'], 'coursework')['restore_acc']
        rows.append({k: r[k] for k in ('file', 'preset', 'orientation', 'epoch', 'n', 'cond_acc', 'fid', 'floor_fid',
                                       'effective_classes', 'restore_acc', 'restore_acc_direct')}
                    | dict(restore_acc_coursework=cw))
        print(rows[-1], flush=True)
    merge_csv(a.out or 'benchmarks/results/cold_conditional.csv', rows)        # rows of other models kept

def cost(a):
    torch.set_num_threads(a.threads)
    model, m = load_pretrained('ddpm', a.preset)
    calls = []
    model.net.register_forward_hook(lambda mod, i, o: calls.append(len(i[0])))
    rows, y = [], torch.arange(a.batch) % 10
    for w in (0., a.guidance):
        secs = []
        for r in range(a.repeats + 1):                        # the first run warms up and is not counted
            calls.clear(); t0 = time.perf_counter()
            model.sample(a.batch, torch.Generator().manual_seed(r), labels=y, guidance=w)
            if r: secs.append(time.perf_counter() - t0)
        rows.append(dict(file=m['file'], guidance=w, nfe=len(calls), images_per_call=calls[0], batch=a.batch,
                         ms_per_image=1000 * statistics.median(secs) / a.batch, repeats=a.repeats,
                         cpu=hardware()))
        print(rows[-1], flush=True)
    write_csv(a.out or 'benchmarks/results/guidance_cost.csv', rows)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--part', choices=['cold', 'cost'], required=True)
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--root', default='data')
    ap.add_argument('--preset', default='unet_v_cond', help='cost: the conditional DDPM to time')
    ap.add_argument('--presets', nargs='*', default=None, help='cold: only these presets (default: all)')
    ap.add_argument('--guidance', type=float, default=0.5)
    ap.add_argument('--batch', type=int, default=250)
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--out', default=None)
    a = ap.parse_args()
    (cold if a.part == 'cold' else cost)(a)

if __name__ == '__main__': main()
