"""Run every notebook in nbs/ as a test (nbdev's `test_nb`, honouring `tst_flags`), and check the tree is in sync."""
import configparser, shutil, subprocess, sys
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_nb

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
cfg = configparser.ConfigParser(); cfg.read(ROOT/'settings.ini')
TST_FLAGS = cfg['DEFAULT'].get('tst_flags', '').split()

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, request):
    flags = request.config.getoption('--nb-flags').split()
    ok, secs = run_nb(nb, skip_flags=[f for f in TST_FLAGS if f not in flags], basepath=ROOT, showerr=True)
    assert ok, f'{nb.name} failed (see the traceback above)'

def _bin(name): return str(Path(sys.executable).parent/name)

def _tree(root: Path, sub: str, pattern: str) -> dict:
    paths = sorted(p for p in (root/sub).rglob(pattern) if '.ipynb_checkpoints' not in p.parts)
    return {p.relative_to(root): p.read_bytes() for p in paths}

@pytest.mark.parametrize('cmd,sub,pattern',
                         [('nbdev_export', 'mnist_diffusion', '*.py'), ('nbdev_clean', 'nbs', '*.ipynb')])
def test_tree_in_sync(cmd, sub, pattern, tmp_path):
    "`nbdev_export` and `nbdev_clean`, run on a copy, reproduce the committed package and notebooks byte for byte."
    for f in ('settings.ini', 'setup.py', 'pyproject.toml', 'README.md'): shutil.copy(ROOT/f, tmp_path/f)
    for d in ('nbs', 'mnist_diffusion'):
        shutil.copytree(ROOT/d, tmp_path/d, ignore=shutil.ignore_patterns('zoo', 'assets', '__pycache__'))
    subprocess.run([_bin(cmd)], cwd=tmp_path, check=True, capture_output=True)
    want, got = _tree(ROOT, sub, pattern), _tree(tmp_path, sub, pattern)
    stale = sorted(str(k) for k in want.keys() | got.keys() if want.get(k) != got.get(k))
    assert not stale, f'{cmd} would change {stale}; run `make export` and commit'

def test_readme_in_sync():
    "README.md is generated from nbs/index.ipynb (`make readme`)."
    sys.path.insert(0, str(ROOT/'tools'))
    from make_readme import render
    assert (ROOT/'README.md').read_text() == render(), 'README.md is stale: run `make readme` and commit'
