"""Write README.md from nbs/index.ipynb (quarto, which nbdev_readme needs, is not installable offline).

Numbers are never typed into the README: a `{{name}}` in index.ipynb's markdown is replaced by the output of the
function `name` below, which formats it from the CSVs the code writes (the zoo's metrics, the benchmark results).
"""
import csv, json, re
from pathlib import Path
import nbformat
from mnist_diffusion.core import formulation
from mnist_diffusion.zoo import last_epochs

ROOT = Path(__file__).resolve().parents[1]
ZOO = ROOT/'mnist_diffusion'/'zoo'
RESULTS = ROOT/'benchmarks'/'results'

def _rows(path) -> list[dict]: return list(csv.DictReader(open(path))) if Path(path).exists() else []
def _f(v, d=1) -> str: return '' if v in (None, '') else f'{float(v):,.{d}f}'
def _manifest() -> dict: return {m['file']: m for m in json.loads((ZOO/'manifest.json').read_text())}

def results_10k() -> str:
    "The last epoch of every shipped model at n=10,000, with its training time and the real-data floor."
    rows, man = _rows(ZOO/'metrics_10k.csv'), _manifest()
    rows = sorted(last_epochs([r for r in rows if r['file'] in man]), key=lambda r: float(r['fid']))
    pct = lambda r, k: f'{100 * float(r[k]):.1f}%' if r.get(k) not in (None, '') else ''
    out = ['| model | epochs (training time) | sampler, NFE | FID | KID | IS | classes (e^H) | restored (Alg. 2, '
           'direct) |',
           '|---|---|---|---|---|---|---|---|']
    for r in rows:
        m = man[r['file']]
        f = formulation(r['kind'])
        name = f"{f.title} `{r['preset']}`" + (f" {r['orientation']}" if f.oriented else '')
        scored = r.get('restore_acc') not in (None, '')
        restored = f"{pct(r, 'restore_acc')}, {pct(r, 'restore_acc_direct')}" if scored else ''
        where = ', GPU' if 'NVIDIA' in m['trained_on'] else ''
        out.append(f"| {name} | {r['epoch']} ({m['train_seconds'] / 60:.1f} min{where}) | {r['sampler']}, "
                   f"{r['steps']} | {_f(r['fid'])} | "
                   f"{_f(r['kid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'])} | {restored} |")
    r = rows[0]
    out.append(f"| real data (floor: {int(r['n']):,} training vs {int(r['n']):,} test digits) | | | "
               f"{_f(r['floor_fid'])} | "
               f"{_f(r['floor_kid'])} | {_f(r['floor_IS'], 2)} | {_f(r['floor_effective_classes'])} | |")
    return '\n'.join(out)

def conditional() -> str:
    "Conditional accuracy and FID of the ten-digit mix at n=10,000 (DDPM) and of the best cold models (n=1,000)."
    pc = lambda v: f'{100 * float(v):.1f}%'
    g = sorted(_rows(RESULTS/'guidance_10k'/'guidance.csv'), key=lambda r: float(r['guidance']))
    ref = next(r for r in _rows(ZOO/'metrics_10k.csv') if r['preset'] == 'unet_v' and r['epoch'] == g[0]['epoch'])
    out = ['| model | n | digit asked for | FID, ten-digit mix |', '|---|---|---|---|']
    out += [f"| DDPM `unet_v_cond` @{r['epoch']}, guidance {float(r['guidance']):g} | {int(r['n']):,} | "
            f"{pc(r['cond_acc'])} | {_f(r['fid'])} |" for r in g]
    out.append(f"| DDPM `unet_v` @{ref['epoch']} (no labels) | {int(ref['n']):,} | | {_f(ref['fid'])} |")
    cold = _rows(RESULTS/'cold_conditional.csv')
    for o in ('row', 'col'):                       # the best restorer that only sees the profile, and the told one
        for told in (False, True):
            r = max((r for r in cold if r['orientation'] == o and r['preset'].endswith('_cond') == told),
                    key=lambda r: float(r['cond_acc']))
            how = 'told the digit' if told else 'from its per-digit prior'
            out.append(f"| cold `{r['preset']}` {o} @{r['epoch']}, {how} | {int(r['n']):,} | {pc(r['cond_acc'])} | "
                       f"{_f(r['fid'])} |")
    out.append(f"| real data (floor) | 10,000 / 1,000 | | {_f(ref['floor_fid'])} / {_f(cold[0]['floor_fid'])} |")
    return '\n'.join(out)

def timing(name: str) -> str:
    "A measured wall time from timings.csv, as minutes and seconds with the CPU it ran on."
    r = next((r for r in _rows(RESULTS/'timings.csv') if r['name'] == name), None)
    if r is None: return '(not measured yet)'
    m, s = divmod(int(r['seconds']), 60)
    where = f" on {r['cpu']}" if name == 'main_job' else ''
    return f"{m} min {s} s{where}" + (f" (that run exited {r['exit']})" if r['exit'] != '0' else '')

def timing_main_job() -> str: return timing('main_job')
def timing_ci() -> str: return timing('ci')
def timing_test() -> str: return timing('test')
def timing_test_slow() -> str: return timing('test_slow')

def render() -> str:
    "The README text: index.ipynb's markdown cells (numbers filled in) and its un-hidden code cells as fenced Python."
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    parts = ['<!-- Generated from nbs/index.ipynb by `make readme`: edit the notebook, not this file. -->']
    fill = lambda m: globals()[m.group(1)]()
    for c in nb.cells:
        src = c.source.strip()
        if c.cell_type == 'markdown': parts.append(re.sub(r'\{\{(\w+)\}\}', fill, src))
        elif c.cell_type == 'code' and src and not src.startswith('#|'): parts.append(f'```python\n{src}\n```')
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    (ROOT/'README.md').write_text(render())
    print('wrote README.md')
