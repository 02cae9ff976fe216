#!/usr/bin/env bash
# Builds tests/consumer/program against the installed package only (no
# build-tree paths), then runs it.
#   build_consumer.sh <source dir> <prefix> <work dir>
set -euo pipefail
source_dir=$1
prefix=$2
work=$3
rm -rf "$work"
cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/build"
LD_LIBRARY_PATH="$prefix/lib" "$work/build/relais_consumer" "$work/consumer.db"
