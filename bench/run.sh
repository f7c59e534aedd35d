#!/usr/bin/env bash
# Measures GET /v1/tracks/{id} on a large catalog against a bare ASP.NET Core endpoint serving the
# same JSON, plus Jukebox's start-up time and memory, the token endpoint (client credentials) and
# the cost of validating an access token on /v1. See bench/docs/tracks.md and bench/docs/tokens.md.
#
# Settings (environment variables):
#   CATALOG_SIZE=1000000   tracks in the benchmark database
#   DATA_DIR=bench/.data   where the database is kept and reused between runs
#   CONNECTIONS=32 THREADS=2 DURATION=20s WARMUP=5s   wrk load
#   ID_COUNT=100000        random track ids the load picks from
#   JUKEBOX_PORT=5098 BARE_PORT=5099
#   SKIP_BUILD=1           use the existing Release build
#   JUKEBOX_BIN=path       measure another build of the server (e.g. an older commit's), with SKIP_BUILD=1
#   SKIP_MIXED=1           leave out the mixed read/write load (bench/mixed.sh, 5 minutes; MIXED_DURATION shortens it)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CATALOG_SIZE="${CATALOG_SIZE:-1000000}"
DATA_DIR="$(mkdir -p "${DATA_DIR:-$BENCH_DIR/.data}" && cd "${DATA_DIR:-$BENCH_DIR/.data}" && pwd)"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
ID_COUNT="${ID_COUNT:-100000}"
JUKEBOX_PORT="${JUKEBOX_PORT:-5098}"
BARE_PORT="${BARE_PORT:-5099}"
RESULTS="$BENCH_DIR/results"
WORK="$RESULTS/run"
CLIENT_ID=6a756b65626f782d64656d6f2d617070
CLIENT_SECRET=6a756b65626f782d64656d6f2d736563

JUKEBOX_BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
BARE_BIN="$BENCH_DIR/Jukebox.Bench.Bare/bin/Release/net10.0/Jukebox.Bench.Bare"

die() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }

# --- prerequisites --------------------------------------------------------------------------
missing=()
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  die "missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}"
fi
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is not on PATH"
for port in "$JUKEBOX_PORT" "$BARE_PORT"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    die "port $port is already in use; set JUKEBOX_PORT / BARE_PORT"
  fi
done

