#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need first: Debian's chromium for the
# end-to-end tests (Playwright drives it; its own browser download cannot work offline).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Debian's chromium for the end-to-end tests" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

dotnet test Dashboard.sln "$@"
