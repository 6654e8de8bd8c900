#!/usr/bin/env bash
# The sanitizer + fuzzing tree (build/fuzz, Debian clang with libFuzzer; CMake option
# ORDERLENS_FUZZ): configures it once, rebuilds incrementally, then
#   fuzz.sh build                     only builds (npm test then runs its ctest: the doctest suite
#                                     under AddressSanitizer + UndefinedBehaviorSanitizer)
#   fuzz.sh <target> <seconds>        fuzzes one target (fuzz/fuzz_<target>.cpp)
#   fuzz.sh all <seconds>             fuzzes every target in turn, <seconds> each
# Seeds come from tests/fixtures (scripts/fuzz-corpus.sh, into build/fuzz/seeds/); what the
# fuzzer finds new goes to build/fuzz/corpus/<target>/ and is reused by the next run. A crash,
# sanitizer report or broken invariant stops the run, leaves the input in build/fuzz/findings/
# and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
seconds="${2:-60}"
targets=(csv_tokenizer decoder money_date header rules xml sheet_rows zip compound_file agile_encryption
         xlsx_workbook pipeline)
if [ -z "$what" ] || { [ "$what" != build ] && [ "$what" != all ] && [[ ! " ${targets[*]} " =~ " $what " ]]; }; then
  echo "usage: npm run fuzz -- <target|all|build> [seconds]   targets: ${targets[*]}" >&2
  exit 2
fi

tree=build/fuzz
[ -f $tree/build.ninja ] || CXX=clang++-14 cmake -S . -B $tree -G Ninja -DCMAKE_BUILD_TYPE=Debug -DORDERLENS_FUZZ=ON >/dev/null
cmake --build $tree
[ "$what" = build ] && exit 0

# Fresh seeds when the fixtures, the hand seeds or the script changed.
stamp=$tree/seeds/.stamp
if [ ! -f $stamp ] || [ -n "$(find tests/fixtures fuzz/seeds scripts/fuzz-corpus.sh -newer $stamp -print -quit)" ]; then
  rm -rf $tree/seeds
  bash scripts/fuzz-corpus.sh $tree/seeds
  touch $stamp
fi

# Inputs beyond these sizes find nothing new, only slow every execution down (the pipeline
# runs on tiny inputs by design; the XML scanner is slow on a long token pushed in 1-16 byte
# chunks, an open finding in README "Hardening").
max_len() {
  case "$1" in
    pipeline) echo 4096 ;;
    money_date | rules | agile_encryption | xml) echo 8192 ;;
    *) echo 65536 ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
mkdir -p $tree/findings $tree/logs
run() {
  local t="$1"
  mkdir -p $tree/corpus/$t $tree/seeds/$t
  echo "== fuzz $t for ${seconds}s"
  if ! $tree/fuzz/fuzz_$t -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=20 -print_final_stats=1 \
        -artifact_prefix=$tree/findings/$t- $tree/corpus/$t $tree/seeds/$t > $tree/logs/$t.log 2>&1; then
    tail -n 60 $tree/logs/$t.log >&2
    echo "fuzz $t: a finding (input in $tree/findings/, log in $tree/logs/$t.log)" >&2
    return 1
  fi
  grep -E '^stat::number_of_executed_units|^Done' $tree/logs/$t.log | tr '\n' ' '
  echo
}
if [ "$what" = all ]; then
  for t in "${targets[@]}"; do run "$t"; done
else
  run "$what"
fi
