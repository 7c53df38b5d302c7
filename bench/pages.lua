-- GET a logged-in user's pages in turn. Arguments (after `--`): the session cookie, then the paths.

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Cookie"] = args[1]
  paths = {}
  for i = 2, #args do
    table.insert(paths, args[i])
  end
  index = tid
end

function request()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1])
end
