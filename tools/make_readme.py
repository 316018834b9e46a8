"""Write README.md from nbs/index.ipynb (quarto, which nbdev_readme needs, is not installable offline)."""
from pathlib import Path
import nbformat

ROOT = Path(__file__).resolve().parents[1]

def render() -> str:
    "The README text: index.ipynb's markdown cells and its un-hidden code cells as fenced Python."
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    parts = ['<!-- Generated from nbs/index.ipynb by `make readme`: edit the notebook, not this file. -->']
    for c in nb.cells:
        src = c.source.strip()
        if c.cell_type == 'markdown': parts.append(src)
        elif c.cell_type == 'code' and src and not src.startswith('#|'): parts.append(f'```python\n{src}\n```')
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    (ROOT/'README.md').write_text(render())
    print('wrote README.md')
