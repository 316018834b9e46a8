"""Write README.md from nbs/index.ipynb (quarto, which nbdev_readme needs, is not installable offline).

Numbers are never typed into the README: a `{{name}}` in index.ipynb's markdown is replaced by the output of the
function `name` below, which formats it from the CSVs the code writes (the zoo's metrics, the benchmark results).
"""
import csv, json, re
from pathlib import Path
import nbformat
from mnist_diffusion.evaluation import STARTER_CNN_FID
from mnist_diffusion.checkpoint import read_checkpoint

ROOT = Path(__file__).resolve().parents[1]
ZOO = ROOT/'mnist_diffusion'/'zoo'
RESULTS = ROOT/'benchmarks'/'results'

def _rows(path) -> list[dict]: return list(csv.DictReader(open(path))) if Path(path).exists() else []
def _f(v, d=1) -> str: return '' if v in (None, '') else f'{float(v):,.{d}f}'
def _manifest() -> dict: return {m['file']: m for m in json.loads((ZOO/'manifest.json').read_text())}

def results_10k() -> str:
    "The last epoch of every shipped model at n=10,000, with its training time and the real-data floor."
    rows, man = _rows(ZOO/'metrics_10k.csv'), _manifest()
    last = {}
    for r in (r for r in rows if r['file'] in man):                 # each model's last scored epoch
        k = (r['kind'], r['preset'], r['orientation'])
        if k not in last or int(r['epoch']) > int(last[k]['epoch']): last[k] = r
    rows = sorted(last.values(), key=lambda r: float(r['fid']))
    pct = lambda r, k: f'{100 * float(r[k]):.1f}%' if r.get(k) not in (None, '') else ''
    out = ['| model | epochs (training time) | sampler, NFE | FID | KID | IS | classes (e^H) | restored (Alg. 2, direct) |',
           '|---|---|---|---|---|---|---|---|']
    for r in rows:
        m = man[r['file']]
        name = f"DDPM `{r['preset']}`" if r['kind'] == 'ddpm' else f"cold `{r['preset']}` {r['orientation']}"
        restored = f"{pct(r, 'restore_acc')}, {pct(r, 'restore_acc_direct')}" if r.get('restore_acc') not in (None, '') else ''
        where = ', GPU' if 'NVIDIA' in m['trained_on'] else ''
        out.append(f"| {name} | {r['epoch']} ({m['train_seconds'] / 60:.1f} min{where}) | {r['sampler']}, {r['steps']} | {_f(r['fid'])} | "
                   f"{_f(r['kid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'])} | {restored} |")
    r = rows[0]
    out.append(f"| real data (floor: {int(r['n']):,} training vs {int(r['n']):,} test digits) | | | {_f(r['floor_fid'])} | "
               f"{_f(r['floor_kid'])} | {_f(r['floor_IS'], 2)} | {_f(r['floor_effective_classes'])} | |")
    return '\n'.join(out)

def cold_vs_ddpm(ddpm='unet_v', gpu_ddpm='unet_v_b512') -> str:
    "Each orientation's best UNet cold restorer (last epoch, n=10,000) against the DDPM at the nearest training time on the same hardware."
    man = _manifest()
    rows = [r for r in _rows(ZOO/'metrics_10k.csv') if r['file'] in man]
    mins = lambda r: man[r['file']]['train_seconds'] / 60
    gpu = lambda r: 'NVIDIA' in man[r['file']]['trained_on']
    out = []
    for o in ('row', 'col'):
        last = {}
        for r in (r for r in rows if r['kind'] == 'cold' and r['preset'].startswith('unet_') and r['orientation'] == o):
            if r['preset'] not in last or int(r['epoch']) > int(last[r['preset']]['epoch']): last[r['preset']] = r
        if not last: continue
        c = min(last.values(), key=lambda r: float(r['fid']))
        p = gpu_ddpm if gpu(c) else ddpm                        # GPU minutes against GPU minutes, CPU against CPU
        ds = [r for r in rows if r['kind'] == 'ddpm' and r['preset'] == p]
        if not ds: continue
        d = min(ds, key=lambda r: abs(mins(r) - mins(c)))
        unit = 'GPU-min' if gpu(c) else 'min'
        out.append(f"`{c['preset']}` {o} (epoch {c['epoch']}, {mins(c):.1f} {unit}): FID {_f(c['fid'])} against `{p}` epoch {d['epoch']} "
                   f"({mins(d):.1f} {unit}, {d['sampler']}-{d['steps']}) {_f(d['fid'])}, {float(c['fid']) / float(d['fid']):.1f}x")
    return '; '.join(out) + '.' if out else '(no cold restorer scored at n=10,000 yet)'

def _epoch_table(rows, lines) -> list[str]:
    "A markdown table with one column per row's epoch and one line per (label, cell function) in `lines`."
    return (['| epoch | ' + ' | '.join(r['epoch'] for r in rows) + ' |', '|---|' + '---|' * len(rows)]
            + [f'| {label} | ' + ' | '.join(cell(r) for r in rows) + ' |' for label, cell in lines])

def ddpm_curve(preset='unet_v') -> str:
    "The recommended DDPM's score after each shipped epoch (n=1,000), its training time, and when it came within 2x of its last score."
    man = _manifest()
    rows = sorted((r for r in _rows(ZOO/'metrics.csv') if r['kind'] == 'ddpm' and r['preset'] == preset and r['file'] in man
                   and int(r['epoch']) > 0), key=lambda r: int(r['epoch']))
    if not rows: return ''
    mins = lambda r: man[r['file']]['train_seconds'] / 60
    out = _epoch_table(rows, [('training minutes', lambda r: f'{mins(r):.0f}'), (f"FID (n={int(rows[0]['n']):,})", lambda r: _f(r['fid'])),
                              ('classes', lambda r: _f(r['effective_classes'], 2))])
    last = rows[-1]
    near = next(r for r in rows if float(r['fid']) <= 2 * float(last['fid']))
    out.append(f"\n`{preset}` scored within 2x of its last FID ({_f(last['fid'])} at epoch {last['epoch']}) first at epoch "
               f"{near['epoch']}, after {mins(near):.0f} of its {mins(last):.0f} training minutes ({last['sampler']}-{last['steps']}; "
               f"real-data floor {_f(last['floor_fid'])} at n={int(last['n']):,}; logged wall time, some epochs on a shared CPU).")
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

