#!/usr/bin/env bash
# One-time, idempotent set-up for a fresh Debian/Ubuntu machine that has only Python:
# installs the system libraries Qt needs plus a CJK font (where missing), makes .venv and
# installs the project into it. Re-running it is cheap: each step is skipped when done.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
extra="${1:-}"   # "test" to add the test dependencies

apt_pkgs=(libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
          libglib2.0-0 fonts-noto-cjk libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4
          libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1)
# the tests rasterise exported SVGs without fonts (tests/ui/test_svg_export.py)
[ "$extra" = "test" ] && apt_pkgs+=(librsvg2-bin)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${apt_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$py" -m venv .venv
fi
stamp=".venv/.installed-${extra:-app}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "$extra" = "test" ]; then
    .venv/bin/python -m pip install -q -e ".[test]"
  else
    .venv/bin/python -m pip install -q -e .
  fi
  touch "$stamp"
fi
# Byte-compile our package once, like a wheel install would: the app then starts from cached
# bytecode even where PYTHONDONTWRITEBYTECODE is set (compiling ~60 modules costs ~100 ms a start).
.venv/bin/python -m compileall -q qnai_desktop >/dev/null
