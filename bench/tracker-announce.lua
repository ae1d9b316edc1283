-- wrk announce load for bench/tracker.sh: every request string is built once in init (building
-- them per request in Lua caps wrk near 27k req/s), then handed out round-robin.
-- Usage: wrk -s tracker-announce.lua <url> -- <file with one request path per line>

local requests = {}
local count = 0
local next_index = 1

function init(args)
  local path_file = args[1]
  for path in io.lines(path_file) do
    count = count + 1
    requests[count] = wrk.format("GET", path)
  end
  -- Each wrk thread starts at a different place so threads do not send the same sequence.
  next_index = (math.random(count) % count) + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index + 1
  if next_index > count then
    next_index = 1
  end
  return r
end
