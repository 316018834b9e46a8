"""Write README.md from nbs/index.ipynb (quarto, which nbdev_readme needs, is not installable offline).

Numbers are never typed into the README: a `{{name}}` in index.ipynb's markdown is replaced by the output of the
function `name` below, which formats it from the CSVs the code writes (the zoo's metrics, the benchmark results).
"""
import csv, re
from pathlib import Path
import nbformat
from mnist_diffusion import tables

ROOT = Path(__file__).resolve().parents[1]
ZOO = ROOT/'mnist_diffusion'/'zoo'
RESULTS = ROOT/'benchmarks'/'results'

def _rows(path) -> list[dict]: return list(csv.DictReader(open(path))) if Path(path).exists() else []
def results_10k() -> str: return tables.results_10k(ZOO)

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
