-- wrk: like requests.lua, paced: every connection waits args[5] milliseconds after each answer before it sends
-- again, so C connections send about C * 1000 / (pause + latency) requests per second (the post-to-feed probe).
local requests = {}
local next_one = 0
local threads = 0
local pause = 0

function setup(thread)
    threads = threads + 1
    thread:set("offset", threads * 7)
end

function init(args)
    local tokens, method, path, body = args[1], args[2], args[3], args[4]
    if body == "" then body = nil end
    pause = tonumber(args[5]) or 100
    for token in io.lines(tokens) do
        local headers = { ["Authorization"] = "Bearer " .. token }
        if body then headers["Content-Type"] = "application/json" end
        requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
    next_one = (offset or 0) % #requests
end

function delay()
    return pause
end

function request()
    next_one = next_one % #requests + 1
    return requests[next_one]
end
