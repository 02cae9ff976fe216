#!/usr/bin/env bash
# Builds examples/plugin-template out of tree against the installed package
# only, then runs its check program, which opens a workspace on the built
# plugin through RELAIS_PLUGIN_PATH.
#   build_plugin_template.sh <template source dir> <prefix> <work dir>
set -euo pipefail
source_dir=$1
prefix=$2
work=$3
rm -rf "$work"
cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/build"
test -f "$work/build/librelais-storage-template.so"
RELAIS_PLUGIN_PATH="$work/build" LD_LIBRARY_PATH="$prefix/lib" "$work/build/check_plugin" "$work/check.db"
