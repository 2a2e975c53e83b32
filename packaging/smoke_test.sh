#!/usr/bin/env bash
# Smoke-test the built bundle offscreen (no display needed): --version, CLI discovery, seeding a
# fresh cache from the bundled data/, a watchlist screenshot that is not blank; then print the
# bundle size and start times (median of RUNS runs).
#
#   bash packaging/smoke_test.sh [BUNDLE_DIR]     (default dist/qnai-desktop)
#   RUNS=5 (default) sets how many timed runs; KEEP=1 keeps the temp folder.
#
# Nothing touches the user's real settings or cache: HOME-derived dirs point into a temp folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_dir="$(cd "${1:-$here/dist/qnai-desktop}" && pwd)"
exe="$app_dir/qnai-desktop"
runs="${RUNS:-5}"
[ -x "$exe" ] || { echo "smoke: no executable at $exe (run packaging/build_linux.sh)" >&2; exit 1; }

tmp="$(mktemp -d -t qnai-smoke.XXXXXX)"
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$tmp"' EXIT; fi
export QT_QPA_PLATFORM=offscreen
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export QNAI_SETTINGS="$tmp/settings.ini" QNAI_DB="$tmp/default.sqlite"
unset DISPLAY WAYLAND_DISPLAY

fail() { echo "smoke: FAIL — $*" >&2; exit 1; }
ok() { echo "smoke: ok   — $*"; }
now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", a - b}'; }
median() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'; }

# 1. --version
ver="$("$exe" --version 2>&1)" || fail "--version exited $?: $ver"
[[ "$ver" == qnai-desktop\ * ]] || fail "--version printed: $ver"
ok "--version → $ver"

# 2. subcommands are discovered in the frozen app (pkgutil over the PYZ archive)
help="$("$exe" --help 2>&1)" || fail "--help exited $?"
for cmd in screenshot watchlist series; do
  grep -qE "^\s+$cmd\b" <<<"$help" || fail "subcommand '$cmd' not discovered in the bundle:
$help"
done
ok "subcommands discovered: $(awk '/^    [a-z]/ {printf "%s ", $1}' <<<"$help")"

# 3. fresh cache seeded from the bundled data/, then a screenshot of the watchlist tab
db="$tmp/fresh.sqlite"
png="$tmp/watchlist.png"
t0_first=$(now)
"$exe" screenshot --tab watchlist --out "$png" --db "$db" >"$tmp/shot.log" 2>&1 \
  || { cat "$tmp/shot.log" >&2; fail "screenshot exited non-zero"; }
t_first=$(now)
[ -s "$png" ] || fail "no PNG written"
wl="$("$exe" watchlist --json --db "$db" 2>&1)" || fail "watchlist --json: $wl"
grep -q "CoreWeave" <<<"$wl" || fail "seeded watchlist lacks CoreWeave"
nseries="$("$exe" series list --json --db "$db" | grep -c '"id"' || true)"
[ "$nseries" -gt 0 ] || fail "no series seeded"
ok "fresh cache seeded from bundled data/ (watchlist has CoreWeave, $nseries series)"

# 4. the PNG is not blank: checked with the project's PySide6 when there, else with a stdlib heuristic
check_py="$here/.venv/bin/python"
[ -x "$check_py" ] || check_py="$(command -v python3 || true)"
[ -n "$check_py" ] || fail "no python to check the PNG"
"$check_py" - "$png" <<'PY' || fail "screenshot looks blank"
import struct, sys, zlib
path = sys.argv[1]
raw = open(path, "rb").read()
assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", raw[16:24])
try:
    from PySide6.QtGui import QImage
except ImportError:
    QImage = None
if QImage is not None:
    img = QImage(path)
    colors, ink = set(), 0
    bg = img.pixel(w // 2, h - 2)
    for y in range(0, h, 7):
        for x in range(0, w, 7):
            c = img.pixel(x, y)
            colors.add(c)
            ink += c != bg
    frac = ink / ((h // 7 + 1) * (w // 7 + 1))
    print(f"smoke: png {w}x{h}, {len(colors)} distinct sampled colours, {frac:.1%} non-background")
    sys.exit(0 if len(colors) >= 16 and frac >= 0.02 else 1)
# stdlib fallback: filtered scanlines of a blank image are almost all zero bytes
idat = b""
pos = 8
while pos < len(raw):
    n, kind = struct.unpack(">I4s", raw[pos:pos + 8])
    if kind == b"IDAT":
        idat += raw[pos + 8:pos + 8 + n]
    pos += 12 + n
data = zlib.decompress(idat)
nonzero = sum(1 for b in data[::97] if b) / len(data[::97])
print(f"smoke: png {w}x{h}, {len(raw)} bytes, {nonzero:.1%} non-zero filtered bytes (stdlib check)")
sys.exit(0 if len(raw) > 20000 and nonzero > 0.02 else 1)
PY
ok "screenshot $(basename "$png") is not blank"

# 4b. the tabs built on first open are in the bundle too (their imports are inside functions)
for tab in charts monitors scenarios; do
  "$exe" screenshot --tab "$tab" --out "$tmp/$tab.png" --db "$db" >"$tmp/shot-$tab.log" 2>&1 \
    || { cat "$tmp/shot-$tab.log" >&2; fail "screenshot of the $tab tab exited non-zero"; }
  [ "$(stat -c %s "$tmp/$tab.png")" -gt 20000 ] || fail "the $tab screenshot is nearly empty"
done
ok "charts, monitors and scenarios tabs render from the bundle"

# 5. size and start times
size="$(du -sh "$app_dir" | cut -f1)"
: >"$tmp/t_version"; : >"$tmp/t_paint"
for _ in $(seq "$runs"); do
  t0=$(now); "$exe" --version >/dev/null; t1=$(now)
  sub "$t1" "$t0" >>"$tmp/t_version"
done
for i in $(seq "$runs"); do
  t0=$(now); "$exe" screenshot --tab watchlist --out "$tmp/paint$i.png" --db "$db" >/dev/null 2>&1; t1=$(now)
  sub "$t1" "$t0" >>"$tmp/t_paint"
done
first_run=$(sub "$t_first" "$t0_first")
echo "smoke: bundle size $size ($app_dir)"
echo "smoke: start → --version printed:              median $(median <"$tmp/t_version") s of $runs"
echo "smoke: start → first paint (screenshot written): median $(median <"$tmp/t_paint") s of $runs (seeded cache)"
echo "smoke: first run on a fresh cache (seeding + paint): ${first_run} s"
missing="$(find "$app_dir" -name '*.so*' -path '*platforms*' -exec ldd {} + 2>/dev/null \
           | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
[ -z "$missing" ] || echo "smoke: note — libraries some Qt platform plugins want but this host lacks: $missing"
fc-list :lang=ko family 2>/dev/null | grep -q . \
  || echo "smoke: WARNING — no Korean font on this host; Hangul renders as boxes (install fonts-noto-cjk)"
echo "smoke: PASS"
