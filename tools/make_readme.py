"""Write README.md from nbs/index.ipynb (quarto, which nbdev_readme needs, is not installable offline).

Numbers are never typed into the README: a `{{name}}` in index.ipynb's markdown is replaced by the output of the
function `name` below, which formats it from the CSVs the code writes (the zoo's metrics, the benchmark results).
"""
import csv, json, re
from pathlib import Path
import nbformat

ROOT = Path(__file__).resolve().parents[1]
ZOO = ROOT/'mnist_diffusion'/'zoo'
RESULTS = ROOT/'benchmarks'/'results'

def _rows(path) -> list[dict]: return list(csv.DictReader(open(path))) if Path(path).exists() else []
def _f(v, d=1) -> str: return '' if v in (None, '') else f'{float(v):,.{d}f}'

def results_10k() -> str:
    "The last epoch of every shipped model at n=10,000, with its training time and the real-data floor."
    rows, man = _rows(ZOO/'metrics_10k.csv'), {m['file']: m for m in json.loads((ZOO/'manifest.json').read_text())}
    rows = sorted((r for r in rows if r['file'] in man), key=lambda r: float(r['fid']))
    out = ['| model | epochs (training time) | sampler, NFE | FID | KID | IS | classes (e^H) |', '|---|---|---|---|---|---|---|']
    for r in rows:
        m = man[r['file']]
        name = f"DDPM `{r['preset']}`" if r['kind'] == 'ddpm' else f"cold `{r['preset']}` {r['orientation']}"
        out.append(f"| {name} | {r['epoch']} ({m['train_seconds'] / 60:.1f} min) | {r['sampler']}, {r['steps']} | {_f(r['fid'])} | "
                   f"{_f(r['kid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'])} |")
    r = rows[0]
    out.append(f"| real data (floor: {int(r['n']):,} training vs {int(r['n']):,} test digits) | | | {_f(r['floor_fid'])} | "
               f"{_f(r['floor_kid'])} | {_f(r['floor_IS'], 2)} | {_f(r['floor_effective_classes'])} |")
    return '\n'.join(out)

def recipe() -> str:
    "The recipe study: each variant's scores at each CPU-second mark."
    rows = _rows(RESULTS/'recipe.csv')
    if not rows: return '(no study results yet: run `benchmarks/recipe.py`)'
    marks = sorted({float(r['cpu_s']) for r in rows})
    out = ['| variant | ' + ' | '.join(f'FID @ {m:.0f} CPU-s' for m in marks) + ' | classes @ end | loss @ end |',
           '|---|' + '---|' * (len(marks) + 2)]
    for v in dict.fromkeys(r['variant'] for r in rows):
        rs = {float(r['cpu_s']): r for r in rows if r['variant'] == v}
        end = rs[max(rs)]
        out.append(f'| `{v}` | ' + ' | '.join(_f(rs[m]['fid']) if m in rs else '' for m in marks) +
                   f" | {_f(end['effective_classes'], 2)} | {_f(end['loss'], 4)} |")
    r = rows[0]
    out.append(f"| real data (floor, n={int(r['n']):,}) | " + ' | '.join(_f(r['floor_fid']) for _ in marks) + ' | | |')
    return '\n'.join(out)

def recipe_setup() -> str:
    "The study's fixed conditions, from its CSV."
    r = _rows(RESULTS/'recipe.csv')
    if not r: return ''
    r = r[0]
    return f"n={int(r['n']):,} samples ({r['sampler']}), {r['threads']} thread per run"

def solvers() -> str:
    "FID against NFE for DDIM and DPM-Solver++(2M) on one shipped model."
    rows = _rows(RESULTS/'solvers.csv')
    if not rows: return '(no solver results yet: run `benchmarks/solvers.py`)'
    nfes = sorted({int(r['nfe']) for r in rows})
    out = ['| sampler | ' + ' | '.join(f'NFE {k}' for k in nfes) + ' |', '|---|' + '---|' * len(nfes)]
    for s in dict.fromkeys(r['sampler'] for r in rows):
        rs = {int(r['nfe']): r for r in rows if r['sampler'] == s}
        out.append(f'| {s} FID | ' + ' | '.join(_f(rs[k]['fid']) if k in rs else '' for k in nfes) + ' |')
        out.append(f'| {s} ms/image | ' + ' | '.join(_f(rs[k]['ms_per_image']) if k in rs else '' for k in nfes) + ' |')
    r = rows[0]
    out.append(f"\nModel `{r['model']}`, n={int(r['n']):,}, real-data floor FID {_f(r['floor_fid'])} at that n; "
               f"{r['threads']} CPU thread(s), timings taken while other jobs shared the CPU (upper bounds).")
    ref = max((q for q in rows if q['sampler'] == 'ddim'), key=lambda q: int(q['nfe']), default=None)
    dpm = {int(q['nfe']): q for q in rows if q['sampler'] == 'dpm++2m'}
    if ref and dpm:
        rel = lambda q: 100 * (float(q['fid']) / float(ref['fid']) - 1)
        out.append(f"Against DDIM with {ref['nfe']} NFE (FID {_f(ref['fid'])}): " +
                   ', '.join(f"DPM-Solver++ at {k} NFE {rel(q):+.0f}%" for k, q in sorted(dpm.items())) + '.')
    return '\n'.join(out)

def timing(name: str) -> str:
    "A measured wall time from timings.csv, as minutes and seconds with the CPU it ran on."
    r = next((r for r in _rows(RESULTS/'timings.csv') if r['name'] == name), None)
    if r is None: return '(not measured yet)'
    m, s = divmod(int(r['seconds']), 60)
    return f"{m} min {s} s" + (f" on {r['cpu']}" if name == 'main_job' else '')

def timing_main_job() -> str: return timing('main_job')
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