def presets() -> str:
    "The coursework presets and unet_v at one equal CPU budget (presets_study.py), beside the zoo's epoch-1 scores."
    rows = _rows(RESULTS/'presets_study.csv')
    if not rows: return '(no study results yet: run `benchmarks/presets_study.py`)'
    marks = sorted({float(r['cpu_s']) for r in rows})
    zoo = {r['preset']: r for r in _rows(ZOO/'metrics.csv') if r['kind'] == 'ddpm' and r['epoch'] == '1'}
    out = ['| preset | parameters | T, lr | ' + ' | '.join(f'FID @ {m / 60:.0f} CPU-min' for m in marks) +
           ' | epochs in the budget | classes @ end | FID after 1 epoch (zoo) |', '|---|---|---|' + '---|' * (len(marks) + 3)]
    for p in dict.fromkeys(r['preset'] for r in rows):
        rs = {float(r['cpu_s']): r for r in rows if r['preset'] == p}
        end = rs[max(rs)]
        out.append(f"| `{p}` | {int(end['params']):,} | {end['T']}, {float(end['lr']):g} | " +
                   ' | '.join((_f(rs[m]['fid']) or 'not scored') if m in rs else '' for m in marks) +
                   f" | {float(end['epochs']):.2f} | {_f(end['effective_classes'], 2)} | {_f(zoo[p]['fid']) if p in zoo else ''} |")
    r = rows[0]
    z = next((zoo[p] for p in dict.fromkeys(r['preset'] for r in rows) if p in zoo), None)   # a row of a preset in the study
    out.append(f"| real data (floor) | | | " + ' | '.join(_f(r['floor_fid']) for _ in marks) + ' | | | ' + (_f(z['floor_fid']) if z else '') + ' |')
    out.append(f"\nStudy: n={int(r['n']):,} samples ({r['sampler']}), {r['threads']} thread per run, process time. "
               f"Zoo column: the shipped epoch-1 checkpoint (`tools/train_zoo.sh`), n={int(z['n']):,}, "
               f"{z['sampler']}-{z['steps']}." if z else '')
    for u in (r for r in rows if not r['fid']):                 # trained for the budget but not scored
        d = next((q for q in rows if q['preset'] == 'default' and q['cpu_s'] == u['cpu_s']), None)
        out.append(f"`{u['preset']}` is not scored: {float(u['cpu_s']) / 60:.0f} CPU-minutes buy it {int(u['steps'])} optimiser "
                   f"steps ({float(u['epochs']):.2f} epochs, loss still {float(u['loss']):.2f})" +
                   (f" where `default` takes {int(d['steps']):,} ({float(d['epochs']):.2f} epochs)" if d else '') +
                   ", so its samples would be noise; it needs a GPU.")
        gz = sorted((r for r in _rows(ZOO/'metrics.csv') if r['kind'] == 'ddpm' and r['preset'] == u['preset']), key=lambda r: int(r['epoch']))
        if gz:
            g, m = gz[-1], _manifest()[gz[-1]['file']]
            out[-1] += (f" On an {m['trained_on'].split(' (')[0]} it trained {g['epoch']} epochs in {m['train_seconds'] / 60:.1f} minutes "
                        f"(the zoo's `{g['file']}`): FID {_f(g['fid'])}, classes {_f(g['effective_classes'], 2)} at n={int(g['n']):,} "
                        f"({g['sampler']}-{g['steps']}).")
    return '\n'.join(out)

def recipe_setup() -> str:
    "The study's fixed conditions, from its CSV."
    r = _rows(RESULTS/'recipe.csv')
    if not r: return ''
    r = r[0]
    return f"n={int(r['n']):,} samples ({r['sampler']}), {r['threads']} thread per run"

def recipe_summary() -> str:
    "What the recipe study says, each figure from its CSV: the target, the weighting, and width under v."
    rows = _rows(RESULTS/'recipe.csv')
    end = {}
    for r in rows:
        if r['variant'] not in end or float(r['cpu_s']) > float(end[r['variant']]['cpu_s']): end[r['variant']] = r
    need = ('base', 'v_pred', 'min_snr5', 'v_min_snr5', 'ch_32_64_128', 'v_ch_32_64_128')
    if not all(k in end for k in need): return ''
    F = lambda k: _f(end[k]['fid'])
    steps = lambda k: int(end[k]['steps'])
    return (f"The prediction target is the change that matters: v-prediction takes FID from {F('base')} to {F('v_pred')} "
            f"in the same budget. Min-SNR-5 weighting helps both targets (ε: {F('base')} to {F('min_snr5')}; v: {F('v_pred')} "
            f"to {F('v_min_snr5')}). A wider network loses here with either target (ε {F('ch_32_64_128')}, v "
            f"{F('v_ch_32_64_128')}), because the budget buys it fewer steps ({steps('v_ch_32_64_128')} against "
            f"{steps('v_pred')}). `unet_v` (v, no weighting) stays the recommended preset: v with min-SNR-5 is the better "
            f"start, but the long-run trial below finds no lasting gain.")


