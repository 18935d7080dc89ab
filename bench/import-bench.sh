#!/usr/bin/env bash
# The attendance import benchmark on both databases: real import vs raw floor, 1,000,000 marks by default.
#   bench/import-bench.sh [--marks N]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/caseload-bench.XXXXXX)
source scripts/pg-throwaway.sh
trap 'pg_throwaway_stop; rm -rf "$work"' EXIT
pg_throwaway_start   # default durability settings: the figures are for a real server's defaults
dotnet run -c Release --project bench/Caseload.Bench -- import --postgres "$CASELOAD_PG" "$@"
