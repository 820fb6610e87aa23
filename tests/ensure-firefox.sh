#!/usr/bin/env bash
# The Firefox end-to-end test (tests/e2e/firefox-*.spec.ts) drives Debian's Firefox ESR through puppeteer-core
# (test tools cannot download their own browser here). Installs it when missing and we are root; otherwise says
# in one line how to get it.
set -euo pipefail
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$firefox_path" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Firefox ESR for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  exit 0
fi
echo "Firefox is missing at $firefox_path: install it with 'sudo apt-get install -y firefox-esr' or set FIREFOX_PATH." >&2
exit 1
