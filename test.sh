#!/usr/bin/env bash
# Runs the whole test suite against SQLite, then again against a throwaway PostgreSQL cluster when
# PostgreSQL's server programs are installed (Debian: apt-get install postgresql), then once the
# scale-out tests (PostgreSQL, Redis, three nodes and nginx on loopback; Category=ScaleOut). Set
# JUKEBOX_REQUIRE_POSTGRES=1 (likewise JUKEBOX_REQUIRE_CHROMIUM, JUKEBOX_REQUIRE_CLIENTS,
# JUKEBOX_REQUIRE_REDIS, JUKEBOX_REQUIRE_SCALEOUT) to fail instead of leaving a part out when what it
# needs is missing; CI sets them all. The install tests (Category=Install: the tool package and the
# linux-x64 single file, packed, published and started), the README walkthroughs (Category=Docs) and
# the page tests in Chromium (Category=Browser) run once, in the SQLite pass. On linux-x64 the
# published single file (trimmed) runs the conformance suite and the client library suites too.
set -euo pipefail
cd "$(dirname "$0")"

log_dir=$(mktemp -d)
pg_dir=""
single_pid=""
cleanup() {
  [ -n "$single_pid" ] && kill "$single_pid" 2>/dev/null || true
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
  rm -rf "$log_dir"
}
trap cleanup EXIT

# The client library suites (tests/clients: real Spotify client libraries against a server each
# suite starts) need Node.js and `npm ci` in tests/clients; without them they are skipped with a
# notice, unless JUKEBOX_REQUIRE_CLIENTS=1.
run_clients() {
  echo "== Client library suites (tests/clients)"
  (cd tests/clients && npm test -- --test-reporter=tap) 2>&1 | tee "$log_dir/clients.log"
  return "${PIPESTATUS[0]}"
}

# PostgreSQL refuses to run as root; run its programs as the postgres account then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

run_suite() { # $1: label, then environment assignments
  local label=$1; shift
  echo "== Test suite on $label"
  env "$@" dotnet test Jukebox.slnx --no-build "${test_filter[@]}" 2>&1 | tee "$log_dir/$label.log"
  return "${PIPESTATUS[0]}"
}

# The linux-x64 single file, published as README's "Install without building" does (self-contained,
# trimmed, ReadyToRun). The rest of the suite runs the untrimmed build; the trimming is checked here:
# the conformance suite against one server started from the file, the client library suites against
# one each. The install tests start the same file (JUKEBOX_SINGLE_FILE) instead of publishing again.
publish_single_file() {
  echo "== Single file (linux-x64): publish"
  dotnet publish src/Jukebox.Server -r linux-x64 -nologo -v quiet -o "$single_dir" 2>&1 | tee "$log_dir/single-file-publish.txt"
  return "${PIPESTATUS[0]}"
}

run_single_file() {
  echo "== Single file (linux-x64): conformance suite and client library suites against it"
  local ready="$single_dir/ready" code=0 url waited=0
  # Its native libraries unpack beside it, not under ~/.net.
  export DOTNET_BUNDLE_EXTRACT_BASE_DIR="$single_dir/extracted"
  "$single_dir/jukebox" --ephemeral --urls http://127.0.0.1:0 --ready-file "$ready" > "$log_dir/single-file-server.txt" 2>&1 &
  single_pid=$!
  until [ -s "$ready" ] || ! kill -0 "$single_pid" 2>/dev/null || [ "$waited" -ge 120 ]; do sleep 1; waited=$((waited + 1)); done
  if [ ! -s "$ready" ]; then
    echo "The single file did not become ready:"; cat "$log_dir/single-file-server.txt"
    kill "$single_pid" 2>/dev/null || true
    return 1
  fi
  url=$(cat "$ready")
  JUKEBOX_BASE_URL="$url" dotnet test tests/Jukebox.Conformance.Tests --no-build 2>&1 | tee "$log_dir/single-file-conformance.log"
  [ "${PIPESTATUS[0]}" = 0 ] || code=1
  kill "$single_pid"; wait "$single_pid" 2>/dev/null || true
  single_pid=""
  if [ "$code" != 0 ]; then
    echo "The single file's errors while the conformance suite ran:"; grep -A 12 -E "^(fail|crit):" "$log_dir/single-file-server.txt" || true
  fi
  if [ "$clients" = 1 ]; then
    (cd tests/clients && JUKEBOX_SERVER_PROGRAM="$single_dir/jukebox" npm test -- --test-reporter=tap) 2>&1 | tee "$log_dir/single-file-clients.log"
    [ "${PIPESTATUS[0]}" = 0 ] || code=1
  fi
  unset DOTNET_BUNDLE_EXTRACT_BASE_DIR
  return "$code"
}

run_scaleout() {
  echo "== Scale-out tests (PostgreSQL, Redis, three nodes, nginx)"
  JUKEBOX_REDIS_SERVER="$redis_server" JUKEBOX_NGINX="$nginx" \
    dotnet test tests/Jukebox.ScaleOut.Tests --no-build --filter "$(IFS='&'; echo "${scaleout_filter[*]}")" 2>&1 | tee "$log_dir/scaleout.log"
  return "${PIPESTATUS[0]}"
}

dotnet build Jukebox.slnx -nologo -v quiet
status=0

