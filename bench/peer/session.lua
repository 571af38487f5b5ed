-- wrk script: the dashboard session mix (issue 15), for either server; a companion of the peer harness's mix.lua.
--   wrk -t<N> -c<N> -d<S>s --timeout 10s -s session.lua http://127.0.0.1:<port>/graphql -- <gateway|peer> session <users_tokens.tsv> [seed]
-- One connection per wrk thread (-t equal to -c): each connection is one browser going through sessions one after
-- the other, so a response always belongs to the request just sent. A session is a user drawn from a Zipf
-- distribution (exponent 1, rank = line in users_tokens.tsv, seeded per thread) who
--   1-5. opens the dashboard: the five queries of mix.lua on the data's latest month (transactions page, nested
--        relations), latest quarter (spending by tag), last 24 months (trends), last 12 months (balance history);
--   6.   pages: the next 100 transactions of the latest month (offset 100);
--   7.   changes the month: the first 100 transactions of the month before;
--   8.   filters by a tag: that month's transactions carrying the user's most used tag (users_tags.tsv next to the
--        tokens file, written by pick_tags.py; a user without any tag has no line and skips this step).
-- The gateway is asked as a browser asks it with GET enabled (urql preferGetMethod, Apollo useGETForQueries): every
-- query is a GET; the answer carries an ETag and Cache-Control: private, no-cache, so the browser keeps it and sends
-- If-None-Match the next time this browser asks the same URL for the same user (a 304 is then a valid answer). The
-- peer (PostGraphile) is asked with POST, as its clients do; it sends no ETag. Every other response must be HTTP 200
-- with non-null `data` and no `errors`; the last line is the RESULT line run_bench.py reads (plus not_modified=).

local GATEWAY_PAGE = 'query($s: Date!, $e: Date!, $o: Int!) { fctTransactions(filter: {startDate: $s, endDate: $e}, limit: 100, offset: $o, orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }'
local PEER_PAGE = 'query($s: Date!, $e: Date!, $o: Int!) { allFctTransactions(filter: {bookingDate: {greaterThanOrEqualTo: $s, lessThanOrEqualTo: $e}}, first: 100, offset: $o, orderBy: [BOOKING_DATE_DESC, TRANSACTION_ID_ASC]) { totalCount nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }'

local QUERIES = {
  gateway = {
    page = GATEWAY_PAGE,
    tagged_page = 'query($s: Date!, $e: Date!, $t: UUID!) { fctTransactions(filter: {startDate: $s, endDate: $e, tagIds: [$t]}, limit: 100, orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }',
    spending_by_tag = 'query($s: Date!, $e: Date!) { spendingByTag(startDate: $s, endDate: $e) { tagId currency spendingAmount refundAmount netSpendingAmount transactionCount } }',
    monthly_trends = 'query($s: Date!, $e: Date!) { monthlyTrends(startDate: $s, endDate: $e) { month currency income spending net transactionCount } }',
    balance_history = 'query($a: UUID!, $s: Date!, $e: Date!) { balanceHistory(accountIds: [$a], startDate: $s, endDate: $e) { accountId balanceDate balance netChange isReported } }',
    nested_relations = 'query($s: Date!, $e: Date!) { fctTransactions(filter: {startDate: $s, endDate: $e}, limit: 25, orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount nodes { transactionId bookingDate amount account { accountName institutionName currency } tags { tagName color } } } }',
  },
  peer = {
    page = PEER_PAGE,
    tagged_page = 'query($s: Date!, $e: Date!, $t: UUID!) { allFctTransactions(filter: {bookingDate: {greaterThanOrEqualTo: $s, lessThanOrEqualTo: $e}, tagIds: {contains: [$t]}}, first: 100, orderBy: [BOOKING_DATE_DESC, TRANSACTION_ID_ASC]) { totalCount nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }',
    spending_by_tag = 'query($s: Date!, $e: Date!) { allFctDailySpendingByTags(filter: {spendingDate: {greaterThanOrEqualTo: $s, lessThanOrEqualTo: $e}}) { groupedAggregates(groupBy: [TAG_ID, CURRENCY]) { keys sum { spendingAmount refundAmount netSpendingAmount transactionCount } } } }',
    monthly_trends = 'query($s: Date!, $e: Date!) { allFctMonthlyTrends(filter: {month: {greaterThanOrEqualTo: $s, lessThanOrEqualTo: $e}}, orderBy: [MONTH_ASC, CURRENCY_ASC]) { nodes { month currency income spending net transactionCount } } }',
    balance_history = 'query($a: UUID!, $s: Date!, $e: Date!) { allFctDailyBalanceHistories(condition: {accountId: $a}, filter: {balanceDate: {greaterThanOrEqualTo: $s, lessThanOrEqualTo: $e}}, orderBy: [ACCOUNT_ID_ASC, BALANCE_DATE_ASC]) { nodes { accountId balanceDate balance netChange isReported } } }',
    nested_relations = 'query($s: Date!, $e: Date!) { allFctTransactions(filter: {bookingDate: {greaterThanOrEqualTo: $s, lessThanOrEqualTo: $e}}, first: 25, orderBy: [BOOKING_DATE_DESC, TRANSACTION_ID_ASC]) { totalCount nodes { transactionId bookingDate amount dimAccountByAccountId { accountName institutionName currency } tags: tagsList { tagName color } } } }',
  },
}

