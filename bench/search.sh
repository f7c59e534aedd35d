#!/usr/bin/env bash
# Measures search on the 1M-track catalog: the index build (or open) time and typical queries at 8
# connections. Run bench/run.sh once first (or let this script seed); see bench/docs/search.md.
#
# Settings: CATALOG_SIZE=1000000 DATA_DIR=bench/.data CONNECTIONS=8 THREADS=2 DURATION=20s WARMUP=5s
#           JUKEBOX_PORT=5098 SKIP_BUILD=1 FRESH_INDEX=1 (delete the stored index first, to time a build)
#           JUKEBOX_BIN=path (with SKIP_BUILD=1: measure another build) PER_QUERY_DURATION=10s
#           PER_QUERY=0 (skip the runs of each query on its own)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CATALOG_SIZE="${CATALOG_SIZE:-1000000}"
DATA_DIR="$(mkdir -p "${DATA_DIR:-$BENCH_DIR/.data}" && cd "${DATA_DIR:-$BENCH_DIR/.data}" && pwd)"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
JUKEBOX_PORT="${JUKEBOX_PORT:-5098}"
WORK="$BENCH_DIR/results/search"
BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
PER_QUERY_DURATION="${PER_QUERY_DURATION:-10s}"
BASE="http://127.0.0.1:$JUKEBOX_PORT"

die() { echo "search.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
for tool in wrk curl; do command -v "$tool" >/dev/null 2>&1 || die "missing $tool (sudo apt-get install $tool)"; done
mkdir -p "$WORK"

[[ "${SKIP_BUILD:-}" == 1 ]] || { say "building the server (Release)"; dotnet build -c Release -v q "$ROOT/src/Jukebox.Server" >/dev/null; }
if [[ ! -f "$DATA_DIR/jukebox.db" ]]; then
  say "seeding $CATALOG_SIZE tracks into $DATA_DIR (a few minutes)"
  "$BIN" seed --catalog-size "$CATALOG_SIZE" --data-dir "$DATA_DIR" >"$WORK/seed.log" 2>&1
fi
[[ "${FRESH_INDEX:-}" == 1 ]] && rm -rf "$DATA_DIR/search"

PID=""
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT

started=$(date +%s.%N)
# The demo app must not meet the rate limit here; the limiter still counts every request.
export JUKEBOX_RateLimits__ExtendedQuotaLimit=1000000000
"$BIN" --data-dir "$DATA_DIR" --urls "$BASE" >"$WORK/jukebox.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/readyz"; do
  kill -0 "$PID" 2>/dev/null || die "the server stopped; see $WORK/jukebox.log"
  sleep 0.2
done
ready=$(date +%s.%N)
TOKEN=$(curl -s -u 6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563 -d grant_type=client_credentials "$BASE/api/token" \
  | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[[ -n "$TOKEN" ]] || die "no token from /api/token"
for _ in $(seq 600); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/v1/search?q=velvet&type=track")"
  [[ "$code" == 200 ]] && break
  [[ "$code" == 503 ]] || die "search answered $code"
  sleep 0.5
done
searchable=$(date +%s.%N)
index_line=$(grep -A1 "Search index" "$WORK/jukebox.log" | tr -s ' \n' ' ' | sed -E 's/.*Search index (built|opened) in ([0-9:.]+).*/\1 in \2/')

say "warm-up $WARMUP"
BENCH_TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/search.lua" "$BASE" >/dev/null
say "measuring $DURATION at $CONNECTIONS connections"
BENCH_TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/search.lua" "$BASE" | tee "$WORK/wrk.txt"
grep -q "Non-2xx" "$WORK/wrk.txt" && die "some searches failed; see $WORK/wrk.txt"

printf '\n| start-up to /readyz | to first search | search index | req/s | p50 | p99 | load avg |\n|---|---|---|---|---|---|---|\n'
printf '| %.1f s | %.1f s | %s | %s | %s | %s | %s |\n' \
  "$(echo "$ready - $started" | bc)" "$(echo "$searchable - $started" | bc)" "$index_line" \
  "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")" "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")" \
  "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")" "$(cut -d' ' -f1 /proc/loadavg)"

[[ "${PER_QUERY:-1}" == 0 ]] && exit 0
# Each query on its own: at 1 connection (one request at a time: its latency alone) and at
# $CONNECTIONS connections.
names=("one word" "two words" "field filter" "year range" "several types")
printf '\n| query | 1 conn. req/s | 1 conn. p50 | 1 conn. p99 | %s conn. req/s | %s conn. p99 | load avg |\n|---|---|---|---|---|---|---|\n' "$CONNECTIONS" "$CONNECTIONS"
for n in 1 2 3 4 5; do
  BENCH_QUERY=$n BENCH_TOKEN="$TOKEN" wrk -t1 -c1 -d"$PER_QUERY_DURATION" --latency -s "$BENCH_DIR/search.lua" "$BASE" >"$WORK/wrk-$n-1.txt"
  BENCH_QUERY=$n BENCH_TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$PER_QUERY_DURATION" --latency -s "$BENCH_DIR/search.lua" "$BASE" >"$WORK/wrk-$n-c.txt"
  grep -q "Non-2xx" "$WORK/wrk-$n-1.txt" "$WORK/wrk-$n-c.txt" && die "some searches failed; see $WORK/wrk-$n-*.txt"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "${names[$((n - 1))]}" \
    "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$n-1.txt")" "$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$n-1.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$n-1.txt")" \
    "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$n-c.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$n-c.txt")" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
