#!/usr/bin/env bash
# Runs the app on the embedded SQLite database (created and seeded with demo data on first start). Installs Debian's
# chromium first when it is missing: the app draws the charts of decks, reports and scheduled packs in it.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "run.sh: installing Debian's chromium (the server draws the charts of decks and reports in it)" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; }; then
    echo "run.sh: chromium could not be installed; the app runs, but decks, PDF reports and scheduled packs will say so" >&2
  fi
fi

exec dotnet run --project src/Dashboard.Web "$@"
