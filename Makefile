# Two commands for a newcomer: `make run` (set up + main job) and `make test` (the test suite).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
MD     := $(VENV)/bin/mnist-diffusion
STAMP  := $(VENV)/.installed
DATA   ?= data
N      ?= 500

.PHONY: run install data test test-slow report export readme e2e gpu-zoo gpu-zoo-dry

# Set-up, data, then the main job: sample and score every shipped model into runs/main/.
run: data
	$(MD) summary --root $(DATA) --out runs/data-summary
	$(MD) main --root $(DATA) --n $(N) --out runs/main

# The torch pair is installed first and explicitly: it is the one that installs and imports on these machines.
$(STAMP): setup.py settings.ini pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.14.1 torchvision==0.29.1
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(STAMP)

data: install
	$(MD) fetch-data --root $(DATA)

# Notebook tests read real digits in a few places (the report, the training notebook's papermill defaults).
test: data
	$(PY) -m pytest

test-slow: data
	$(PY) -m pytest --nb-flags slow

report: data
	$(VENV)/bin/jupyter nbconvert --to html --execute nbs/10_report.ipynb --output-dir runs/report
	@echo "report: runs/report/10_report.html"

export: install
	$(VENV)/bin/nbdev_export && $(VENV)/bin/nbdev_clean

readme: install
	$(PY) tools/make_readme.py

# JupyterLab in headless Chromium: the explorer's sliders render and moving one changes the image.
e2e: data
	bash tests/e2e/run.sh

# The zoo grid on CUDA through papermill (tools/gpu_zoo.py: all visible GPUs, 3 runs per GPU at a time), and its CPU
# dry run (one tiny epoch per configuration; also a slow test, so CI runs it).
gpu-zoo: data
	$(PY) tools/gpu_zoo.py

gpu-zoo-dry: data
	$(PY) tools/gpu_zoo.py --dry-run --out runs/gpu-zoo-dry
