"""The GPU batch script cannot rot: its CPU dry run trains, scores and exports every configuration of the grid."""
import csv, json, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]

def test_gpu_zoo_dry_run(tmp_path, request):
    "One tiny epoch per configuration through papermill, then scores and a zoo export, all into a temporary folder."
    if 'slow' not in request.config.getoption('--nb-flags').split(): pytest.skip('slow: run with --nb-flags slow (make test-slow)')
    sys.path.insert(0, str(ROOT/'tools'))
    from gpu_zoo import grid, run_name
    out = tmp_path/'gpu-zoo'
    subprocess.run([sys.executable, str(ROOT/'tools'/'gpu_zoo.py'), '--dry-run', '--out', str(out), '--root', str(ROOT/'data')],
                   check=True, cwd=tmp_path, capture_output=True, text=True)
    names = [run_name(k, p, o) for k, p, o, _, _ in grid(dry_run=True)]
    times = list(csv.DictReader(open(out/'times.csv')))
    assert sorted(r['run'] for r in times) == sorted(names) and all(r['device'] == 'cpu' and r['epochs'] == '1' for r in times)
    for n in names:
        assert (out/n/'train.ipynb').exists() and (out/n/'papermill.log').exists()
        rows = list(csv.DictReader(open(out/n/'metrics.csv')))
        assert len(rows) == 1 and rows[0]['epoch'] == '1' and float(rows[0]['kid']) == float(rows[0]['kid'])
    shipped = json.loads((out/'zoo'/'manifest.json').read_text())
    assert {(m['preset'], m['orientation'] if m['kind'] == 'cold' else '') for m in shipped} == \
           {(p, o if k == 'cold' else '') for k, p, o, _, _ in grid(dry_run=True)}
    assert all(m['trained_on'] == 'CPU dry run' for m in shipped)