def recipe_pass(base='v_pred') -> str:
    "CPU-seconds until the recommended recipe, and the variants that start faster, score below the coursework's 100-epoch starter CNN (recipe_pass.csv)."
    rows = _rows(RESULTS/'recipe_pass.csv')
    if not rows: return '(not measured yet)'
    by = {v: sorted((r for r in rows if r['variant'] == v), key=lambda r: float(r['cpu_s'])) for v in dict.fromkeys(r['variant'] for r in rows)}
    passed = lambda rs: next((r for r in rs if float(r['fid']) <= STARTER_CNN_FID), None)
    when = lambda r: f"{float(r['cpu_s']):.0f} CPU-s ({int(r['steps'])} optimiser steps)" if r else 'not within the budget'
    marks = sorted({float(r['cpu_s']) for r in rows})
    r = by[base][0]
    out = [f"FID at n={int(r['n']):,} with {r['sampler']} (floor {_f(r['floor_fid'])}) against CPU-seconds of training "
           f"(1 thread, process time); the coursework's starter CNN after 100 epochs scores about {STARTER_CNN_FID} on this ruler. "
           f"`{base}` is the recommended `unet_v`'s recipe (batch 128, lr 1e-3); the others change its batch size (`bs`), "
           f"learning rate (`lr`, `warm`: 50 warm-up steps), weighting (`snr5`: min-SNR-5), schedule (`cos180`: cosine decay to zero "
           f"at 180 CPU-s), drop attention or the EMA, or run the forward pass in bf16 autocast (`bf16`):", '',
           '| variant | ' + ' | '.join(f'{m:.0f} s' for m in marks) + ' | at or below the starter CNN |',
           '|---|' + '---|' * (len(marks) + 1)]
    for v, rs in by.items():
        at = {float(r['cpu_s']): r for r in rs}
        out.append(f'| `{v}` | ' + ' | '.join(_f(at[m]['fid']) if m in at else '' for m in marks) + f' | {when(passed(rs))} |')
    first = min((passed(rs) for rs in by.values() if passed(rs)), key=lambda r: float(r['cpu_s']), default=None)
    if first: out += ['', f"Earliest: `{first['variant']}` at the {float(first['cpu_s']):.0f} CPU-second mark "
                          f"({float(first['cpu_s']) / 60:.0f} CPU-minutes)."]
    again = [r for f in sorted(RESULTS.glob('recipe_pass_seed*.csv')) for r in _rows(f)]
    if again: out.append("Trained again from another seed (weights, data order and sampling noise): " + ', '.join(
        f"`{r['variant']}` {_f(r['fid'])} at {float(r['cpu_s']):.0f} s (seed {r['seed']}, {int(r['steps'])} steps)" for r in again) + '.')
    return '\n'.join(out)

def solvers() -> str:
    "FID against NFE for DDIM and DPM-Solver++(2M), one table per shipped model in the study (newest model first)."
    rows = _rows(RESULTS/'solvers.csv')
    if not rows: return '(no solver results yet: run `benchmarks/solvers.py`)'
    return '\n\n'.join(_solver_table([r for r in rows if r['model'] == m]) for m in reversed(dict.fromkeys(r['model'] for r in rows)))

def _sampler_label(r) -> str:
    "A solver row's sampler, with its time grid's power where the grid is not evenly spaced."
    return r['sampler'] if float(r.get('power') or 1) == 1 else f"{r['sampler']} (p={float(r['power']):g})"

def _solver_table(rows) -> str:
    "One model's solver rows: FID and ms/image per sampler and NFE, and DPM-Solver++ against the longest DDIM run."
    nfes = sorted({int(r['nfe']) for r in rows})
    out = ['| sampler | ' + ' | '.join(f'NFE {k}' for k in nfes) + ' |', '|---|' + '---|' * len(nfes)]
    for s in dict.fromkeys(map(_sampler_label, rows)):
        rs = {int(r['nfe']): r for r in rows if _sampler_label(r) == s}
        out.append(f'| {s} FID | ' + ' | '.join(_f(rs[k]['fid']) if k in rs else '' for k in nfes) + ' |')
        out.append(f'| {s} ms/image | ' + ' | '.join(_f(rs[k]['ms_per_image']) if k in rs else '' for k in nfes) + ' |')
    r = rows[0]
    out.append(f"\nModel `{r['model']}`, n={int(r['n']):,}, real-data floor FID {_f(r['floor_fid'])} at that n; "
               f"{r['threads']} CPU thread(s), timings taken while other jobs shared the CPU (upper bounds).")
    ref = max((q for q in rows if _sampler_label(q) == 'ddim'), key=lambda q: int(q['nfe']), default=None)
    dpm = {int(q['nfe']): q for q in rows if _sampler_label(q) == 'dpm++2m'}
    if ref and dpm:
        rel = lambda q: 100 * (float(q['fid']) / float(ref['fid']) - 1)
        out.append(f"Against DDIM with {ref['nfe']} NFE (FID {_f(ref['fid'])}): " +
                   ', '.join(f"DPM-Solver++ at {k} NFE {rel(q):+.0f}%" for k, q in sorted(dpm.items())) + '.')
    sde = {int(q['nfe']): q for q in rows if _sampler_label(q) == 'sde-dpm++2m'}
    if sde and dpm:
        out.append("With fresh noise at every step, SDE-DPM-Solver++(2M) against DPM-Solver++ at the same NFE: " +
                   ', '.join(f"{k} NFE {_f(q['fid'])} against {_f(dpm[k]['fid'])}" for k, q in sorted(sde.items()) if k in dpm) + '.')
    if anc := next((q for q in rows if q['sampler'] == 'ancestral'), None):
        few = min((q for q in rows if int(q['nfe']) <= 50), key=lambda q: float(q['fid']))
        out.append(f"Ancestral sampling over all {anc['nfe']} steps (Ho et al.'s sampler, the reference): FID {_f(anc['fid'])}, "
                   f"classes {_f(anc['effective_classes'], 2)}, {float(anc['ms_per_image']) / float(few['ms_per_image']):.0f}x the time per image "
                   f"of the best at 50 NFE or fewer, {few['sampler']} at {few['nfe']} NFE (FID {_f(few['fid'])}).")
    return '\n'.join(out)

def solvers_10k() -> str:
    "The candidate default samplers on the best shipped DDPM at n=10,000 (solvers_10k.csv)."
    rows = _rows(RESULTS/'solvers_10k.csv')
    if not rows: return '(not measured yet: `benchmarks/solvers.py --n 10000 --out benchmarks/results/solvers_10k.csv`)'
    out = ['| sampler | NFE | FID | KID | IS | classes (e^H) | ms/image |', '|---|---|---|---|---|---|---|']
    out += [f"| {_sampler_label(r)} | {r['nfe']} | {_f(r['fid'])} | {_f(r['kid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'], 2)} | "
            f"{_f(r['ms_per_image'])} |" for r in sorted(rows, key=lambda r: float(r['fid']))]
    r = rows[0]
    out.append(f"\nModel `{r['model']}`, n={int(r['n']):,} against the test digits, real-data floor FID {_f(r['floor_fid'])} at that n; "
               f"{r['threads']} CPU thread, timings taken while other jobs shared the CPU (upper bounds).")
    return '\n'.join(out)

