"""Lay out the Sphinx + myst-nb source of the docs site (quarto, which nbdev_docs needs, is not installable offline):
`make docs` runs this, then `sphinx-build -b html _docs/src _docs/html`.

Every notebook of nbs/ becomes a page in reading order (index.ipynb is the home page). The notebooks that export no
module (the report and the studies) are executed first, so their tables and figures come from today's CSVs and zoo;
api.md documents every exported module from its docstrings (autodoc). The home page gets the README's numbers (the
same `{{name}}` fills as `make readme`); nbdev's directive cells (`#| hide`, `#| default_exp`) are left out and its
`#| export` lines dropped, so the exported code reads as the API."""
import re, shutil, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
sys.path.insert(0, str(Path(__file__).parent))
import make_readme                                     # the README's fills: the home page shows the same numbers

fills = {k: getattr(make_readme, k) for k in dir(make_readme) if callable(getattr(make_readme, k))}

ROOT = Path(__file__).resolve().parents[1]
CONF = '''project = "mnist-diffusion"
extensions = ["myst_nb", "sphinx.ext.autodoc"]
nb_execution_mode = "off"
nb_render_markdown_format = "myst"      # Markdown outputs (the study tables) parsed as MyST: tables render
myst_enable_extensions = ["dollarmath"]
exclude_patterns = ["_build"]
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header", "misc.highlighting_failure", "myst.xref_missing"]
html_theme = "furo"                                    # made for code-heavy docs: long lines scroll, never cut
'''

def module_of(nb) -> str|None:
    "The module a notebook exports (its `#| default_exp`), if any."
    return next((m.group(1) for c in nb.cells if (m := re.match(r'#\|\s*default_exp\s+(\w+)', c.source))), None)

def readable(nb):
    "The notebook as a reader sees it: `#| hide` and `#| default_exp` cells gone, `#|` directive lines dropped."
    keep = []
    for c in nb.cells:
        if c.cell_type == 'code':
            if re.match(r'#\|\s*(hide|default_exp)\b', c.source): continue
            c.source = '\n'.join(l for l in c.source.splitlines() if not l.startswith('#|')).strip('\n')
            if not c.source and not c.get('outputs'): continue
        keep.append(c)
    nb.cells = keep
    return nb

def main(out: Path):
    nbs, modules = sorted(p for p in (ROOT/'nbs').glob('*.ipynb') if p.name != 'index.ipynb'), []
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT/'nbs'/'images', out/'images', dirs_exist_ok=True)
    for p in nbs + [ROOT/'nbs'/'index.ipynb']:
        nb = nbformat.read(p, as_version=4)
        if (m := module_of(nb)): modules.append(m)
        elif p.name != 'index.ipynb':                        # the report and the studies: run in nbs/, as in JupyterLab
            NotebookClient(nb, timeout=600, resources=dict(metadata=dict(path=ROOT/'nbs'))).execute()
        for c in readable(nb).cells:                         # links between notebooks: nbs/x.ipynb -> x.ipynb
            if c.cell_type == 'markdown':
                c.source = c.source.replace('](nbs/', '](')
                if p.name == 'index.ipynb': c.source = re.sub(r'\{\{(\w+)\}\}', lambda m: fills[m.group(1)](), c.source)
        nbformat.write(nb, out/p.name)
    api = [f'```{{eval-rst}}\n.. automodule:: mnist_diffusion.{m}\n   :members:\n```\n' for m in modules]
    (out/'api.md').write_text('\n'.join(['# API reference', ''] + api))
    toc = '\n'.join(p.stem for p in nbs) + '\napi'
    index = nbformat.read(out/'index.ipynb', as_version=4)
    index.cells.append(nbformat.v4.new_markdown_cell(f'```{{toctree}}\n:maxdepth: 1\n:caption: Contents\n{toc}\n```'))
    nbformat.write(index, out/'index.ipynb')
    (out/'conf.py').write_text(CONF)
    print(f'docs source in {out}: {len(nbs) + 1} notebooks, api.md for {len(modules)} modules')

if __name__ == '__main__': main(Path(sys.argv[1] if len(sys.argv) > 1 else '_docs/src'))
