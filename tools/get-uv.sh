#!/usr/bin/env bash
# Print the folder holding a `uv` command, installing uv first when there is none.
#
# `python3 -m pip install uv` is refused on Debian 12 / Ubuntu 23.04+ (their
# Python is "externally managed", PEP 668), so uv goes into a private virtual
# environment instead; where Debian's python3-venv is missing it is installed
# with apt (as root, or through sudo). Usage: PATH="$(tools/get-uv.sh):$PATH"
set -euo pipefail

venv="${XUNZHEN_UV_VENV:-$HOME/.local/share/xunzhen-uv}"

if found="$(command -v uv 2>/dev/null)"; then
  dirname "$found"
  exit 0
fi
if [ -x "$venv/bin/uv" ]; then
  echo "$venv/bin"
  exit 0
fi

python="$(command -v python3 || command -v python || true)"
if [ -z "$python" ]; then
  echo "get-uv: no python3 on this machine; install uv as https://docs.astral.sh/uv/ describes" >&2
  exit 1
fi

if ! "$python" -m venv "$venv" >&2 2>/dev/null; then
  rm -rf "$venv"
  # Debian ships venv (and the pip inside it, ensurepip) in a separate package.
  echo "get-uv: $python cannot create a virtual environment; installing python3-venv" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >&2
  "$python" -m venv "$venv" >&2
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check uv >&2
echo "$venv/bin"
