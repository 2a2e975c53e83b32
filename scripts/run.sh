#!/usr/bin/env bash
# Install (first time) and launch Q&AI Desktop. Extra arguments go to the app, e.g. --db PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/setup.sh"
exec "$here/.venv/bin/python" -m qnai_desktop "$@"
