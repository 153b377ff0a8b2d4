#!/usr/bin/env bash
# Launch test of a packaged Latent Explorer (the app-image's or an installed launcher), under Xvfb:
#   1. the window, twice: with an empty native cache (cold) and again (warm). Each time the window must appear and
#      the engine report ready, then closing the window must end the process; after the first, the native libraries must
#      have unpacked into the app's cache folder ($XDG_CACHE_HOME/latent-explorer), not ~/.javacpp or ~/.openjfx;
#   2. the command line: `eval ae-mnist` on the bundled model prints its held-out metrics.
# Prints the times from launch to window and to engine ready; exits non-zero when any check fails.
#
#   jpackage/launch-test.sh [launcher]     default: target/installer/LatentExplorer/bin/LatentExplorer
#
# Needs xvfb-run, xdotool and python3 (Debian/Ubuntu: apt-get install xvfb xauth xdotool python3). LAUNCH_TIMEOUT (seconds,
# default 240) bounds each wait; LAUNCH_SHOTS=folder keeps a screenshot of each window (needs ImageMagick).
set -euo pipefail

launcher=${1:-target/installer/LatentExplorer/bin/LatentExplorer}
limit=${LAUNCH_TIMEOUT:-240}

fail() {
    echo "launch-test: FAILED: $*" >&2
    exit 1
}

if [[ -z ${LAUNCH_TEST_DISPLAY:-} ]]; then
    for tool in xvfb-run xdotool python3; do
        command -v "$tool" >/dev/null || { echo "launch-test: needs $tool (apt-get install xvfb xauth xdotool python3)" >&2; exit 2; }
    done
    [[ -x $launcher ]] || { echo "launch-test: no launcher at $launcher (build it: mvn -Pinstaller-test verify)" >&2; exit 2; }
    # A private X server: the test neither needs nor disturbs a desktop.
    exec xvfb-run -a -s "-screen 0 1600x1000x24" env LAUNCH_TEST_DISPLAY=1 bash "$0" "$launcher"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
cache=$XDG_CACHE_HOME/latent-explorer

# Seconds since $1 (a `date +%s%N` stamp), to a tenth.
since() {
    echo "$(( ($(date +%s%N) - $1) / 100000000 ))" | sed -E 's/^(-?)([0-9])$/\10\2/; s/([0-9])$/.\1/'
}

check_cli() {
    local out=$work/eval.json
    "$launcher" eval ae-mnist >"$out" 2>"$work/eval.log" || { cat "$work/eval.log" >&2; fail "eval ae-mnist exited with $?"; }
    grep -q '"heldout_recon_bce"' "$out" || { cat "$out" "$work/eval.log" >&2; fail "eval ae-mnist printed no metrics"; }
    echo "launch-test: command line ok: $(head -c 160 "$out")"
}

# Closes a window as a window manager's close button does: a WM_DELETE_WINDOW message (xdotool has no such
# command before 2021, and its windowclose destroys the window under the app). Python's ctypes and libX11.
close_window() {
    python3 - "$1" <<'PY'
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XInternAtom.restype = ctypes.c_ulong
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]

class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

display = x.XOpenDisplay(None)
event = XEvent()
event.xclient.type = 33  # ClientMessage
event.xclient.window = int(sys.argv[1])
event.xclient.message_type = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
x.XSendEvent(display, event.xclient.window, 0, 0, ctypes.byref(event))
x.XFlush(display)
PY
}

# Starts the window, waits for it and for the engine, quits through the File menu. $1: cold or warm.
check_window() {
    local label=$1 log=$work/$1.log start pid window="" shown="" ready="" t
    start=$(date +%s%N)
    "$launcher" >"$log" 2>&1 &
    pid=$!
    while [[ -z $window || -z $ready ]]; do
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "$label: the app exited before it was ready"; }
        t=$(since "$start")
        (( ${t%.*} < limit )) || { cat "$log" >&2; kill "$pid"; fail "$label: not ready after $limit s"; }
        if [[ -z $window ]]; then
            window=$(xdotool search --onlyvisible --name '^Latent Explorer$' 2>/dev/null | head -n 1 || true)
            [[ -n $window ]] && shown=$t
        fi
        [[ -z $ready ]] && grep -q 'Engine ready' "$log" && ready=$t
        sleep 0.1
    done
    grep -q 'ERROR' "$log" && { cat "$log" >&2; fail "$label: errors on the log"; }
    if [[ -n ${LAUNCH_SHOTS:-} ]]; then
        sleep 3
        mkdir -p "$LAUNCH_SHOTS" && import -window root "$LAUNCH_SHOTS/$label.png"
    fi
    close_window "$window"
    for _ in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && { kill "$pid"; fail "$label: still running 30 s after its window was closed"; }
    wait "$pid" || fail "$label: exit status $? after its window was closed"
    echo "launch-test: $label start: window after $shown s, engine ready after $ready s ($(grep -o 'Window shown after [0-9]* ms' "$log"), $(grep -o 'Section shown after [0-9]* ms' "$log"), $(grep -o 'Engine ready after [0-9]* ms' "$log") of JVM time)"
}

check_window cold
for lib in javacpp openjfx; do
    [[ -n $(find "$cache/$lib" -name '*.so' -print -quit 2>/dev/null) ]] || fail "no native libraries in $cache/$lib"
done
echo "launch-test: native cache: $(du -sh "$cache" | cut -f1) in \$XDG_CACHE_HOME/latent-explorer"
check_window warm
check_cli
echo "launch-test: passed"
