#!/usr/bin/env bash
# Installs what the tests need and runs every test: formatting and lints, Rust unit and
# integration tests (real encrypted vaults), UI tests, and the end-to-end test of the real
# window under Xvfb. Idempotent; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

step() { printf '\n==> %s\n' "$*"; }

step "Installing system packages and tools"
scripts/install-system-deps.sh --test
require_toolchains
if ! command -v tauri-driver >/dev/null; then
  cargo install tauri-driver --locked --version 2.1.0
fi

step "Front end: install, type-check, lint, unit tests, build"
build_ui
(cd ui && npm run --silent check && npm run --silent lint && npm test --silent)

step "Rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: unit, integration and CLI tests (includes the generated-bindings check)"
cargo test --workspace --locked

step "End to end: the real window under Xvfb through WebDriver"
cargo build --locked --bin waymark --example notification_sink --example logind_stub
tests/e2e/run.sh "$PWD/target/debug/waymark"

step "All tests passed"
