#!/usr/bin/env bash
# Builds the native tree (unit tests, tools, benchmark) and the WASM tree (the npm package in
# dist/), each configured once and then rebuilt incrementally.   build.sh [native|wasm|all]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-all}"

if [ "$target" = native ] || [ "$target" = all ]; then
  [ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native
fi
if [ "$target" = wasm ] || [ "$target" = all ]; then
  [ -f build/wasm/build.ninja ] || emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm
fi