def _grid_name(g: str) -> str:
    "A time grid of benchmarks/time_grids.py ('p<power>', 'u<t_last>', 'logsnr') in words."
    if g == 'logsnr': return 'even in log-SNR'
    if g[0] == 'u': return f'even down to t={g[1:]}, then one step to 0'
    return f'p = {float(g[1:]):g}' + (' (even)' if float(g[1:]) == 1 else '')

def _grid_rows(seed0=True) -> list[dict]:
    "time_grids.csv rows drawn from the standard starting noise (seed 0), or from other noise."
    return [r for r in _rows(RESULTS/'time_grids.csv') if ((r.get('seed') or '0') == '0') == seed0]

def time_grids() -> str:
    "FID of the stochastic solver on the best shipped DDPM for several time grids at the same NFE (time_grids.csv)."
    rows = _grid_rows()
    if not rows: return '(not measured yet: `benchmarks/time_grids.py`)'
    out = ['| sampler | NFE | time grid | last steps | FID | IS | classes (e^H) |', '|---|---|---|---|---|---|---|']
    out += [f"| {r['sampler']} | {r['nfe']} | {_grid_name(r['grid'])} | {r['last_steps'].replace(' ', ', ')} | {_f(r['fid'])} | {_f(r['IS'], 2)} | "
            f"{_f(r['effective_classes'], 2)} |" for r in sorted(rows, key=lambda r: (-int(r['nfe_asked']), float(r['fid'])))]
    r = rows[0]
    out.append(f"\nModel `{r['model']}`, n={int(r['n']):,} against the test digits (the same starting noise for every grid), "
               f"real-data floor FID {_f(r['floor_fid'])} at that n; {r['threads']} CPU thread.")
    return '\n'.join(out)

def time_grids_summary(chosen='p0.75') -> str:
    "What the time-grid study says: the chosen grid against the even one, the long last step alone, at 10 NFE, the best grid, and on other noise."
    rows = _grid_rows()
    at = {(int(r['nfe_asked']), r['grid']): r for r in rows}
    if (20, 'p1') not in at or (20, chosen) not in at: return ''
    fid = lambda k, g: float(at[(k, g)]['fid'])
    rel = lambda k: f"{100 * (fid(k, chosen) / fid(k, 'p1') - 1):+.0f}%"
    out = [f"At 20 NFE the grid with p = {float(chosen[1:]):g} scores FID {_f(fid(20, chosen))} against {_f(fid(20, 'p1'))} for the even "
           f"grid ({rel(20)}, IS {_f(at[(20, chosen)]['IS'], 2)} against {_f(at[(20, 'p1')]['IS'], 2)})"]
    worse = [f"{_grid_name(g)} {_f(fid(20, g))}" for g in ('p2', 'logsnr') if (20, g) in at]
    if worse: out.append(f"; the grids that crowd the clean end do worse ({', '.join(worse)})")
    u = next((r for (k, g), r in at.items() if k == 20 and g[0] == 'u'), None)
    if u:
        share = (fid(20, 'p1') - float(u['fid'])) / (fid(20, 'p1') - fid(20, chosen))
        out.append(f". The even grid with the same long last step (from t={u['grid'][1:]}) scores {_f(u['fid'])}: "
                   f"{'most' if share > 0.67 else 'about half' if share > 0.33 else 'little'} of the gain ({100 * share:.0f}%) is the long last step")
    if (10, 'p1') in at and (10, chosen) in at:
        out.append(f". At 10 NFE: {_f(fid(10, chosen))} against {_f(fid(10, 'p1'))} ({rel(10)})"
                   + (": no gain with so few steps (pass `power=1` there)" if fid(10, chosen) >= fid(10, 'p1') else ''))
    best = min(rows, key=lambda r: float(r['fid']))
    if int(best['nfe_asked']) != 20:
        out.append(f". With more steps the best grid moves to a longer last step: the lowest FID measured is {_f(best['fid'])} "
                   f"({_grid_name(best['grid'])} at {best['nfe']} NFE, last step from t={best['last_steps'].split()[-2]}, "
                   f"{int(best['nfe']) / 20:.1f}x the default's network calls; "
                   f"`mnist-diffusion sample ... --steps {best['nfe_asked']} --power {float(best['grid'][1:]):g}`)")
    other = _grid_rows(seed0=False)
    if other:
        out.append(". Drawn again from other starting noise: " + ', '.join(
            f"{_grid_name(r['grid'])} at {r['nfe']} NFE {_f(r['fid'])} (seed {r['seed']}; {_f(at[(int(r['nfe_asked']), r['grid'])]['fid'])} from seed 0)"
            for r in other if (int(r['nfe_asked']), r['grid']) in at))
    return ''.join(out) + (f". So `sde-dpm++2m` samples on the p = {float(chosen[1:]):g} grid by default at 20 NFE; `power=` (Python, "
                           "`mnist-diffusion sample --power`, `benchmarks/solvers.py --power`) chooses another.")

