-- wrk script for run.sh part 6 (load while editing): reads every response body of the checklist page and counts which
-- rule set it shows. Two rule sets are published in turn, each changing two places at once (fee total and closing
-- time): EDIT_A_FEE/EDIT_A_CLOSE and EDIT_B_FEE/EDIT_B_CLOSE (environment). A body must show both values of one set and
-- neither of the other; anything else is "mixed". Prints the RESULT line of report.lua and an EDIT line.
local a_fee, a_close = os.getenv("EDIT_A_FEE"), os.getenv("EDIT_A_CLOSE")
local b_fee, b_close = os.getenv("EDIT_B_FEE"), os.getenv("EDIT_B_CLOSE")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  old, new, mixed, non2xx, checked = 0, 0, 0, 0, 0
end

local function has(body, text)
  return string.find(body, text, 1, true) ~= nil
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  checked = checked + 1
  local fa, ca, fb, cb = has(body, a_fee), has(body, a_close), has(body, b_fee), has(body, b_close)
  if fa and ca and not fb and not cb then
    old = old + 1
  elseif fb and cb and not fa and not ca then
    new = new + 1
  else
    mixed = mixed + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
  local o, n, m, x, c = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("old"); n = n + t:get("new"); m = m + t:get("mixed"); x = x + t:get("non2xx"); c = c + t:get("checked")
  end
  io.write(string.format("EDIT checked=%d set_a=%d set_b=%d mixed=%d non2xx=%d\n", c, o, n, m, x))
end
