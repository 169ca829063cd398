#!/usr/bin/env bash
# Measures the real window's cold start (to the first painted screen) and memory, on a private
# Xvfb display and D-Bus session. Usage: scripts/measure-window.sh [binary] [--runs N]
# Defaults to the release binary that scripts/run.sh builds. Not part of the tests: its figures
# depend on the machine's load, so compare runs made together and record them in issue notes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh --measure
exec dbus-run-session -- /usr/bin/python3 scripts/measure-window.py "$@"
