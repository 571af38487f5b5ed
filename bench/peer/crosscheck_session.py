"""Compares the session mix's own requests (next page, month before, tag filter) on both servers, value by value.

    PEER_DIR=... python3 crosscheck_session.py [N users, default 20]

Run from the harness copy, next to crosscheck.py (whose request and comparison code it uses) and session.lua (whose
documents it sends). The five dashboard queries are crosscheck.py's; this adds the steps only sessions send, for N
users drawn with a fixed seed among those with a tag (users_tags.tsv). Exit status 1 when any answer differs.
"""

import random
import re
import sys

import crosscheck
from crosscheck import HERE, PEER_DIR, last_day, month_add, normalise, post


def documents():
    lua = (HERE / "session.lua").read_text()
    page = dict(re.findall(r"^local (GATEWAY|PEER)_PAGE = '(.*?)'$", lua, re.M))
    tagged = re.findall(r"^    tagged_page = '(.*?)',$", lua, re.M)
    return {
        "gateway": {"page": page["GATEWAY"], "tagged_page": tagged[0]},
        "peer": {"page": page["PEER"], "tagged_page": tagged[1]},
    }


def month(user, back):
    y, m = month_add((int(user["last"][:4]), int(user["last"][5:7])), -back)
    return {"s": f"{y:04d}-{m:02d}-01", "e": f"{y:04d}-{m:02d}-{last_day(y, m):02d}"}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    docs = documents()
    tags = dict(line.split("\t") for line in (PEER_DIR / "users_tags.tsv").read_text().splitlines())
    pool = [u for u in crosscheck.users() if u["user"] in tags]
    failures = 0
    for user in random.Random(20261130).sample(pool, count):
        requests = [
            ("page", {**month(user, 0), "o": 100}),
            ("page", {**month(user, 1), "o": 0}),
            ("tagged_page", {**month(user, 1), "t": tags[user["user"]]}),
        ]
        for query, variables in requests:
            gw = normalise(
                "transactions_page", "gateway", post("gateway", docs["gateway"][query], variables, user["token"])
            )
            pg = normalise("transactions_page", "peer", post("peer", docs["peer"][query], variables, user["token"]))
            if gw != pg:
                failures += 1
                print(
                    f"  DIFF {query} user {user['user']} {variables}: totalCount {gw[0]} vs {pg[0]}, "
                    f"rows {len(gw[1])} vs {len(pg[1])}"
                )
    print(f"crosscheck_session: {3 * count - failures}/{3 * count} identical answers")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
