#!/usr/bin/env bash
# Re-extract the UI's translatable texts into the Qt Linguist catalogues and compile them.
#
#   scripts/update_translations.sh            lupdate (new texts arrive unfinished) + lrelease
#   scripts/update_translations.sh --release  lrelease only (after editing a .ts, e.g. in Linguist)
#
# New or changed texts show up in resources/i18n/qnai_ko.ts and qnai_en.ts as
# type="unfinished"; fill in the Korean (and the English, usually the source text) with
# pyside6-linguist or an editor, run again, and commit the .ts and .qm files (the app loads the
# .qm files and needs no Qt tool at run time). tests/ui/test_translations.py fails while any
# message lacks either language.
#
# -locations none: no file/line references, so a code change elsewhere in a file does not
# rewrite the catalogues (they would conflict on every merge); the context (class name) says
# where a text lives.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
py="${PYTHON:-.venv/bin/python}"
[ -x "$py" ] || py="$(command -v python3)"
bin="$(dirname "$("$py" -c 'import sys; print(sys.executable)')")"
lupdate="$bin/pyside6-lupdate"
lrelease="$bin/pyside6-lrelease"
out=resources/i18n
mkdir -p "$out"
if [ "${1:-}" != "--release" ]; then
  mapfile -t sources < <(find qnai_desktop/ui -name '*.py' | sort; echo qnai_desktop/app.py)
  "$lupdate" -silent -locations none -no-obsolete -source-language en -target-language ko \
    "${sources[@]}" -ts "$out/qnai_ko.ts"
  "$lupdate" -silent -locations none -no-obsolete -source-language en -target-language en \
    "${sources[@]}" -ts "$out/qnai_en.ts"
fi
"$lrelease" -silent "$out/qnai_ko.ts" -qm "$out/qnai_ko.qm"
"$lrelease" -silent "$out/qnai_en.ts" -qm "$out/qnai_en.qm"
echo "catalogues: $(grep -c '<message>' "$out/qnai_ko.ts") messages; unfinished:" \
  "ko $(grep -c 'type="unfinished"' "$out/qnai_ko.ts" || true)," \
  "en $(grep -c 'type="unfinished"' "$out/qnai_en.ts" || true)"
