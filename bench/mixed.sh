#!/usr/bin/env bash
# Mixed load: one signed-in user's app reading and writing at once, on SQLite and the demo catalog.
# 16 connections; per request, at random (bench/mixed.lua): 50 % GET /v1/tracks/{id}, 25 % GET
# /v1/me/tracks, 10 % PUT and 10 % DELETE /v1/me/tracks?ids=…, 5 % PUT /v1/me/player/volume, so a
# quarter are writes. Reports req/s, p99 and the server's RSS after the warm-up and at the end of
# the run (5 minutes by default), to show whether memory grows under a steady load. See bench/docs/mixed.md.
#
# Settings (environment variables):
#   MIXED_DURATION=300s MIXED_WARMUP=10s MIXED_CONNECTIONS=16 THREADS=2 MIXED_PORT=5096
#   SKIP_BUILD=1           use the existing Release build
#   JUKEBOX_BIN=path       measure another build of the server (e.g. an older commit's), with SKIP_BUILD=1
#   JUKEBOX_ENV="A=1 B=2"  environment given to Jukebox only (e.g. to compare settings)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
DURATION="${MIXED_DURATION:-300s}"
WARMUP="${MIXED_WARMUP:-10s}"
CONNECTIONS="${MIXED_CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${MIXED_PORT:-5096}"
JUKEBOX_BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
RESULTS="$BENCH_DIR/results"
BASIC="$(printf '%s' 6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563 | base64 -w0)"
ADMIN_KEY="bench-$RANDOM$RANDOM"
read -r -a JUKEBOX_ENV_ARGS <<<"${JUKEBOX_ENV:-}"

die() { echo "mixed.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing; install it with: sudo apt-get install $tool"
done
base="http://127.0.0.1:$PORT"
curl -s -o /dev/null --max-time 1 "$base/" && die "port $PORT is already in use; set MIXED_PORT"

WORK="$(mktemp -d)"
PID=""
cleanup() {
  if [[ -n "$PID" ]] && kill "$PID" 2>/dev/null; then wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "Building Release"
  dotnet build -c Release -nologo -v quiet "$ROOT/src/Jukebox.Server/Jukebox.Server.csproj" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "build failed"; }
fi
[[ -x "$JUKEBOX_BIN" ]] || die "the Release build was not found; run without SKIP_BUILD=1"

loadavg() { cut -d' ' -f1 /proc/loadavg; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# User and system CPU time of a process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
json() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | cut -d '"' -f 4; }

# --- a fresh demo data folder, the sandbox behind an admin key ------------------------------
say "Starting Jukebox on an empty data folder (demo catalog, SQLite)"
env "${JUKEBOX_ENV_ARGS[@]}" JUKEBOX_SANDBOX__ADMINKEY="$ADMIN_KEY" JUKEBOX_RateLimits__ExtendedQuotaLimit=1000000000 \
  "$JUKEBOX_BIN" --data-dir "$WORK/data" --urls "$base" >"$WORK/jukebox.log" 2>&1 &
PID=$!
for _ in $(seq 1200); do
  kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/jukebox.log"; die "Jukebox exited"; }
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/readyz" || true)" == 200 ]] && break
  sleep 0.1
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" == 200 ]] || die "Jukebox did not become ready"

# The demo user's token through the sandbox grant, and one of the demo user's devices.
TOKEN="$(curl -s -H "Authorization: Basic $BASIC" -H "X-Jukebox-Admin-Key: $ADMIN_KEY" \
  -d grant_type=urn:jukebox:params:oauth:grant-type:sandbox-user -d user_id=jukebox-demo \
  -d scope="user-library-read user-library-modify user-read-playback-state user-modify-playback-state" \
  "$base/api/token" | json access_token)"
