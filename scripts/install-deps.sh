#!/usr/bin/env bash
# Installs what pygraft needs to build and test on Debian 12 (run as root).
# Idempotent: installs only the Debian packages that are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ pkg-config libeigen3-dev libcli11-dev nlohmann-json3-dev
          libgtest-dev libopenblas-dev libhwy-dev libprotobuf-dev libonnx-dev python3-numpy graphviz
          clang-14 libclang-rt-14-dev)
# npm may come from elsewhere (e.g. a newer Node.js); only install it when absent.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "pygraft: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The pinned tree-sitter C sources and onnxruntime-node (tests/onnx) from
# package-lock.json; --ignore-scripts because the tree-sitter packages' Node
# addons are not needed and cannot be built offline.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
