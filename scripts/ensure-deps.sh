#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine, only when it is missing:
# Debian packages (compilers and header-only libraries; Chromium and a Korean font with
# --browser) and the npm devDependencies pinned in package-lock.json. Safe to run again: a no-op
# when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang-14 (which Debian's emscripten 3.1.6 itself depends on) with libclang-rt-14-dev (the
# sanitizer and libFuzzer runtimes): the sanitizer + fuzzing tree, scripts/fuzz.sh. unzip: the
# workbook parts of its seed corpora.
packages=(cmake ninja-build g++ ccache emscripten nlohmann-json3-dev doctest-dev libfast-float-dev
          robin-map-dev libxxhash-dev zlib1g-dev clang-14 libclang-rt-14-dev unzip)
# --browser: Chromium, and a Korean font so the web demo's Korean screenshots show Hangul.
if [ "${1:-}" = "--browser" ]; then packages+=(chromium fonts-nanum); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "orderlens: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v node >/dev/null || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=16)?0:1)'; then
  echo "orderlens: Node.js >= 20.16 is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "orderlens: installing npm devDependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
