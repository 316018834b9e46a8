"""Lay out the Sphinx + myst-nb source of the docs site (quarto, which nbdev_docs needs, is not installable offline).

    .venv/bin/python tools/make_docs.py _docs/src && .venv/bin/sphinx-build -b html _docs/src _docs/html    # = make \
        docs

Every notebook of nbs/ becomes a page in reading order (index.ipynb is the home page); the report and the studies are
executed first (their tables and figures come from the CSVs and the zoo); api.md documents every exported module from
its docstrings (autodoc)."""
import shutil, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
EXECUTE = ('10_report', '11_', '12_', '13_', '14_', '15_', '16_', '17_', '18_')       # name prefixes
MODULES = ['core', 'data', 'models', 'ddpm', 'cold', 'checkpoint', 'training', 'evaluation', 'zoo', 'explore', 'jobs',
           'cli']
CONF = '''project = "mnist-diffusion"
extensions = ["myst_nb", "sphinx.ext.autodoc"]
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath"]
exclude_patterns = ["_build"]
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header", "misc.highlighting_failure", "myst.xref_missing"]
html_theme = "alabaster"
html_theme_options = {"nosidebar": False}
html_sidebars = {"**": ["navigation.html", "searchbox.html"]}
'''

def main(out: Path):
    nbs = sorted(p for p in (ROOT/'nbs').glob('*.ipynb') if p.name != 'index.ipynb')
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT/'nbs'/'images', out/'nbs'/'images', dirs_exist_ok=True)  # README-style links: nbs/images/...
    shutil.copytree(ROOT/'nbs'/'images', out/'images', dirs_exist_ok=True)
    for p in nbs + [ROOT/'nbs'/'index.ipynb']:
        nb = nbformat.read(p, as_version=4)
        if p.name.startswith(EXECUTE):
            NotebookClient(nb, timeout=600, resources={'metadata': {'path': str(ROOT/'nbs')}}).execute()
        for c in nb.cells:                                   # links between notebooks: nbs/x.ipynb -> x.ipynb
            if c.cell_type == 'markdown': c.source = c.source.replace('](nbs/', '](')
        nbformat.write(nb, out/p.name)
    api = ['# API reference',
           ''] + [f'```{{eval-rst}}\n.. automodule:: mnist_diffusion.{m}\n   :members:\n```\n' for m in MODULES]
    (out/'api.md').write_text('\n'.join(api))
    toc = '\n'.join(p.stem for p in nbs) + '\napi'
    index = nbformat.read(out/'index.ipynb', as_version=4)
    index.cells.append(nbformat.v4.new_markdown_cell(f'```{{toctree}}\n:maxdepth: 1\n:caption: Contents\n{toc}\n```'))
    nbformat.write(index, out/'index.ipynb')
    (out/'conf.py').write_text(CONF)
    print(f'docs source in {out}: {len(nbs) + 1} notebooks and api.md')

if __name__ == '__main__': main(Path(sys.argv[1] if len(sys.argv) > 1 else '_docs/src'))
