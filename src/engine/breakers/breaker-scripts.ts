/**
 * The breakers' Lua scripts. Each runs atomically inside Redis, so every worker process sees
 * one order of events: only one failure can cross the threshold, and only one check can take
 * the half-open probe. Each is also one round trip for any number of names, which matters
 * because `check` and `recordFailure` wrap every step. Times come in as
 * arguments (the caller's clock) so tests can move them.
 */

/**
 * KEYS: breaker hashes. ARGV: now, the probe lease's end, the wait while a probe is out.
 * Returns {} when allowed, or {index of the holding name (1-based), retryAt}. Probes are taken
 * only after every name passed, so a caller held by one breaker never wastes another's probe.
 */
export const CHECK_SCRIPT = `
local now = tonumber(ARGV[1])
local wait = tonumber(ARGV[3])
local probes = {}
local heldIndex, heldUntil = 0, 0
for i, key in ipairs(KEYS) do
  local fields = redis.call('HMGET', key, 'retryAt', 'probeUntil')
  local retryAt = tonumber(fields[1])
  if retryAt ~= nil then
    local holdUntil = nil
    if now < retryAt then
      holdUntil = retryAt
    else
      local probeUntil = tonumber(fields[2])
      if probeUntil ~= nil and now < probeUntil then
        holdUntil = math.min(probeUntil, now + wait)
      else
        probes[#probes + 1] = key
      end
    end
    if holdUntil ~= nil and holdUntil > heldUntil then heldIndex, heldUntil = i, holdUntil end
  end
end
if heldIndex > 0 then return {heldIndex, heldUntil} end
for _, key in ipairs(probes) do redis.call('HSET', key, 'probeUntil', ARGV[2]) end
return {}
`;

/**
 * KEYS: the set of known names, then breaker hashes. ARGV: now, threshold, retryAt for an
 * opening, then the names. Returns {transition, failures} per name: 0 none, 1 opened (closed
 * to open), 2 reopened (a failure while half-open, i.e. the probe failed).
 */
export const RECORD_FAILURE_SCRIPT = `
local now = tonumber(ARGV[1])
local threshold = tonumber(ARGV[2])
local result = {}
for i = 2, #KEYS do
  local key = KEYS[i]
  redis.call('SADD', KEYS[1], ARGV[i + 2])
  local failures = redis.call('HINCRBY', key, 'failures', 1)
  local retryAt = tonumber(redis.call('HGET', key, 'retryAt'))
  local transition = 0
  if retryAt == nil and failures >= threshold then
    transition = 1
  elseif retryAt ~= nil and now >= retryAt then
    transition = 2
  end
  if transition > 0 then
    redis.call('HSET', key, 'openedAt', ARGV[1], 'retryAt', ARGV[3])
    redis.call('HDEL', key, 'probeUntil')
  end
  result[#result + 1] = transition
  result[#result + 1] = failures
end
return result
`;

