"""The package as a user gets it from a wheel: the zoo and the classifier inside, working from outside the checkout."""
import subprocess, sys, sysconfig, zipfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]

def test_wheel_outside_checkout(tmp_path, request):
    "Build the wheel, install it into a fresh venv, and load a pretrained model and sample from it in another folder."
    if 'slow' not in request.config.getoption('--nb-flags').split():
        pytest.skip('slow: run with --nb-flags slow (make test-slow)')
    dist = tmp_path/'dist'
    subprocess.run([sys.executable, '-m', 'build', '--wheel', '--no-isolation', '--outdir', str(dist), str(ROOT)],
                   check=True, capture_output=True)
    whl = next(dist.glob('*.whl'))
    names = zipfile.ZipFile(whl).namelist()
    assert 'mnist_diffusion/assets/mnist_classifier.pt' in names and 'mnist_diffusion/zoo/manifest.json' in names
    assert any(n.startswith('mnist_diffusion/zoo/ddpm_mnist_') for n in names)
    assert 'mnist_diffusion/zoo/metrics.csv' in names
    venv = tmp_path/'venv'
    subprocess.run([sys.executable, '-m', 'venv', str(venv)], check=True)
    py = venv/'bin'/'python'
    site = subprocess.check_output([str(py), '-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'],
                                   text=True).strip()
    # the dependencies (torch alone is ~6 GB) come from this environment; the package itself only from the wheel
    Path(site, '_deps.pth').write_text(sysconfig.get_paths()['purelib'] + '\n')
    subprocess.run([str(py), '-m', 'pip', 'install', '--no-deps', '-q', str(whl)], check=True)
    work = tmp_path/'elsewhere'
    work.mkdir()
    code = ("import mnist_diffusion, mnist_diffusion.zoo as z; m, e = z.load_pretrained('ddpm'); "
            "print(mnist_diffusion.__file__); print(z.ZOO_DIR/e['file'])")
    pkg, ck = subprocess.check_output([str(py), '-c', code], cwd=work, text=True).split()
    assert pkg.startswith(str(venv)), f'imported {pkg}, not the installed wheel'
    out = subprocess.run([str(venv/'bin'/'mnist-diffusion'), 'sample', ck, '-n', '4', '--steps', '5', '--out',
                          'grid.png'],
                         cwd=work, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (work/'grid.png').stat().st_size > 0
