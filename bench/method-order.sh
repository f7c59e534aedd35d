#!/usr/bin/env bash
# Records the order in which the published server first runs its ahead-of-time compiled methods, and
# writes it to src/Jukebox.Server/method-order.json, the profile crossgen2 lays the single file's code
# out by. See bench/docs/startup.md, "Code laid out in the order it runs".
#
# Four starts of the published single file, each traced (EventPipe, the runtime's ReadyToRun
# entry-point events) from its start until it is stopped:
#   seeding  an empty data folder and no demo template, until it answers a token and a search;
#   fresh    a fresh data folder with the template the first start left, the same;
#   restart  the first folder again, the same;
#   walk     the first folder again, then a walk through the Web API (catalog, library, playlists, player).
# tools/Jukebox.MethodOrder reads them as restart, fresh, seeding, walk and writes each method once, where
# it first ran: what every start runs comes first, what only a first start or an app's requests run after.
# Run it again after a change that moves a lot of code (a new library, a new start-up step); a
# method the file does not name is still compiled, only placed after the ones it names.
#
# Settings (environment variables):
#   JUKEBOX_BIN=path   a published single file to trace (default: publish one, about 8 minutes)
#   PORT=5098          OUTPUT=src/Jukebox.Server/method-order.json
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PORT="${PORT:-5098}"
OUTPUT="${OUTPUT:-$ROOT/src/Jukebox.Server/method-order.json}"
BASIC="$(printf '%s' 6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563 | base64 -w0)"
ADMIN_KEY="bench-$RANDOM$RANDOM"

die() { echo "method-order.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
command -v curl >/dev/null 2>&1 || die "curl is missing; install it with: sudo apt-get install curl"
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is not on PATH"
base="http://127.0.0.1:$PORT"
curl -s -o /dev/null --max-time 1 "$base/" && die "port $PORT is already in use; set PORT"

WORK="$(mktemp -d)"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${JUKEBOX_BIN:-}" ]]; then
  say "Publishing the single file (linux-x64)"
  dotnet publish "$ROOT/src/Jukebox.Server" -c Release -r linux-x64 -o "$WORK/publish" -nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { tail -30 "$WORK/publish.log"; die "publish failed"; }
  JUKEBOX_BIN="$WORK/publish/jukebox"
fi
[[ -x "$JUKEBOX_BIN" ]] || die "$JUKEBOX_BIN is not an executable"
say "Building tools/Jukebox.MethodOrder"
dotnet build -c Release -nologo -v quiet "$ROOT/tools/Jukebox.MethodOrder" >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log"; die "build failed"; }

json() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | cut -d '"' -f 4; }
first_id() { grep -o "spotify:$1:[0-9A-Za-z]*" | head -1 | cut -d: -f3; }
get() { curl -s -o /dev/null -H "Authorization: Bearer $1" "$base$2"; }
send() { curl -s -o /dev/null -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "${4:-}" "$base$3"; }

app_token() {
  curl -s --max-time 5 -H "Authorization: Basic $BASIC" -d grant_type=client_credentials "$base/api/token" | json access_token
}

ready() {
  local token
  token="$(app_token || true)"
  [[ -n "$token" ]] || return 1
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $token" \
    "$base/v1/search?q=love&type=track" || true)" == 200 ]]
}

