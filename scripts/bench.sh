#!/usr/bin/env bash
# `npm run bench`: generates the benchmark export once (bench/data/, not committed) and prints
# native, WASM and the JS peer side by side.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/build.sh all
node bench/run.mjs "$@"
