#!/usr/bin/env bash
# Train the pretrained model zoo (full MNIST training set) into runs/zoo/, one model after another, on this machine.
# Each run's log.csv records seconds per epoch; tools/export_zoo.py turns the checkpoints into mnist_diffusion/zoo/.
set -euo pipefail
cd "$(dirname "$0")/.."
md=.venv/bin/mnist-diffusion
$md train ddpm --preset unet    --epochs 10 --save-epochs 1 2 5 --run-dir runs/zoo/ddpm-unet    --resume
for o in row col; do
  $md train cold --preset default_7  --orientation $o --epochs 5 --save-epochs 1 2 --run-dir runs/zoo/cold-default_7-$o  --resume
  $md train cold --preset default_28 --orientation $o --epochs 5 --save-epochs 1 2 --run-dir runs/zoo/cold-default_28-$o --resume
done
$md train ddpm --preset default --epochs 5 --save-epochs 1 2 --run-dir runs/zoo/ddpm-default --resume
echo "zoo done"
