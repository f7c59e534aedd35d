#!/usr/bin/env bash
# Times single catalog fixture writes on a large catalog: each PUT /sandbox/catalog/artists/{id} (a
# rename) and POST /sandbox/catalog/tracks answers once the change is in the snapshot and the search
# index, so its time is what making one change visible costs. After every write a search checks that
# the change is found at once.
#
# Settings: CATALOG_SIZE=100000 DATA_DIR=bench/.fixtures-CATALOG_SIZE WRITES=10 JUKEBOX_PORT=5097 DIGITS=1
#           SKIP_BUILD=1 JUKEBOX_BIN=path (with SKIP_BUILD=1: measure another build, e.g. an older commit's)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CATALOG_SIZE="${CATALOG_SIZE:-100000}"
DATA_DIR="${DATA_DIR:-$BENCH_DIR/.fixtures-$CATALOG_SIZE}"
WRITES="${WRITES:-10}"
JUKEBOX_PORT="${JUKEBOX_PORT:-5097}"
BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
WORK="$BENCH_DIR/results/fixture-write"
BASE="http://127.0.0.1:$JUKEBOX_PORT"

die() { echo "fixture-write.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }
for tool in curl python3; do command -v "$tool" >/dev/null 2>&1 || die "missing $tool (sudo apt-get install $tool)"; done
mkdir -p "$WORK"
[[ "${SKIP_BUILD:-}" == 1 ]] || { say "building the server (Release)"; dotnet build -c Release -v q "$ROOT/src/Jukebox.Server" >/dev/null; }
if [[ ! -f "$DATA_DIR/jukebox.db" ]]; then
  say "seeding $CATALOG_SIZE tracks into $DATA_DIR"
  "$BIN" seed --catalog-size "$CATALOG_SIZE" --data-dir "$DATA_DIR" >"$WORK/seed.log" 2>&1
fi

PID=""
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT
curl -sf -o /dev/null "$BASE/readyz" && die "something already answers on port $JUKEBOX_PORT"
export JUKEBOX_Sandbox__Enabled=true JUKEBOX_RateLimits__ExtendedQuotaLimit=1000000000 JUKEBOX_RateLimits__DevelopmentModeLimit=1000000000
"$BIN" --data-dir "$DATA_DIR" --urls "$BASE" >"$WORK/jukebox.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/readyz"; do
  kill -0 "$PID" 2>/dev/null || die "the server stopped; see $WORK/jukebox.log"
  sleep 0.2
done
TOKEN=$(curl -s -u 6a756b65626f782d64656d6f2d617070:6a756b65626f782d64656d6f2d736563 -d grant_type=client_credentials "$BASE/api/token" \
  | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[[ -n "$TOKEN" ]] || die "no token from /api/token"
for _ in $(seq 1200); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/v1/search?q=velvet&type=track")"
  [[ "$code" == 200 ]] && break
  [[ "$code" == 503 ]] || die "search answered $code"
  sleep 0.5
done

json() { curl -s -X "$1" -H 'Content-Type: application/json' --data "$3" "$BASE$2"; }
timed() { curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}\n' -X "$1" -H 'Content-Type: application/json' --data "$3" "$BASE$2"; }
id_of() { python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }
found() {
  curl -s -H "Authorization: Bearer $TOKEN" "$BASE/v1/search?q=$1&type=$2" >"$WORK/search.json"
  grep -c "\"id\":\"$3\"" "$WORK/search.json" || { echo "search for $1 answered: $(cat "$WORK/search.json")" >&2; true; }
}

ARTIST=$(json POST /sandbox/catalog/artists '{"name":"Bench Fixture Artist"}' | id_of)
ALBUM=$(json POST /sandbox/catalog/albums "{\"name\":\"Bench Fixture Album\",\"artists\":[{\"id\":\"$ARTIST\"}],\"release_date\":\"2024-05-17\",\"available_markets\":[\"US\"]}" | id_of)
[[ -n "$ARTIST" && -n "$ALBUM" ]] || die "could not make the fixtures' artist and album; see $WORK/jukebox.log"

: >"$WORK/times.txt"
for i in $(seq "$WRITES"); do
  # Each round's names are new words (letters for the digits of the round, or the digits with DIGITS=1).
  suffix=${DIGITS:+$i}
  suffix=${suffix:-$(echo "$i" | tr 0-9 a-j)}
  name="Benchrename$suffix"
  read -r code seconds < <(timed PUT "/sandbox/catalog/artists/$ARTIST" "{\"name\":\"$name\"}")
  [[ "$code" == 200 ]] || die "PUT artist answered $code"
  [[ "$(found "$name" artist "$ARTIST")" -ge 1 ]] || die "the renamed artist is not found at once"
  echo "rename $seconds" >>"$WORK/times.txt"
  read -r code seconds < <(timed POST /sandbox/catalog/tracks \
    "{\"name\":\"Benchtrack$suffix\",\"album\":{\"id\":\"$ALBUM\"},\"artists\":[{\"id\":\"$ARTIST\"}],\"duration_ms\":1000}")
  [[ "$code" == 201 ]] || die "POST track answered $code"
  track=$(id_of <"$WORK/answer.json")
  [[ "$(found "Benchtrack$suffix" track "$track")" -ge 1 ]] || die "the new track is not found at once"
  echo "track $seconds" >>"$WORK/times.txt"
done

load=$(cut -d' ' -f1 /proc/loadavg)
summary() { sort -n | awk '{a[NR]=$1} END {printf "%.3f s median, %.3f s max", a[int((NR+1)/2)], a[NR]}'; }
printf '\n| catalog | rename an artist | add a track | writes | load avg |\n|---|---|---|---|---|\n'
printf '| %s tracks | %s | %s | %s each | %s |\n' "$CATALOG_SIZE" \
  "$(awk '$1=="rename"{print $2}' "$WORK/times.txt" | summary)" "$(awk '$1=="track"{print $2}' "$WORK/times.txt" | summary)" "$WRITES" "$load"