local unpack = table.unpack or unpack
local server, documents, first_y, first_m, months
local users = {}
local cumulative = {}
local session = {}   -- the requests of the session under way: {query, variables}, in order
local pending        -- the request waiting for its answer: {key, conditional}
local etags = {}     -- this browser's cache: user .. url -> ETag

local function ym(s) return tonumber(s:sub(1, 4)), tonumber(s:sub(6, 7)) end

local function days_in(y, m)
  local d = ({31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31})[m]
  if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then d = 29 end
  return d
end

local function month_at(i)
  local t = first_y * 12 + (first_m - 1) + i
  return math.floor(t / 12), t % 12 + 1
end

-- the window [first day of month i, last day of month i + len - 1]
local function window(i, len)
  local sy, sm = month_at(i)
  local ey, em = month_at(i + len - 1)
  return string.format("%04d-%02d-01", sy, sm), string.format("%04d-%02d-%02d", ey, em, days_in(ey, em))
end

local function zipf_user()
  local r, lo, hi = math.random() * cumulative[#cumulative], 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return users[lo]
end

local function vars(fmt, ...) return string.format(fmt, ...) end

local function new_session()
  local u = zipf_user()
  local ms, me = window(months - 1, 1)
  local ps, pe = window(months - 2, 1)
  local qs, qe = window(months - 3, 3)
  local ts, te = window(months - 24, 24)
  local ys, ye = window(months - 12, 12)
  session = {
    {u, "page", vars('{"s":"%s","e":"%s","o":0}', ms, me)},
    {u, "spending_by_tag", vars('{"s":"%s","e":"%s"}', qs, qe)},
    {u, "monthly_trends", vars('{"s":"%s","e":"%s"}', ts, te)},
    {u, "balance_history", vars('{"a":"%s","s":"%s","e":"%s"}', u.account, ys, ye)},
    {u, "nested_relations", vars('{"s":"%s","e":"%s"}', ms, me)},
    {u, "page", vars('{"s":"%s","e":"%s","o":100}', ms, me)},
    {u, "page", vars('{"s":"%s","e":"%s","o":0}', ps, pe)},
  }
  if u.tag then
    table.insert(session, {u, "tagged_page", vars('{"s":"%s","e":"%s","t":"%s"}', ps, pe, u.tag)})
  end
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("thread_index", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  server = args[1]
  documents = QUERIES[server]
  if not documents then error("usage: -- <gateway|peer> session <users_tokens.tsv> [seed]") end
  local tags = {}
  for line in io.lines((args[3]:gsub("[^/]*$", "")) .. "users_tags.tsv") do
    local user, tag = line:match("^(%S+)\t(%S+)$")
    if user then tags[user] = tag end
  end
  for line in io.lines(args[3]) do
    local user, account, first, last, token = line:match("^(%S+)\t(%S+)\t(%S+)\t(%S+)\t(%S+)$")
    if user then
      table.insert(users, {id = user, account = account, first = first, last = last, token = token, tag = tags[user]})
    end
  end
  local total = 0
  for rank = 1, #users do
    total = total + 1 / rank
    cumulative[rank] = total
  end
  first_y, first_m = ym(users[1].first)
  local last_y, last_m = ym(users[1].last)
  months = (last_y * 12 + last_m) - (first_y * 12 + first_m) + 1
  math.randomseed(tonumber(args[4] or "42") * 1000 + thread_index)
  ok, bad, not_modified, first_bad = 0, 0, 0, nil
end

function request()
  if #session == 0 then new_session() end
  local u, query, variables = unpack(table.remove(session, 1))
  local headers = {["Authorization"] = "Bearer " .. u.token}
  if server == "peer" then
    pending = {conditional = false}
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", nil, headers, '{"query":"' .. documents[query] .. '","variables":' .. variables .. '}')
  end
  local path = "/graphql?query=" .. urlencode(documents[query]) .. "&variables=" .. urlencode(variables)
  local key = u.id .. path
  pending = {key = key, conditional = etags[key] ~= nil}
  if etags[key] then headers["If-None-Match"] = etags[key] end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status == 304 and pending.conditional then
    not_modified = not_modified + 1
    ok = ok + 1
  elseif status == 200 and body:find('"data":', 1, true) and not body:find('"data":null', 1, true)
      and not body:find('"errors"', 1, true) then
    ok = ok + 1
    local tag = headers["ETag"] or headers["Etag"] or headers["etag"]
    if tag and pending.key then etags[pending.key] = tag end
  else
    bad = bad + 1
    if not first_bad then first_bad = status .. " " .. body:sub(1, 300) end
  end
end

threads = {}

function done(summary, latency, requests)
  local o, b, nm, fb = 0, 0, 0, nil
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); b = b + t:get("bad"); nm = nm + t:get("not_modified"); fb = fb or t:get("first_bad")
  end
  local e = summary.errors
  local sock = e.connect + e.read + e.write + e.timeout
  local secs = summary.duration / 1e6
  if fb then io.write("FIRST_BAD " .. fb:gsub("\n", " ") .. "\n") end
  io.write(string.format(
      "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f ok=%d bad=%d socket_errors=%d non2xx=%d not_modified=%d\n",
      summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, o, b, sock, e.status, nm))
end
