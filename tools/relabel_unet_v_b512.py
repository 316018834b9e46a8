"""Ship the GPU unet_v run (tools/gpu_budget.py: batch 512, lr 2e-3) under the preset that names that recipe, unet_v_b512:
rewrites the unpacked run's slimmed checkpoints (weights unchanged) into runs/gpu/ddpm-unet_v_b512/ for tools/export_zoo.py."""
import shutil
from pathlib import Path
from mnist_diffusion.checkpoint import read_checkpoint, save_checkpoint, ckpt_name, checkpoints
from mnist_diffusion.ddpm import ddpm_preset
from dataclasses import asdict
src, dst = Path('runs/gpu/ddpm-unet_v'), Path('runs/gpu/ddpm-unet_v_b512')
dst.mkdir(exist_ok=True)
mc = asdict(ddpm_preset('unet_v_b512'))
for p in checkpoints(src/'slim'):
    ck = read_checkpoint(p)
    tc = ck['train_config']
    assert (tc['batch_size'], round(tc['lr'], 9), ck['model_config']['net'], ck['model_config']['pred']) == (512, 2e-3, mc['net'], 'v')
    keep = {k: ck[k] for k in ('kind', 'orientation', 'epoch')}
    save_checkpoint(dst/ckpt_name('ddpm', ck['epoch'], 'unet_v_b512'), **keep, preset='unet_v_b512', model_config=mc,
                    train_config=tc | dict(preset='unet_v_b512'), ema=ck['ema'], model=None)
for f in ('log.csv', 'config.json', 'budget.json'): shutil.copy(src/f, dst/f)
print(sorted(p.name for p in checkpoints(dst)))
