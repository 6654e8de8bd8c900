#!/usr/bin/env bash
# `npm test`: every test, on a fresh Debian machine too (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh --browser
bash scripts/build.sh all

echo "== native unit tests (doctest via ctest)"
ctest --test-dir build/native --output-on-failure

echo "== native unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (build/fuzz, clang)"
bash scripts/fuzz.sh build
ctest --test-dir build/fuzz --output-on-failure

echo "== fuzz targets, briefly (npm run fuzz -- <target> <seconds> for longer runs)"
bash scripts/fuzz.sh all 10

echo "== node tests (the npm package in WASM, CLI, Worker, native/WASM parity)"
node --test tests/js/

echo "== TypeScript declarations (tsc --noEmit)"
npx --no-install tsc -p tests/types/tsconfig.json

echo "== browser tests (headless Chromium)"
node tests/browser/run.mjs

echo "== web demo in the browser (build/demo-site/, headless Chromium)"
node tests/browser/demo.mjs
