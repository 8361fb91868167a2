-- Sliding window log: one request checked against one or more partitions, all or nothing, atomically.
--
-- KEYS[i]          the log of partition i: a sorted set of request ids scored by arrival time in milliseconds
-- ARGV[1]          this request's unique id
-- ARGV[2i], [2i+1] partition i's limit and window length in milliseconds
--
-- Time comes from the Redis server, so that every gateway instance counts on one clock (scripts may call TIME
-- since Redis 5, which replicates their effects rather than the script).
-- A request is admitted only when every partition has fewer than its limit in the window (now - window, now];
-- it is then recorded in every partition, a refused one in none, so a client that keeps hammering cannot keep
-- its own window full. Each log holds at most its limit of entries and expires one window after its last write.
--
-- Returns {admitted (1 or 0), then per partition: used, reset_ms, retry_ms}
--   used      entries in the window, this request included when admitted
--   reset_ms  until the oldest entry leaves the window (0 when empty)
--   retry_ms  until one more request would fit (0 when one fits now)

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local used = {}
local admitted = 1
for i, key in ipairs(KEYS) do
    local limit = tonumber(ARGV[2 * i])
    local window = tonumber(ARGV[2 * i + 1])
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
    used[i] = redis.call('ZCARD', key)
    if used[i] >= limit then
        admitted = 0
    end
end

if admitted == 1 then
    for i, key in ipairs(KEYS) do
        redis.call('ZADD', key, now, ARGV[1])
        redis.call('PEXPIRE', key, tonumber(ARGV[2 * i + 1]))
        used[i] = used[i] + 1
    end
end

local result = { admitted }
for i, key in ipairs(KEYS) do
    local limit = tonumber(ARGV[2 * i])
    local window = tonumber(ARGV[2 * i + 1])
    local reset = 0
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    if oldest[2] then
        reset = tonumber(oldest[2]) + window - now
    end
    local retry = 0
    if used[i] >= limit then
        -- One more fits once this many of the oldest have left: the (used - limit + 1)-th oldest is the last of them.
        local blocking = redis.call('ZRANGE', key, used[i] - limit, used[i] - limit, 'WITHSCORES')
        if blocking[2] then
            retry = tonumber(blocking[2]) + window - now
        end
    end
    result[#result + 1] = used[i]
    result[#result + 1] = reset
    result[#result + 1] = retry
end
return result