def peer() -> str:
    "Ours against diffusers on this CPU: speed lines (ratio ours/theirs) and quality at equal CPU budget."
    sp, q = _rows(RESULTS/'peer_speed.csv'), _rows(RESULTS/'peer_quality.csv')
    if not sp: return '(no peer results yet: run `benchmarks/peer_diffusers.py speed`)'
    tr = {r['model']: r for r in sp if r['what'] == 'train'}
    o, d = tr['ours'], tr['diffusers']
    out = ['| measure | ours | diffusers | ratio (higher: ours better) |', '|---|---|---|---|',
           f"| parameters | {int(o['params']):,} | {int(d['params']):,} | |"] + ([
           f"| MFLOP per image, one forward pass | {_f(o['mflop'])} | {_f(d['mflop'])} | {float(d['mflop']) / float(o['mflop']):.2f}x |"]
           if o.get('mflop') else []) + [
           f"| training img/s, batch 128 | {_f(o['img_per_s'])} | {_f(d['img_per_s'])} | **{float(o['img_per_s']) / float(d['img_per_s']):.2f}x** |"]
    for k in ('forward', 'backward', 'optimiser'):
        out.append(f"| {k} ms per step | {_f(o[k + '_ms'])} | {_f(d[k + '_ms'])} | {float(d[k + '_ms']) / float(o[k + '_ms']):.2f}x |")
    sa = {(r['model'], r['loop'], r['nfe']): r for r in sp if r['what'] == 'sample'}
    for nfe in sorted({r['nfe'] for r in sp if r['what'] == 'sample'}, key=int):
        a, b, c = (float(sa[(m, l, nfe)]['ms_per_image']) for m, l in (('ours', 'ours'), ('ours', 'diffusers'), ('diffusers', 'diffusers')))
        out.append(f"| sampling ms/image, {nfe} NFE, loop only (both drive our network) | {a:.1f} | {b:.1f} | {b / a:.2f}x |")
        out.append(f"| sampling ms/image, {nfe} NFE, each with its own network | {a:.1f} | {c:.1f} | {c / a:.2f}x |")
    marks = {m: {float(r['cpu_s']): r for r in q if r['model'] == m} for m in ('ours', 'diffusers')}
    both = sorted(set(marks['ours']) & set(marks['diffusers']))           # compare at the largest budget both reached
    if both:
        o, d = marks['ours'][both[-1]], marks['diffusers'][both[-1]]
        out.append(f"| FID after {float(o['cpu_s']) / 60:.0f} CPU-min of training (n={int(o['n']):,}, floor {_f(o['floor_fid'])}) | "
                   f"{_f(o['fid'])} | {_f(d['fid'])} | {float(d['fid']) / float(o['fid']):.2f}x |")
        out.append(f"| classes (e^H) at the same point | {_f(o['effective_classes'], 2)} | {_f(d['effective_classes'], 2)} | |")
    r = sp[0]
    out.append(f"\nSpeed: {r['cpu']}, {r['threads']} threads, nothing else running, medians of repeated timings. "
               + (f"Quality: {q[0]['threads']} thread each, {q[0]['sampler']}." if q else ''))
    return '\n'.join(out)

def _best_bound() -> dict:
    "Per orientation, the cold_bound.csv row of the classifier that reads D(x0, T) best."
    best = {}
    for r in _rows(RESULTS/'cold_bound.csv'):
        if r['orientation'] not in best or float(r['test_acc']) > float(best[r['orientation']]['test_acc']): best[r['orientation']] = r
    return best

def cold_bound() -> str:
    "How much of the digit survives full degradation (classifiers on D(x0, T)), beside the best shipped restorer's accuracy at n=10,000."
    rows, man = _rows(RESULTS/'cold_bound.csv'), _manifest()
    if not rows: return '(not measured yet: run `benchmarks/cold_study.py --bound`)'
    zoo = [r for r in _rows(ZOO/'metrics_10k.csv') if r['file'] in man and r['kind'] == 'cold' and r.get('restore_acc')]
    names = list(dict.fromkeys(r['classifier'] for r in rows))
    acc = {(r['orientation'], r['classifier']): f"{100 * float(r['test_acc']):.1f}%" for r in rows}
    out = ['| means kept | ' + ' | '.join(names) + ' | best shipped restorer, Alg. 2 (n=10,000) |', '|---' * (len(names) + 2) + '|']
    for o in dict.fromkeys(r['orientation'] for r in rows):
        z = max((r for r in zoo if r['orientation'] == o), key=lambda r: float(r['restore_acc']), default=None)
        zt = f"{100 * float(z['restore_acc']):.1f}% (`{z['preset']}`, epoch {z['epoch']})" if z else ''
        out.append(f"| {o} | " + ' | '.join(acc.get((o, c), '') for c in names) + f" | {zt} |")
    out.append(f"\nclassifiers trained on the {int(rows[0]['train']):,} training digits' 28 means, scored on the 10,000 test digits.")
    return '\n'.join(out)

def cold_study() -> str:
    "The cold study: restoration accuracy and unconditional scores per variant and sampling option."
    rows, bound = _rows(RESULTS/'cold_study.csv'), _best_bound()
    if not rows: return '(no cold study results yet: run `benchmarks/cold_study.py`)'
    out = ['| restorer (sigma) | prior | delta | start noise | FID | KID | IS | classes (e^H) | ms/image |', '|---|---|---|---|---|---|---|---|---|']
    for r in (r for r in rows if r['mode'] == 'generate'):
        out.append(f"| `{r['preset']}` ({r['sigma']}) | {r['prior']} | {r['delta']} | {r['start_noise']} | {_f(r['fid'])} | {_f(r['kid'])} | "
                   f"{_f(r['IS'], 2)} | {_f(r['effective_classes'], 2)} | {_f(r['ms_per_image'])} |")
    r = next(r for r in rows if r['mode'] == 'generate')
    out.append(f"| real data (floor, n={int(r['n']):,}) | | | | {_f(r['floor_fid'])} | | | {_f(r['floor_effective_classes'], 2)} | |")
    out += ['', '| restorer (sigma) | restoration accuracy, Algorithm 2 | direct | L1, Algorithm 2 | L1, direct |', '|---|---|---|---|---|']
    for v in dict.fromkeys(r['variant'] for r in rows):
        rs = {r['mode']: r for r in rows if r['variant'] == v}
        if 'restore_alg2' not in rs: continue
        a, d = rs['restore_alg2'], rs.get('restore_direct', {})
        out.append(f"| `{a['preset']}` ({a['sigma']}) | {100 * float(a['restore_acc']):.1f}% | "
                   f"{100 * float(d['restore_acc']):.1f}% | {_f(a['restore_l1'], 3)} | {_f(d.get('restore_l1'), 3)} |")
    o = r['orientation']
    if o in bound: out.append(f"| a classifier given only D(x0, T) ({bound[o]['classifier']}, {o} means) | "
                              f"{100 * float(bound[o]['test_acc']):.1f}% | | | |")
    out.append(f"\n{r['orientation']} averaging, 28 steps; each restorer trained for {float(r['budget_cpu_s']):.0f} CPU-s "
               f"({r['threads']} thread), n={int(r['n']):,}, Algorithm 2; ms/image measured on a shared CPU (upper bounds).")
    return '\n'.join(out)

