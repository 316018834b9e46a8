# Two commands for a newcomer: `make run` (set up + main job) and `make test` (the test suite).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DATA   ?= data

.PHONY: run install data test test-slow export readme clean-venv

run: data
	$(VENV)/bin/mnist-diffusion summary --root $(DATA) --out runs/data-summary

# The torch pair is installed first and explicitly: it is the one that installs and imports on these machines.
$(STAMP): setup.py settings.ini pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.14.1 torchvision==0.29.1
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(STAMP)

data: install
	$(VENV)/bin/mnist-diffusion fetch-data --root $(DATA)

test: install
	$(PY) -m pytest

test-slow: data
	$(PY) -m pytest --nb-flags slow

export: install
	$(VENV)/bin/nbdev_export && $(VENV)/bin/nbdev_clean

readme: install
	$(PY) tools/make_readme.py
