#!/usr/bin/env bash
# kill -9 during imports: a large attendance import (every mark of a demo institution rewritten, ~80,000 rows) is
# started and killed at a random moment, again and again, on SQLite and PostgreSQL. After each kill: either every row
# of the file is in or none is (nothing half-written), the weekly attendance totals equal a rebuild from the marks, and
# the next import works. ./test.sh runs the short form (3 runs per database); the full check is 20 runs:
#   tests/kill-import.sh [--runs 20] [--only Sqlite|Postgres] [--seed N]
# Uses $CASELOAD_PG when set (test.sh's cluster), else starts a throwaway cluster. Prints one line per database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=20; only=""; seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: tests/kill-import.sh [--runs N] [--only Sqlite|Postgres] [--seed N]" >&2; exit 2 ;;
  esac
done
RANDOM=$seed
work=$(mktemp -d /tmp/caseload-kill.XXXXXX)
source scripts/pg-throwaway.sh
started_pg=""
cleanup() { [ -n "$started_pg" ] && pg_throwaway_stop; rm -rf "$work"; }
trap cleanup EXIT
if ! command -v sqlite3 >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "kill-import: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3 >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3 >/dev/null; }
fi
cli="src/Caseload.Cli/bin/Release/net10.0/caseload.dll"
[ -f "$cli" ] || dotnet build -c Release -nologo -v q src/Caseload.Cli >/dev/null
today=2026-12-01

for provider in Sqlite Postgres; do
  [ -n "$only" ] && [ "$only" != "$provider" ] && continue
  if [ "$provider" = Sqlite ]; then
    connection="Data Source=$work/kill.db"
    sql() { sqlite3 "$work/kill.db" "$1"; }
  else
    if [ -z "${CASELOAD_PG:-}" ]; then pg_throwaway_start; started_pg=1; fi
    pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$CASELOAD_PG")
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS caseload_kill" -c "CREATE DATABASE caseload_kill" >/dev/null
    connection="${CASELOAD_PG/Database=postgres/Database=caseload_kill}"
    sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d caseload_kill -tAqc "$1"; }
  fi
  caseload() { dotnet "$cli" "$@" --provider "$provider" --connection "$connection" --clock-today "$today"; }
  caseload demo --students 400 --today "$today" >/dev/null
  # The file: every mark the institution has, as late with a run's own minutes, so a run's rows can be counted.
  sql "SELECT s.external_id || ',' || m.date || ',' || m.session FROM attendance_marks m JOIN students s ON s.id = m.student_id ORDER BY 1" > "$work/keys.txt"
  rows=$(wc -l < "$work/keys.txt")
  weeks() { sql "SELECT student_id || ' ' || week_start || ' ' || possible || ' ' || present || ' ' || authorised_absence || ' ' || unauthorised_absence || ' ' || lates || ' ' || minutes_late FROM attendance_weeks ORDER BY student_id, week_start" > "$1"; }

  # One import to the end, timed, to know when to kill.
  make_file() { { echo "student_id,date,session,code,minutes_late"; sed "s/\$/,L,$1/" "$work/keys.txt"; } > "$work/run.csv"; }
  make_file 1
  start=$(date +%s%N); caseload import attendance "$work/run.csv" >/dev/null; took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  killed=0; finished=0
  for run in $(seq 1 "$runs"); do
    minutes=$((run + 1))
    make_file "$minutes"
    # Somewhere between the start and a little past the usual end (the CLI's own start-up included).
    delay_ms=$(( 300 + RANDOM % (took_ms + 300) ))
    dotnet "$cli" import attendance "$work/run.csv" --provider "$provider" --connection "$connection" --clock-today "$today" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null || true
    in=$(sql "SELECT COUNT(*) FROM attendance_marks WHERE code = 'L' AND minutes_late = $minutes")
    if [ "$in" -ne 0 ] && [ "$in" -ne "$rows" ]; then
      echo "kill-import: $provider run $run (killed after ${delay_ms} ms): $in of $rows rows written — half an import" >&2; exit 1
    fi
    [ "$in" -eq "$rows" ] && finished=$((finished + 1))
    weeks "$work/weeks-before.txt"
    caseload db rebuild-summaries >/dev/null
    weeks "$work/weeks-after.txt"
    if ! cmp -s "$work/weeks-before.txt" "$work/weeks-after.txt"; then
      echo "kill-import: $provider run $run: the weekly totals differ from a rebuild from the marks" >&2
      diff "$work/weeks-before.txt" "$work/weeks-after.txt" | head -5 >&2; exit 1
    fi
  done
  # And the database still takes an import to the end.
  make_file 99
  caseload import attendance "$work/run.csv" >/dev/null
  [ "$(sql "SELECT COUNT(*) FROM attendance_marks WHERE code = 'L' AND minutes_late = 99")" -eq "$rows" ] || { echo "kill-import: $provider: the import after the kills did not complete" >&2; exit 1; }
  echo "kill-import: $provider: $runs runs on $rows rows (an import takes ${took_ms} ms): kill -9 landed on $killed (some after the commit), $finished found complete and the rest with nothing written, none half-written; weekly totals equal a rebuild every time"
done
