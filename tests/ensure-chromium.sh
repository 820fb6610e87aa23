#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (test tools cannot download their own browser here), with its
# translations (chromium-l10n: Debian's Chromium alone ships only en-US, and the tests run Relay in Catalan and
# Russian). Installs what is missing when we are root; otherwise says in one line how to get it.
set -euo pipefail
# A browser of one's own (CHROMIUM_PATH) brings its own languages.
[ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && exit 0
locales=/usr/lib/chromium/locales
[ -x /usr/bin/chromium ] && [ -f "$locales/ca.pak" ] && [ -f "$locales/ru.pak" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Chromium and its translations for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n >/dev/null
  exit 0
fi
echo "Chromium or its translations are missing: install them with 'sudo apt-get install -y chromium chromium-l10n' or set CHROMIUM_PATH." >&2
exit 1
