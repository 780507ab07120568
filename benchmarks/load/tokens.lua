-- wrk script of benchmarks/load.sh: GET /api/me with the tokens of a file, one per request, in file
-- order from a start line, cycling within [start, start + count). Prints one RESULT line.
-- wrk ... -s tokens.lua URL -- FILE START COUNT
local tokens = {}
local first, count, i = 1, 0, 0
local sent = 0

function init(args)
  local all = {}
  for line in io.lines(args[1]) do
    if #line > 0 then all[#all + 1] = line end
  end
  first = tonumber(args[2] or "0") + 1
  count = tonumber(args[3] or tostring(#all - first + 1))
  for k = first, math.min(#all, first + count - 1) do tokens[#tokens + 1] = all[k] end
  count = #tokens
end

function request()
  local t = tokens[i + 1]
  i = (i + 1) % count
  sent = sent + 1
  return wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. t })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
