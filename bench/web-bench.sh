#!/usr/bin/env bash
# The web benchmark: the caseload page of a ~180-student tutor and a student profile, signed in, over HTTP on loopback
# with wrk, at 1 and 16 connections, against a trivial endpoint of the same app (/health) as the baseline — on SQLite
# and on PostgreSQL, each holding `caseload demo --students 4000 --full-year` (about 2.3 million lesson marks) as of
# 16 July, the end of the school year, when "this year" is longest.
# With --baseline REF, the same pages are measured again, on the same database in the same run, by the app built from
# another commit (e.g. the one before a change), so a before/after comparison shares data, machine and noise.
# Each app is warmed first (--warmup, 30 s on each page at 16 connections): a new .NET process spends its first tens of
# seconds compiling and re-compiling the hot code with the profile it gathers (tiered JIT), and its connection pool
# opens a database connection (a new server process, with nothing prepared) for each concurrent read the first time
# it is needed; a server that has run for a minute has done both, so a short warm-up measures them in the tail (p99)
# rather than the page.
#   bench/web-bench.sh [--only Sqlite|Postgres] [--duration 10s] [--warmup 30s] [--baseline git-ref]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
only=""; duration="10s"; warmup="30s"; baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    *) echo "usage: bench/web-bench.sh [--only Sqlite|Postgres] [--duration 10s] [--warmup 30s] [--baseline git-ref]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "web-bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/caseload-webbench.XXXXXX)
source scripts/pg-throwaway.sh
app_pid=""
cleanup() {
  local status=$?
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  # A run that failed keeps each app's log (the app may have died: its exit and last lines are there).
  if [ "$status" -ne 0 ]; then for log in "$work"/*/app.log; do [ -f "$log" ] && cp "$log" "/tmp/caseload-webbench-$(basename "$(dirname "$log")")-app.log" && echo "web-bench: failed ($status); app log kept in /tmp/caseload-webbench-$(basename "$(dirname "$log")")-app.log" >&2; done; fi
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

# Runs one SQL query on the benchmark database, printing the single value.
query() {
  if [ "$provider" = Sqlite ]; then sqlite3 "$work/Sqlite/data/caseload.db" "$1"
  else psql -h 127.0.0.1 -p "$pg_port" -U postgres -d caseload_bench -tAc "$1"; fi
}

# wrk: prints "requests/s p50 p99" (latencies in ms).
measure() {
  local connections=$1 url=$2 threads=1
  signin
  [ "$connections" -gt 1 ] && threads=2
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Cookie: $cookie" "$url" > "$work/wrk.txt"
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f\n", rps, p50, p99 }' "$work/wrk.txt"
}

printf '\n%-9s %-18s %5s %10s %9s %9s %12s\n' database page conns "req/s" "p50 ms" "p99 ms" "p99/health"
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
  marks=$(query "SELECT COUNT(*) FROM attendance_marks")
  # The tutor whose caseload is nearest 180 students, and the first student of it.
  tutor=$(query "SELECT s.email FROM staff s JOIN tutor_groups g ON g.tutor_staff_id = s.id JOIN students st ON st.tutor_group_id = g.id
                 WHERE (SELECT COUNT(*) FROM staff_roles r WHERE r.staff_id = s.id) = 1
                 GROUP BY s.id, s.email ORDER BY ABS(COUNT(*) - 180), s.id LIMIT 1")
  size=$(query "SELECT COUNT(*) FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id WHERE s.email = '$tutor'")
  student=$(query "SELECT MIN(st.id) FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id JOIN staff s ON s.id = g.tutor_staff_id WHERE s.email = '$tutor'")

  # Starts the app built at $1 (labelled $2, rows suffixed $3) on this database and measures it.
  run_app() {
    port=$((20000 + RANDOM % 10000))
    ( cd "$work/$provider" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$1" --urls "http://127.0.0.1:$port" \
        --Database:Provider "$provider" --Database:ConnectionString "$connection" --Clock:Today "$today" \
        --Demo:LoadOnFirstRun false --Security:SignInAttemptsPerMinute 1000 --Logging:LogLevel:Default Warning ) > "$work/$provider/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
    base="http://127.0.0.1:$port"
    # Signs in afresh: a session re-validates its security stamp once a minute and a browser then takes the refreshed
    # cookie; wrk cannot, so each measurement starts with a new session rather than re-validating on every request.
    signin() {
      local jar="$work/$provider/cookies" token
      rm -f "$jar"
      token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
      curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$tutor" --data-urlencode "Password=caseload-demo" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/sign-in"
      # Production cookies are __Host- (Secure): pass the session cookie to wrk by hand over plain loopback HTTP.
      cookie=$(awk '$6 ~ /caseload$/ { print $6 "=" $7 }' "$jar")
      [ -n "$cookie" ] || { echo "web-bench: sign-in as $tutor failed" >&2; cat "$work/$provider/app.log" >&2; exit 1; }
    }
    signin
    rows=$(curl -s -H "Cookie: $cookie" "$base/" | grep -c 'class="app-caseload__who"' || true)
    echo "$provider ($2): $marks marks; tutor caseload $size students ($rows rows on the page); profile of student $student" >&2
    # Warm up (JIT, caches, connection pools), then measure.
    wrk -t2 -c16 -d"$warmup" -H "Cookie: $cookie" "$base/" >/dev/null; wrk -t2 -c16 -d"$warmup" -H "Cookie: $cookie" "$base/students/$student" >/dev/null
    for conns in 1 16; do
      read -r h_rps h_p50 h_p99 < <(measure "$conns" "$base/health")
      printf '%-9s %-18s %5s %10s %9s %9s %12s\n' "$provider" "health$3" "$conns" "$h_rps" "$h_p50" "$h_p99" "1.0"
      for page in caseload profile; do
        url="$base/"; [ "$page" = profile ] && url="$base/students/$student"
        read -r rps p50 p99 < <(measure "$conns" "$url")
        printf '%-9s %-18s %5s %10s %9s %9s %12s\n' "$provider" "$page$3" "$conns" "$rps" "$p50" "$p99" "$(awk -v a="$p99" -v b="$h_p99" 'BEGIN { printf "%.1f", a / b }')"
      done
    done
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  }
  run_app "$web" "this commit" ""
  if [ -n "$baseline_web" ]; then run_app "$baseline_web" "baseline $baseline" " (before)"; fi
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)" >&2
