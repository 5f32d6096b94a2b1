#!/usr/bin/env bash
# Removes CCMS Desktop for the current user. The encrypted store, settings and logs stay
# unless --purge-data is given (then they are removed after a typed confirmation).
set -euo pipefail
prefix="${PREFIX:-$HOME/.local}"
purge=0
[ "${1:-}" = "--purge-data" ] && purge=1
rm -rf "$prefix/opt/ccms-desktop"
rm -f "$prefix/bin/ccms-desktop" "$prefix/share/applications/ccms-desktop.desktop" \
      "$prefix/share/icons/hicolor/scalable/apps/ccms-desktop.svg"
echo "CCMS Desktop removed."
if ((purge)); then
  data="${XDG_DATA_HOME:-$HOME/.local/share}/ccms-desktop"
  config="${XDG_CONFIG_HOME:-$HOME/.config}/ccms-desktop"
  logs="${XDG_STATE_HOME:-$HOME/.local/state}/ccms-desktop"
  read -r -p "Type DELETE to erase the local store and settings in $data: " answer
  if [ "$answer" = "DELETE" ]; then
    rm -rf "$data" "$config" "$logs"
    echo "Local data removed."
  else
    echo "Local data kept."
  fi
else
  echo "Your local data was kept (run with --purge-data to remove it)."
fi
