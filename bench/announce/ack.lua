-- wrk: POST /api/announcements/{id}/ack as many users on many announcements. Arguments after `--`: a file of bearer
-- tokens and a file of announcement ids (one per line). Request k acknowledges announcement k / #tokens as user
-- k % #tokens, so every (user, announcement) pair is acknowledged once before any repeats; the two threads take
-- alternate k. Requests are formatted once, in init.
local requests = {}
local k = 0
local step = 1
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("first", threads - 1)
end

function init(args)
    local tokens, ids = {}, {}
    for t in io.lines(args[1]) do tokens[#tokens + 1] = t end
    for i in io.lines(args[2]) do ids[#ids + 1] = i end
    for _, id in ipairs(ids) do
        for _, t in ipairs(tokens) do
            requests[#requests + 1] = wrk.format("POST", "/api/announcements/" .. id .. "/ack",
                { ["Authorization"] = "Bearer " .. t })
        end
    end
    k = first or 0
    step = 2
end

function request()
    local r = requests[k % #requests + 1]
    k = k + step
    return r
end
