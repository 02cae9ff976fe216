#!/usr/bin/env bash
# `make fuzz`: builds each tests/fuzz/<name>_fuzz.cpp with clang-14's
# libFuzzer, ASan and UBSan into build/fuzz/, then runs it for FUZZ_SECONDS
# (default 60) on build/fuzz/corpus/<name>/, a working copy seeded from
# tests/fuzz/corpus/<name>/ that keeps growing from run to run.
# Crashing inputs land in build/fuzz/artifacts/; copy them into the seed
# corpus once fixed, so the ctest replay keeps them as regression tests.
#
#   scripts/run-fuzz.sh [name...]     default: every target
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/fuzz
seconds=${FUZZ_SECONDS:-60}
cxx=${FUZZ_CXX:-clang++-14}

if ! command -v "$cxx" >/dev/null; then
  echo "run-fuzz: $cxx not found (apt-get install clang-14)" >&2
  exit 1
fi

# The library sources a target needs, compiled straight into the fuzzer
# rather than linking librelais: the whole library does not build with
# clang-14 against libstdc++ 12 ranges (TOOLCHAIN.md "Fuzzing").
target_sources() {
  case $1 in
    uri) echo "plugins/storage-soci/uri.cpp -Iplugins/storage-soci" ;;
    legacy_csv)
      echo "src/core/charset.cpp src/customers/import/csv_records.cpp" \
        "src/customers/import/csv_table.cpp src/customers/import/cell_values.cpp" \
        "src/customers/import/profile_json.cpp" \
        "src/customers/import/mapping_profile.cpp src/customers/import/legacy_reader.cpp" \
        "src/customers/validation.cpp src/customers/customer_rules.cpp src/core/ids.cpp src/core/clock.cpp" \
        "-I/usr/include/uchardet -lcsv -luchardet -lphonenumber" ;;
    mail)
      echo "src/inbox/mime/mail_parser.cpp src/inbox/mime/reply_split.cpp src/inbox/mime/html_to_text.cpp" \
        "src/inbox/mime/mail_charset.cpp src/inbox/mime/gmime_support.cpp src/core/charset.cpp" \
        "src/core/sha256.cpp $(pkg-config --cflags --libs gmime-3.0 gumbo uchardet) -lcrypto" ;;
    *) echo "src/customers/validation.cpp -lphonenumber" ;;
  esac
}

if [ $# -gt 0 ]; then
  names=("$@")
else
  names=()
  for source in "$root"/tests/fuzz/*_fuzz.cpp; do
    names+=("$(basename "$source" _fuzz.cpp)")
  done
fi

cd "$root"
mkdir -p "$out/artifacts"
failed=()
for name in "${names[@]}"; do
  echo "== $name: building"
  # shellcheck disable=SC2046  # target_sources yields several words on purpose
  "$cxx" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Iinclude -Isrc -Itests/fuzz "tests/fuzz/${name}_fuzz.cpp" src/core/errors.cpp $(target_sources "$name") \
    -o "$out/${name}_fuzz"
  corpus=$out/corpus/$name
  mkdir -p "$corpus"
  cp -n "tests/fuzz/corpus/$name"/* "$corpus"/
  echo "== $name: fuzzing for ${seconds}s"
  if ! "$out/${name}_fuzz" -max_total_time="$seconds" -timeout=10 \
      -artifact_prefix="$out/artifacts/${name}-" "$corpus"; then
    failed+=("$name")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzz: crashes in ${failed[*]} (inputs in $out/artifacts/)" >&2
  exit 1
fi
echo "run-fuzz: ${#names[@]} targets ran ${seconds}s each without a crash"