def speed() -> str:
    "Training throughput against the CPU's fp32 peak, the UNet step's profile, and sampling ms/image (bench_ddpm.py)."
    rows, prof = _rows(RESULTS/'speed.csv'), _rows(RESULTS/'profile_unet.csv')
    if not rows: return '(not measured yet: run `benchmarks/bench_ddpm.py`)'
    r0 = rows[0]
    out = [f"{r0['cpu']} ({'AVX-512' if r0['avx512'] == 'True' else 'AVX2'}), {r0['threads']} threads, torch {r0['torch']}; "
           f"fp32 peak {_f(r0['peak_gflop_s'], 0)} GFLOP/s (cores x 2 FMA units x {'16' if r0['avx512'] == 'True' else '8'} lanes x 2 x "
           f"{_f(r0['mhz'], 0)} MHz); medians of repeated timings, nothing else running.", '',
           '| preset | precision | train img/s (batch 128) | GFLOP/s | of fp32 peak | speed vs fp32 |', '|---|---|---|---|---|---|']
    tr = [r for r in rows if r['what'] == 'train']
    fp32 = {r['preset']: float(r['img_per_s']) for r in tr if r.get('dtype', 'fp32') == 'fp32'}
    peak = lambda r: f"{100 * float(r['peak_frac']):.0f}%" if r['peak_frac'] else '-'
    out += [f"| `{r['preset']}` | {r.get('dtype', 'fp32')} | {_f(r['img_per_s'], 0)} | {_f(r['gflop_s'])} | {peak(r)} | "
            f"{float(r['img_per_s']) / fp32[r['preset']]:.2f}x |" for r in tr]
    if any(r.get('dtype') == 'bf16' for r in tr):
        out.append("\nbf16: the forward pass under `torch.autocast('cpu', torch.bfloat16)`, which `train` uses on CPUs with AMX "
                   "(`training.use_bf16`); its FLOP rate is not a fraction of the fp32 peak, since the AMX units have their own.")
    if prof:
        conv = sum(float(p['share']) for p in prof if 'convolution' in p['op'].lower())
        out += ['', f"One `unet_v` training step under `torch.profiler`: convolutions (forward and backward) take "
                    f"{100 * conv:.0f}% of the CPU time; the largest operators:", '', '| operator | calls | self ms | share |', '|---|---|---|---|']
        out += [f"| `{p['op']}` | {p['calls']} | {_f(p['self_ms'])} | {100 * float(p['share']):.1f}% |" for p in prof[:6]]
    sa = [r for r in rows if r['what'] == 'sample']
    out += ['', '| `unet_v` sampler | NFE | ms/image |', '|---|---|---|'] + [f"| {r['sampler']} | {r['nfe']} | {_f(r['ms_per_image'])} |" for r in sa]
    return '\n'.join(out)

def speed_cold() -> str:
    "The vectorised degradation against the per-row loop, and cold sampling ms/image (bench_cold.py)."
    rows = _rows(RESULTS/'speed_cold.csv')
    if not rows: return '(not measured yet: run `benchmarks/bench_cold.py`)'
    d = {r['method']: float(r['img_per_s']) for r in rows if r['what'] == 'degrade'}
    out = ['| row averaging, batch 128, 28 steps | images/s |', '|---|---|',
           f"| per-sample, per-row Python loop (the original's approach) | {d['loop']:,.0f} |",
           f"| vectorised (`RowColumnAveraging`) | {d['vectorised']:,.0f} |", '',
           f"A **{d['vectorised'] / d['loop']:,.0f}x** speed-up. Cold sampling, Algorithm 2:", '',
           '| preset | steps | ms/image |', '|---|---|---|']
    out += [f"| `{r['preset']}` | {r['steps']} | {_f(r['ms_per_image'])} |" for r in rows if r['what'] == 'sample']
    out.append(f"\n{rows[0]['cpu']}, {rows[0]['threads']} threads.")
    return '\n'.join(out)

def zoo_size() -> str:
    "The shipped checkpoints' total size, from the manifest."
    return f"{sum(m['bytes'] for m in _manifest().values()) / 1e6:.0f} MB"

def cold_zoo() -> str:
    "The shipped UNet cold restorers per epoch at n=1,000 (zoo/metrics.csv), beside the coursework CNNs' last epochs."
    rows = [r for r in _rows(ZOO/'metrics.csv') if r['kind'] == 'cold']
    key = lambda r: (int(r['preset'].rsplit('_', 1)[1]), r['orientation'])           # steps, then orientation
    last = {}
    for r in (r for r in rows if r['preset'].startswith('default_')):
        if key(r) not in last or int(r['epoch']) > int(last[key(r)]['epoch']): last[key(r)] = r
    sel = sorted((r for r in rows if r['preset'].startswith('unet_')), key=lambda r: (-key(r)[0], r['orientation'], int(r['epoch'])))
    if not sel: return '(no UNet cold restorers shipped yet)'
    sel += [last[k] for k in sorted(last, key=lambda k: (-k[0], k[1]))]
    pct = lambda v: '' if v in (None, '') else f'{100 * float(v):.1f}%'
    out = ['| model | epoch | FID | KID | IS | classes (e^H) | restored, Alg. 2 | restored, direct |', '|---|---|---|---|---|---|---|---|']
    out += [f"| `{r['preset']}` {r['orientation']} | {r['epoch']} | {_f(r['fid'])} | {_f(r['kid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'], 2)} | "
            f"{pct(r.get('restore_acc'))} | {pct(r.get('restore_acc_direct'))} |" for r in sel]
    out.append(f"\nn={int(sel[0]['n']):,} samples and restorations of the first n test digits; floor FID {_f(sel[0]['floor_fid'])} at that n.")
    return '\n'.join(out)

def unet_7_row_curve() -> str:
    "The 7-step row restorer after every other epoch of its fine-tune (cpu_unet_7_row_ft.csv, the presets' 50-component prior)."
    rows = sorted(_rows(RESULTS/'cpu_unet_7_row_ft.csv'), key=lambda r: int(r['epoch']))
    if not rows: return '(not measured yet)'
    pct = lambda r: f"{100 * float(r['restore_acc']):.1f}%"
    out = _epoch_table(rows, [('FID', lambda r: _f(r['fid'])), ('classes (e^H)', lambda r: _f(r['effective_classes'], 2)),
                              ('restored, Alg. 2', pct)])
    out.append(f"\nn={int(rows[0]['n']):,}, floor FID {_f(rows[0]['floor_fid'])}; the checkpoints of the run, each with the 50-component prior it trained with.")
    return '\n'.join(out)

