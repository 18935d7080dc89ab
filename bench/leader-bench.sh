#!/usr/bin/env bash
# Leaders at scale: a progress leader's caseload page (their whole year group) on PostgreSQL holding
# `caseload demo --students 4000 --full-year` as of 16 July, signed in, over HTTP on loopback. Measures the time to the
# first byte and the whole response with curl, one request after another (a leader opening the page), and reports
# p50/p95/max and the page size — for the default page (50 rows), the page sorted by this term's attendance, and
# "show all". With --baseline REF the same requests go to the app built from another commit, on the same database in the
# same run, so before and after share data, machine and noise. The app runs in the Development environment: production
# cookies (session, antiforgery) demand HTTPS and the benchmark speaks plain HTTP on loopback; logging is at Warning.
#   bench/leader-bench.sh [--requests 60] [--baseline git-ref]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
requests=60; baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    *) echo "usage: bench/leader-bench.sh [--requests 60] [--baseline git-ref]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/caseload-leaderbench.XXXXXX)
source scripts/pg-throwaway.sh
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  pg_throwaway_stop
  if [ -n "$baseline" ]; then git worktree remove --force "$work/baseline" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

today=2027-07-16
dotnet build -c Release -nologo -v q src/Caseload.Cli >/dev/null
dotnet build -c Release -nologo -v q src/Caseload.Web >/dev/null
cli="dotnet $root/src/Caseload.Cli/bin/Release/net10.0/caseload.dll"
web="$root/src/Caseload.Web/bin/Release/net10.0/Caseload.Web.dll"
baseline_web=""
if [ -n "$baseline" ]; then
  git worktree add --detach "$work/baseline" "$baseline" >/dev/null 2>&1
  dotnet build -c Release -nologo -v q "$work/baseline/src/Caseload.Web" >/dev/null
  baseline_web="$work/baseline/src/Caseload.Web/bin/Release/net10.0/Caseload.Web.dll"
  echo "baseline: $(git log -1 --format='%h %s' "$baseline" | cut -c1-100)" >&2
fi

[ -z "${CASELOAD_PG:-}" ] && pg_throwaway_start   # default durability settings, as a real server
pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$CASELOAD_PG")
connection="${CASELOAD_PG/Database=postgres/Database=caseload_bench}"
query() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d caseload_bench -tAc "$1"; }
mkdir -p "$work/data"
( cd "$work/data" && $cli demo --students 4000 --full-year --today "$today" --provider Postgres --connection "$connection" | tail -1 ) >&2
# The progress leader who leads a year group and nothing else: their caseload is the whole year.
leader=$(query "SELECT s.email FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'progress-leader'
                WHERE (SELECT COUNT(*) FROM staff_roles x WHERE x.staff_id = s.id) = 1 ORDER BY s.id LIMIT 1")

# Prints "p50 p95 max" (ms) of a column of seconds.
stats() { sort -n | awk '{ v[NR] = $1 * 1000 } END { i95 = int(NR * 0.95 + 0.999); printf "%.0f %.0f %.0f\n", v[int((NR + 1) / 2)], v[i95], v[NR] }'; }

printf '\n%-12s %-26s %9s %8s %8s %8s %10s %8s\n' app page rows "ttfb p50" "ttfb p95" "ttfb max" "total p95" "KB"
run_app() {
  port=$((20000 + RANDOM % 10000))
  ( cd "$work/data" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$1" --urls "http://127.0.0.1:$port" \
      --Database:Provider Postgres --Database:ConnectionString "$connection" --Clock:Today "$today" \
      --Demo:LoadOnFirstRun false --Security:SignInAttemptsPerMinute 1000 --Logging:LogLevel:Default Warning ) > "$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  base="http://127.0.0.1:$port"
  local jar="$work/cookies" token cookie
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$leader" --data-urlencode "Password=caseload-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/sign-in"
  cookie=$(awk '$6 ~ /caseload$/ { print $6 "=" $7 }' "$jar")
  [ -n "$cookie" ] || { echo "leader-bench: sign-in as $leader failed" >&2; cat "$work/app.log" >&2; exit 1; }
  # The caseload is at / in the baseline (before landing pages) and at /caseload after.
  path=/caseload; [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/caseload")" = 200 ] || path=/
  for page in "default:" "sorted by term:?Sort=Term" "show all:?All=true"; do
    label=${page%%:*}; url="$base$path${page#*:}"
    # Warm up: the first view of the day makes the summaries; then JIT and the cache.
    for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $cookie" "$url"; done
    rows=$(curl -s -H "Cookie: $cookie" "$url" | grep -c 'class="app-caseload__who"' || true)
    : > "$work/times"
    for _ in $(seq 1 "$requests"); do
      curl -s -o /dev/null -H "Cookie: $cookie" -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$url" >> "$work/times"
    done
    read -r f50 f95 fmax < <(awk '{ print $1 }' "$work/times" | stats)
    read -r _ t95 _ < <(awk '{ print $2 }' "$work/times" | stats)
    kb=$(awk '{ s = $3 } END { printf "%.0f", s / 1024 }' "$work/times")
    printf '%-12s %-26s %9s %8s %8s %8s %10s %8s\n' "$2" "$label" "$rows" "$f50" "$f95" "$fmax" "$t95" "$kb"
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}
echo "progress leader: $leader; $(query "SELECT COUNT(*) FROM students") students, $(query "SELECT COUNT(*) FROM attendance_marks") marks" >&2
run_app "$web" "this commit"
if [ -n "$baseline_web" ]; then run_app "$baseline_web" "before"; fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version), PostgreSQL $(psql --version | awk '{ print $3 }')" >&2
