#!/usr/bin/env bash
# Install (first time, with test extras) and run the whole test suite offscreen.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/setup.sh" test
cd "$here"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/python -m ruff check qnai_desktop tests benchmarks scripts
.venv/bin/lint-imports  # the layer contracts in pyproject.toml: a wrong-way import fails here
exec .venv/bin/python -m pytest "$@"
