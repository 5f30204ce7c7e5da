#!/usr/bin/env bash
# Runs every test of Interleave: unit tests, the HTTP, physics and CPython-differential suites,
# and the browser tests in headless Chromium. Installs what it needs; fails loudly otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() { echo "test.sh: $*" >&2; exit 1; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

command -v cargo >/dev/null || fail "cargo is missing: install Rust (https://rustup.rs)"
command -v python3 >/dev/null || fail "python3 is missing: CPython 3.11 is the oracle of the differential tests"
python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
  || fail "python3 is $(python3 --version 2>&1), the differential tests need CPython 3.11"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "test.sh: node/npm missing, installing Debian's nodejs and npm" >&2
  apt_install nodejs npm || fail "could not install nodejs and npm"
fi

cargo build --locked
# Every suite runs even when one fails, so a single run reports every failure.
status=0
cargo test --locked --no-fail-fast || status=$?
INTERLEAVE_BIN="$PWD/target/debug/interleave" tests/browser/run.sh || status=$?
[ "$status" -eq 0 ] || fail "some tests failed (exit $status): see the output above"
