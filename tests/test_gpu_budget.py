"""The short-lease GPU script cannot rot: its helpers, and (slow) a CPU dry run that probes, trains, scores and packs."""
import csv, subprocess, sys, tarfile
from pathlib import Path
import pytest
from mnist_diffusion.checkpoint import ckpt_name

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/'tools'))
from gpu_budget import curve_epochs, parse_job, run_name

def test_helpers():
    assert curve_epochs(59) == (1, 2, 5, 10, 20, 50) and curve_epochs(1) == () and curve_epochs(3) == (1, 2)
    assert parse_job('ddpm:unet_v') == ('ddpm', 'unet_v', 'row') and parse_job('cold:unet_7:col') == ('cold', 'unet_7', 'col')
    with pytest.raises(SystemExit, match='kind:preset'): parse_job('gan:big')
    assert run_name('cold', 'unet_7', 'col') == 'cold-unet_7-col' and run_name('ddpm', 'unet_v', 'row') == 'ddpm-unet_v'

def test_gpu_budget_dry_run(tmp_path, request):
    "Two tiny runs side by side on the CPU, each scored and packed into a tar that export_zoo can read."
    if 'slow' not in request.config.getoption('--nb-flags').split(): pytest.skip('slow: run with --nb-flags slow (make test-slow)')
    out, pack = tmp_path/'runs', tmp_path/'pack'
    subprocess.run([sys.executable, str(ROOT/'tools'/'gpu_budget.py'), '--dry-run', '--jobs', 'ddpm:testing', 'cold:default_7:col',
                    '--out', str(out), '--pack', str(pack), '--root', str(ROOT/'data')], check=True, cwd=tmp_path, capture_output=True, text=True)
    rows = {r['run']: r for r in csv.DictReader(open(pack/'gpu_budget.csv'))}
    assert set(rows) == {'ddpm-testing', 'cold-default_7-col'} and all(int(r['epochs']) >= 1 for r in rows.values())
    for name, r in rows.items():
        names = tarfile.open(pack/f'{name}.tar.gz').getnames()
        assert f'{name}/log.csv' in names and f'{name}/eval_final/metrics.csv' in names and f'{name}/worker.log' in names
        kind, preset, *o = name.split('-')
        assert f"{name}/slim/{ckpt_name(kind, int(r['epochs']), preset, *o)}" in names      # the last epoch, slimmed
    run = tmp_path/'back'
    tarfile.open(pack/'ddpm-testing.tar.gz').extractall(run, filter='data')          # as it comes back from the lease
    subprocess.run([sys.executable, str(ROOT/'tools'/'gpu_budget.py'), '--score', str(run/'ddpm-testing'), '--n', '200', '--root', str(ROOT/'data'),
                    '--score-out', str(tmp_path/'scores.csv')], check=True, cwd=tmp_path, capture_output=True, text=True)
    (s,) = list(csv.DictReader(open(tmp_path/'scores.csv')))
    assert s['file'] == ckpt_name('ddpm', int(rows['ddpm-testing']['epochs']), 'testing') and s['n'] == '200' and float(s['fid']) > 0
