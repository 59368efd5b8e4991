#!/usr/bin/env bash
# The emulator's signature tests sign deliveries with xmlsec1, an XML-DSig implementation nobody
# in this project wrote (issue 10). Install Debian's package when missing and we are allowed to;
# otherwise say exactly what to do.
set -euo pipefail
if command -v xmlsec1 >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "xmlsec1 not found: installing Debian's xmlsec1 for the signature tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q xmlsec1 >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q xmlsec1 >/dev/null; }
  exit 0
fi
echo "The signature tests need xmlsec1: run 'sudo apt-get install xmlsec1' (Debian/Ubuntu) and try again." >&2
exit 1
