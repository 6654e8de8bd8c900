#!/usr/bin/env bash
# `npm start`: the main job. Until the web demo lands, it runs the CLI report on the bundled
# sample shop export (samples/shopify-sample.csv).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/build.sh wasm
node dist/cli.js report samples/shopify-sample.csv "$@"
