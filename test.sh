#!/usr/bin/env bash
# The one test command: builds everything, makes sure a PostgreSQL server is available (a throwaway cluster on
# loopback, removed afterwards), runs every test on SQLite and PostgreSQL, and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d /tmp/caseload-test.XXXXXX)
source scripts/pg-throwaway.sh
trap 'pg_throwaway_stop; rm -rf "$work"' EXIT

# A throwaway PostgreSQL for the tests; durability settings off because the cluster is deleted at the end.
PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" pg_throwaway_start
export CASELOAD_TEST_POSTGRES="$CASELOAD_PG"

# Chromium for the browser tests (Debian's package; Playwright drives it, no browser download).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: chromium is missing and installing it needs root: apt-get install chromium" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
fi
# Screenshots and the web app's log from the browser tests are kept here to be looked at.
export CASELOAD_ARTIFACTS="$root/artifacts"
rm -rf "$CASELOAD_ARTIFACTS/screenshots"

# --- Build and test -------------------------------------------------------------------------------------
dotnet build Caseload.slnx -c Release -nologo -v q
if ! dotnet format Caseload.slnx --verify-no-changes --no-restore >"$work/format.log" 2>&1; then
  grep -E "error|warning" "$work/format.log" | head -20 >&2
  echo "test.sh: code is not formatted as .editorconfig says; run: dotnet format Caseload.slnx" >&2
  exit 1
fi
passed=0; failed=0; skipped=0; status=0
# run_tests PROJECT LABEL [dotnet test options…]: runs one test project and adds its counts to the totals.
run_tests() {
  local project=$1 label=$2; shift 2
  if ! dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$label.trx" --results-directory "$work/results" "$@"; then
    status=1
  fi
  local trx="$work/results/$label.trx"
  if [ -f "$trx" ]; then
    local counters p f total executed
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${total:-0} - ${executed:-0}))
  else
    echo "test.sh: $label produced no results" >&2; failed=$((failed + 1)); status=1
  fi
}
# Every test on the default day (tests/Shared/TestDay.cs: Monday 23 November 2026).
for project in tests/*/*.csproj; do
  run_tests "$project" "$(basename "$project" .csproj)"
done
# The tests that must hold on any day, again on the days that break calendars: the first day of the autumn term
# (a Tuesday), 31 August and 1 September, 29 February. No test may read the machine's own date.
for day in 2026-09-01 2027-08-31 2027-09-01 2028-02-29; do
  for project in tests/Caseload.IntegrationTests/*.csproj tests/Caseload.WebTests/*.csproj; do
    CASELOAD_TEST_TODAY=$day run_tests "$project" "$(basename "$project" .csproj)-$day" --filter "Dates=AnyDay"
  done
done

# kill -9 during imports, short form (3 runs a database; the full check is tests/kill-import.sh --runs 20): counted as
# one test.
if tests/kill-import.sh --runs 3; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
