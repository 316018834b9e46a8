"""Run every notebook in nbs/ as a test (nbdev's `test_nb`, honouring `tst_flags`), and check the tree is in sync."""
import configparser, subprocess, sys
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

def _status(): return subprocess.run(['git', 'status', '--porcelain', '--untracked-files=all'], cwd=ROOT, capture_output=True, text=True).stdout

@pytest.mark.skipif(not (ROOT/'.git').exists(), reason='needs a git checkout')
@pytest.mark.parametrize('cmd', ['nbdev_export', 'nbdev_clean'])
def test_tree_in_sync(cmd):
    "`nbdev_export` and `nbdev_clean` must leave the tree as committed: the package matches the notebooks, which are clean."
    before = _status()
    subprocess.run([_bin(cmd)], cwd=ROOT, check=True, capture_output=True)
    after = _status()
    assert after == before, f'{cmd} changed files; run it and commit:\n' + '\n'.join(set(after.splitlines()) - set(before.splitlines()))

def test_readme_in_sync():
    "README.md is generated from nbs/index.ipynb (`make readme`)."
    sys.path.insert(0, str(ROOT/'tools'))
    from make_readme import render
    assert (ROOT/'README.md').read_text() == render(), 'README.md is stale: run `make readme` and commit'
