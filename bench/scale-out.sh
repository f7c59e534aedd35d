#!/usr/bin/env bash
# The catalog and playlist loads through nginx, against one node and against three nodes on a shared
# PostgreSQL and Redis (the deployment of docs/scale-out.md, on this machine). See bench/docs/scale-out.md
# ("Benchmark: scale-out").
#
# Settings (environment variables):
#   CATALOG_SIZE=100000          tracks seeded into the (new, throwaway) database
#   PLAYLIST_SIZE=10000          items in the playlist before the load
#   NODE_COUNTS="1 3"            deployments to measure, in nodes
#   CONNECTIONS=32 WRITE_CONNECTIONS=4 THREADS=2 DURATION=20s WARMUP=5s
#   BASE_PORT=55000              PostgreSQL on BASE_PORT, Redis on +1, the nodes on +2..+4, nginx on +80
#   SKIP_BUILD=1 JUKEBOX_DLL=path   reuse a Release build
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CATALOG_SIZE="${CATALOG_SIZE:-100000}"
PLAYLIST_SIZE="${PLAYLIST_SIZE:-10000}"
NODE_COUNTS="${NODE_COUNTS:-1 3}"
CONNECTIONS="${CONNECTIONS:-32}"
WRITE_CONNECTIONS="${WRITE_CONNECTIONS:-4}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
BASE_PORT="${BASE_PORT:-55000}"
PG_PORT=$BASE_PORT
REDIS_PORT=$((BASE_PORT + 1))
NGINX_PORT=$((BASE_PORT + 80))
BALANCER="http://127.0.0.1:$NGINX_PORT"
RESULTS="$BENCH_DIR/results"
WORK="$RESULTS/scale-out"
CLIENT_ID=6a756b65626f782d64656d6f2d617070
CLIENT_SECRET=6a756b65626f782d64656d6f2d736563
JUKEBOX_DLL="${JUKEBOX_DLL:-$ROOT/src/Jukebox.Server/bin/Release/net10.0/jukebox.dll}"
NGINX="${JUKEBOX_NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

