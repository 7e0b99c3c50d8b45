#!/usr/bin/env bash
# Start CUPS and add a cups-pdf queue named PrivacyWalkthroughPDF (idempotent).
set -euo pipefail
queue="${PW_CUPS_QUEUE:-PrivacyWalkthroughPDF}"
running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
    mkdir -p /run/cups
    cupsd
fi
for _ in $(seq 1 50); do
    running && break
    sleep 0.2
done
running || { echo "cupsd did not start" >&2; exit 1; }
ppd=$(find /usr/share/ppd -name 'CUPS-PDF_opt.ppd' -print -quit 2>/dev/null || true)
if [ -n "$ppd" ]; then
    lpadmin -p "$queue" -E -v cups-pdf:/ -P "$ppd"
else
    lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
fi
# Render through pdftocairo: the default Ghostscript path turns every font into Type 3 and
# the printed PDF's text can no longer be read back.
lpadmin -p "$queue" -o pdftops-renderer-default=pdftocairo
cupsenable "$queue"
cupsaccept "$queue"
lpstat -p "$queue"
