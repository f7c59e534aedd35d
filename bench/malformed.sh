#!/usr/bin/env bash
# Malformed requests: what the server keeps in memory after refusing 10,000 requests it cannot
# accept, some with 5 MB bodies, and whether every refusal is the error object its caller reads.
# 16 at a time (one curl --parallel); per request, at random: bad JSON bodies on the playlist,
# library and player endpoints, invalid ids, bad query parameters, bad forms on /api/token, wrong
# content types, bad cover uploads, and about 5 % with a 5 MB body (bad JSON, 5 MB of base64 on
# PUT /v1/playlists/{id}/images, whose limit is 256 KB, or a 5 MB form on /api/token). Reports the
# server's VmRSS and VmHWM before the load, right after it and SETTLE_SECONDS later; fails when an
# answer is a 5xx (or a 2xx), or an error body is not Spotify's error object on /v1 or an OAuth error
# object on /api/token. See bench/docs/malformed.md.
#
# Settings (environment variables):
#   MALFORMED_REQUESTS=10000 MALFORMED_CONNECTIONS=16 MALFORMED_PORT=5098 SETTLE_SECONDS=5
#   MALFORMED_TIMEOUT=600  seconds the load may take at most
#   SKIP_BUILD=1           use the existing Release build
#   JUKEBOX_BIN=path       measure another build of the server (e.g. an older commit's), with SKIP_BUILD=1
#   JUKEBOX_ENV="A=1 B=2"  environment given to Jukebox only (e.g. DOTNET_gcServer=0, to compare settings)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
REQUESTS="${MALFORMED_REQUESTS:-10000}"
CONNECTIONS="${MALFORMED_CONNECTIONS:-16}"
PORT="${MALFORMED_PORT:-5098}"
SETTLE_SECONDS="${SETTLE_SECONDS:-5}"
LOAD_TIMEOUT="${MALFORMED_TIMEOUT:-600}"
JUKEBOX_BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
RESULTS="$BENCH_DIR/results"
BASIC="$(printf '%s' 6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563 | base64 -w0)"
ADMIN_KEY="bench-$RANDOM$RANDOM"
read -r -a JUKEBOX_ENV_ARGS <<<"${JUKEBOX_ENV:-}"

die() { echo "malformed.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
for tool in curl timeout; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing; install it with: sudo apt-get install $tool"
done
base="http://127.0.0.1:$PORT"
curl -s -o /dev/null --max-time 1 "$base/" && die "port $PORT is already in use; set MALFORMED_PORT"

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
  timeout 900 dotnet build -c Release -nologo -v quiet "$ROOT/src/Jukebox.Server/Jukebox.Server.csproj" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "build failed"; }
fi
[[ -x "$JUKEBOX_BIN" ]] || die "the Release build was not found; run without SKIP_BUILD=1"

loadavg() { cut -d' ' -f1 /proc/loadavg; }
# VmRSS/VmHWM in MB, e.g. "212/640".
memory() { awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { printf "%.0f/%.0f", r / 1024, h / 1024 }' "/proc/$1/status"; }
json() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | cut -d '"' -f 4; }

# --- a fresh demo data folder, the sandbox behind an admin key ------------------------------
say "Starting Jukebox on an empty data folder (demo catalog, SQLite)"
# Rate limits off, so that every request reaches its endpoint rather than a 429.
env "${JUKEBOX_ENV_ARGS[@]}" JUKEBOX_SANDBOX__ADMINKEY="$ADMIN_KEY" JUKEBOX_RateLimits__Enabled=false \
  "$JUKEBOX_BIN" --data-dir "$WORK/data" --urls "$base" >"$WORK/jukebox.log" 2>&1 &
PID=$!
for _ in $(seq 1200); do
  kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/jukebox.log"; die "Jukebox exited"; }
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/readyz" || true)" == 200 ]] && break
  sleep 0.1
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/readyz")" == 200 ]] || die "Jukebox did not become ready"

