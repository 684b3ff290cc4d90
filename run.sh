#!/usr/bin/env bash
# Runs the app on the embedded SQLite database (created and seeded with demo data on first start).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Dashboard.Web "$@"
