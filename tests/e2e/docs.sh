#!/usr/bin/env bash
# The built docs site (make docs) in headless Chromium: every page of the navigation loads, every image renders.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); site=$(cd "${1:-_docs/html}" && pwd)
[ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm install --silent --no-audit --no-fund)
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" > /dev/null 2>&1 &
srv=$!; trap 'kill $srv 2>/dev/null' EXIT
for i in $(seq 30); do curl -sf "http://127.0.0.1:$port/index.html" >/dev/null && break; sleep 0.5; done
timeout 300 node "$here/docs.mjs" "http://127.0.0.1:$port"
