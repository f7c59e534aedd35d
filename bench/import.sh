#!/usr/bin/env bash
# Times `jukebox import` of TRACKS tracks of Web API JSON (bench/import-data.py: one search response of
# full track objects with their albums and artists, every market) into a new database without the demo
# catalog, then a second time (every object updated in place). Target: 100,000 tracks in under 60 s.
#
# Settings: TRACKS=100000 DATA_DIR=bench/.import (removed first) SKIP_BUILD=1 JUKEBOX_BIN=path
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
TRACKS="${TRACKS:-100000}"
DATA_DIR="${DATA_DIR:-$BENCH_DIR/.import}"
BIN="${JUKEBOX_BIN:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox}"
WORK="$BENCH_DIR/results/import"

say() { echo "==> $*" >&2; }
command -v python3 >/dev/null 2>&1 || { echo "import.sh: missing python3" >&2; exit 1; }
mkdir -p "$WORK"
[[ "${SKIP_BUILD:-}" == 1 ]] || { say "building the server (Release)"; dotnet build -c Release -v q "$ROOT/src/Jukebox.Server" >/dev/null; }

FILE="$WORK/tracks-$TRACKS.json"
[[ -s "$FILE" ]] || { say "writing $TRACKS tracks to $FILE"; python3 "$BENCH_DIR/import-data.py" "$TRACKS" "$FILE"; }
say "$(du -h "$FILE" | cut -f1) of JSON"

rm -rf "$DATA_DIR"
say "creating an empty database in $DATA_DIR"
"$BIN" seed --data-dir "$DATA_DIR" --no-demo-catalog >/dev/null

for run in first second; do
  say "import ($run run)"
  TIMEFORMAT="$run run: %R s wall clock, process start included"
  { time "$BIN" import "$FILE" --data-dir "$DATA_DIR" ; } 2>&1 | tee "$WORK/$run.txt"
done
