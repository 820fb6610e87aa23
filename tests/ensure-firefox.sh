#!/usr/bin/env bash
# The Firefox end-to-end test (tests/e2e/firefox-*.spec.ts) drives Debian's Firefox ESR through puppeteer-core
# (test tools cannot download their own browser here). Installs it when missing and we are root; otherwise says
# in one line how to get it. Its Russian language pack too, for the test in Russian.
set -euo pipefail
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
# With its Russian language pack: one Firefox test runs Relay in Russian.
[ -n "${FIREFOX_PATH:-}" ] && [ -x "$firefox_path" ] && exit 0
[ -x "$firefox_path" ] && [ -f /usr/lib/firefox-esr/browser/extensions/langpack-ru@firefox-esr.mozilla.org.xpi ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Firefox ESR for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr firefox-esr-l10n-ru >/dev/null
  exit 0
fi
echo "Firefox is missing at $firefox_path: install it with 'sudo apt-get install -y firefox-esr firefox-esr-l10n-ru' or set FIREFOX_PATH." >&2
exit 1
