#!/usr/bin/env bash
# Installs, through apt, only the Debian packages that are missing.
# Idempotent: when everything is present it returns without touching apt,
# so `make test` and CI pay nothing on a warm machine.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config gettext
  libboost-dev libboost-filesystem-dev
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib
  libssl-dev nlohmann-json3-dev libcli11-dev libphonenumber-dev libicu-dev
  libutf8proc-dev libuchardet-dev libcsv-dev libhowardhinnant-date-dev tzdata
  libgmime-3.0-dev libgumbo-dev
  libfasttext-dev
  libcurl4-openssl-dev openssl dovecot-imapd python3-aiosmtpd
  pybind11-dev python3-dev python3-pytest python3-mypy python3-openpyxl
  chromium chromium-driver fonts-liberation python3-selenium
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
