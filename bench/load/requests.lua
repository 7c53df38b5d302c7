-- Each wrk thread sends the pre-built requests of its own file exactly once, in order, to its own web
-- process, and counts the answers by status and kind.
-- Environment: LOAD_REQUESTS (thread n reads "<LOAD_REQUESTS><n>": records "<length>\n<raw request>"),
-- LOAD_WEB_PORTS (comma-separated, one per thread). Thread n writes "<LOAD_REQUESTS><n>.done" once its
-- last answer is in; the runner then ends wrk (wrk itself only stops at -d).

local threads = {}

function setup(thread)
  local ports = {}
  for port in string.gmatch(os.getenv("LOAD_WEB_PORTS"), "%d+") do
    table.insert(ports, port)
  end
  table.insert(threads, thread)
  thread:set("id", #threads)
  thread.addr = wrk.lookup("127.0.0.1", ports[(#threads - 1) % #ports + 1])[1]
end

-- Globals, so that done() can read them from each thread.
counts, answered, total = {}, 0, 0
local queue, sent, prefix, checked = {}, 0, nil, false

function init(args)
  prefix = os.getenv("LOAD_REQUESTS") .. id
  local file = assert(io.open(prefix, "rb"))
  while true do
    local length = file:read("*l")
    if not length then break end
    table.insert(queue, file:read(tonumber(length)))
  end
  file:close()
  total = #queue
  -- wrk calls the first thread's request() once before sending anything, to look for pipelining.
  checked = id ~= 1
end

-- Between the last request sent and the last answer in, the thread's other connections ask /healthz:
-- wrk cannot leave a connection idle, and sending a webhook again would be a delivery the plan does not
-- count. After the last answer the thread stops.
local filler = nil

function request()
  if not checked then
    checked = true
    return queue[1]
  end
  sent = sent + 1
  if sent <= #queue then
    return queue[sent]
  end
  filler = filler or wrk.format("GET", "/healthz")
  return filler
end

local function kind(body)
  local status = string.match(body, '"status": *"(%a+)"')
  if status then return status end
  if string.find(body, "<Response", 1, true) then return "twiml" end
  if string.find(body, '"ok": *true') then return "health" end
  return "other"
end

function response(status, headers, body)
  local k = kind(body)
  if k == "health" then return end
  answered = answered + 1
  local key = status .. " " .. k
  counts[key] = (counts[key] or 0) + 1
  if answered == #queue then
    local marker = assert(io.open(prefix .. ".done", "w"))
    marker:write(answered)
    marker:close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  for n, thread in ipairs(threads) do
    io.write(string.format("thread %d: %d requests, %d answered\n", n, thread:get("total"), thread:get("answered")))
    for key, count in pairs(thread:get("counts")) do
      io.write(string.format("answers %s %d\n", key, count))
    end
  end
end