def prior_size() -> str:
    "Held-out likelihood against FID for several sizes of the prior mixture on one shipped restorer (prior_size.csv)."
    rows = sorted(_rows(RESULTS/'prior_size.csv'), key=lambda r: int(r['k']))
    if not rows: return '(not measured yet: run `benchmarks/prior_size.py`)'
    shipped = read_checkpoint(ZOO/rows[0]['model'])['model_config']['prior_k']
    out = ['| components | log-likelihood, training profiles | log-likelihood, test profiles | FID | IS | classes (e^H) |', '|---|---|---|---|---|---|']
    out += [f"| {r['k']} | {_f(r['train_ll'], 2)} | {_f(r['test_ll'], 2)} | {_f(r['fid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'], 2)} |" for r in rows]
    best, txt = max(rows, key=lambda r: float(r['test_ll'])), []
    txt.append(f"`{rows[0]['model']}`, n={int(rows[0]['n']):,} samples against the test digits (real-data floor {_f(rows[0]['floor_fid'])}); "
               f"log-likelihoods in nats per 28-number profile. The test profiles are likeliest under {best['k']} components")
    over = [r for r in rows if int(r['k']) > int(best['k']) and float(r['fid']) < float(best['fid'])]
    if over:
        r = over[-1]
        txt.append(f"; {r['k']} components lower FID further ({_f(r['fid'])}) while the training likelihood rises "
                   f"({float(r['train_ll']) - float(best['train_ll']):+.2f}) and the test likelihood falls ({float(r['test_ll']) - float(best['test_ll']):+.2f}): "
                   "that mixture is starting to memorise the training profiles, and FID rewards samples close to training digits")
    return '\n'.join(out) + '\n\n' + ''.join(txt) + f". The shipped file carries {shipped} components."

def cold_study_zoo() -> str:
    "The sampling options (prior, per-step and one-time noise) on the shipped, long-trained restorers (cold_study_zoo.csv)."
    rows = [r for r in _rows(RESULTS/'cold_study_zoo.csv') if r['mode'] == 'generate']
    if not rows: return '(not measured yet: run `benchmarks/cold_study.py --zoo ...`)'
    out = ['| restorer | prior | delta | start noise | FID | KID | IS | classes (e^H) | rarest digit |', '|---|---|---|---|---|---|---|---|---|']
    for r in rows:
        c = json.loads(r['class_counts'])
        out.append(f"| `{r['preset']}` {r['orientation']}, epoch {r['variant'].split('@')[1]} | {r['prior']} | {r['delta']} | {r['start_noise']} | "
                   f"{_f(r['fid'])} | {_f(r['kid'])} | {_f(r['IS'], 2)} | {_f(r['effective_classes'], 2)} | "
                   f"{c.index(min(c))} ({100 * min(c) / sum(c):.1f}%) |")
    out.append(f"| real data (floor, n={int(rows[0]['n']):,}) | | | | {_f(rows[0]['floor_fid'])} | | | {_f(rows[0]['floor_effective_classes'], 2)} | 10.0% each |")
    out.append(f"\nAlgorithm 2 over all T steps, n={int(rows[0]['n']):,} samples against as many test digits; the presets fit 50 components; the shipped `unet_28` files (row and column), the `unet_7` column files and the last `unet_7` row file carry 200 (`tools/refit_prior.py`).")
    return '\n'.join(out)

def long_run() -> str:
    "The candidate preset's long run (benchmarks/long_run.py) beside the shipped unet_v at the same epochs (zoo/metrics.csv)."
    trial = _rows(RESULTS/'long_unet_v_snr5.csv')
    if not trial: return '(not run yet: `benchmarks/long_run.py`)'
    base = {int(r['epoch']): r for r in _rows(ZOO/'metrics.csv') if r['preset'] == 'unet_v' and int(r['n']) == int(trial[0]['n'])}
    sb, st = next((f"{b['sampler']}-{b['steps']}" for b in base.values()), ''), f"{trial[0]['sampler']}-{trial[0]['steps']}"
    out = [f'| epoch | `unet_v` FID ({sb}) | `unet_v_snr5` FID ({st}) | `unet_v` classes | `unet_v_snr5` classes | `unet_v_snr5` training min |',
           '|---|---|---|---|---|---|']
    for r in trial:
        b = base.get(int(r['epoch']), {})
        out.append(f"| {r['epoch']} | {_f(b.get('fid'))} | {_f(r['fid'])} | {_f(b.get('effective_classes'), 2)} | "
                   f"{_f(r['effective_classes'], 2)} | {float(r['train_seconds']) / 60:.0f} |")
    r = trial[0]
    out.append(f"\nn={int(r['n']):,}, {r['sampler']} with {r['steps']} steps, seed 0; floor FID {_f(r['floor_fid'])} at that n. Both runs: "
               "batch 128, Adam 1e-3 after 200 warm-up steps, constant rate, same seed and data order; `unet_v_snr5` scored from its "
               "run's fp32 EMA checkpoints, `unet_v` from the shipped fp16 files.")
    if sb != st: out.append(f"The `unet_v` column is the zoo's current score ({sb}); the trial was scored with {st} when that was the default, "
                            "and its checkpoints were not kept to rescore, so compare the trends down each column, not values across.")
    return '\n'.join(out)

def gpu_budget() -> str:
    "What one GPU lease trained (tools/gpu_budget.py: gpu_budget.csv) and each run's last epoch scored on this CPU (gpu_budget_scores.csv)."
    runs, scores = _rows(RESULTS/'gpu_budget.csv'), _rows(RESULTS/'gpu_budget_scores.csv')
    if not runs: return '(no GPU run yet)'
    man, pct = _manifest(), lambda v: '' if v in (None, '') else f'{100 * float(v):.1f}%'
    out = ['| run | epochs (planned) | batch, lr | probe ms/step | img/s | training min | FID | KID | IS | classes | restored (Alg. 2) | shipped as |',
           '|---|---|---|---|---|---|---|---|---|---|---|---|']
    for r in runs:
        kind, preset, *o = r['run'].split('-')
        s = next((q for q in scores if q['kind'] == kind and q['preset'].startswith(preset) and q['orientation'] == (o[0] if o else '')
                  and q['epoch'] == r['epochs']), {})
        out.append(f"| `{r['run']}` | {r['epochs']} ({r['planned_epochs']}) | {r['batch_size']}, {float(r['lr']):g} | {_f(r['probe_ms_per_step'])} | "
                   f"{_f(r['img_per_s'], 0)} | {float(r['train_s']) / 60:.1f} | {_f(s.get('fid'))} | {_f(s.get('kid'))} | {_f(s.get('IS'), 2)} | "
                   f"{_f(s.get('effective_classes'), 2)} | {pct(s.get('restore_acc'))} | {'`' + s['file'] + '`' if s.get('file') in man else 'not shipped'} |")
    s = scores[0] if scores else {}
    out.append(f"\nScores: each run's last epoch, n={int(s.get('n', 0)):,} on this CPU (`evaluate_checkpoints`, seed 0), floor FID "
               f"{_f(s.get('floor_fid'))} at that n (`tools/gpu_budget.py --score`). Training: one GPU, side by side, {float(runs[0]['budget_s']) / 60:.0f} minutes' "
               "budget each; img/s is the last epoch's.")
    return '\n'.join(out)

