#!/usr/bin/env bash
# Installs (or upgrades) CCMS Desktop for the current user from this unpacked folder.
# The app goes to ~/.local/opt/ccms-desktop; user data stays in ~/.local/share/ccms-desktop
# and is never touched by an install or an upgrade.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
target="$prefix/opt/ccms-desktop"
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" \
         "$prefix/share/icons/hicolor/scalable/apps"
if [ "$here" != "$target" ]; then
  staging="$target.new"
  rm -rf "$staging"
  cp -a "$here" "$staging"
  rm -rf "$target.old"
  [ -d "$target" ] && mv "$target" "$target.old"
  mv "$staging" "$target"
  rm -rf "$target.old"
fi
ln -sf "$target/ccms-desktop" "$prefix/bin/ccms-desktop"
sed "s|^Exec=.*|Exec=$target/ccms-desktop|" "$target/ccms-desktop.desktop" \
  > "$prefix/share/applications/ccms-desktop.desktop"
cp "$target/ccms-desktop.svg" "$prefix/share/icons/hicolor/scalable/apps/ccms-desktop.svg"
echo "CCMS Desktop installed in $target (start it from the menu or with ccms-desktop)"
