-- wrk: one request, sent as many users in turn. Arguments after `--`: a file of bearer tokens (one per line), the
-- method, the path, and a body ("" for none, else JSON). Each thread starts at another token; every request takes
-- the next one, so the load comes from all the users at once. Requests are formatted once, in init.
local requests = {}
local next_one = 0
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("offset", threads * 7)
end

function init(args)
    local tokens, method, path, body = args[1], args[2], args[3], args[4]
    if body == "" then body = nil end
    for token in io.lines(tokens) do
        local headers = { ["Authorization"] = "Bearer " .. token }
        if body then headers["Content-Type"] = "application/json" end
        requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
    next_one = (offset or 0) % #requests
end

function request()
    next_one = next_one % #requests + 1
    return requests[next_one]
end