[[ -n "$TOKEN" ]] || die "no user token from the sandbox grant"
DEVICE="$(curl -s -H "Authorization: Bearer $TOKEN" "$base/v1/me/player/devices" | json id)"
if [[ -z "$DEVICE" ]]; then
  DEVICE="$(curl -s -X POST -H "X-Jukebox-Admin-Key: $ADMIN_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"Bench speaker"}' "$base/sandbox/users/jukebox-demo/devices" | json id)"
fi
[[ -n "$DEVICE" ]] || die "the demo user has no device"
sqlite3 "$WORK/data/jukebox.db" 'SELECT Id FROM Tracks' >"$WORK/ids.txt"
[[ -s "$WORK/ids.txt" ]] || die "no tracks in the demo catalog"

# --- load -----------------------------------------------------------------------------------
export BENCH_IDS="$WORK/ids.txt" BENCH_TOKEN="$TOKEN" BENCH_DEVICE="$DEVICE"
say "Warm-up $WARMUP, then $DURATION ($CONNECTIONS connections, $THREADS threads)"
LOAD_BEFORE="$(loadavg)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 2s -s "$BENCH_DIR/mixed.lua" "$base" >"$WORK/warmup.txt"
RSS_WARM="$(rss_mb "$PID")"
# RSS every 30 s during the run, to see growth rather than one end point.
( while kill -0 "$PID" 2>/dev/null; do sleep 30; printf '%s ' "$(rss_mb "$PID" 2>/dev/null)"; done ) >"$WORK/rss.txt" &
SAMPLER=$!
CPU_BEFORE="$(cpu_ticks "$PID")"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency -s "$BENCH_DIR/mixed.lua" "$base" >"$WORK/mixed.txt"
kill "$SAMPLER" 2>/dev/null || true
RSS_END="$(rss_mb "$PID")"
CPU_AFTER="$(cpu_ticks "$PID")"
LOAD_AFTER="$(loadavg)"
cat "$WORK/mixed.txt" >&2
if grep -q -e 'Non-2xx' -e 'Socket errors' "$WORK/mixed.txt"; then
  die "Jukebox answered with errors (see the wrk output above)"
fi

# --- summary --------------------------------------------------------------------------------
RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/mixed.txt")"
P99="$(awk '$1 == "99%" {
  v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
  f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
  printf "%.2f", v * f }' "$WORK/mixed.txt")"
REQUESTS="$(awk '/requests in/ { print $1 }' "$WORK/mixed.txt")"
# The server's CPU time per request: less sensitive than req/s to other work on the machine.
CPU_US="$(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v n="$REQUESTS" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (b - a) / hz * 1e6 / n }')"
verdict() { awk -v v="$1" -v l="$2" -v op="$3" 'BEGIN { ok = (op == "<") ? (v < l) : (v >= l); print ok ? "met" : "NOT met" }'; }
mkdir -p "$RESULTS"
{
  echo "# Mixed load, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "$(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); SQLite, demo catalog ($(wc -l <"$WORK/ids.txt") tracks)."
  echo "wrk: $CONNECTIONS connections, $THREADS threads, $DURATION after a $WARMUP warm-up; 25 % writes (bench/mixed.lua)."
  echo "Load average (1 min): $LOAD_BEFORE before the run, $LOAD_AFTER after it."
  echo
  echo "| Measure | Value | Target |"
  echo "|---|---|---|"
  echo "| Throughput | $RPS req/s | ≥ 2,500: $(verdict "$RPS" 2500 ">=") |"
  echo "| p99 | $P99 ms | < 20 ms: $(verdict "$P99" 20 "<") |"
  echo "| Server CPU time per request | $CPU_US µs | |"
  echo "| RSS after the warm-up / at the end | $RSS_WARM / $RSS_END MB | < 250 MB: $(verdict "$RSS_END" 250 "<") |"
  echo "| RSS every 30 s (MB) | $(cat "$WORK/rss.txt") | no growth |"
} >"$RESULTS/mixed.md"
echo
cat "$RESULTS/mixed.md"
