#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need first: Debian's chromium for the
# end-to-end tests and server-drawn charts (Playwright drives it; its own browser download cannot work offline), and
# Debian's postgresql for the tests that run on both providers (they start a throwaway server of their own).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Debian's chromium for the end-to-end tests" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "test.sh: installing Debian's postgresql for the PostgreSQL tests" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  # The package starts a cluster of its own on port 5432; the tests start theirs on a free port instead.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
fi

# Every temporary file of the run (test databases, seeded templates, PostgreSQL clusters, browser profiles) goes into
# one folder removed at the end, so a killed or failing test never leaves gigabytes behind on a shared disk.
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/dashboard-tests.XXXXXX")"
# Traversable by the "postgres" account the PostgreSQL tests run their server as.
chmod 0755 "$TMPDIR"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

dotnet test Dashboard.sln "$@"
