#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on http://127.0.0.1:${PORT:-8080}/.
#   scripts/serve.sh            (PORT=9000 scripts/serve.sh for another port)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" native wasm site
exec node "$ROOT/site/serve.mjs" "$ROOT/site/dist" "${PORT:-8080}"
