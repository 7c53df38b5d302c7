-- POST one signed checkouts/update body; every request gets its own X-Shopify-Webhook-Id, as Shopify's
-- deliveries do (a repeated id would be answered as a duplicate and measure nothing).
-- Arguments (after `--`): body file, base64 HMAC of that body, a run prefix for the webhook ids.

local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Shopify-Topic"] = "checkouts/update"
  wrk.headers["X-Shopify-Hmac-Sha256"] = args[2]
  wrk.headers["X-Shopify-Shop-Domain"] = "bench.myshopify.com"
  wrk.headers["X-Shopify-API-Version"] = "2026-07"
  prefix = args[3] .. "-" .. tid .. "-"
end

function request()
  counter = counter + 1
  wrk.headers["X-Shopify-Webhook-Id"] = prefix .. counter
  return wrk.format()
end
