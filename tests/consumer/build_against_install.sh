#!/usr/bin/env bash
# Builds a CMake project out of tree against the installed package only (no
# build-tree path reaches it), then runs one of the programs it built, with
# the project's build folder on the plugin search path.
#   build_against_install.sh <source dir> <prefix> <work dir> <program> [args...]
# Arguments after <program> are relative to <work dir> when they are "@name".
set -euo pipefail
source_dir=$1
prefix=$2
work=$3
program=$4
shift 4
rm -rf "$work"
cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/build"
args=()
for arg in "$@"; do args+=("${arg/#@/$work/}"); done
RELAIS_PLUGIN_PATH="$work/build" LD_LIBRARY_PATH="$prefix/lib" "$work/build/$program" "${args[@]}"
