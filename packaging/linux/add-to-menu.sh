#!/bin/sh
# Adds Privacy Walkthrough to your desktop's application menu (for you only; no password).
# Run it again after moving this folder. To take the entry away again: ./add-to-menu.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/privacy-walkthrough.desktop" "$icons/privacy-walkthrough.png"
    echo "Removed Privacy Walkthrough from the menu."
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/privacy-walkthrough.png" "$icons/privacy-walkthrough.png"
sed "s|^Exec=.*|Exec=\"$here/privacy-walkthrough\"|" "$here/privacy-walkthrough.desktop" > "$apps/privacy-walkthrough.desktop"
echo "Added Privacy Walkthrough to the menu (it may take a moment to show)."
