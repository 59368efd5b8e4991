#!/usr/bin/env bash
# Usage: ensure-debian-package.sh COMMAND PACKAGE WHAT
# Some tests drive programs nobody in this project wrote, from Debian's packages: the browser tests
# Debian's chromium (Playwright's own browser download cannot work offline), the emulator's signature
# tests xmlsec1 (issue 10). Install the package when COMMAND is missing and we are allowed to;
# otherwise say exactly what to do. WHAT names the tests that need it.
set -euo pipefail
command_name="$1" package="$2" what="$3"
if command -v "$command_name" >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "$command_name not found: installing Debian's $package for $what" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null; }
  exit 0
fi
echo "$what need $command_name: run 'sudo apt-get install $package' (Debian/Ubuntu) and try again." >&2
exit 1
