#!/usr/bin/env bash
# Measures POST /sandbox/reset on the demo catalog (target: under 1 s) against the way a test suite
# gets a clean server without it: stopping and starting a throwaway one. See bench/docs/reset.md.
#
# Settings (environment variables):
#   RESETS=10        resets timed, each after a user has made state
#   STARTS=3         throwaway starts timed (the reference)
#   SKIP_BUILD=1     use the existing Release build
#   JUKEBOX_BIN=path measure another build of the server, with SKIP_BUILD=1
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESETS="${RESETS:-10}"
STARTS="${STARTS:-3}"
WORK="$BENCH_DIR/results/reset"
JUKEBOX_BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
BASIC=6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563

die() { echo "reset.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
command -v curl >/dev/null 2>&1 || die "missing curl; install with: sudo apt-get install curl"
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is not on PATH"
mkdir -p "$WORK"
rm -f "$WORK"/*
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"

SERVER=""
cleanup() { [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "Building Release"
  dotnet build "$ROOT/src/Jukebox.Server" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || die "build failed (see $WORK/build.log)"
fi
[[ -x "$JUKEBOX_BIN" ]] || die "no server at $JUKEBOX_BIN"

now_ms() { date +%s%3N; }

# Starts a throwaway server; prints the milliseconds until its ready file appeared. Sets SERVER and URL.
start() {
  local ready="$WORK/ready.url" began
  rm -f "$ready"
  began="$(now_ms)"
  "$JUKEBOX_BIN" --ephemeral --urls http://127.0.0.1:0 --ready-file "$ready" >>"$WORK/jukebox.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 600); do
    [[ -s "$ready" ]] && break
    kill -0 "$SERVER" 2>/dev/null || die "the server stopped (see $WORK/jukebox.log)"
    sleep 0.05
  done
  [[ -s "$ready" ]] || die "the server was not ready within 30 s"
  URL="$(cat "$ready")"
  echo $(( $(now_ms) - began ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

say "Timing $STARTS throwaway starts (the reference)"
for i in $(seq "$STARTS"); do
  start >>"$WORK/starts"
  # The first request of a new server compiles its paths; a test suite pays it too.
  curl -sf -o /dev/null -u "$BASIC" -d grant_type=client_credentials "$URL/api/token"
  cleanup
  SERVER=""
done

say "Timing $RESETS resets, each after a user has made state"
start >/dev/null
field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | cut -d '"' -f 4; }
# A token for the user, from a new app of its own (apps are user-made state too, gone at each reset).
token() {
  local app
  app="$(curl -sf -X POST "$URL/sandbox/apps" -H 'Content-Type: application/json' -d "{\"name\":\"bench $1\",\"quota_mode\":\"extended\"}")"
  curl -sf -u "$(echo "$app" | field client_id):$(echo "$app" | field client_secret)" \
    -d grant_type=urn:jukebox:params:oauth:grant-type:sandbox-user -d user_id="$1" \
    -d scope="playlist-modify-private user-library-modify" "$URL/api/token" | field access_token
}
APP_TOKEN="$(curl -sf -u "$BASIC" -d grant_type=client_credentials "$URL/api/token" | field access_token)"
IDS="$(curl -sf -H "Authorization: Bearer $APP_TOKEN" "$URL/v1/search?q=a&type=track&limit=10" \
  | grep -o '"uri": *"spotify:track:[^"]*"' | cut -d '"' -f 4 | cut -d: -f3 | head -10 | paste -sd, -)"
[[ -n "$IDS" ]] || die "no tracks found to save"
for i in $(seq "$RESETS"); do
  curl -sf -o /dev/null -X POST "$URL/sandbox/users" -H 'Content-Type: application/json' -d "{\"id\":\"bench$i\"}"
  USER_TOKEN="$(token "bench$i")"
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $USER_TOKEN" "$URL/v1/me/tracks?ids=$IDS"
  PLAYLIST="$(curl -sf -X POST -H "Authorization: Bearer $USER_TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench","public":false}' "$URL/v1/me/playlists" | field id)"
  URIS="$(echo "$IDS" | tr ',' '\n' | sed 's/^/spotify:track:/' | paste -sd, -)"
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $USER_TOKEN" "$URL/v1/playlists/$PLAYLIST/items?uris=$URIS"
  curl -sf -o /dev/null -w '%{time_total}\n' -X POST "$URL/sandbox/reset" | awk '{ printf "%d\n", $1 * 1000 }' >>"$WORK/resets"
done
cleanup
SERVER=""

START_MS="$(median <"$WORK/starts")"
RESET_MS="$(median <"$WORK/resets")"
RESET_MAX="$(sort -n "$WORK/resets" | tail -1)"
{
  echo "| Measure (load average $LOAD_BEFORE at the start) | Value |"
  echo "|---|---|"
  echo "| Throwaway start to ready, median of $STARTS (reference) | $START_MS ms |"
  echo "| \`POST /sandbox/reset\`, median / slowest of $RESETS | $RESET_MS ms / $RESET_MAX ms |"
  echo "| Reset / start | $(awk -v r="$RESET_MS" -v s="$START_MS" 'BEGIN { printf "%.0f %%", 100 * r / s }') |"
  echo "| Target: reset under 1 s | $(awk -v r="$RESET_MS" 'BEGIN { print (r < 1000) ? "met" : "missed" }') |"
} | tee "$BENCH_DIR/results/reset.md"