# The page tests drive a real headless Chromium (Debian: apt-get install chromium). Without one they
# are left out with a notice, unless JUKEBOX_REQUIRE_CHROMIUM=1.
# The scale-out tests run once, on their own, after both database passes (see the end).
excluded=("Category!=ScaleOut")
scaleout_filter=("Category=ScaleOut")
if [ ! -x "${JUKEBOX_CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "${JUKEBOX_REQUIRE_CHROMIUM:-}" = 1 ]; then
    echo "Chromium is required (JUKEBOX_REQUIRE_CHROMIUM=1) but ${JUKEBOX_CHROMIUM:-/usr/bin/chromium} is missing."
    status=1
  else
    echo "Chromium is not installed: the page tests will not run (apt-get install chromium to run them)."
  fi
  excluded+=("Category!=Browser")
  scaleout_filter+=("Category!=Browser")
fi

# PostgreSQL's server programs: the second pass runs on a cluster started below, and the outage
# tests (Category=PostgresServer) start and stop clusters of their own in both passes. Without the
# programs those tests are left out, unless JUKEBOX_REQUIRE_POSTGRES=1 (then they fail and say why).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] && command -v pg_ctl >/dev/null 2>&1; then pg_bin=$(dirname "$(command -v pg_ctl)"); fi
if [ -n "$pg_bin" ]; then
  export JUKEBOX_POSTGRES_BIN="$pg_bin"
elif [ "${JUKEBOX_REQUIRE_POSTGRES:-}" != 1 ]; then
  excluded+=("Category!=PostgresServer")
fi

# The cluster tests run a real redis-server (Debian: apt-get install redis-server); without one they
# are left out with a notice, unless JUKEBOX_REQUIRE_REDIS=1.
redis_server=$(command -v "${JUKEBOX_REDIS_SERVER:-redis-server}" || true)
if [ -z "$redis_server" ]; then
  if [ "${JUKEBOX_REQUIRE_REDIS:-}" = 1 ]; then
    echo "redis-server is required (JUKEBOX_REQUIRE_REDIS=1) but ${JUKEBOX_REDIS_SERVER:-redis-server} is missing."
    status=1
  else
    echo "redis-server is not installed: the cluster tests will not run (apt-get install redis-server to run them)."
  fi
  excluded+=("Category!=Redis")
fi

# The README walkthrough tests (Category=Docs) run the README's shell blocks with bash and curl
# (Debian: apt-get install curl); without curl they are left out with a notice. They start servers of
# their own on SQLite, so they run in the SQLite pass only.
if ! command -v curl >/dev/null 2>&1; then
  echo "curl is not installed: the README walkthrough tests will not run (apt-get install curl to run them)."
  excluded+=("Category!=Docs")
fi

single_dir=""
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  single_dir="$log_dir/single-file"
  if publish_single_file; then
    export JUKEBOX_SINGLE_FILE="$single_dir/jukebox"
  else
    status=1
    single_dir=""
  fi
else
  echo "Not a linux-x64 machine: the suites do not run against the single file (the install tests publish their own)."
fi

test_filter=(--filter "$(IFS='&'; echo "${excluded[*]}")")
run_suite sqlite JUKEBOX_TEST_DATABASE=sqlite || status=1
# The install tests (Category=Install) start servers of their own on SQLite too: once is enough. So
# do the page tests in Chromium (Category=Browser): the pages read and write through the services the
# other suites run on PostgreSQL, and they are the slowest part of a pass.
excluded+=("Category!=Docs" "Category!=Install" "Category!=Browser")
test_filter=(--filter "$(IFS='&'; echo "${excluded[*]}")")

clients=0
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && [ -d tests/clients/node_modules ]; then
  clients=1
  run_clients || status=1
elif [ "${JUKEBOX_REQUIRE_CLIENTS:-}" = 1 ]; then
  echo "The client library suites are required (JUKEBOX_REQUIRE_CLIENTS=1) but node, npm or tests/clients/node_modules is missing."
  status=1
else
  echo "Node.js or tests/clients/node_modules is missing: the client library suites did not run (install Node.js 20+ and run npm ci in tests/clients to run them)."
fi

if [ -n "$single_dir" ]; then
  run_single_file || status=1
fi

if [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/jukebox-pg.XXXXXX)
  port=$(( 20000 + RANDOM % 20000 ))
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U jukebox -A trust --no-sync >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  run_suite postgres JUKEBOX_TEST_DATABASE=postgres \
    "JUKEBOX_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=jukebox;Database=postgres" || status=1
elif [ "${JUKEBOX_REQUIRE_POSTGRES:-}" = 1 ]; then
  echo "PostgreSQL is required (JUKEBOX_REQUIRE_POSTGRES=1) but its server programs are not installed."
  status=1
else
  echo "PostgreSQL is not installed: the suite ran on SQLite only (apt-get install postgresql to run both)."
fi

# The scale-out tests start their own PostgreSQL cluster, redis-server, three nodes and nginx
# (Debian: apt-get install postgresql redis-server nginx). Without them they are left out with a
# notice, unless JUKEBOX_REQUIRE_SCALEOUT=1.
nginx=${JUKEBOX_NGINX:-$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)}
if [ -n "$pg_bin" ] && [ -n "$redis_server" ] && [ -n "$nginx" ]; then
  run_scaleout || status=1
elif [ "${JUKEBOX_REQUIRE_SCALEOUT:-}" = 1 ]; then
  echo "The scale-out tests are required (JUKEBOX_REQUIRE_SCALEOUT=1) but PostgreSQL's server programs, redis-server or nginx is missing."
  status=1
else
  echo "PostgreSQL, redis-server or nginx is missing: the scale-out tests did not run (apt-get install postgresql redis-server nginx to run them)."
fi

# One closing line over every run: "tests: N passed, N failed, N skipped" (dotnet test's summaries,
# and node --test's "# pass N" lines, with cancelled tests counted as failed).
cat "$log_dir"/*.log | awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  /^# pass [0-9]+$/ { p += $3 }
  /^# (fail|cancelled) [0-9]+$/ { f += $3 }
  /^# (skipped|todo) [0-9]+$/ { s += $3 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }'
exit $status
