#!/usr/bin/env bash
# The analytics benchmark (issue 4), on SQLite and on PostgreSQL, each holding `caseload demo --students 4000 --full-year`
# (about 2.3 million lesson marks, 3 data points) as of 16 July, the end of the school year:
#   1. the cohort views over HTTP with wrk: a progress leader's year group and a senior leader's whole institution,
#      signed in, 1 and 8 connections, p50/p95/p99 (after the day's summaries are made: the first view of a day makes them);
#   2. in-process (bench/Caseload.Bench analytics): recompute every weekly summary and risk score from scratch, and
#      import one more school day's marks for every student (the incremental path), 5 runs each.
#   bench/analytics-bench.sh [--only Sqlite|Postgres] [--duration 10s]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
only=""; duration="10s"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    *) echo "usage: bench/analytics-bench.sh [--only Sqlite|Postgres] [--duration 10s]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "analytics-bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/caseload-analyticsbench.XXXXXX)
source scripts/pg-throwaway.sh
app_pid=""
cleanup() {
  local status=$?
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  # A run that failed keeps each app's log (the app may have died: its exit and last lines are there).
  if [ "$status" -ne 0 ]; then for log in "$work"/*/app.log; do [ -f "$log" ] && cp "$log" "/tmp/caseload-analyticsbench-$(basename "$(dirname "$log")")-app.log" && echo "analytics-bench: failed ($status); app log kept in /tmp/caseload-analyticsbench-$(basename "$(dirname "$log")")-app.log" >&2; done; fi
  pg_throwaway_stop
  rm -rf "$work"
}
trap cleanup EXIT

today=2027-07-16
dotnet build -c Release -nologo -v q src/Caseload.Cli >/dev/null
dotnet build -c Release -nologo -v q src/Caseload.Web >/dev/null
dotnet build -c Release -nologo -v q bench/Caseload.Bench >/dev/null
cli="dotnet $root/src/Caseload.Cli/bin/Release/net10.0/caseload.dll"
web="$root/src/Caseload.Web/bin/Release/net10.0/Caseload.Web.dll"
bench="dotnet $root/bench/Caseload.Bench/bin/Release/net10.0/Caseload.Bench.dll"
cat > "$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.0f %.2f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

query() {
  if [ "$provider" = Sqlite ]; then sqlite3 "$work/Sqlite/data/caseload.db" "$1"
  else psql -h 127.0.0.1 -p "$pg_port" -U postgres -d caseload_bench -tAc "$1"; fi
}

signin() {
  local who=$1 jar="$work/$provider/cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$who" --data-urlencode "Password=caseload-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/sign-in"
  cookie=$(awk '$6 ~ /caseload$/ { print $6 "=" $7 }' "$jar")
  [ -n "$cookie" ] || { echo "analytics-bench: sign-in as $who failed" >&2; cat "$work/$provider/app.log" >&2; exit 1; }
}

printf '\n%-9s %-22s %5s %8s %8s %8s %8s\n' database page conns "req/s" "p50 ms" "p95 ms" "p99 ms"
for provider in Sqlite Postgres; do
  [ -n "$only" ] && [ "$only" != "$provider" ] && continue
  mkdir -p "$work/$provider/data"
  if [ "$provider" = Sqlite ]; then
    connection="Data Source=$work/$provider/data/caseload.db"
  else
    [ -z "${CASELOAD_PG:-}" ] && pg_throwaway_start   # default durability settings, as a real server
    pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$CASELOAD_PG")
    connection="${CASELOAD_PG/Database=postgres/Database=caseload_bench}"
  fi
  ( cd "$work/$provider" && $cli demo --students 4000 --full-year --today "$today" --provider "$provider" --connection "$connection" | tail -1 ) >&2
  leader=$(query "SELECT s.email FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'progress-leader' ORDER BY s.id LIMIT 1")
  senior=$(query "SELECT s.email FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'senior-leader'
                  WHERE (SELECT COUNT(*) FROM staff_roles x WHERE x.staff_id = s.id) = 1 ORDER BY s.id LIMIT 1")
  port=$((20000 + RANDOM % 10000))
  ( cd "$work/$provider" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$web" --urls "http://127.0.0.1:$port" \
      --Database:Provider "$provider" --Database:ConnectionString "$connection" --Clock:Today "$today" \
      --Demo:LoadOnFirstRun false --Security:SignInAttemptsPerMinute 1000 --Logging:LogLevel:Default Warning ) > "$work/$provider/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  base="http://127.0.0.1:$port"
  for who in leader senior; do
    email=$leader; page="cohort: year group"
    [ "$who" = senior ] && { email=$senior; page="cohort: institution"; }
    signin "$email"
    first=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$base/cohorts")
    echo "$provider $page: first view of the day (makes the summaries) ${first}s; students in view: $(curl -s -H "Cookie: $cookie" "$base/cohorts" | sed -n 's/.*<dt>Students<\/dt><dd>\([0-9,]*\)<.*/\1/p')" >&2
    wrk -t2 -c4 -d3s -H "Cookie: $cookie" "$base/cohorts" >/dev/null
    for conns in 1 8; do
      signin "$email"
      threads=1; [ "$conns" -gt 1 ] && threads=2
      read -r rps p50 p95 p99 errors < <(wrk -t"$threads" -c"$conns" -d"$duration" -s "$work/p95.lua" -H "Cookie: $cookie" "$base/cohorts" | tail -1)
      [ "$errors" = 0 ] || { echo "analytics-bench: $errors errors" >&2; exit 1; }
      printf '%-9s %-22s %5s %8s %8s %8s %8s\n' "$provider" "$page" "$conns" "$rps" "$p50" "$p95" "$p99"
    done
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  $bench analytics --provider "$provider" --connection "$connection" --today "$today"
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)" >&2
