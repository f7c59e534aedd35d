#!/usr/bin/env bash
# Measures how long Jukebox takes to become usable, and how much memory it then holds, against the bare
# ASP.NET Core app (Jukebox.Bench.Bare) started the same way in the same run. See bench/docs/startup.md.
#
# Five kinds of start, each RUNS times, taken in turn (bare, seeding, fresh, restart, ephemeral, bare, ...)
# so that a change in the machine's load falls on all of them alike; the median of each is reported.
#   bare       the bare app, until GET /readyz answers 200
#   seeding    Jukebox on an empty data folder without a demo template (the first fresh start of a day
#              on a machine: it seeds the demo catalog and builds the search index), until a
#              client-credentials token is issued AND a search with it answers 200
#   fresh      Jukebox on an empty data folder (demo catalog) with the template a first start left in
#              the script's own template folder, same readiness
#   restart    Jukebox again on the data folder the fresh start left, same readiness
#   ephemeral  Jukebox with --ephemeral (and the template), same readiness
# Idle RSS is VmRSS from /proc, IDLE_SECONDS after the process became ready.
#
# Settings (environment variables):
#   RUNS=3 IDLE_SECONDS=2 PORT=5097
#   SKIP_BUILD=1           use the existing Release builds
#   JUKEBOX_BIN=path       measure another build of the server, with SKIP_BUILD=1
#   JUKEBOX_ENV="A=1 B=2"  environment given to Jukebox only (e.g. DOTNET_gcServer=0, to compare settings)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RUNS="${RUNS:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-2}"
PORT="${PORT:-5097}"
JUKEBOX_BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
BARE_BIN="$BENCH_DIR/Jukebox.Bench.Bare/bin/Release/net10.0/Jukebox.Bench.Bare"
BASIC="$(printf '%s' 6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563 | base64 -w0)"
read -r -a JUKEBOX_ENV_ARGS <<<"${JUKEBOX_ENV:-}"

die() { echo "startup.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
command -v curl >/dev/null 2>&1 || die "curl is missing; install it with: sudo apt-get install curl"
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is not on PATH"
curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is already in use; set PORT"

WORK="$(mktemp -d)"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "Building Release"
  for project in "$ROOT/src/Jukebox.Server/Jukebox.Server.csproj" "$BENCH_DIR/Jukebox.Bench.Bare/Jukebox.Bench.Bare.csproj"; do
    dotnet build -c Release -nologo -v quiet "$project" >"$WORK/build.log" 2>&1 \
      || { tail -30 "$WORK/build.log"; die "build failed"; }
  done
fi
[[ -x "$JUKEBOX_BIN" && -x "$BARE_BIN" ]] || die "Release builds not found; run without SKIP_BUILD=1"
echo '{"id":"bench"}' >"$WORK/body.json"

now() { date +%s.%N; }
base="http://127.0.0.1:$PORT"

bare_ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/readyz" || true)" == 200 ]]; }

jukebox_ready() {
  local token
  token="$(curl -s --max-time 5 -H "Authorization: Basic $BASIC" -d grant_type=client_credentials "$base/api/token" \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' || true)"
  [[ -n "$token" ]] || return 1
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $token" \
    "$base/v1/search?q=love&type=track" || true)" == 200 ]]
}

# start KIND: sets SECONDS_READY and RSS_MB
start() {
  local kind="$1" started check
  started="$(now)"
  case "$kind" in
    seeding) rm -rf "$WORK/data"
      env "${JUKEBOX_ENV_ARGS[@]}" JUKEBOX_DemoTemplateDirectory= "$JUKEBOX_BIN" --data-dir "$WORK/data" --urls "$base" >"$WORK/$kind.log" 2>&1 & check=jukebox_ready ;;
    bare) "$BARE_BIN" --body "$WORK/body.json" --urls "$base" >"$WORK/$kind.log" 2>&1 & check=bare_ready ;;
    fresh) rm -rf "$WORK/data"
      env "${JUKEBOX_ENV_ARGS[@]}" "$JUKEBOX_BIN" --data-dir "$WORK/data" --urls "$base" >"$WORK/$kind.log" 2>&1 & check=jukebox_ready ;;
    restart) env "${JUKEBOX_ENV_ARGS[@]}" "$JUKEBOX_BIN" --data-dir "$WORK/data" --urls "$base" >"$WORK/$kind.log" 2>&1 & check=jukebox_ready ;;
    ephemeral) env "${JUKEBOX_ENV_ARGS[@]}" "$JUKEBOX_BIN" --ephemeral --urls "$base" >"$WORK/$kind.log" 2>&1 & check=jukebox_ready ;;
  esac
  PID=$!
  until "$check"; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/$kind.log" >&2; die "$kind: the server exited"; }
    awk -v a="$started" -v b="$(now)" 'BEGIN { exit !(b - a > 300) }' && die "$kind: not ready after 300 s"
    sleep 0.02
  done
  SECONDS_READY="$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')"
  sleep "$IDLE_SECONDS"
  RSS_MB="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status")"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=""
}

# The template every fresh and ephemeral start copies, as the first fresh start of the day leaves it in
# a user's cache folder; here in the script's own folder, so that the user's is not touched.
export JUKEBOX_DemoTemplateDirectory="$WORK/templates"
say "Making the demo template"
env "${JUKEBOX_ENV_ARGS[@]}" "$JUKEBOX_BIN" --data-dir "$WORK/first" --urls "$base" >"$WORK/first.log" 2>&1 &
PID=$!
waited=0
until compgen -G "$WORK/templates/[0-9a-f]*" >/dev/null; do
  kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/first.log" >&2; die "the first start exited"; }
  (( waited++ < 3000 )) || die "no demo template after 300 s"
  sleep 0.1
done
kill "$PID"; wait "$PID" 2>/dev/null || true
PID=""

kinds=(bare seeding fresh restart ephemeral)
declare -A times rss
say "Load average before: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
for run in $(seq "$RUNS"); do
  for kind in "${kinds[@]}"; do
    start "$kind"
    say "run $run: $kind ready in $SECONDS_READY s, idle RSS $RSS_MB MB"
    times[$kind]+="$SECONDS_READY "
    rss[$kind]+="$RSS_MB "
  done
done
say "Load average after: $(cut -d' ' -f1 /proc/loadavg)"

median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
bare_seconds="$(median "${times[bare]}")"
echo
echo "| start | ready (median of $RUNS) | × bare | idle RSS (median) |"
echo "|---|---|---|---|"
for kind in "${kinds[@]}"; do
  s="$(median "${times[$kind]}")"
  echo "| $kind | $s s | $(awk -v s="$s" -v b="$bare_seconds" 'BEGIN { printf "%.1f", s / b }') | $(median "${rss[$kind]}") MB |"
done
