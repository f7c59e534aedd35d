#!/usr/bin/env bash
# Measures playlist edits and reads on a playlist of 10,000 items, on SQLite and on PostgreSQL.
# See bench/docs/playlists.md.
#
# Settings (environment variables):
#   PLAYLIST_SIZE=10000          items in the playlist before the load
#   DATABASES="sqlite postgres"  which databases to measure
#   POSTGRES="Host=127.0.0.1;Port=5544;Username=jukebox;Database=postgres"
#                                an admin connection string; a throwaway database is created and dropped
#   READ_CONNECTIONS="1 2 8" WRITE_CONNECTIONS=1 THREADS=1 DURATION=10s WARMUP=8s
#                                reads run once per number of connections; the target is judged on
#                                the first (one request at a time, as the writes), the others show the
#                                server under load
#   JUKEBOX_PORT=5097 SKIP_BUILD=1 JUKEBOX_BIN=path   as in run.sh
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PLAYLIST_SIZE="${PLAYLIST_SIZE:-10000}"
DATABASES="${DATABASES:-sqlite postgres}"
POSTGRES="${POSTGRES:-Host=127.0.0.1;Port=5544;Username=jukebox;Database=postgres}"
READ_CONNECTIONS="${READ_CONNECTIONS:-1 2 8}"
WRITE_CONNECTIONS="${WRITE_CONNECTIONS:-1}"
THREADS="${THREADS:-1}"
DURATION="${DURATION:-10s}"
# The runtime recompiles hot methods with what it learnt from running them (tiered PGO) during the
# first 10 to 15 seconds under load; reads served 965 req/s in the first 5 s and 2,200 from 15 s on.
WARMUP="${WARMUP:-8s}"
JUKEBOX_PORT="${JUKEBOX_PORT:-5097}"
RESULTS="$BENCH_DIR/results"
WORK="$RESULTS/playlists"
BASE="http://127.0.0.1:$JUKEBOX_PORT"
CLIENT_ID=6a756b65626f782d64656d6f2d617070
CLIENT_SECRET=6a756b65626f782d64656d6f2d736563
JUKEBOX_BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"

