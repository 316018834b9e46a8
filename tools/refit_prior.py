"""Refit the prior over fully degraded states of shipped cold models with another number of mixture components.

The prior is fitted to the training digits' row (column) means, apart from the restorer network, so changing it needs no
retraining: each named zoo file gets a `k`-component mixture (fitted once per orientation, so every epoch of a model
shares it), its `model_config['prior_k']` says so, and the manifest's size and sha256 follow. Their metrics rows are
then stale: rescore with `tools/evaluate_zoo.py --preset ...`.

    .venv/bin/python tools/refit_prior.py --k 200 cold_mnist_45_col_unet_28.pt cold_mnist_20_col_unet_28.pt
    .venv/bin/python tools/refit_prior.py --k 200 \
        --like cold_mnist_45_col_unet_28.pt cold_mnist_45_col_unet_7.pt   # reuse that fit

A fit of 200 components to 60,000 profiles takes minutes; `--like FILE` copies the prior of a zoo file already fitted
with the same k, orientation and pixel scale (the fit depends only on those, the data and the seed) instead of
refitting.
"""
import argparse, json, sys
from pathlib import Path
import torch
from mnist_diffusion.core import ZOO_DIR, atomic_path
from mnist_diffusion.checkpoint import read_checkpoint, save_checkpoint, build_model, load_checkpoint
from mnist_diffusion.core import sha256_of

def fitted(file, zoo=ZOO_DIR) -> dict:
    "The prior of a zoo cold model, keyed as `refit` keys its fits: {(k, orientation, pixel scale): prior state}."
    m, ck = load_checkpoint(Path(zoo)/file, 'cold')
    return {(ck['model_config']['prior_k'], ck['orientation'], m.x_scale): m.prior.state_dict()}

def refit(files, k: int, x: torch.Tensor|None, zoo=ZOO_DIR, seed=0, fits: dict|None = None) -> list[str]:
    "Give each zoo file in `files` a `k`-component prior fitted to images `x` (or from `fits`); update the manifest."
    zoo, ms, fits = Path(zoo), json.loads((Path(zoo)/'manifest.json').read_text()), dict(fits or {})
    entries = {m['file']: m for m in ms}
    if bad := [f for f in files if entries.get(f, {}).get('kind') != 'cold']:
        raise SystemExit(f"error: not cold models in {zoo}/manifest.json: {', '.join(bad)}")
    done = []
    for f in files:
        ck = read_checkpoint(zoo/f, 'cold')
        mc = ck['model_config'] | dict(prior_k=k)
        if mc.get('prior', 'gmm') != 'gmm': raise SystemExit(f"error: {f} has a {mc['prior']} prior, not a mixture")
        m = build_model('cold', mc)
        key = (k, ck['orientation'], m.x_scale)
        if key not in fits:                                                    # one fit per orientation
            if x is None:
                raise SystemExit(f"error: no {k}-component {ck['orientation']} prior to copy for {f}: fit one (drop "
                                 "--like)")
            fits[key] = m.fit_prior(x, seed).prior.state_dict()
        prior = {f'prior.{n}': v for n, v in fits[key].items()}
        ema = {n: v for n, v in ck['ema'].items() if not n.startswith('prior.')} | prior
        save_checkpoint(zoo/f, **{n: v for n, v in ck.items() if n not in ('ema', 'model_config', 'format')},
                        model_config=mc, ema=ema)
        entries[f].update(bytes=(zoo/f).stat().st_size, sha256=sha256_of(zoo/f))
        done.append(f"{f}: {k}-component prior, {entries[f]['bytes']:,} bytes")
    with atomic_path(zoo/'manifest.json') as tmp: tmp.write_text(json.dumps(ms, indent=1))
    return done

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('files', nargs='+', help='zoo file names')
    p.add_argument('--k', type=int, required=True, help='mixture components')
    p.add_argument('--root', default='data')
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--like', default=None,
                   help="a zoo file whose prior (same k, orientation, scale) to copy instead of fitting")
    a = p.parse_args()
    if a.k < 1: sys.exit('error: --k must be at least 1')
    from mnist_diffusion.data import mnist_dataset
    fits = fitted(a.like) if a.like else {}
    x = None if a.like else mnist_dataset(a.root, train=True).tensors[0]
    print('\n'.join(refit(a.files, a.k, x, seed=a.seed, fits=fits)))