die() { echo "scale-out.sh: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }

PG_BIN="${JUKEBOX_POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}"
[[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL's server programs are missing; install with: sudo apt-get install postgresql"
missing=()
for tool in wrk curl psql redis-server; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ -x "$NGINX" ]] || missing+=(nginx)
((${#missing[@]} == 0)) || die "missing ${missing[*]}; install with: sudo apt-get install ${missing[*]/psql/postgresql-client}"
for port in $PG_PORT $REDIS_PORT $NGINX_PORT $((BASE_PORT + 2)) $((BASE_PORT + 3)) $((BASE_PORT + 4)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use; set BASE_PORT"; fi
done
mkdir -p "$WORK"
rm -rf "${WORK:?}"/*
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"

# PostgreSQL refuses to run as root; run its programs as the postgres account then.
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# --- every process started here is stopped on exit, however the script ends ------------------
NODE_PIDS=()
NGINX_PID=""
REDIS_PID=""
stop_nodes() {
  [[ -n "$NGINX_PID" ]] && { kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""; }
  for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=()
}
cleanup() {
  stop_nodes
  [[ -n "$REDIS_PID" ]] && { kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; }
  if [[ -f "$WORK/pg/data/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK/pg" "$WORK/data" "$WORK/nginx"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "Building Release"
  dotnet build -c Release -nologo -v quiet "$ROOT/src/Jukebox.Server/Jukebox.Server.csproj" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "build failed (see $WORK/build.log)"; }
fi
[[ -f "$JUKEBOX_DLL" ]] || die "Release build not found at $JUKEBOX_DLL; run without SKIP_BUILD=1"

say "Starting PostgreSQL on $PG_PORT and Redis on $REDIS_PORT"
mkdir -p "$WORK/pg"
[[ "$(id -u)" == 0 ]] && chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U jukebox -A trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U jukebox -d postgres -c "CREATE DATABASE jukebox" >/dev/null
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=jukebox;Database=jukebox;Maximum Pool Size=100"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!

# One configuration for every node; they differ by --urls only.
export JUKEBOX_Redis__Configuration="127.0.0.1:$REDIS_PORT"
# The demo app must not meet the rate limit here; the limiter still counts every request (in Redis).
export JUKEBOX_RateLimits__ExtendedQuotaLimit=1000000000
# The adds grow a playlist of 10,000 items, beyond Spotify's size limit (Playlists:MaxItems).
export JUKEBOX_Playlists__MaxItems=1000000
NODE_ARGS=(--database postgres --connection-string "$CONNECTION" --public-url "$BALANCER" --data-dir "$WORK/data")

say "Seeding $CATALOG_SIZE tracks"
dotnet "$JUKEBOX_DLL" seed "${NODE_ARGS[@]}" --catalog-size "$CATALOG_SIZE" >"$WORK/seed.log" 2>&1 \
  || { tail -30 "$WORK/seed.log"; die "seeding failed (see $WORK/seed.log)"; }

wait_ready() { # $1: base URL, $2: pid, $3: log
  for _ in $(seq 1200); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1/readyz" || true)" == 200 ]] && return 0
    kill -0 "$2" 2>/dev/null || die "the node at $1 stopped (see $3)"
    sleep 0.1
  done
  die "the node at $1 was not ready within 120 s (see $3)"
}

# nginx with the repository's sample, its upstream cut to the first $1 nodes and its ports moved.
start_nginx() {
  local nodes="$1" dir="$WORK/nginx" site
  rm -rf "$dir"; mkdir -p "$dir"
  site="$(sed -e "s/listen 8080;/listen 127.0.0.1:$NGINX_PORT;/" "$ROOT/deploy/nginx/jukebox.conf")"
  for i in 1 2 3; do
    if ((i <= nodes)); then
      site="$(sed -e "s/127\.0\.0\.1:500$i /127.0.0.1:$((BASE_PORT + 1 + i)) /" <<<"$site")"
    else
      site="$(sed -e "/127\.0\.0\.1:500$i /d" <<<"$site")"
    fi
  done
  cat >"$dir/nginx.conf" <<EOF
daemon off;
$([[ "$(id -u)" == 0 ]] && echo "user root;")
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
$site
}
EOF
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
  NGINX_PID=$!
  for _ in $(seq 100); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BALANCER/healthz" || true)" == 200 ]] && return 0
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$dir/error.log" >&2; die "nginx stopped"; }
    sleep 0.1
  done
  die "nginx did not answer on $BALANCER"
}

json_field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }
p99_ms() {
  awk '$1 == "99%" {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
    printf "%.2f", v * f }' "$1"
}
requests_per_second() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }

# Runs wrk through nginx: $1 nodes, $2 file name, $3 label, $4 script, $5 connections (BENCH_* from the environment).
load() {
  local nodes="$1" name="$1-node-$2" label="$3" script="$4" connections="$5"
  timeout 120 wrk -t"$THREADS" -c"$connections" -d"$WARMUP" --timeout 5s -s "$BENCH_DIR/$script" "$BALANCER" >"$WORK/$name-warmup.txt"
  timeout 300 wrk -t"$THREADS" -c"$connections" -d"$DURATION" --timeout 5s --latency -s "$BENCH_DIR/$script" "$BALANCER" >"$WORK/$name.txt"
  if grep -q -e 'Non-2xx' -e 'Socket errors' "$WORK/$name.txt"; then
    cat "$WORK/$name.txt" >&2
    die "$name answered with errors (see $WORK/$name.txt)"
  fi
  echo "| $nodes | $label | $connections | $(requests_per_second "$WORK/$name.txt") | $(p99_ms "$WORK/$name.txt") ms |" >>"$WORK/rows.md"
  say "$nodes node(s), $label: $(requests_per_second "$WORK/$name.txt") req/s, p99 $(p99_ms "$WORK/$name.txt") ms"
}

# The user, token and playlist the loads use: made once, through the balancer, on the first deployment.
prepare() {
  local user="bench$$" playlist
  curl -sf -X POST "$BALANCER/sandbox/users" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$user\",\"password\":\"bench-password\",\"email\":\"$user@example.test\",\"country\":\"US\",\"product\":\"premium\"}" >/dev/null \
    || die "could not create the benchmark user"
  TOKEN="$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" "$BALANCER/api/token" -d grant_type=urn:jukebox:params:oauth:grant-type:sandbox-user \
    -d user_id="$user" --data-urlencode scope="playlist-modify-public playlist-modify-private playlist-read-private" | json_field access_token)"
  [[ -n "$TOKEN" ]] || die "could not get a user token"
  playlist="$(curl -sf -X POST "$BALANCER/v1/me/playlists" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Benchmark"}' | sed -n 's/.*"spotify:playlist:\([A-Za-z0-9]*\)".*/\1/p')"
  [[ -n "$playlist" ]] || die "could not create the playlist"
  psql -X -At -h 127.0.0.1 -p "$PG_PORT" -U jukebox -d jukebox -c 'SELECT "Id" FROM "Tracks" ORDER BY random() LIMIT 100000' >"$WORK/ids.txt"
  sed 's/^/spotify:track:/' "$WORK/ids.txt" >"$WORK/uris.txt"
  say "Filling the playlist with $PLAYLIST_SIZE items"
  local added=0 n body answer
  while ((added < PLAYLIST_SIZE)); do
    n=$((PLAYLIST_SIZE - added < 100 ? PLAYLIST_SIZE - added : 100))
    body="{\"uris\":[$(shuf -n "$n" -r "$WORK/uris.txt" | sed 's/.*/"&"/' | paste -sd,)]}"
    answer="$(curl -s -w ' %{http_code}' -X POST "$BALANCER/v1/playlists/$playlist/items" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d "$body")"
    [[ "$answer" == *" 201" ]] || die "adding items failed: $answer"
    added=$((added + n))
  done
  export BENCH_IDS="$WORK/ids.txt" BENCH_URIS="$WORK/uris.txt" BENCH_PLAYLIST="$playlist" BENCH_TOKEN="$TOKEN" BENCH_SIZE="$PLAYLIST_SIZE"
}

: >"$WORK/rows.md"
TOKEN=""
for nodes in $NODE_COUNTS; do
  ((nodes >= 1 && nodes <= 3)) || die "NODE_COUNTS takes 1, 2 or 3 (the sample balances three nodes)"
  say "Starting $nodes node(s) at once behind nginx on $BALANCER"
  for ((i = 1; i <= nodes; i++)); do
    dotnet "$JUKEBOX_DLL" --urls "http://127.0.0.1:$((BASE_PORT + 1 + i))" "${NODE_ARGS[@]}" >"$WORK/node-$nodes-$i.log" 2>&1 &
    NODE_PIDS+=($!)
  done
  for ((i = 1; i <= nodes; i++)); do
    wait_ready "http://127.0.0.1:$((BASE_PORT + 1 + i))" "${NODE_PIDS[$((i - 1))]}" "$WORK/node-$nodes-$i.log"
  done
  start_nginx "$nodes"
  [[ -n "$TOKEN" ]] || prepare

  load "$nodes" catalog "catalog: GET /v1/tracks/{id}" tracks.lua "$CONNECTIONS"
  export BENCH_OP=read
  load "$nodes" playlist-read "playlist: read 100 items" playlists.lua "$CONNECTIONS"
  export BENCH_OP=add
  load "$nodes" playlist-add "playlist: add 1 item" playlists.lua "$WRITE_CONNECTIONS"
  stop_nodes
done

{
  echo "# Scale-out benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version). Load average (1 min) at start: $LOAD_BEFORE."
  echo "Every request through nginx (deploy/nginx/jukebox.conf) to 1 or 3 nodes on this machine, one PostgreSQL, one Redis;"
  echo "a $CATALOG_SIZE-track catalog; a playlist of $PLAYLIST_SIZE items; wrk, $THREADS thread(s), $DURATION after a $WARMUP warm-up per load."
  echo
  echo "| Nodes | Load | Connections | Requests/s | p99 |"
  echo "|---|---|---|---|---|"
  cat "$WORK/rows.md"
} >"$RESULTS/scale-out-latest.md"
echo
cat "$RESULTS/scale-out-latest.md"
