#!/usr/bin/env bash
# Installs the build tree into a fresh prefix, as `make install` would.
#   install_tree.sh <build dir> <prefix>
set -euo pipefail
rm -rf "$2"
cmake --install "$1" --prefix "$2" >/dev/null
