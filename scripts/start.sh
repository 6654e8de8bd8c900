#!/usr/bin/env bash
# `npm start`: the main job. Installs what is missing, builds the WASM package and the web demo
# (build/demo-site/), and serves it on http://127.0.0.1:8080 (PORT=… for another port) until
# Ctrl-C. "Load sample shop" there reads samples/shopify-sample.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/build.sh wasm
node scripts/build-demo.mjs
exec node scripts/serve-demo.mjs
