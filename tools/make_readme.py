"""Write README.md from nbs/index.ipynb (quarto, which nbdev_readme needs, is not installable offline).

Numbers are never typed into the README: a `{{name}}` in index.ipynb's markdown is replaced by the output of the
function `name` below, which formats it from the CSVs the code writes (the zoo's metrics, the benchmark results).
"""
import csv, re
from pathlib import Path
import nbformat
from mnist_diffusion import tables
from mnist_diffusion.tables import fmt as _f

ROOT = Path(__file__).resolve().parents[1]
ZOO = ROOT/'mnist_diffusion'/'zoo'
RESULTS = ROOT/'benchmarks'/'results'

def _rows(path) -> list[dict]: return list(csv.DictReader(open(path))) if Path(path).exists() else []
def results_10k() -> str: return tables.results_10k(ZOO)

def conditional() -> str:
    "Conditional accuracy and FID of the ten-digit mix at n=10,000 (DDPM) and of the best cold models (n=1,000)."
    pc = lambda v: f'{100 * float(v):.1f}%'
    g = sorted(_rows(RESULTS/'guidance_10k'/'guidance.csv'), key=lambda r: float(r['guidance']))
    ref = next(r for r in _rows(ZOO/'metrics_10k.csv') if r['preset'] == 'unet_v' and r['epoch'] == g[0]['epoch'])
    out = ['| model | n | digit asked for | FID, ten-digit mix |', '|---|---|---|---|']
    out += [f"| DDPM `unet_v_cond` @{r['epoch']}, guidance {float(r['guidance']):g} | {int(r['n']):,} | "
            f"{pc(r['cond_acc'])} | {_f(r['fid'])} |" for r in g]
    man = tables.manifest_by_file(ZOO)                 # the zoo's conditional models at their default guidance
    for r in (r for r in _rows(ZOO/'metrics_10k.csv') if r.get('cond_acc') and r['file'] in man):
        how = f"autoguided by {tables.guide_name(r['guide'], man)} (w={float(r['guide_weight']):g})" if r['guide'] \
            else f"guidance {float(r['guidance']):g}"
        out.append(f"| {tables.model_name(r)} @{r['epoch']}, {how} | {int(r['n']):,} | {pc(r['cond_acc'])} | "
                   f"{_f(r['fid'])} |")
    out.append(f"| DDPM `unet_v` @{ref['epoch']} (no labels) | {int(ref['n']):,} | | {_f(ref['fid'])} |")
    cold = _rows(RESULTS/'cold_conditional.csv')
    for o in ('row', 'col'):                       # the best restorer that only sees the profile, and the told one
        for told in (False, True):
            r = max((r for r in cold if r['orientation'] == o and r['preset'].endswith('_cond') == told),
                    key=lambda r: float(r['cond_acc']))
            how = 'told the digit' if told else 'from its per-digit prior'
            out.append(f"| cold `{r['preset']}` {o} @{r['epoch']}, {how} | {int(r['n']):,} | {pc(r['cond_acc'])} | "
                       f"{_f(r['fid'])} |")
    out.append(f"| real data (floor) | {int(ref['n']):,} / {int(cold[0]['n']):,} | | {_f(ref['floor_fid'])} / "
               f"{_f(cold[0]['floor_fid'])} |")
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

def notebooks() -> str:
    "The notebooks in reading order: each one's exported module and its own title (its first heading)."
    out = ['| notebook | module | what it holds |', '|---|---|---|']
    for p in sorted((ROOT/'nbs').glob('[0-9]*.ipynb')):
        cells = nbformat.read(p, as_version=4).cells
        title = next(c.source.splitlines()[0].lstrip('# ') for c in cells if c.cell_type == 'markdown')
        mod = next((m.group(1) for c in cells if (m := re.match(r'#\| default_exp (\w+)', c.source))), '')
        out.append(f"| [{p.stem}](nbs/{p.name}) | {f'`{mod}`' if mod else ''} | {title} |")
    return '\n'.join(out)

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
