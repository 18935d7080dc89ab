#!/usr/bin/env bash
# The casework benchmark (issue 5): a throwaway PostgreSQL (default durability) holding `caseload demo --students 4000`
# as of 23 Nov 2026, topped up to a year of casework (20,000 cases, 60,000 1:1s, 100,000 behaviour events, 8,000
# referrals, 20,000 parent contacts), then a tutor's inbox, a student's profile with its timeline and a senior tutor's
# inbox timed in-process and uncached (bench/Caseload.Bench casework).
#   bench/casework-bench.sh [--only Sqlite|Postgres] [--calls 200]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
only="Postgres"; calls=200
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --calls) calls="$2"; shift 2 ;;
    *) echo "usage: bench/casework-bench.sh [--only Sqlite|Postgres] [--calls 200]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/caseload-caseworkbench.XXXXXX)
chmod 755 "$work"
source scripts/pg-throwaway.sh
cleanup() { pg_throwaway_stop; rm -rf "$work"; }
trap cleanup EXIT

today=2026-11-23
dotnet build -c Release -nologo -v q src/Caseload.Cli >/dev/null
dotnet build -c Release -nologo -v q bench/Caseload.Bench >/dev/null
cli="dotnet $root/src/Caseload.Cli/bin/Release/net10.0/caseload.dll"
bench="dotnet $root/bench/Caseload.Bench/bin/Release/net10.0/Caseload.Bench.dll"
for provider in Sqlite Postgres; do
  [ -n "$only" ] && [ "$only" != "$provider" ] && continue
  mkdir -p "$work/$provider/data"
  if [ "$provider" = Sqlite ]; then
    connection="Data Source=$work/$provider/data/caseload.db"
  else
    [ -z "${CASELOAD_PG:-}" ] && pg_throwaway_start
    connection="${CASELOAD_PG/Database=postgres/Database=caseload_bench}"
  fi
  ( cd "$work/$provider" && $cli demo --students 4000 --today "$today" --provider "$provider" --connection "$connection" | tail -1 ) >&2
  $bench casework --provider "$provider" --connection "$connection" --today "$today" --calls "$calls"
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)" >&2