def gpu_curve() -> str:
    "unet_v_b512's kept epochs as the GPU scored them during the lease (gpu_unet_v_b512_curve.csv)."
    rows = _rows(RESULTS/'gpu_unet_v_b512_curve.csv')
    if not rows: return ''
    small = [r for r in rows if int(r['n']) == 1000]
    big = [r for r in rows if int(r['n']) > 1000]
    txt = '; '.join(f"epoch {r['epoch']}: {_f(r['fid'])}" for r in small if int(r['epoch']) > 0)
    b = f"; epoch {big[-1]['epoch']} at n={int(big[-1]['n']):,}: FID {_f(big[-1]['fid'])}, IS {_f(big[-1]['IS'], 2)}, classes {_f(big[-1]['effective_classes'], 2)} (floor {_f(big[-1]['floor_fid'])})" if big else ''
    return f"FID at n=1,000, floor {_f(small[0]['floor_fid'])}: {txt}{b}"

def _last_10k(preset, orientation='') -> tuple[dict, dict]:
    "A shipped model's last n=10,000 row and its manifest entry."
    man = _manifest()
    rows = [r for r in _rows(ZOO/'metrics_10k.csv') if r['file'] in man and r['preset'] == preset and r['orientation'] == orientation]
    r = max(rows, key=lambda r: int(r['epoch'])) if rows else {}
    return r, man.get(r.get('file'), {})

def gpu_vs_cpu_ddpm() -> str:
    "The CPU-trained unet_v against the GPU-trained unet_v_b512, last epochs at n=10,000."
    (c, cm), (g, gm) = _last_10k('unet_v'), _last_10k('unet_v_b512')
    if not c or not g: return '(not scored at n=10,000 yet)'
    return (f"FID {_f(c['fid'])} after {cm['train_seconds'] / 60:.0f} CPU-minutes (`unet_v`) to {_f(g['fid'])} after "
            f"{gm['train_seconds'] / 60:.0f} GPU-minutes (`unet_v_b512`)")

def cpu_replaced(preset: str) -> str:
    "A CPU-trained column restorer that a GPU run replaced (cpu_<preset>_col.csv keeps its scores), beside its replacement, n=10,000."
    rows = [r for r in _rows(RESULTS/f'cpu_{preset}_col.csv') if int(r['n']) == 10000]
    if not rows: return ''
    c = max(rows, key=lambda r: int(r['epoch']))
    g, gm = _last_10k(preset, 'col')
    g = next((r for r in _rows(RESULTS/'zoo_prior50.csv') if r['file'] == g.get('file') and r['n'] == '10000'), g)   # the same prior as the CPU one
    pct = lambda r: f"{100 * float(r['restore_acc']):.1f}%"
    out = (f"the CPU one ({c['epoch']} epochs, {float(c['train_seconds']) / 60:.0f} CPU-minutes) scored FID {_f(c['fid'])}, classes "
           f"{_f(c['effective_classes'], 2)}, {pct(c)} restored at n=10,000 (`benchmarks/results/cpu_{preset}_col.csv` keeps its scores)")
    if g: out += (f"; the GPU one ({g['epoch']} epochs, {gm['train_seconds'] / 60:.1f} GPU-minutes), with the same 50-component prior: FID {_f(g['fid'])}, classes "
                  f"{_f(g['effective_classes'], 2)}, {pct(g)}")
    return out

def prior_refit() -> str:
    "The shipped restorers at n=10,000 with the presets' 50-component prior (zoo_prior50.csv) and the refitted 200-component one (the zoo)."
    before = {r['file']: r for r in _rows(RESULTS/'zoo_prior50.csv') if int(r['n']) == 10000}
    now = {r['file']: r for r in _rows(ZOO/'metrics_10k.csv') if r['file'] in before}
    if not now: return '(not rescored yet: `tools/evaluate_zoo.py`)'
    pct = lambda r: f"{100 * float(r['restore_acc']):.1f}%"
    out = ['| restorer | FID, 50 components | FID, 200 | classes, 50 | classes, 200 | restored (Alg. 2; no prior involved) |', '|---|---|---|---|---|---|']
    for f, a in before.items():
        if (b := now.get(f)) is None: continue
        out.append(f"| `{a['preset']}` {a['orientation']}, epoch {a['epoch']} | {_f(a['fid'])} | **{_f(b['fid'])}** | {_f(a['effective_classes'], 2)} | "
                   f"**{_f(b['effective_classes'], 2)}** | {pct(a)} / {pct(b)} |")
    out.append(f"\nn=10,000 samples (Algorithm 2 over all T steps) against the test digits, real-data floor FID {_f(a['floor_fid'])}, classes "
               f"{_f(a['floor_effective_classes'], 2)}; the same network weights in both columns.")
    return '\n'.join(out)

def cpu_unet_7_col() -> str: return cpu_replaced('unet_7')
def cpu_unet_28_col() -> str: return cpu_replaced('unet_28')

def timing(name: str) -> str:
    "A measured wall time from timings.csv, as minutes and seconds with the CPU it ran on."
    r = next((r for r in _rows(RESULTS/'timings.csv') if r['name'] == name), None)
    if r is None: return '(not measured yet)'
    m, s = divmod(int(r['seconds']), 60)
    return f"{m} min {s} s" + (f" on {r['cpu']}" if name == 'main_job' else '') + (f" (that run exited {r['exit']})" if r['exit'] != '0' else '')

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
