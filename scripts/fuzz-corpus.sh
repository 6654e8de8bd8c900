#!/usr/bin/env bash
# Seed corpora for the fuzz targets, made from tests/fixtures (and the small hand seeds in
# fuzz/seeds/) into build/fuzz/corpus/<target>/ — generated, never committed. Targets that read
# control bytes first (fuzz/fuzz_support.hpp) get each seed behind two zero bytes (one chunk,
# default options) and behind "\x37\x05" (small chunks, other options).
#   fuzz-corpus.sh <corpus dir>
# No pipefail: `head` ends pipes early on purpose.
set -eu
cd "$(dirname "$0")/.."
out="$1"
fx=tests/fixtures
max=65536  # the targets' -max_len: longer seeds would be cut anyway

# seed <target> <prefix: none|control> <name> : the seed's bytes on stdin
seed() {
  mkdir -p "$out/$1"
  local body
  body="$(mktemp)"
  head -c "$max" > "$body"
  if [ "$2" = control ]; then
    { printf '\0\0'; cat "$body"; } > "$out/$1/$3"
    { printf '\x37\x05'; cat "$body"; } > "$out/$1/$3.chunked"
  else
    cp "$body" "$out/$1/$3"
  fi
  rm -f "$body"
}

csv_fixtures=$(ls $fx/hand/*.csv $fx/hand/*.txt $fx/hand/*.bin $fx/cli/*.csv $fx/segments/*.csv $fx/kpis/*.csv \
                  $fx/recommend/*.csv $fx/demo/*.csv $fx/events/*.csv $fx/generated/*.csv)
for f in $csv_fixtures; do
  name=$(basename "$f")
  seed csv_tokenizer control "$name" < "$f"
  seed decoder control "$name" < "$f"
  head -n 12 "$f" | seed header control "$name"
  # The pipeline runs on tiny inputs: a header and a few rows.
  head -n 8 "$f" | seed pipeline control "$name"
  # Each distinct cell of the first rows for the money and date parsers.
  head -n 20 "$f" | tr ',;\t' '\n\n\n' | tr -d '"' | sort -u | head -n 200 | while IFS= read -r cell; do
    if [ -n "$cell" ]; then printf '%s' "$cell" | seed money_date none "cell-$(printf '%s' "$cell" | md5sum | cut -c1-12)"; fi
  done
done

for f in $fx/xlsx/*.xlsx; do
  name=$(basename "$f")
  seed zip none "$name" < "$f"
  seed xlsx_workbook control "$name" < "$f"
  # The XML parts, one seed each; the sheets for the rows reader.
  unzip -Z1 "$f" 2>/dev/null | grep '\.xml\(\.rels\)\?$\|\.rels$' | while IFS= read -r part; do
    unzip -p "$f" "$part" 2>/dev/null | seed xml control "$name-${part//\//_}"
    case "$part" in xl/worksheets/*) unzip -p "$f" "$part" | seed sheet_rows control "$name-${part//\//_}";; esac
  done
done
for f in $fx/xlsx/encrypted.xlsx $fx/xlsx/legacy.xls; do
  seed compound_file none "$(basename "$f")" < "$f"
done

# Hand seeds (small, committed): fuzz/seeds/<target>/*.
for dir in fuzz/seeds/*/; do
  target=$(basename "$dir")
  mkdir -p "$out/$target"
  cp "$dir"* "$out/$target/"
done
