"""The zoo's batch configs cannot rot: a CPU dry run trains (papermill, notebook tests skipped), scores and exports."""
import csv, json, subprocess, sys
from pathlib import Path
import pytest
from mnist_diffusion.jobs import read_batch

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = sorted((ROOT/'configs').glob('zoo-*.toml'))

@pytest.mark.parametrize('config', CONFIGS, ids=[p.stem for p in CONFIGS])
def test_configs_read(config):
    "Every committed config parses and names presets that exist (no training)."
    settings, runs = read_batch(config)
    assert runs and settings['n'] >= 1000

def test_zoo_gpu_dry_run(tmp_path, request):
    "`mnist-diffusion batch configs/zoo-gpu.toml --dry-run`: each run trained, scored, exported; rerun: no training."
    if 'slow' not in request.config.getoption('--nb-flags').split():
        pytest.skip('slow: run with --nb-flags slow (make test-slow)')
    cmd = [str(Path(sys.executable).parent/'mnist-diffusion'), 'batch', str(ROOT/'configs'/'zoo-gpu.toml'), '--dry-run',
           '--out', str(tmp_path/'b'), '--root', str(ROOT/'data')]
    out = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    _, runs = read_batch(ROOT/'configs'/'zoo-gpu.toml', dry_run=True)
    rows = {r['run']: r for r in csv.DictReader(open(tmp_path/'b'/'batch.csv'))}
    assert set(rows) == {r.name for r in runs}
    assert all(r['device'] == 'cpu' and r['epochs'] == '1' for r in rows.values())
    for r in runs:
        run = tmp_path/'b'/r.name
        nb = json.loads((run/'train.ipynb').read_text())
        ran = [c for c in nb['cells'] if c['cell_type'] == 'code' and c.get('execution_count')]
        assert not any('test_eq(' in ''.join(c['source']) and c['outputs'] for c in ran)
        kid = float(next(csv.DictReader(open(run/'metrics.csv')))['kid'])
        assert kid == kid                                                                   # scored: not NaN
    shipped = json.loads((tmp_path/'b'/'zoo'/'manifest.json').read_text())
    assert {(m['kind'], m['preset']) for m in shipped} == {(r.kind, r.preset) for r in runs}
    assert all(m['trained_on'] == 'CPU dry run' for m in shipped)
    again = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)  # everything done: nothing retrains
    assert again.returncode == 0 and 'started' not in again.stdout, again.stdout[-2000:]

def test_batch_errors(tmp_path):
    "A bad config is one line and a non-zero exit, before anything trains."
    (tmp_path/'bad.toml').write_text('[[run]]\nkind = "ddpm"\npreset = "huge"\n')
    out = subprocess.run([str(Path(sys.executable).parent/'mnist-diffusion'), 'batch', str(tmp_path/'bad.toml')],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 1 and out.stderr.startswith('error:') and 'unknown DDPM preset' in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and not (tmp_path/'runs').exists()
