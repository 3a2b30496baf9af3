#!/usr/bin/env bash
# Installs the Debian packages fiscalsim needs to build, test and draw charts.
# Does nothing when they are all present; otherwise runs apt-get (as root, or via sudo).
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libglpk-dev glpk-utils libconfig-dev libopenblas-dev liblapacke-dev
  libjansson-dev libxlsxwriter-dev libcsv-dev libgsl-dev libutf8proc-dev libzip-dev libexpat1-dev
  gnuplot-nox fonts-dejavu-core fonts-noto-mono poppler-utils file
  python3 python3-scipy python3-pulp coinor-cbc hyperfine time clang libclang-rt-14-dev valgrind
  openmpi-bin libopenmpi-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
