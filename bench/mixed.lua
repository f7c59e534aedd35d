-- wrk script for bench/mixed.sh: what one signed-in user's app does, a quarter of it writes.
-- Per request, at random: 50 % GET /v1/tracks/{id}, 25 % GET /v1/me/tracks, 10 % PUT /v1/me/tracks,
-- 10 % DELETE /v1/me/tracks (a track saved or removed), 5 % PUT /v1/me/player/volume.
-- $BENCH_IDS: a file of track ids; $BENCH_TOKEN: the user's access token; $BENCH_DEVICE: a device id.

local ids = {}
local device

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
  device = assert(os.getenv("BENCH_DEVICE"), "BENCH_DEVICE is not set")
  -- Each wrk thread has its own Lua state; give each a different sequence.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN is not set")
end

local function id()
  return ids[math.random(#ids)]
end

function request()
  local r = math.random(100)
  if r <= 50 then
    return wrk.format("GET", "/v1/tracks/" .. id())
  elseif r <= 75 then
    return wrk.format("GET", "/v1/me/tracks?limit=20")
  elseif r <= 85 then
    return wrk.format("PUT", "/v1/me/tracks?ids=" .. id())
  elseif r <= 95 then
    return wrk.format("DELETE", "/v1/me/tracks?ids=" .. id())
  end
  return wrk.format("PUT", "/v1/me/player/volume?volume_percent=" .. math.random(0, 100) .. "&device_id=" .. device)
end
