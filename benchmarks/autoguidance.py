"""Autoguidance against classifier-free guidance, measured: one shipped model sampled unguided, guided by weaker zoo
files (earlier epochs, other presets of the same formulation) and, for a class-conditional model, with classifier-free
guidance, at several weights w, each row a full score (FID, KID, IS, classes, precision, recall, density, coverage,
and the digit asked for where `--digits`).

    python benchmarks/autoguidance.py --model edm_mnist_18_edm_mnist.pt \
        --guides edm_mnist_6_edm_mnist.pt,edm_mnist_12_edm_mnist.pt --weights 0.5,1,2 --n 1000 \
        --out benchmarks/results/autoguidance.csv
    python benchmarks/autoguidance.py --model ddpm_mnist_8_unet_v_cond.pt --digits --cfg \
        --guides ddpm_mnist_2_unet_v_cond.pt,ddpm_mnist_5_unet_v_cond.pt --weights 0.5,1,2 --n 1000 \
        --out benchmarks/results/autoguidance.csv

Rows are merged into `--out` by their `run` name (model, guidance, weight, n), so sweeps add up and a rerun replaces.
"""
import argparse
from pathlib import Path
import torch
from mnist_diffusion.core import ZOO_DIR, merge_csv
from mnist_diffusion.scoring import SampleSpec, ruler, score, score_line

def settings(a) -> list[tuple[str, SampleSpec]]:
    "(guidance name, spec) for each run: unguided, each guide at each weight, classifier-free at each weight."
    base, labels = SampleSpec(a.n, seed=a.seed, guidance=0. if a.digits else None), []
    ws = [float(w) for w in a.weights.split(',')]
    labels.append(('none', base))
    labels += [(g, SampleSpec(a.n, seed=a.seed, guidance=base.guidance, guide=g, guide_weight=w))
               for g in (a.guides.split(',') if a.guides else []) for w in ws]
    labels += [('classifier-free', SampleSpec(a.n, seed=a.seed, guidance=w)) for w in ws] if a.cfg else []
    return labels

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--model', required=True, help='a zoo file name or a checkpoint path')
    ap.add_argument('--guides', default='', help='comma-separated zoo files or checkpoints to guide with')
    ap.add_argument('--weights', default='0.5,1,2')
    ap.add_argument('--cfg', action='store_true', help='also classifier-free guidance at the same weights')
    ap.add_argument('--digits', action='store_true', help='ask for the ten digits alike (class-conditional models)')
    ap.add_argument('--n', type=int, default=1000)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--threads', type=int, default=torch.get_num_threads())
    ap.add_argument('--root', default='data')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = Path(a.model) if Path(a.model).is_file() else ZOO_DIR/a.model
    rule = ruler(a.n, a.root, a.seed)
    for name, spec in settings(a):
        w = spec.guide_weight if spec.guide else spec.guidance or 0.
        r = dict(run=f"{model.name}|{name}|{w:g}|{a.n}", guided_by=name, w=w) | score(model, spec, rule)
        print(f"{name} w={w:g}: {score_line(r)}  P {r['precision']:.3f} R {r['recall']:.3f}", flush=True)
        merge_csv(a.out, [r], key='run')

if __name__ == '__main__':
    main()
