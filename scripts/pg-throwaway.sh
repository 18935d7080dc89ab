# Sourced by test.sh and the benchmarks: starts a throwaway PostgreSQL cluster on a free loopback port under
# $work (which the caller creates and removes), installing Debian's postgresql package first if root and missing.
# Sets pg_bin, pg_ctl, pg_data and exports CASELOAD_PG (an Npgsql connection string as the postgres superuser).
# The caller's EXIT trap must call pg_throwaway_stop.

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_throwaway_stop() {
  if [ -n "${pg_ctl:-}" ] && [ -f "${pg_data:-/nonexistent}/postmaster.pid" ]; then
    as_postgres "$pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
}

pg_throwaway_start() {
  if ! pg_bin=$(pg_find_bin); then
    if [ "$(id -u)" = 0 ]; then
      echo "installing Debian's postgresql package" >&2
      # A fresh machine may have no package lists yet.
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
      pg_bin=$(pg_find_bin) || { echo "postgresql installed but initdb not found" >&2; return 1; }
    else
      echo "PostgreSQL is not installed; run as root once (it installs Debian's postgresql) or install it yourself" >&2
      return 1
    fi
  fi
  pg_ctl="$pg_bin/pg_ctl"
  pg_data="$work/pg"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "the postgres user is missing (install Debian's postgresql package)" >&2; return 1; }
    chown postgres "$work"
  fi
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; return 1; }
  # Ports below Linux's ephemeral range (32768+), so no outgoing connection holds them; retry if one is taken.
  local port="" candidate
  for candidate in $(shuf -i 15000-30000 -n 10); do
    (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null && continue
    if as_postgres "$pg_ctl" -D "$pg_data" -l "$work/pg.log" -w \
      -o "-p $candidate -k $work -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA_OPTIONS:-}" start >/dev/null; then
      port=$candidate
      break
    fi
  done
  [ -n "$port" ] || { echo "could not start PostgreSQL on a free port" >&2; cat "$work/pg.log" >&2; return 1; }
  export CASELOAD_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}
