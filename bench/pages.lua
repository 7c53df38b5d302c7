-- GET a logged-in user's pages in turn. Arguments (after `--`): the session cookie, then the paths.

function init(args)
  wrk.headers["Cookie"] = args[1]
  paths = {}
  for i = 2, #args do
    table.insert(paths, args[i])
  end
  index = 0
end

function request()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1])
end
