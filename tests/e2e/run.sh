#!/usr/bin/env bash
# End-to-end test of the real Waymark window.
#
#   tests/e2e/run.sh <path-to-waymark-binary>
#
# The notification sink and the logind stand-in (`cargo build --example notification_sink
# --example logind_stub`) must be built beside it.
#
# Starts a private D-Bus session, an Xvfb display and tauri-driver (which drives WebKitWebDriver),
# installs the WebDriver client when needed, runs `node --test journey.test.mjs`, and tears all of it
# down again, whatever happens. Exits with node's exit code. Works from any cwd, without a TTY.
#
# Environment (all optional):
#   WAYMARK_E2E_PORT       port for tauri-driver (default 4444, or a free one if 4444 is taken)
#   WAYMARK_E2E_KEEP=1     keep the temporary data directory (its path is printed)
#   WAYMARK_E2E_TIMEOUT    seconds before the test run is stopped (default 900)
#   WAYMARK_E2E_ARTIFACTS  where screenshots go (default tests/e2e/artifacts; emptied of PNG/HTML first)
#   WAYMARK_E2E_LOGLEVEL   webdriverio log level, e.g. info to log every WebDriver command
#   WAYMARK_E2E_PATTERN    run only the steps whose names match (steps build on each other:
#                          include the ones before, e.g. "01-setup|12c")
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf 'e2e: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

# --------------------------------------------------------------------------------------------
# Inner part: runs inside `dbus-run-session`, in its own process group (see the outer part).
# --------------------------------------------------------------------------------------------
if [[ "${1:-}" == "--inner" ]]; then
  BIN="$2"
  WORK="$3"
  SINK="$4"
  XVFB_PID=""
  DRIVER_PID=""
  SINK_PID=""

  inner_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for pid in $DRIVER_PID $SINK_PID $XVFB_PID; do
      kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $DRIVER_PID $SINK_PID $XVFB_PID; do
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    done
    exit "$rc"
  }
  trap inner_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  # Xvfb picks a free display itself and reports it on fd 3 once it accepts connections.
  : >"$WORK/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
    3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do
    [[ -s "$WORK/display" ]] && break
    kill -0 "$XVFB_PID" 2>/dev/null || { cat "$WORK/xvfb.log" >&2; die "Xvfb exited early"; }
    sleep 0.1
  done
  [[ -s "$WORK/display" ]] || die "Xvfb did not report a display"
  export DISPLAY=":$(tr -dc '0-9' <"$WORK/display")"
  log "Xvfb on $DISPLAY (pid $XVFB_PID)"

  # The GUI runs on X11 under Xvfb, software-rendered; nothing of the person's desktop leaks in.
  unset WAYLAND_DISPLAY
  export GDK_BACKEND=x11
  export WEBKIT_DISABLE_DMABUF_RENDERER=1
  export LIBGL_ALWAYS_SOFTWARE=1
  export NO_AT_BRIDGE=1

  # A recording notification server owns org.freedesktop.Notifications on this private bus,
  # so the test sees exactly which notifications the app sends, and with which words.
  : >"$WORK/notifications.jsonl"
  "$SINK" "$WORK/notifications.jsonl" >"$WORK/sink.log" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 100); do
    grep -q ready "$WORK/sink.log" 2>/dev/null && break
    kill -0 "$SINK_PID" 2>/dev/null || { cat "$WORK/sink.log" >&2; die "the notification sink exited early"; }
    sleep 0.1
  done
  grep -q ready "$WORK/sink.log" || die "the notification sink did not start"
  export WAYMARK_E2E_NOTIFICATIONS="$WORK/notifications.jsonl"
  log "notification sink on the private session bus (pid $SINK_PID)"

  # Debug-build test seams for locking (docs/LOCKING.md): logind is looked for on this private
  # session bus, where the test's own stand-in (examples/logind_stub) owns it; and the
  # "After 1 minute" auto-lock choice locks after 20 seconds.
  export WAYMARK_LOGIND_BUS=session
  export WAYMARK_DEBUG_AUTO_LOCK_SECONDS=20

  port_free() { ! (exec 9<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  free_port() {
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  }
  PORT="${WAYMARK_E2E_PORT:-4444}"
  if ! port_free "$PORT"; then
    [[ -n "${WAYMARK_E2E_PORT:-}" ]] && die "port $PORT is already in use"
    PORT="$(free_port)"
  fi
  NATIVE_PORT="$(free_port)"
  while [[ "$NATIVE_PORT" == "$PORT" ]]; do NATIVE_PORT="$(free_port)"; done
  export WAYMARK_E2E_PORT="$PORT"

  TAURI_DRIVER="$(command -v tauri-driver || true)"
  [[ -n "$TAURI_DRIVER" ]] || TAURI_DRIVER="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  [[ -x "$TAURI_DRIVER" ]] || die "tauri-driver not found (cargo install tauri-driver --locked)"
  command -v WebKitWebDriver >/dev/null || die "WebKitWebDriver not found (apt-get install webkit2gtk-driver)"

  # The app (started by the driver) gets the scratch folder as its home too: some libraries, such
  # as the one writing the login autostart entry, use ~/.config whatever XDG_CONFIG_HOME says.
  # Its temp folder is a private one the at-rest step scans (the test's own exports stay in /tmp).
  HOME="$WORK/home" TMPDIR="$WORK/apptmp" "$TAURI_DRIVER" --port "$PORT" --native-port "$NATIVE_PORT" >"$WORK/tauri-driver.log" 2>&1 &
  DRIVER_PID=$!
  ready=""
  for _ in $(seq 150); do
    if node -e '
      fetch(`http://127.0.0.1:${process.argv[1]}/status`, { signal: AbortSignal.timeout(1000) })
        .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));' "$PORT"; then
      ready=1
      break
    fi
    kill -0 "$DRIVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [[ -z "$ready" ]]; then
    cat "$WORK/tauri-driver.log" >&2 || true
    die "tauri-driver did not answer on 127.0.0.1:$PORT/status"
  fi
  log "tauri-driver on 127.0.0.1:$PORT (native $NATIVE_PORT, pid $DRIVER_PID)"

  cd "$HERE"
  set +e
  WAYMARK_E2E_BINARY="$BIN" timeout --foreground -k 10 "${WAYMARK_E2E_TIMEOUT:-900}" \
    node --test --test-reporter=spec ${WAYMARK_E2E_PATTERN:+--test-name-pattern=$WAYMARK_E2E_PATTERN} journey.test.mjs
  rc=$?
  set -e
  if [[ $rc -ne 0 ]]; then
    log "tauri-driver log (last 40 lines):"
    tail -n 40 "$WORK/tauri-driver.log" >&2 || true
  fi
  exit "$rc"
