-- wrk script for bench/run.sh: POST /api/token with the client credentials grant, the client
-- authenticated by HTTP Basic ($BENCH_BASIC is the base64 of "client_id:client_secret").

function init(args)
  wrk.method = "POST"
  wrk.path = "/api/token"
  wrk.body = "grant_type=client_credentials"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
end
