#!/usr/bin/env bash
# Loads the sample school (Riverside Sixth Form College, code RSFC) from the files in samples/, with only the
# documented commands, in the order docs/import-formats.md gives; then makes an account for its progress leader.
#   samples/load-sample-school.sh [--provider Postgres --connection "Host=…"]   (default: ./data/caseload.db)
# Any options given are passed to every command. Set CASELOAD to run a built CLI instead of `dotnet run`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
read -r -a caseload <<<"${CASELOAD:-dotnet run --project $here/../src/Caseload.Cli --}"
run() { "${caseload[@]}" "$@"; }

run institution add --code RSFC --name "Riverside Sixth Form College" --kind SixthFormCollege "$@"
run calendar import "$here/calendar.csv" --institution RSFC "$@"
for kind in staff year-groups houses tutor-groups students caseloads contacts enrolments attendance grades behaviour; do
  run import "$kind" "$here/$kind.csv" --institution RSFC "$@"
done
echo "Account for the progress leader (Tom Ellis, tom.ellis@school.example); the password is printed once:"
run users add --staff T004 --institution RSFC "$@"
