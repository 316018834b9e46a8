#!/usr/bin/env bash
# Train the pretrained model zoo (full MNIST training set) into runs/zoo/, one model after another, on this machine.
# Each run's log.csv records seconds per epoch; tools/export_zoo.py turns the checkpoints into mnist_diffusion/zoo/.
# Resumable: rerunning continues each run from its newest checkpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
md=.venv/bin/mnist-diffusion
$md train ddpm --preset unet_v --epochs 40 --save-every 1 --warmup 200 --run-dir runs/zoo/ddpm-unet_v --resume --quiet
# the shipped unet_v stopped the line above at epoch 11, then went on with a cosine tail (stopped at epoch 17):
# $md train ddpm --preset unet_v --epochs 19 --cosine --save-every 1 --warmup 200 --run-dir runs/zoo/ddpm-unet_v --resume --quiet
# and then restarted along the cosine of a 29-epoch run (epochs 18-29; the rate jumps back to 3.2e-4 and decays to 0):
# $md train ddpm --preset unet_v --epochs 29 --cosine --save-every 1 --warmup 200 --run-dir runs/zoo/ddpm-unet_v --resume --quiet
for o in row col; do
  $md train cold --preset unet_28 --orientation $o --epochs 4 --save-every 1 --warmup 200 --cosine --run-dir runs/zoo/cold-unet_28-$o --resume --quiet
done
# warm restarts along a longer cosine (the shipped row went on to 6, 10, then 14 epochs; col to 8, 14, then 20):
for e in 6 10 14; do
  $md train cold --preset unet_28 --orientation row --epochs $e --save-every 1 --warmup 200 --cosine --run-dir runs/zoo/cold-unet_28-row --resume --quiet
done
for e in 8 14 20; do
  $md train cold --preset unet_28 --orientation col --epochs $e --save-every 1 --warmup 200 --cosine --run-dir runs/zoo/cold-unet_28-col --resume --quiet
done
# the 7-step restorers (4 lines per step, each replaced by its own mean): row 4 epochs; col 2, then warm restarts to 8 and 14
$md train cold --preset unet_7 --orientation row --epochs 4 --save-every 1 --warmup 200 --cosine --run-dir runs/zoo/cold-unet_7-row --resume --quiet
# then on from its epoch-4 weights along a new 14-epoch cosine (the shipped epoch 18; its log joins the first run's,
# tools/export_zoo.py --runs runs/zoo/cold-unet_7-row --epochs 4 18 after copying epochs 4 and 18 of the -ft run there):
$md train cold --init-from runs/zoo/cold-unet_7-row/cold_mnist_4_row_unet_7.pt --orientation row --epochs 18 --save-every 1 --warmup 200 --cosine --run-dir runs/zoo/cold-unet_7-row-ft --resume --quiet
# (the shipped col is the GPU run of tools/gpu_budget.py, 45 epochs at batch 512; this CPU line made the earlier one)
for e in 2 8 14; do
  $md train cold --preset unet_7 --orientation col --epochs $e --save-every 1 --warmup 200 --cosine --run-dir runs/zoo/cold-unet_7-col --resume --quiet
done
$md train ddpm --preset unet --epochs 6 --save-epochs 1 2 4 --run-dir runs/zoo/ddpm-unet --resume --quiet
for o in row col; do
  $md train cold --preset default_7  --orientation $o --epochs 3 --save-epochs 1 --run-dir runs/zoo/cold-default_7-$o  --resume --quiet
  $md train cold --preset default_28 --orientation $o --epochs 3 --save-epochs 1 --run-dir runs/zoo/cold-default_28-$o --resume --quiet
done
$md train ddpm --preset default --epochs 3 --save-epochs 1 --run-dir runs/zoo/ddpm-default --resume --quiet
for p in light testing testing2; do               # the other coursework sets (more_capacity: see README)
  $md train ddpm --preset $p --epochs 2 --save-epochs 1 --run-dir runs/zoo/ddpm-$p --resume --quiet
done
echo "zoo done"