die() { echo "playlists.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }

missing=()
for tool in wrk sqlite3 curl psql; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
((${#missing[@]} == 0)) || die "missing ${missing[*]}; install with: sudo apt-get install ${missing[*]/psql/postgresql-client}"
if curl -s -o /dev/null --max-time 1 "$BASE/"; then die "port $JUKEBOX_PORT is already in use; set JUKEBOX_PORT"; fi
mkdir -p "$WORK"
rm -rf "${WORK:?}"/*
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"

# --- processes and databases we create are removed on exit ---------------------------------
JUKEBOX_PID=""
PG_DATABASE=""
cleanup() {
  if [[ -n "$JUKEBOX_PID" ]] && kill -0 "$JUKEBOX_PID" 2>/dev/null; then
    kill "$JUKEBOX_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$JUKEBOX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$JUKEBOX_PID" 2>/dev/null || true
  fi
  if [[ -n "$PG_DATABASE" ]]; then
    psql_admin -c "DROP DATABASE IF EXISTS \"$PG_DATABASE\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# psql from an Npgsql-style connection string (Host=…;Port=…;Username=…;Password=…;Database=…).
pg_uri() {
  local host port user password db
  host="$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$1")"; port="$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$1")"
  user="$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$1")"; password="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$1")"
  db="${2:-$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$1")}"
  echo "postgresql://${user}${password:+:$password}@${host}:${port:-5432}/${db}"
}
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "$(pg_uri "$POSTGRES")" "$@"; }

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "Building Release"
  dotnet build -c Release -nologo -v quiet "$ROOT/src/Jukebox.Server/Jukebox.Server.csproj" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "build failed (see $WORK/build.log)"; }
fi
[[ -x "$JUKEBOX_BIN" ]] || die "Release build not found; run without SKIP_BUILD=1"
# The demo app must not meet the rate limit here; the limiter still counts every request.
export JUKEBOX_RateLimits__ExtendedQuotaLimit=1000000000
# The adds measure edits of a playlist of 10,000 items and more, beyond Spotify's size limit (Playlists:MaxItems).
export JUKEBOX_Playlists__MaxItems=1000000

json_field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }

# A percentile line of wrk --latency ("50%", "99%"), in milliseconds.
percentile_ms() {
  awk -v p="$2" '$1 == p {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
    printf "%.2f", v * f }' "$1"
}
p50_ms() { percentile_ms "$1" "50%"; }
p99_ms() { percentile_ms "$1" "99%"; }
requests_per_second() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }

# Runs wrk with BENCH_OP=$2 on $3 connections; $1 names the output.
load() {
  local name="$1" op="$2" connections="$3" size="$4"
  local out="$WORK/${name// /-}-$connections"
  export BENCH_OP="$op" BENCH_SIZE="$size"
  timeout 120 wrk -t"$THREADS" -c"$connections" -d"$WARMUP" --timeout 5s -s "$BENCH_DIR/playlists.lua" "$BASE" >"$out-warmup.txt"
  timeout 300 wrk -t"$THREADS" -c"$connections" -d"$DURATION" --timeout 5s --latency -s "$BENCH_DIR/playlists.lua" "$BASE" >"$out.txt"
  if grep -q -e 'Non-2xx' -e 'Socket errors' "$out.txt"; then
    cat "$out.txt" >&2
    die "$name answered with errors (see $out.txt)"
  fi
  echo "| $name | $op | $connections | $(requests_per_second "$out.txt") | $(p50_ms "$out.txt") ms | $(p99_ms "$out.txt") ms |" >>"$WORK/rows.md"
  say "$name, $connections connection(s): $(requests_per_second "$out.txt") req/s, p99 $(p99_ms "$out.txt") ms"
}

measure() {
  local database="$1" data="$WORK/data-$1" args=()
  mkdir -p "$data"
  if [[ "$database" == postgres ]]; then
    PG_DATABASE="jukebox_bench_$$"
    psql_admin -c "CREATE DATABASE \"$PG_DATABASE\"" >/dev/null
    args=(--database postgres --connection-string "$(sed "s/Database=[^;]*/Database=$PG_DATABASE/" <<<"$POSTGRES")")
  fi
  say "Starting Jukebox on $database"
  "$JUKEBOX_BIN" --data-dir "$data" --urls "$BASE" "${args[@]}" >"$WORK/jukebox-$database.log" 2>&1 &
  JUKEBOX_PID=$!
  for _ in $(seq 1200); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/readyz" || true)" == 200 ]] && break
    kill -0 "$JUKEBOX_PID" 2>/dev/null || die "Jukebox stopped (see $WORK/jukebox-$database.log)"
    sleep 0.1
  done

  local user="bench$$" token playlist
  curl -sf -X POST "$BASE/sandbox/users" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$user\",\"password\":\"bench-password\",\"email\":\"$user@example.test\",\"country\":\"US\",\"product\":\"premium\"}" >/dev/null \
    || die "could not create the benchmark user"
  token="$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" "$BASE/api/token" -d grant_type=urn:jukebox:params:oauth:grant-type:sandbox-user \
    -d user_id="$user" --data-urlencode scope="playlist-modify-public playlist-modify-private playlist-read-private" | json_field access_token)"
  [[ -n "$token" ]] || die "could not get a user token"
  playlist="$(curl -sf -X POST "$BASE/v1/me/playlists" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"Benchmark"}' | sed -n 's/.*"spotify:playlist:\([A-Za-z0-9]*\)".*/\1/p')"
  [[ -n "$playlist" ]] || die "could not create the playlist"

  if [[ "$database" == postgres ]]; then
    psql -X -At "$(pg_uri "$POSTGRES" "$PG_DATABASE")" -c 'SELECT "Id" FROM "Tracks" ORDER BY "Id"' | sed 's/^/spotify:track:/' >"$WORK/uris.txt"
  else
    sqlite3 "$data/jukebox.db" 'SELECT Id FROM Tracks ORDER BY Id' | sed 's/^/spotify:track:/' >"$WORK/uris.txt"
  fi
  say "Filling the playlist with $PLAYLIST_SIZE items"
  local added=0
  while ((added < PLAYLIST_SIZE)); do
    local n=$((PLAYLIST_SIZE - added < 100 ? PLAYLIST_SIZE - added : 100))
    local body
    body="{\"uris\":[$(shuf -n "$n" -r "$WORK/uris.txt" | sed 's/.*/"&"/' | paste -sd,)]}"
    local answer
    answer="$(curl -s -w ' %{http_code}' -X POST "$BASE/v1/playlists/$playlist/items" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "$body")"
    [[ "$answer" == *" 201" ]] || die "adding items failed: $answer"
    added=$((added + n))
  done

  export BENCH_TOKEN="$token" BENCH_PLAYLIST="$playlist" BENCH_URIS="$WORK/uris.txt"
  local connections
  for connections in $READ_CONNECTIONS; do
    load "$database read" read "$connections" "$PLAYLIST_SIZE"
  done
  load "$database add" add "$WRITE_CONNECTIONS" "$PLAYLIST_SIZE"
  load "$database reorder" reorder "$WRITE_CONNECTIONS" "$PLAYLIST_SIZE"
  # The adds grew the playlist by about as many items as the removes take out, so it stays around
  # its size; removing in the first half keeps every position valid even if removes outpace adds.
  load "$database remove" remove "$WRITE_CONNECTIONS" $((PLAYLIST_SIZE / 2))
  # The same operations from one client, one request at a time, timed by the client itself
  # (sequential.py; a cross-check of wrk's one-connection figures).
  if command -v python3 >/dev/null 2>&1; then
    say "$database: one client, one request at a time"
    python3 "$BENCH_DIR/sequential.py" "$BASE" "$token" "$playlist" "$WORK/uris.txt" $((PLAYLIST_SIZE / 2)) "${DURATION%s}" \
      | sed "s/^| sequential /| $database sequential /" >>"$WORK/sequential.md"
  fi
  local total
  total="$(curl -sf "$BASE/v1/playlists/$playlist?fields=tracks.total" -H "Authorization: Bearer $token")"
  say "$database: the playlist ends with $total"

  kill "$JUKEBOX_PID"; wait "$JUKEBOX_PID" 2>/dev/null || true; JUKEBOX_PID=""
  if [[ "$database" == postgres ]]; then
    psql_admin -c "DROP DATABASE IF EXISTS \"$PG_DATABASE\" WITH (FORCE)" >/dev/null; PG_DATABASE=""
  fi
}

: >"$WORK/rows.md"
: >"$WORK/sequential.md"
for database in $DATABASES; do
  measure "$database"
done

{
  echo "# Playlist benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version). Load average (1 min) at start: $LOAD_BEFORE."
  echo "A playlist of $PLAYLIST_SIZE items; wrk, $THREADS thread(s), $DURATION after a $WARMUP warm-up per operation; one random"
  echo "item added at a random position, removed at a random position, a random range of 1–10 items moved, or a random page of 100 read."
  echo "Targets: add/remove/reorder p99 < 10 ms, reading 100 items p99 < 5 ms, each judged at one connection (one request at a time)."
  echo
  echo "| Run | Operation | Connections | Requests/s | p50 | p99 |"
  echo "|---|---|---|---|---|---|"
  cat "$WORK/rows.md"
  if [[ -s "$WORK/sequential.md" ]]; then
    echo
    echo "One client, one request at a time (bench/sequential.py, timed by the client, its overhead included):"
    echo
    echo "| Run | Requests/s | p50 | p90 | p99 | max |"
    echo "|---|---|---|---|---|---|"
    cat "$WORK/sequential.md"
  fi
} >"$RESULTS/playlists-latest.md"
echo
cat "$RESULTS/playlists-latest.md"
