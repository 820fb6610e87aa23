#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (test tools cannot download their own browser here).
# Installs it when missing and we are root; otherwise says in one line how to get it.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing at $chromium_path: install it with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH." >&2
exit 1
