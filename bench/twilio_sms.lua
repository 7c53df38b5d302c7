-- POST Twilio-signed inbound SMS forms, each with its own MessageSid (a repeated one is a duplicate and
-- measures nothing). The forms are signed beforehand, as Twilio signs them; one per line: signature TAB body.
-- Arguments (after `--`): the file of signed forms. Thread i sends lines i, i+n, i+2n… (n threads).

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  signatures, bodies = {}, {}
  for line in io.lines(args[1]) do
    local tab = line:find("\t", 1, true)
    table.insert(signatures, line:sub(1, tab - 1))
    table.insert(bodies, line:sub(tab + 1))
  end
  step = tonumber(args[2])
  index = tid
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local i = ((index - 1) % #bodies) + 1
  index = index + step
  wrk.headers["X-Twilio-Signature"] = signatures[i]
  return wrk.format(nil, nil, nil, bodies[i])
end
