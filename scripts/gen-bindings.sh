#!/usr/bin/env bash
# Regenerates ui/src/lib/api.ts from the Rust commands (tauri-specta). Run after changing a
# command or any type it uses; CI fails while the committed file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
WAYMARK_UPDATE_BINDINGS=1 cargo test -q --lib -p waymark bindings::tests::generated_bindings_are_current
