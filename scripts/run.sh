#!/usr/bin/env bash
# Installs everything Waymark needs (system packages, npm packages), builds it, and starts it.
# Idempotent: a second run only rebuilds what changed. Arguments are passed to waymark, so
# `scripts/run.sh craving list` runs the CLI instead of opening the window.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

scripts/install-system-deps.sh
require_toolchains
build_ui
cargo build --release --features custom-protocol
exec target/release/waymark "$@"