fi

# --------------------------------------------------------------------------------------------
# Outer part.
# --------------------------------------------------------------------------------------------
[[ $# -eq 1 ]] || die "usage: $0 <path-to-waymark-binary>"
[[ -f "$1" && -x "$1" ]] || die "not an executable file: $1"
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
# Built beside the binary by `cargo build --example notification_sink`.
SINK="$(dirname "$BIN")/examples/notification_sink"
[[ -x "$SINK" ]] || die "not found: $SINK (build it with: cargo build --example notification_sink)"
# The stand-in for logind, started by the journey's sleep and session-lock step.
[[ -x "$(dirname "$BIN")/examples/logind_stub" ]] ||
  die "not found: $(dirname "$BIN")/examples/logind_stub (build it with: cargo build --example logind_stub)"

for tool in node npm Xvfb dbus-run-session setsid; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
command -v import >/dev/null || log "warning: imagemagick's import not found; no screenshots will be saved"

# The WebDriver client: (re)install when node_modules is missing or package-lock.json changed.
# --ignore-scripts: webdriverio's optional browser-driver packages must not try to download anything.
lock_hash="$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)"
stamp="$HERE/node_modules/.waymark-lock-sha256"
if [[ ! -d "$HERE/node_modules" || "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]]; then
  log "installing the WebDriver client (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >&2
  echo "$lock_hash" >"$stamp"
fi

# Screenshots and page sources of this run only.
ARTIFACTS="${WAYMARK_E2E_ARTIFACTS:-$HERE/artifacts}"
mkdir -p "$ARTIFACTS"
ARTIFACTS="$(cd "$ARTIFACTS" && pwd)"
find "$ARTIFACTS" -maxdepth 1 -type f \( -name '*.png' -o -name '*.html' \) -delete

# Everything the app and WebKit write goes under one fresh temporary root.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/waymark-e2e.XXXXXX")"
mkdir -p "$WORK/data" "$WORK/home/config" "$WORK/home/cache" "$WORK/home/share" "$WORK/home/state" "$WORK/runtime" \
  "$WORK/apptmp"
chmod 700 "$WORK/runtime" "$WORK/apptmp"
# The app's temp and runtime folders, and its log output (the driver's log holds the app's stdout
# and stderr): the at-rest step scans them all for journal text.
export WAYMARK_E2E_APP_DIRS="$WORK/apptmp:$WORK/runtime"
export WAYMARK_E2E_APP_LOG="$WORK/tauri-driver.log"
export WAYMARK_DATA_DIR="$WORK/data"
export WAYMARK_E2E_DATA_DIR="$WORK/data"
export WAYMARK_E2E_SCRATCH="$WORK/home"
export XDG_CONFIG_HOME="$WORK/home/config"
export XDG_CACHE_HOME="$WORK/home/cache"
export XDG_DATA_HOME="$WORK/home/share"
export XDG_STATE_HOME="$WORK/home/state"
export XDG_RUNTIME_DIR="$WORK/runtime"
export WAYMARK_E2E_ARTIFACTS="$ARTIFACTS"
unset WAYMARK_PASSPHRASE WAYMARK_RECOVERY_KEY WAYMARK_NEW_PASSPHRASE DBUS_SESSION_BUS_ADDRESS

GROUP=""
outer_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$GROUP" ]]; then
    # Anything still alive in the group (a stray WebKit process, say) is ended here.
    if kill -0 -- "-$GROUP" 2>/dev/null; then
      kill -TERM -- "-$GROUP" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 -- "-$GROUP" 2>/dev/null || break; sleep 0.1; done
      if kill -0 -- "-$GROUP" 2>/dev/null; then
        log "killing leftover processes: $(pgrep -g "$GROUP" | tr '\n' ' ')"
        kill -KILL -- "-$GROUP" 2>/dev/null || true
      fi
    fi
  fi
  if [[ "${WAYMARK_E2E_KEEP:-}" == "1" ]]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap outer_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# setsid: the inner part and everything it starts share one new process group whose id is the
# inner part's pid, so the cleanup above can end all of it by that id.
set +e
setsid dbus-run-session -- bash "$HERE/run.sh" --inner "$BIN" "$WORK" "$SINK" </dev/null &
GROUP=$!
wait "$GROUP"
rc=$?
set -e
log "finished with exit code $rc"
exit "$rc"
