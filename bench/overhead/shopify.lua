-- Signed Shopify orders/create webhooks, each a different order (a copy would be answered as a
-- duplicate without reaching RD). ORDER_FILE holds "<hmac>\t<body>" per line; a run uses the
-- lines from ORDER_START, ORDER_COUNT of them, and each of wrk's 2 threads every other one, so
-- no two requests (nor two runs) share an order.
local first = tonumber(os.getenv("ORDER_START"))
local count = tonumber(os.getenv("ORDER_COUNT"))
local threads = 0
function setup(thread)
  thread:set("parity", threads % 2)
  threads = threads + 1
end
local orders = {}
local next = 1
function init(args)
  local n = 0
  for line in io.lines(os.getenv("ORDER_FILE")) do
    n = n + 1
    if n >= first + count then break end
    if n >= first and (n - first) % 2 == parity then
      local hmac, body = line:match("([^\t]+)\t(.*)")
      orders[#orders + 1] = {hmac, body, n}
    end
  end
end
function request()
  local order = orders[next]
  if order == nil then
    error("bench/overhead.sh ran out of distinct orders: raise ORDERS_PER_RUN")
  end
  next = next + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Shopify-Topic"] = "orders/create",
    ["X-Shopify-Webhook-Id"] = "bench-" .. order[3], ["X-Shopify-Hmac-Sha256"] = order[1]}, order[2])
end
