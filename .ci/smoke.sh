#!/usr/bin/env bash
# Smoke test of the real GUI: start the Parallax binary (no arguments, so it
# opens the bundled sample corpus) on a virtual X screen, wait for its
# window, take a screenshot of the screen and fail when the window never
# appears, the app dies, or the window is painted in a single flat colour.
#
# Usage: .ci/smoke.sh [BINARY]    (default bin/parallax)
# Environment: SHOT (screenshot path, default shot.png), SMOKE_TIMEOUT
# (seconds to wait for the window, default 60).
set -euo pipefail

bin=${1:-bin/parallax}
shot=${SHOT:-shot.png}
wait_s=${SMOKE_TIMEOUT:-60}

# Re-run this script inside a virtual X server.
if [ -z "${SMOKE_IN_XVFB:-}" ]; then
	SMOKE_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi

fail() {
	echo "smoke: FAIL: $*" >&2
	exit 1
}

log=$(mktemp)
XDG_RUNTIME_DIR=$(mktemp -d) # Fyne warns without one
export XDG_RUNTIME_DIR
"$bin" >"$log" 2>&1 &
pid=$!
cleanup() {
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$log" "$XDG_RUNTIME_DIR"
}
trap cleanup EXIT

win=""
for ((i = 0; i < wait_s; i++)); do
	if ! kill -0 "$pid" 2>/dev/null; then
		cat "$log" >&2
		fail "$bin exited before showing a window"
	fi
	win=$(xwininfo -root -tree | grep -i '"parallax"' | awk '{print $1; exit}' || true)
	[ -n "$win" ] && break
	sleep 1
done
[ -n "$win" ] || { cat "$log" >&2; fail "no Parallax window after ${wait_s}s"; }

sleep 3 # let the first frames render
import -window root "$shot"

# Judge the window's own area, not the empty screen around it.
geom=$(xwininfo -id "$win" | awk '
	/Absolute upper-left X/ {x = $NF}
	/Absolute upper-left Y/ {y = $NF}
	/Width:/ {w = $NF}
	/Height:/ {h = $NF}
	END {printf "%dx%d+%d+%d", w, h, x, y}')
sd=$(convert "$shot" -crop "$geom" +repage -format '%[fx:standard_deviation]' info:)
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' ||
	fail "window $geom looks blank (standard deviation $sd); screenshot in $shot"
kill -0 "$pid" 2>/dev/null || fail "$bin died after showing its window"
echo "smoke: OK: window $win ($geom), standard deviation $sd, screenshot $shot"
