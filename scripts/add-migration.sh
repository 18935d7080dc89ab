#!/usr/bin/env bash
# Adds a migration with the same name to both providers (SQLite and PostgreSQL). Every schema change goes through here.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: scripts/add-migration.sh <MigrationName>" >&2; exit 2; }
dotnet run --project tools/Caseload.Migrations -- add "$1"
