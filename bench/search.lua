-- Typical searches (see bench/README.md). Without BENCH_QUERY every connection cycles through all
-- of them; BENCH_QUERY=n (1-5) sends only the n-th.
local queries = {
  "/v1/search?q=velvet&type=track",                                  -- one word
  "/v1/search?q=velvet%20echoes&type=track",                         -- two words
  "/v1/search?q=artist%3Agarcia&type=track",                         -- a field filter
  "/v1/search?q=harbor%20year%3A1990-1995&type=album",               -- a year range
  "/v1/search?q=midnight%20rivers&type=track,album,artist,playlist", -- several types
}
local token = os.getenv("BENCH_TOKEN")
local only = tonumber(os.getenv("BENCH_QUERY") or "")
local i = 0

request = function()
  i = i + 1
  local headers = {}
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", queries[only or ((i % #queries) + 1)], headers)
end