mkdir -p "$WORK"
rm -f "$WORK"/*
loadavg() { cut -d' ' -f1 /proc/loadavg; }
LOAD_BEFORE="$(loadavg)"
if awk -v l="$LOAD_BEFORE" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  say "Warning: the machine is busy (load average $LOAD_BEFORE on $(nproc) cores); figures will be lower and noisier"
fi

# --- processes we start are stopped on exit -------------------------------------------------
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop() {
  local pid="$1"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Waits (bounded) until URL answers 200 while PID lives.
wait_ready() {
  local url="$1" pid="$2" limit="$3" started
  started="$(now)"
  while true; do
    kill -0 "$pid" 2>/dev/null || return 1
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)" == 200 ]] && return 0
    awk -v a="$started" -v b="$(now)" -v l="$limit" 'BEGIN { exit !(b - a > l) }' && return 1
    sleep 0.05
  done
}

# --- build ----------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "Building Release"
  dotnet build -c Release -nologo -v quiet "$ROOT/src/Jukebox.Server/Jukebox.Server.csproj" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "build failed (see $WORK/build.log)"; }
  dotnet build -c Release -nologo -v quiet "$BENCH_DIR/Jukebox.Bench.Bare/Jukebox.Bench.Bare.csproj" >>"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "build failed (see $WORK/build.log)"; }
fi
[[ -x "$JUKEBOX_BIN" && -x "$BARE_BIN" ]] || die "Release builds not found; run without SKIP_BUILD=1"

# --- database -------------------------------------------------------------------------------
DB="$DATA_DIR/jukebox.db"
if [[ -f "$DB" ]]; then
  existing="$(sqlite3 "$DB" 'SELECT COUNT(*) FROM Tracks')"
  [[ "$existing" == "$CATALOG_SIZE" ]] \
    || die "$DB holds $existing tracks, not $CATALOG_SIZE; delete $DATA_DIR or set DATA_DIR elsewhere"
  say "Reusing $DB ($existing tracks)"
else
  say "Seeding $CATALOG_SIZE tracks into $DB (a few minutes)"
  started="$(now)"
  timeout 3600 "$JUKEBOX_BIN" seed --data-dir "$DATA_DIR" --catalog-size "$CATALOG_SIZE" >"$WORK/seed.log" 2>&1 \
    || { tail -30 "$WORK/seed.log"; rm -f "$DB" "$DB-wal" "$DB-shm"; die "seeding failed (see $WORK/seed.log)"; }
  seconds_since "$started" >"$DATA_DIR/seed-seconds"
  say "Seeded in $(cat "$DATA_DIR/seed-seconds") s"
fi
SEED_SECONDS="$(cat "$DATA_DIR/seed-seconds" 2>/dev/null || echo "n/a")"

# The demo app is far above any realistic rate limit here; the limiter still counts every request.
export JUKEBOX_RateLimits__ExtendedQuotaLimit=1000000000

# --- Jukebox start-up -----------------------------------------------------------------------
# The first start of a build on a database builds the catalog from its tables and stores it in the
# data folder (catalog/); later starts read it from there while the catalog tables are unchanged. Both
# are timed: the first with the stored file removed, then the restart the rest of the run uses.
# Starts Jukebox on the database with its output in $WORK/$1 and waits for /readyz; sets JUKEBOX_PID
# and STARTED (when it was started).
start_jukebox() {
  local log="$WORK/$1"
  STARTED="$(now)"
  "$JUKEBOX_BIN" --data-dir "$DATA_DIR" --urls "http://127.0.0.1:$JUKEBOX_PORT" >"$log" 2>&1 &
  JUKEBOX_PID=$!
  PIDS+=("$JUKEBOX_PID")
  wait_ready "http://127.0.0.1:$JUKEBOX_PORT/readyz" "$JUKEBOX_PID" 120 \
    || { tail -30 "$log"; die "Jukebox did not become ready (see $log)"; }
}

rm -rf "$DATA_DIR/catalog"
say "Starting Jukebox on port $JUKEBOX_PORT (catalog built from the tables)"
start_jukebox jukebox-first.log
FIRST_STARTUP_SECONDS="$(seconds_since "$STARTED")"
for _ in $(seq 1 600); do
  grep -q "Catalog stored" "$WORK/jukebox-first.log" && break
  sleep 0.2
done
grep -q "Catalog stored" "$WORK/jukebox-first.log" || die "Jukebox did not store the catalog (see $WORK/jukebox-first.log)"
FIRST_PEAK="$(hwm_mb "$JUKEBOX_PID")"
stop "$JUKEBOX_PID"
say "Ready after $FIRST_STARTUP_SECONDS s (catalog stored; peak $FIRST_PEAK MB)"

say "Starting Jukebox on port $JUKEBOX_PORT (catalog read from its file)"
start_jukebox jukebox.log
started="$STARTED"
STARTUP_SECONDS="$(seconds_since "$started")"
RSS_READY="$(rss_mb "$JUKEBOX_PID")"
grep -q "Catalog read from its file" "$WORK/jukebox.log" || die "the restart did not read the stored catalog (see $WORK/jukebox.log)"
say "Ready after $STARTUP_SECONDS s, RSS $RSS_READY MB"

TOKEN="$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
  "http://127.0.0.1:$JUKEBOX_PORT/api/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$TOKEN" ]] || die "could not get an access token"

# The search index opens once the catalog is in memory: the time from the start until a search answers.
for _ in $(seq 1 1200); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$JUKEBOX_PORT/v1/search?q=love&type=track")" == 200 ]] && break
  sleep 0.05
done
SEARCH_SECONDS="$(seconds_since "$started")"
say "A search answered $SEARCH_SECONDS s after the start"

say "Picking $ID_COUNT random track ids"
sqlite3 "$DB" "SELECT Id FROM Tracks ORDER BY random() LIMIT $ID_COUNT" >"$WORK/ids.txt"
[[ -s "$WORK/ids.txt" ]] || die "no track ids in $DB"

SAMPLE_ID="$(head -1 "$WORK/ids.txt")"
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$JUKEBOX_PORT/v1/tracks/$SAMPLE_ID" >"$WORK/track.json" \
  || die "GET /v1/tracks/$SAMPLE_ID failed"
say "Captured a $(wc -c <"$WORK/track.json")-byte track response"


# --- load -----------------------------------------------------------------------------------
# Runs wrk against PORT with SCRIPT (a file in bench/): WARMUP first (discarded), then DURATION with
# latency percentiles. BENCH_IDS, BENCH_TOKEN and BENCH_BASIC reach the script from the environment.
load() {
  local name="$1" port="$2" script="$3"
  say "Load on $name: warm-up $WARMUP, then $DURATION ($CONNECTIONS connections, $THREADS threads)"
  timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 2s -s "$BENCH_DIR/$script" \
    "http://127.0.0.1:$port" >"$WORK/$name-warmup.txt"
  [[ "$name" == jukebox ]] && RSS_WARM="$(rss_mb "$JUKEBOX_PID")"
  timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency -s "$BENCH_DIR/$script" \
    "http://127.0.0.1:$port" >"$WORK/$name.txt"
  cat "$WORK/$name.txt" >&2
  if grep -q -e 'Non-2xx' -e 'Socket errors' "$WORK/$name.txt"; then
    die "$name answered with errors (see $WORK/$name.txt)"
  fi
}
requests_per_second() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }
# The 99% line of --latency, in milliseconds.
p99_ms() {
  awk '$1 == "99%" {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
    printf "%.2f", v * f }' "$1"
}

say "Starting the bare server on port $BARE_PORT"
"$BARE_BIN" --body "$WORK/track.json" --urls "http://127.0.0.1:$BARE_PORT" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=("$BARE_PID")
wait_ready "http://127.0.0.1:$BARE_PORT/readyz" "$BARE_PID" 30 || die "the bare server did not start (see $WORK/bare.log)"
cmp -s "$WORK/track.json" <(curl -sf "http://127.0.0.1:$BARE_PORT/v1/tracks/$SAMPLE_ID") \
  || die "the bare server does not answer with the captured body"

export BENCH_IDS="$WORK/ids.txt" BENCH_TOKEN="" BENCH_BASIC
BENCH_BASIC="$(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
load bare "$BARE_PORT" tracks.lua
stop "$BARE_PID"
BENCH_TOKEN="$TOKEN"
load jukebox "$JUKEBOX_PORT" tracks.lua
RSS_AFTER="$(rss_mb "$JUKEBOX_PID")"
RSS_PEAK="$(hwm_mb "$JUKEBOX_PID")"

# The token endpoint: each request authenticates the client and issues (and records) a new token.
load token "$JUKEBOX_PORT" token.lua
stop "$JUKEBOX_PID"

# The same catalog load with the validated-token cache off, so that every request validates its
# access token (Data Protection unprotect and claims); the difference to the cached run is the cost.
say "Restarting Jukebox with the validated-token cache off"
JUKEBOX_Accounts__ValidatedTokenCacheSize=0 start_jukebox jukebox-uncached.log
load uncached "$JUKEBOX_PORT" tracks.lua
stop "$JUKEBOX_PID"

# --- summary --------------------------------------------------------------------------------
BARE_RPS="$(requests_per_second "$WORK/bare.txt")"
JUKEBOX_RPS="$(requests_per_second "$WORK/jukebox.txt")"
BARE_P99="$(p99_ms "$WORK/bare.txt")"
JUKEBOX_P99="$(p99_ms "$WORK/jukebox.txt")"
RATIO="$(awk -v j="$JUKEBOX_RPS" -v b="$BARE_RPS" 'BEGIN { printf "%.0f", 100 * j / b }')"
TOKEN_RPS="$(requests_per_second "$WORK/token.txt")"
TOKEN_P99="$(p99_ms "$WORK/token.txt")"
UNCACHED_RPS="$(requests_per_second "$WORK/uncached.txt")"
UNCACHED_P99="$(p99_ms "$WORK/uncached.txt")"
# CPU time one validation adds to a request: the drop in throughput with every core busy.
VALIDATION_US="$(awk -v c="$JUKEBOX_RPS" -v u="$UNCACHED_RPS" -v n="$(nproc)" 'BEGIN { printf "%.0f", n * 1e6 * (1 / u - 1 / c) }')"
verdict() { awk -v v="$1" -v l="$2" -v op="$3" 'BEGIN { ok = (op == "<") ? (v < l) : (v >= l); print ok ? "met" : "NOT met" }'; }
CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MEM_GB="$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"

{
  echo "# Jukebox benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($CPU), ${MEM_GB} GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)."
  echo "Catalog: $CATALOG_SIZE tracks. Load: wrk, $CONNECTIONS connections, $THREADS threads, $DURATION after a $WARMUP warm-up,"
  echo "a random id out of $ID_COUNT per request; the track response is $(wc -c <"$WORK/track.json") bytes."
  echo "Load average (1 min) when the run started: $LOAD_BEFORE (other work on the machine skews every figure)."
  echo
  echo "| Measure | Value | Target |"
  echo "|---|---|---|"
  echo "| Bare endpoint, GET /v1/tracks/{id} | $BARE_RPS req/s, p99 $BARE_P99 ms | |"
  echo "| Jukebox, GET /v1/tracks/{id} | $JUKEBOX_RPS req/s, p99 $JUKEBOX_P99 ms | |"
  echo "| Jukebox / bare | $RATIO % | ≥ 70 %: $(verdict "$RATIO" 70 ">=") |"
  echo "| Jukebox p99 | $JUKEBOX_P99 ms | < 5 ms: $(verdict "$JUKEBOX_P99" 5 "<") |"
  echo "| Jukebox RSS: ready / after warm-up / after load / peak | $RSS_READY / $RSS_WARM / $RSS_AFTER / $RSS_PEAK MB | peak < 1024 MB: $(verdict "$RSS_PEAK" 1024 "<") |"
  echo "| Start-up to /readyz 200 (existing database, catalog read from its file) | $STARTUP_SECONDS s | < 4 s: $(verdict "$STARTUP_SECONDS" 4 "<") |"
  echo "| The same start until a search answers | $SEARCH_SECONDS s | |"
  echo "| First start of this build on the database (catalog built from the tables, then stored): /readyz 200, peak RSS | $FIRST_STARTUP_SECONDS s, $FIRST_PEAK MB | |"
  echo "| POST /api/token, client credentials | $TOKEN_RPS req/s, p99 $TOKEN_P99 ms | |"
  echo "| Jukebox, GET /v1/tracks/{id}, token validated on every request (cache off) | $UNCACHED_RPS req/s, p99 $UNCACHED_P99 ms | |"
  echo "| CPU time of one token validation (from the two runs above) | $VALIDATION_US µs | |"
  echo "| Seeding the database (when it was created) | $SEED_SECONDS s | |"
} >"$RESULTS/latest.md"

# --- mixed read/write load (bench/mixed.sh: its own server on a fresh demo data folder) ---------
if [[ "${SKIP_MIXED:-}" != 1 ]]; then
  say "Mixed read/write load"
  SKIP_BUILD=1 JUKEBOX_BIN="$JUKEBOX_BIN" "$BENCH_DIR/mixed.sh" >"$WORK/mixed.log" 2>&1 \
    || { tail -30 "$WORK/mixed.log"; die "the mixed load failed (see $WORK/mixed.log)"; }
  { echo; sed '1s/^# /## /' "$RESULTS/mixed.md"; } >>"$RESULTS/latest.md"
fi

echo
cat "$RESULTS/latest.md"
echo
echo "Written to $RESULTS/latest.md; wrk output and logs in $WORK/."