# What an app does in its first minutes: catalog reads, the user's library, playlists and player.
walk() {
  local app user track album artist playlist device
  app="$(app_token)"
  track="$(curl -s -H "Authorization: Bearer $app" "$base/v1/search?q=love&type=track&limit=1" | first_id track)"
  album="$(curl -s -H "Authorization: Bearer $app" "$base/v1/tracks/$track" | first_id album)"
  artist="$(curl -s -H "Authorization: Bearer $app" "$base/v1/albums/$album" | first_id artist)"
  [[ -n "$track" && -n "$album" && -n "$artist" ]] || die "no track, album or artist found in the demo catalog"
  for path in "/v1/tracks?ids=$track" "/v1/albums?ids=$album" "/v1/albums/$album/tracks" "/v1/artists/$artist" \
    "/v1/artists?ids=$artist" "/v1/artists/$artist/albums" "/v1/artists/$artist/top-tracks?market=US" \
    "/v1/search?q=a&type=album,artist,playlist,show,episode,audiobook" "/v1/browse/new-releases" \
    "/v1/browse/categories" "/v1/markets"; do
    get "$app" "$path"
  done
  user="$(curl -s -H "Authorization: Basic $BASIC" -H "X-Jukebox-Admin-Key: $ADMIN_KEY" \
    -d grant_type=urn:jukebox:params:oauth:grant-type:sandbox-user -d user_id=jukebox-demo \
    -d scope="user-read-private user-read-email user-library-read user-library-modify playlist-read-private playlist-modify-private playlist-modify-public user-read-playback-state user-modify-playback-state user-read-recently-played user-top-read user-follow-read" \
    "$base/api/token" | json access_token)"
  [[ -n "$user" ]] || die "no user token from the sandbox grant"
  for path in /v1/me /v1/me/tracks /v1/me/albums /v1/me/playlists /v1/me/player /v1/me/player/devices \
    /v1/me/player/recently-played "/v1/me/top/tracks" "/v1/me/following?type=artist" \
    "/v1/me/tracks/contains?ids=$track"; do
    get "$user" "$path"
  done
  send "$user" PUT "/v1/me/tracks?ids=$track"
  send "$user" DELETE "/v1/me/tracks?ids=$track"
  playlist="$(curl -s -X POST -H "Authorization: Bearer $user" -H 'Content-Type: application/json' \
    -d '{"name":"Method order"}' "$base/v1/me/playlists" | json id)"
  if [[ -n "$playlist" ]]; then
    send "$user" POST "/v1/playlists/$playlist/tracks" "{\"uris\":[\"spotify:track:$track\"]}"
    get "$user" "/v1/playlists/$playlist"
    get "$user" "/v1/playlists/$playlist/tracks"
  fi
  device="$(curl -s -H "Authorization: Bearer $user" "$base/v1/me/player/devices" | json id)"
  if [[ -n "$device" ]]; then
    send "$user" PUT "/v1/me/player/volume?volume_percent=40&device_id=$device"
    send "$user" PUT "/v1/me/player/play?device_id=$device" "{\"uris\":[\"spotify:track:$track\"]}"
    send "$user" PUT "/v1/me/player/pause?device_id=$device"
  fi
}

# trace NAME WALK ARGS...: starts the server with EventPipe writing $WORK/NAME.nettrace, waits until
# it answers, walks the API when WALK is 1, then stops it.
trace() {
  local name="$1" walk="$2" waited=0
  shift 2
  DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$WORK/$name.nettrace" \
    DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0x2000000000:5' \
    JUKEBOX_SANDBOX__ADMINKEY="$ADMIN_KEY" JUKEBOX_DemoTemplateDirectory="$WORK/templates" \
    "$JUKEBOX_BIN" "$@" --urls "$base" >"$WORK/$name.log" 2>&1 &
  PID=$!
  until ready; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/$name.log" >&2; die "$name: the server exited"; }
    (( waited++ < 3000 )) || die "$name: not ready after 300 s"
    sleep 0.1
  done
  [[ "$walk" == 1 ]] && walk
  # The first start leaves the demo template the second one copies; it is written after readiness.
  until compgen -G "$WORK/templates/[0-9a-f]*" >/dev/null; do
    (( waited++ < 3000 )) || die "$name: no demo template after 300 s"
    sleep 0.1
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=""
  say "$name: traced"
}

trace seeding 0 --data-dir "$WORK/data"
trace fresh 0 --data-dir "$WORK/fresh"
trace restart 0 --data-dir "$WORK/data"
trace walk 1 --data-dir "$WORK/data"

dotnet "$ROOT/tools/Jukebox.MethodOrder/bin/Release/net10.0/Jukebox.MethodOrder.dll" "$OUTPUT" \
  "$WORK/restart.nettrace" "$WORK/fresh.nettrace" "$WORK/seeding.nettrace" "$WORK/walk.nettrace"
