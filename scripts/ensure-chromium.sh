#!/usr/bin/env bash
# The browser tests drive Debian's chromium (Playwright's own browser download cannot work offline).
# Install it when missing and we are allowed to; otherwise say exactly what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium not found: installing Debian's chromium for the browser tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
  exit 0
fi
echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu) and try again." >&2
exit 1
