#!/usr/bin/env bash
# How long the sign-in form takes to refuse, by the kind of refusal: an unknown address, a real account with a wrong
# password, a locked account, a disabled account. They should cost the same, so the time does not tell an attacker
# which addresses have accounts. SQLite, the demo college (300 students); medians of N attempts each (default 30).
#   bench/sign-in-timing.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-30}
work=$(mktemp -d /tmp/caseload-signin.XXXXXX)
app_pid=""
cleanup() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
dotnet build -c Release -nologo -v q src/Caseload.Cli >/dev/null
dotnet build -c Release -nologo -v q src/Caseload.Web >/dev/null
cd "$work"
dotnet "$root/src/Caseload.Cli/bin/Release/net10.0/caseload.dll" demo --students 300 >/dev/null
mapfile -t staff < <(sqlite3 data/caseload.db "SELECT email FROM staff ORDER BY id LIMIT 22")
locked=${staff[0]}; disabled=${staff[1]}
# Real accounts for wrong passwords, a few attempts each so none reaches the lockout.
others=("${staff[@]:2}")
dotnet "$root/src/Caseload.Cli/bin/Release/net10.0/caseload.dll" users disable --email "$disabled" >/dev/null
port=18$((RANDOM % 900 + 100))
dotnet "$root/src/Caseload.Web/bin/Release/net10.0/Caseload.Web.dll" --urls "http://127.0.0.1:$port" --Security:SignInAttemptsPerMinute 100000 >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

# attempt EMAIL PASSWORD: prints the seconds the POST took.
attempt() {
  local jar="$work/jar" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/sign-in"
}
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f ms", (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) * 1000}'; }
for _ in 1 2 3 4 5 6; do attempt "$locked" wrong-password >/dev/null; done   # locks it (5 failures)
for _ in 1 2 3; do attempt "warm.up@riverside.example" x >/dev/null; done
printf 'unknown address:        %s\n' "$(for _ in $(seq "$n"); do attempt "nobody.$RANDOM@riverside.example" wrong-password; done | median)"
printf 'wrong password:         %s\n' "$(for i in $(seq "$n"); do attempt "${others[$((i % ${#others[@]}))]}" wrong-password; done | median)"
printf 'locked account:         %s\n' "$(for _ in $(seq "$n"); do attempt "$locked" wrong-password; done | median)"
printf 'disabled account:       %s\n' "$(for _ in $(seq "$n"); do attempt "$disabled" caseload-demo; done | median)"
