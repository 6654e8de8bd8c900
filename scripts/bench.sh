#!/usr/bin/env bash
# `npm run bench`: generates the benchmark export once (bench/data/, not committed) and prints
# native, WASM and the JS peer side by side; then the segments benchmark (bench/segments.mjs), the
# KPI benchmark (bench/kpis.mjs), the workbook benchmark (bench/xlsx.mjs), the CLV benchmarks
# (bench/clv.mjs), the recommendations benchmark (bench/recommend.mjs) and the web demo in
# headless Chromium (bench/demo.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh --browser
bash scripts/build.sh all
status=0
node bench/run.mjs "$@" || status=$?
node bench/segments.mjs || status=$?
node bench/kpis.mjs || status=$?
node bench/xlsx.mjs || status=$?
node bench/clv.mjs || status=$?
node bench/recommend.mjs || status=$?
node bench/demo.mjs || status=$?
exit $status
