#!/usr/bin/env bash
# Runs each cargo-fuzz target in fuzz/ for a while, one at a time, on one core.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Defaults: 60 seconds, every target. Needs a nightly toolchain; cargo-fuzz is installed with
# `cargo install cargo-fuzz --locked` when missing. Without nightly it says so and exits 0, so
# a machine without it (CI) is not failed by it: the same checks run on stable in
# `cargo test --test fuzz_bodies`. A crash is saved under fuzz/artifacts/TARGET/ and the
# script exits 1. FUZZ_SANITIZER (default: none) picks a sanitizer, e.g. `address`.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(import_json ics day_range keyslots recovery_key passphrase)
fi

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz.sh: no nightly toolchain here (rustup toolchain install nightly); not fuzzing." >&2
  echo "fuzz.sh: the same targets run on stable in: cargo test --test fuzz_bodies" >&2
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# Inside the shared target directory, so fuzz builds add to one tree rather than start another.
target_dir="$root/target/fuzz"
sanitizer="${FUZZ_SANITIZER:-none}"
status=0
cd "$root/fuzz"
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  # A scratch copy of the committed seeds, so new inputs found here do not pile up in git.
  work="$target_dir/corpus/$target"
  mkdir -p "$work" "artifacts/$target"
  cp -n "$corpus"/* "$work"/ 2>/dev/null || true
  log="$target_dir/$target.log"
  echo "fuzz.sh: $target for ${seconds}s" >&2
  if cargo +nightly fuzz run --sanitizer "$sanitizer" --target-dir "$target_dir" "$target" \
    "$work" "$corpus" -- -max_total_time="$seconds" -jobs=1 -workers=1 -rss_limit_mb=2048 \
    -max_len=1048576 -print_final_stats=1 >"$log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    echo "fuzz.sh: $target: ${execs:-?} runs, ${speed:-?} per second, no crash" >&2
  else
    echo "fuzz.sh: $target FAILED; see $log and fuzz/artifacts/$target/" >&2
    status=1
  fi
  # libFuzzer's worker log (fuzz-0.log) is already copied into $log.
  rm -f fuzz-*.log
done
exit $status