# The demo user's token through the sandbox grant, and a playlist of theirs to aim at.
TOKEN="$(curl -s --max-time 30 -H "Authorization: Basic $BASIC" -H "X-Jukebox-Admin-Key: $ADMIN_KEY" \
  -d grant_type=urn:jukebox:params:oauth:grant-type:sandbox-user -d user_id=jukebox-demo \
  -d scope="user-library-read user-library-modify user-read-playback-state user-modify-playback-state playlist-modify-public playlist-modify-private ugc-image-upload user-top-read user-read-recently-played" \
  "$base/api/token" | json access_token)"
[[ -n "$TOKEN" ]] || die "no user token from the sandbox grant"
PLAYLIST="$(curl -s --max-time 30 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Bench target","public":false}' "$base/v1/me/playlists" | json id)"
[[ -n "$PLAYLIST" ]] || die "could not make a playlist"
sleep "$SETTLE_SECONDS"

# --- load -----------------------------------------------------------------------------------
# The requests: one curl config, run by one curl process CONNECTIONS transfers at a time; each answer's
# body goes to a file of its own, its status and file to answers.txt.
mkdir -p "$WORK/bodies" "$WORK/out"
b="$WORK/bodies"
printf '{' >"$b/json1"; printf '{"name":' >"$b/json2"; printf '[1,2' >"$b/json3"; printf 'not json' >"$b/json4"
printf '{"name":"x",}' >"$b/json5"; printf '{"uris":[' >"$b/json6"; printf '\x00\x01\x02' >"$b/json7"; printf '{"ids":{"a":' >"$b/json8"
printf 'grant_type=bogus' >"$b/form1"; : >"$b/form2"; printf 'grant_type=' >"$b/form3"; printf '%%%%%%=%%%%%%' >"$b/form4"
printf 'grant_type=authorization_code&code=nope&redirect_uri=x' >"$b/form5"; printf 'grant_type=refresh_token&refresh_token=nope' >"$b/form6"
printf 'grant_type=client_credentials&grant_type=password' >"$b/form7"; printf 'grant_type=password&username=a&password=b' >"$b/form8"
printf '{"grant_type":"client_credentials"}' >"$b/tokenjson"; printf 'name=x&public=false' >"$b/formname"
printf -- '--x\r\n\r\n--x--' >"$b/multipart"
printf '!!!' >"$b/image1"; printf 'QUJD' >"$b/image2"; printf 'data:image/jpeg;base64,QUJD' >"$b/image3"
# 5 MB each: JSON that never ends, base64 text, and a form with one long value.
{ printf '{"name":"'; head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' a; } >"$b/bigjson"
head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' A >"$b/bigbase64"
{ printf 'grant_type=client_credentials&padding='; head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' x; } >"$b/bigform"

# Per request, at random (weights out of 100): bad JSON bodies 25, invalid ids 15, bad query
# parameters 15, bad forms on /api/token 15, wrong content types 15, bad cover uploads 10, a 5 MB
# body 5 (half of those without "Expect: 100-continue", so the body comes whether asked for or not).
awk -v n="$REQUESTS" -v base="$base" -v token="$TOKEN" -v basic="$BASIC" -v playlist="$PLAYLIST" -v b="$b" -v out="$WORK/out" '
  function pick(list,   parts, count) { count = split(list, parts, " "); return parts[int(rand() * count) + 1] }
  function emit(method, path, auth, type, body, extra) {
    printf "url = \"%s%s\"\nrequest = \"%s\"\nheader = \"Authorization: %s\"\n", base, path, method, auth
    if (type != "") printf "header = \"Content-Type: %s\"\n", type
    if (body != "") printf "data-binary = \"@%s/%s\"\n", b, body
    if (extra != "") printf "%s\n", extra
    printf "output = \"%s/%d\"\nwrite-out = \"%%{http_code} %%{filename_effective}\\n\"\nmax-time = 60\nsilent\nshow-error\n%s", out, i, i < n ? "next\n" : ""
  }
  function json_target() { return pick("PUT:/v1/playlists/" playlist " POST:/v1/me/playlists PUT:/v1/me/tracks PUT:/v1/me/player/play PUT:/v1/me/player") }
  BEGIN {
    srand()
    bearer = "Bearer " token; basicauth = "Basic " basic
    long = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
    ids = "/v1/tracks/not-an-id /v1/tracks/%27%22%3C%3E /v1/albums/" long long long " /v1/artists/0000000000000000000000! /v1/tracks?ids=a,b,%2C%2C /v1/playlists/nope /v1/playlists/nope/tracks /v1/users/%20%20/playlists /v1/shows/x?market=ES /v1/episodes?ids=x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x"
    queries = "/v1/search?q=love&type=bogus /v1/search?type=track /v1/search?q=love&type=track&limit=abc /v1/search?q=love&type=track&offset=-1 /v1/search?q=love&type=track&market=ZZ /v1/me/tracks?limit=9999 /v1/me/tracks?offset=x /v1/browse/new-releases?limit=0 /v1/me/top/tracks?time_range=forever /v1/me/player/recently-played?before=1&after=2"
    for (i = 1; i <= n; i++) {
      r = int(rand() * 100) + 1
      if (r <= 25) { split(json_target(), t, ":"); emit(t[1], t[2], bearer, "application/json", pick("json1 json2 json3 json4 json5 json6 json7 json8"), "") }
      else if (r <= 40) emit("GET", pick(ids), bearer, "", "", "")
      else if (r <= 55) emit("GET", pick(queries), bearer, "", "", "")
      else if (r <= 70) emit("POST", "/api/token", basicauth, "application/x-www-form-urlencoded", pick("form1 form2 form3 form4 form5 form6 form7 form8"), "")
      else if (r <= 85) {
        k = int(rand() * 4)
        if (k == 0) emit("POST", "/api/token", basicauth, "application/json", "tokenjson", "")
        else if (k == 1) emit("PUT", "/v1/playlists/" playlist, bearer, "text/plain", "formname", "")
        else if (k == 2) emit("POST", "/v1/me/playlists", bearer, "application/x-www-form-urlencoded", "formname", "")
        else emit("PUT", "/v1/me/player/play", bearer, "multipart/form-data; boundary=x", "multipart", "")
      }
      else if (r <= 95) emit("PUT", "/v1/playlists/" playlist "/images", bearer, "image/jpeg", pick("image1 image2 image3"), "")
      else {
        large++
        expect = rand() < 0.5 ? "header = \"Expect:\"" : ""
        k = int(rand() * 3)
        if (k == 0) { split(json_target(), t, ":"); emit(t[1], t[2], bearer, "application/json", "bigjson", expect) }
        else if (k == 1) emit("PUT", "/v1/playlists/" playlist "/images", bearer, "image/jpeg", "bigbase64", expect)
        else emit("POST", "/api/token", basicauth, "application/x-www-form-urlencoded", "bigform", expect)
      }
    }
    print large >"/dev/stderr"
  }' >"$WORK/requests.cfg" 2>"$WORK/large.txt"

MEM_BEFORE="$(memory "$PID")"
LOAD_BEFORE="$(loadavg)"
say "$REQUESTS malformed requests ($CONNECTIONS at a time), $(cat "$WORK/large.txt") of them with a 5 MB body"
started="$(date +%s.%N)"
# A transfer that fails (a reset connection) is listed with status 000; curl's exit status is not ours to judge.
timeout "$LOAD_TIMEOUT" curl --silent --show-error --no-progress-meter --parallel --parallel-max "$CONNECTIONS" --parallel-immediate -K "$WORK/requests.cfg" \
  >"$WORK/answers.txt" 2>"$WORK/curl.log" || true
SECONDS_TAKEN="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/jukebox.log"; die "Jukebox exited during the load"; }
MEM_AFTER="$(memory "$PID")"
LOAD_AFTER="$(loadavg)"
sleep "$SETTLE_SECONDS"
MEM_SETTLED="$(memory "$PID")"

# Every answer must be a 4xx whose body is Spotify's {"error":{"status":N,"message":"…"}} with N its
# status, or on /api/token an OAuth error object {"error":"…"}.
awk '
  {
    status = $1; file = $2; body = ""
    if (status == "000") next  # no answer: counted apart (see below)
    while ((getline line < file) > 0) body = body line
    close(file)
    answers++; count[status]++
    ok = 0
    if (status >= 400 && status < 500) {
      if (match(body, /^[ \t]*\{[ \t]*"error"[ \t]*:[ \t]*\{[ \t]*"status"[ \t]*:[ \t]*[0-9]+[ \t]*,[ \t]*"message"[ \t]*:[ \t]*"/)) {
        n = body; sub(/^[^:]*:[^:]*:[ \t]*/, "", n); ok = (n + 0 == status)
      } else if (match(body, /^[ \t]*\{[ \t]*"error"[ \t]*:[ \t]*"[a-z_]+"/)) ok = 1
    }
    if (!ok) { bad++; if (shown++ < 5) examples = examples "example " status " " substr(body, 1, 160) "\n" }
  }
  END {
    for (s in count) list = list (list == "" ? "" : " ") s ":" count[s]
    printf "answers %d\nbad %d\nstatuses %s\n%s", answers, bad, list, examples
  }' "$WORK/answers.txt" >"$WORK/check.txt"
cat "$WORK/check.txt" >&2

# --- summary --------------------------------------------------------------------------------
field() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$WORK/check.txt"; }
ANSWERS="$(field answers)"
BAD="$(field bad)"
SERVER_ERRORS="$(grep -c -e 'Unhandled error' "$WORK/jukebox.log" || true)"
mkdir -p "$RESULTS"
{
  echo "# Malformed requests, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "$(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); SQLite, demo catalog."
  echo "curl --parallel: $CONNECTIONS at a time, $ANSWERS answers in $SECONDS_TAKEN s, $(cat "$WORK/large.txt") requests with a 5 MB body."
  echo "Settings: ${JUKEBOX_ENV:-none}. Load average (1 min): $LOAD_BEFORE before the load, $LOAD_AFTER after it."
  echo
  echo "| Measure | Value | Target |"
  echo "|---|---|---|"
  echo "| VmRSS/VmHWM before (MB) | $MEM_BEFORE | |"
  echo "| VmRSS/VmHWM right after (MB) | $MEM_AFTER | |"
  echo "| VmRSS/VmHWM ${SETTLE_SECONDS} s after (MB) | $MEM_SETTLED | RSS < 300 MB: $(awk -v v="${MEM_SETTLED%/*}" 'BEGIN { print (v < 300) ? "met" : "NOT met" }') |"
  echo "| Statuses | $(field statuses) | no 5xx |"
  echo "| Answers not an error object of their status, or 2xx/5xx | $BAD | 0 |"
  echo "| Transfers without an answer (curl's errors below) | $(grep -c '^000 ' "$WORK/answers.txt" || true) | (a reset over the limit; see bench/docs/malformed.md) |"
  echo "| \"Unhandled error\" lines in the server's log | $SERVER_ERRORS | 0 |"
} >"$RESULTS/malformed.md"
echo
cat "$RESULTS/malformed.md"
grep '^example ' "$WORK/check.txt" >&2 || true
grep -o 'curl: .*' "$WORK/curl.log" | sort | uniq -c | sort -rn | head -5 >&2 || true
[[ "$BAD" == 0 && "$SERVER_ERRORS" == 0 ]] || die "some answers were 5xx or not the error object their caller reads (see above)"
