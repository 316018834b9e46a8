#!/usr/bin/env bash
# End-to-end: JupyterLab in headless Chromium renders the explorer's sliders, and moving one changes the image.
# Installs what it needs (Debian chromium, npm playwright-core, pip jupyterlab) on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
py=$root/.venv/bin/python
[ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm install --silent --no-audit --no-fund)
$py -c "import jupyterlab" 2>/dev/null || $py -m pip install -q jupyterlab
work=$(mktemp -d); shots=${E2E_SHOTS:-$root/runs/e2e}; mkdir -p "$shots"
$py - "$work/explore_e2e.ipynb" <<'PY'
import sys, nbformat
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("from mnist_diffusion.explore import Explorer\nex = Explorer()\nex.widget")])
nb.metadata['kernelspec'] = {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'}
nbformat.write(nb, sys.argv[1])
PY
port=$($py -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
token=e2e$RANDOM$RANDOM
"$root/.venv/bin/jupyter" lab --no-browser --ip 127.0.0.1 --port "$port" --IdentityProvider.token="$token" \
  --ServerApp.root_dir="$work" --allow-root > "$work/lab.log" 2>&1 &
lab=$!; trap 'kill $lab 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 60); do curl -sf "http://127.0.0.1:$port/api/status?token=$token" >/dev/null && break; sleep 1; done
timeout 400 node "$here/explore.mjs" "http://127.0.0.1:$port/lab/tree/explore_e2e.ipynb?token=$token" "$shots" \
  || { echo "--- jupyter log ---"; tail -30 "$work/lab.log"; exit 1; }
echo "screenshots: $shots/explore_before.png, $shots/explore_after.png"
