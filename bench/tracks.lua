-- wrk script for bench/run.sh: GET /v1/tracks/{id} with a random id from $BENCH_IDS per request,
-- and "Authorization: Bearer $BENCH_TOKEN" when a token is given (the bare server ignores it).

local ids = {}

function init(args)
  local path = os.getenv("BENCH_IDS")
  local file = assert(io.open(path, "r"), "cannot open id file " .. tostring(path))
  for line in file:lines() do
    if #line > 0 then
      ids[#ids + 1] = line
    end
  end
  file:close()
  assert(#ids > 0, "no ids in " .. path)
  -- Each wrk thread has its own Lua state; give each a different sequence.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  local token = os.getenv("BENCH_TOKEN")
  if token and #token > 0 then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  return wrk.format("GET", "/v1/tracks/" .. ids[math.random(#ids)])
end
