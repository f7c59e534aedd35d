-- wrk script for bench/playlists.sh: one playlist operation per request on the playlist $BENCH_PLAYLIST,
-- chosen by $BENCH_OP (read, add, remove, reorder), with random positions below $BENCH_SIZE
-- (the playlist's smallest size during the run) and "Authorization: Bearer $BENCH_TOKEN".

local uris = {}
local op, playlist, size

function init(args)
  op = assert(os.getenv("BENCH_OP"), "BENCH_OP is not set")
  playlist = assert(os.getenv("BENCH_PLAYLIST"), "BENCH_PLAYLIST is not set")
  size = tonumber((assert(os.getenv("BENCH_SIZE"), "BENCH_SIZE is not set")))
  local file = assert(io.open(os.getenv("BENCH_URIS"), "r"), "cannot open the uri file")
  for line in file:lines() do
    if #line > 0 then
      uris[#uris + 1] = line
    end
  end
  file:close()
  -- Each wrk thread has its own Lua state; give each a different sequence.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local path = "/v1/playlists/" .. playlist .. "/items"
  if op == "read" then
    return wrk.format("GET", "/v1/playlists/" .. playlist .. "/tracks?limit=100&offset=" .. math.random(0, size - 100))
  elseif op == "add" then
    local body = string.format('{"uris":["%s"],"position":%d}', uris[math.random(#uris)], math.random(0, size))
    return wrk.format("POST", path, nil, body)
  elseif op == "remove" then
    return wrk.format("DELETE", path, nil, string.format('{"positions":[%d]}', math.random(0, size - 1)))
  elseif op == "reorder" then
    local body = string.format('{"range_start":%d,"range_length":%d,"insert_before":%d}',
      math.random(0, size - 10), math.random(1, 10), math.random(0, size))
    return wrk.format("PUT", path, nil, body)
  end
  error("unknown BENCH_OP " .. op)
end
