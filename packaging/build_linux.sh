#!/usr/bin/env bash
# Build the one-folder Linux app dist/qnai-desktop/ with PyInstaller (see packaging/BUILD_NOTES.md).
#
#   bash packaging/build_linux.sh            # build (installs PyInstaller into .venv if missing)
#   bash packaging/build_linux.sh --smoke    # build, then run packaging/smoke_test.sh on it
#   bash packaging/build_linux.sh --clean    # drop PyInstaller's cache in build/ first
#
# The result runs as dist/qnai-desktop/qnai-desktop; data/ and resources/ are inside
# dist/qnai-desktop/_internal/ (sys._MEIPASS). dist/ and build/ are gitignored.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

smoke=0
clean=()
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    --clean) clean=(--clean) ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "build_linux.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

# .venv with the app (and the system libraries Qt needs) — idempotent, cheap when done.
if [ ! -x .venv/bin/python ]; then
  bash scripts/setup.sh
fi
py=.venv/bin/python
if ! "$py" -c "import PyInstaller" >/dev/null 2>&1; then
  echo "build: installing PyInstaller into .venv (extra 'package')"
  "$py" -m pip install -q -e ".[package]"
fi
echo "build: $("$py" -c 'import PyInstaller, PySide6; print("PyInstaller", PyInstaller.__version__, "/ PySide6", PySide6.__version__)')"

start=$(date +%s)
"$py" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/qnai-desktop.spec
end=$(date +%s)

app=dist/qnai-desktop
test -x "$app/qnai-desktop"
for must in data/watchlist.csv data/series resources/icons/qnai-desktop.png resources/qnai-desktop.desktop; do
  if [ ! -e "$app/_internal/$must" ]; then
    echo "build: FAILED — $must missing from the bundle" >&2
    exit 1
  fi
done
echo "build: $app built in $((end - start)) s, size $(du -sh "$app" | cut -f1)"

if [ "$smoke" = 1 ]; then
  bash packaging/smoke_test.sh "$app"
fi
