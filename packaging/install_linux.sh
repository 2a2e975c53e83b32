#!/usr/bin/env bash
# Install the built bundle for one user (no root): app files, launcher, icons, menu entry.
#
#   bash packaging/install_linux.sh              # PREFIX=~/.local
#   PREFIX=/opt/qnai bash packaging/install_linux.sh
#   bash packaging/install_linux.sh --uninstall
#
# Layout: $PREFIX/lib/qnai-desktop/ (the bundle), $PREFIX/bin/qnai-desktop (symlink),
# $PREFIX/share/icons/hicolor/NxN/apps/qnai-desktop.png, $PREFIX/share/applications/qnai-desktop.desktop
# (Exec/TryExec rewritten to the absolute launcher path, so $PREFIX/bin need not be on PATH).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app="$prefix/lib/qnai-desktop"
bin="$prefix/bin/qnai-desktop"
apps="$prefix/share/applications"
hicolor="$prefix/share/icons/hicolor"
sizes=(16 24 32 48 64 128 256 512)

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app"
  rm -f "$bin" "$apps/qnai-desktop.desktop"
  for n in "${sizes[@]}"; do rm -f "$hicolor/${n}x${n}/apps/qnai-desktop.png"; done
  echo "install: removed Q&AI Desktop from $prefix"
  exit 0
fi

src="$here/dist/qnai-desktop"
[ -x "$src/qnai-desktop" ] || { echo "install: build first (bash packaging/build_linux.sh)" >&2; exit 1; }
mkdir -p "$prefix/lib" "$prefix/bin" "$apps"
rm -rf "$app"
cp -a "$src" "$app"
ln -sfn "$app/qnai-desktop" "$bin"
for n in "${sizes[@]}"; do
  install -D -m 644 "$here/resources/icons/qnai-desktop-$n.png" "$hicolor/${n}x${n}/apps/qnai-desktop.png"
done
sed -e "s|^Exec=qnai-desktop|Exec=$bin|" -e "s|^TryExec=qnai-desktop|TryExec=$bin|" \
  "$here/resources/qnai-desktop.desktop" >"$apps/qnai-desktop.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$hicolor" 2>/dev/null || true
echo "install: Q&AI Desktop installed under $prefix (menu entry: $apps/qnai-desktop.desktop)"
