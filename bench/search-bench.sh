#!/usr/bin/env bash
# The search benchmark: GET /api/v1/students?q=… (what the header's search box runs) signed in as a senior leader, who
# searches the whole institution, and as a tutor (their ~180 students), with wrk at 1 connection on loopback, against
# `caseload demo --students 4000` on PostgreSQL. Queries: a surname ("Nowak"), two names in either order, a student id,
# and a word that matches nobody.
#   bench/search-bench.sh [--duration 10s]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd); duration="10s"
[ "${1:-}" = "--duration" ] && duration="$2"
command -v wrk >/dev/null || { echo "search-bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/caseload-searchbench.XXXXXX)
source scripts/pg-throwaway.sh
app_pid=""
cleanup() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi; pg_throwaway_stop; rm -rf "$work"; }
trap cleanup EXIT
today=2026-11-23
dotnet build -c Release -nologo -v q src/Caseload.Cli >/dev/null
dotnet build -c Release -nologo -v q src/Caseload.Web >/dev/null
[ -z "${CASELOAD_PG:-}" ] && pg_throwaway_start
pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$CASELOAD_PG")
connection="${CASELOAD_PG/Database=postgres/Database=caseload_search}"
( cd "$work" && dotnet "$root/src/Caseload.Cli/bin/Release/net10.0/caseload.dll" demo --students 4000 --today "$today" --provider Postgres --connection "$connection" | tail -1 ) >&2
query() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d caseload_search -tAc "$1"; }
leader=$(query "SELECT s.email FROM staff s WHERE EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = 'senior-leader') ORDER BY s.id LIMIT 1")
tutor=$(query "SELECT s.email FROM staff s JOIN tutor_groups g ON g.tutor_staff_id = s.id JOIN students st ON st.tutor_group_id = g.id
               WHERE (SELECT COUNT(*) FROM staff_roles r WHERE r.staff_id = s.id) = 1 GROUP BY s.id, s.email ORDER BY ABS(COUNT(*) - 180), s.id LIMIT 1")
student=$(query "SELECT first_name || ' ' || last_name || '|' || last_name || ' ' || first_name || '|' || external_id FROM students ORDER BY id LIMIT 1")
IFS='|' read -r forward backward id <<<"$student"

port=$((20000 + RANDOM % 10000)); base="http://127.0.0.1:$port"
( cd "$work" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$root/src/Caseload.Web/bin/Release/net10.0/Caseload.Web.dll" --urls "$base" \
    --Database:Provider Postgres --Database:ConnectionString "$connection" --Clock:Today "$today" --Demo:LoadOnFirstRun false \
    --Security:SignInAttemptsPerMinute 1000 --Logging:LogLevel:Default Warning ) > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
signin() {
  local jar="$work/cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$1" --data-urlencode "Password=caseload-demo" --data-urlencode "__RequestVerificationToken=$token" "$base/sign-in"
  cookie=$(awk '$6 ~ /caseload$/ { print $6 "=" $7 }' "$jar")
  [ -n "$cookie" ] || { echo "search-bench: sign-in as $1 failed" >&2; exit 1; }
}
printf '\n%-8s %-26s %8s %8s %9s %9s\n' who query matches "req/s" "p50 ms" "p99 ms"
for who in leader tutor; do
  [ "$who" = leader ] && signin "$leader" || signin "$tutor"
  for q in Nowak "$forward" "$backward" "$id" zzzzqq; do
    url="$base/api/v1/students?q=$(jq -rn --arg q "$q" '$q|@uri')"
    matches=$(curl -s -H "Cookie: $cookie" "$url" | jq .matched)
    wrk -t1 -c1 -d2s -H "Cookie: $cookie" "$url" >/dev/null
    wrk -t1 -c1 -d"$duration" --latency -H "Cookie: $cookie" "$url" > "$work/wrk.txt"
    awk -v who="$who" -v q="$q" -v m="$matches" '
      function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
      /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
      END { printf "%-8s %-26s %8s %8.0f %9.2f %9.2f\n", who, q, m, rps, p50, p99 }' "$work/wrk.txt"
  done
done
echo "data: 4,000 students; machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, .NET $(dotnet --version)" >&2
