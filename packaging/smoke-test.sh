#!/usr/bin/env bash
# Smoke-test a Linux bundle as a person's desktop would run it: a clean environment (env -i),
# PATH = the system's folders with every python* left out, no venv. Needs xvfb-run, xdotool
# and pdftotext. Usage: packaging/smoke-test.sh dist/bundle/privacy-walkthrough/privacy-walkthrough
set -euo pipefail
app=$(realpath "$1")
want_version=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The system's commands, without Python: proves the bundle needs none on PATH.
mkdir "$work/bin"
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
    case "$(basename "$f")" in python* | pip* | pydoc* | idle*) continue ;; esac
    [ -e "$work/bin/$(basename "$f")" ] || ln -s "$f" "$work/bin/"
done
clean() { env -i HOME="$work/home" LANG=C.UTF-8 PATH="$work/bin" "$@"; }
mkdir -p "$work/home"
clean sh -c '! command -v python3 >/dev/null && ! command -v python >/dev/null' \
    || { echo "smoke: python is still on the reduced PATH" >&2; exit 1; }

echo "smoke: --version"
version=$(clean "$app" --version)
echo "  $version"
[ -z "$want_version" ] || [ "$version" = "privacy-walkthrough $want_version" ] \
    || { echo "smoke: expected version $want_version" >&2; exit 1; }

echo "smoke: validate --strict (the guide inside the bundle)"
(cd "$work" && clean "$app" validate --strict)

echo "smoke: a blank checklist as PDF, read back with pdftotext"
clean "$app" export --format pdf --blank --output "$work/blank.pdf" --data-dir "$work/data"
pdftotext "$work/blank.pdf" "$work/blank.txt"
grep -q "Privacy checklist" "$work/blank.txt"
grep -q "Made with Privacy Walkthrough" "$work/blank.txt"
grep -q "Turn on Advanced Data Protection" "$work/blank.txt"
echo "  $(wc -w <"$work/blank.txt") words, $(grep -c . "$work/blank.txt") lines"

echo "smoke: the window under Xvfb, closed with File > Quit (Ctrl+Q)"
cat >"$work/window.sh" <<'EOF'
set -euo pipefail
"$APP" --data-dir "$WORK/window-data" >"$WORK/window.log" 2>&1 &
pid=$!
# The walkthrough's own window ("Privacy Walkthrough — <profile>"), not the start-up shell.
wid=$(timeout 60 xdotool search --sync --onlyvisible --name "Privacy Walkthrough — " | head -1)
echo "  window $wid: $(xdotool getwindowname "$wid")"
xdotool windowfocus --sync "$wid"
xdotool key --clearmodifiers ctrl+q
status=0
timeout 30 tail --pid="$pid" -f /dev/null || { echo "smoke: the window did not close" >&2; kill "$pid"; exit 1; }
wait "$pid" || status=$?
echo "  exit status $status"
exit "$status"
EOF
clean env APP="$app" WORK="$work" DISPLAY= xvfb-run -a -s "-screen 0 1280x900x24" bash "$work/window.sh" \
    || { echo "smoke: the window failed:" >&2; cat "$work/window.log" >&2; exit 1; }
if grep -q "Traceback" "$work/window.log" "$work/window-data/logs/"*.log 2>/dev/null; then
    echo "smoke: a traceback was logged:" >&2
    cat "$work/window.log" "$work/window-data/logs/"*.log >&2
    exit 1
fi
echo "smoke: all passed"
