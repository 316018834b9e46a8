"""tools/refit_prior.py: a shipped cold model gets a new mixture prior, stays loadable, and the manifest follows."""
import json, sys
from dataclasses import asdict
from pathlib import Path
import pytest, torch
from mnist_diffusion.checkpoint import save_checkpoint, load_checkpoint, read_checkpoint
from mnist_diffusion.cold import cold_preset, build_cold
from mnist_diffusion.core import sha256_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1]/'tools'))
from refit_prior import refit, fitted

def test_refit(tmp_path):
    x = torch.rand(300, 1, 28, 28) * 2 - 1
    mc = asdict(cold_preset('default_7', 'col'))
    m = build_cold(mc).fit_prior(x)
    files = ['cold_mnist_1_col_default_7.pt', 'cold_mnist_2_col_default_7.pt']
    for f in files:
        save_checkpoint(tmp_path/f, kind='cold', preset='default_7', orientation='col', model_config=mc,
                        epoch=int(f.split('_')[2]),
                                    train_config={}, ema=m.state_dict(), model=None)
    entries = [dict(file=f, kind='cold', preset='default_7', orientation='col', bytes=0,
                    sha256='') for f in files] + [dict(file='d.pt', kind='ddpm')]
    (tmp_path/'manifest.json').write_text(json.dumps(entries))
    refit(files, 3, x, zoo=tmp_path)
    a, ck = load_checkpoint(tmp_path/files[0], 'cold')
    b, _ = load_checkpoint(tmp_path/files[1], 'cold')
    assert ck['model_config']['prior_k'] == 3 and a.prior.means.shape == (3, 28) and a.prior.fitted()
    assert torch.equal(a.prior.means, b.prior.means)                                  # one fit, shared by every epoch
    # network untouched
    assert all(torch.equal(v, m.state_dict()[n]) for n, v in a.state_dict().items() if not n.startswith('prior.'))
    assert a.sample(2, torch.Generator().manual_seed(0)).shape == (2, 1, 28, 28)
    man = {e['file']: e for e in json.loads((tmp_path/'manifest.json').read_text())}
    assert man[files[0]]['sha256'] == sha256_of(tmp_path/files[0])
    assert man[files[0]]['bytes'] == (tmp_path/files[0]).stat().st_size
    assert read_checkpoint(tmp_path/files[0])['epoch'] == 1
    with pytest.raises(SystemExit, match='not cold models'): refit(['d.pt'], 3, x, zoo=tmp_path)
    refit(files[1:], 5, x, zoo=tmp_path)                                              # back to a fresh 5-component fit,
    refit(files[:1], 5, None, zoo=tmp_path, fits=fitted(files[1], zoo=tmp_path))      # then copied, not refitted
    assert torch.equal(load_checkpoint(tmp_path/files[0])[0].prior.chol,
                       load_checkpoint(tmp_path/files[1])[0].prior.chol)
    with pytest.raises(SystemExit, match='no 4-component col prior'):
        refit(files[:1], 4, None, zoo=tmp_path, fits=fitted(files[1], zoo=tmp_path))
