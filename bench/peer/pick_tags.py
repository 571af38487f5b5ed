"""Prints, for each user of the peer harness's users.tsv, the tag the session's tag filter asks for: USER_ID<TAB>TAG_ID.

    <project>/.venv/bin/python pick_tags.py SNAPSHOT.duckdb USERS.tsv > users_tags.tsv

The tag is the user's most used tag (most transactions carrying it; ties by tag id), so filtering a month by it is
what a person would click. Deterministic: the same snapshot gives the same file.
"""

import sys

import duckdb

snapshot, users_file = sys.argv[1], sys.argv[2]
with open(users_file) as lines:
    users = [line.split("\t")[0] for line in lines if line.strip()]
con = duckdb.connect(snapshot, read_only=True)
con.execute("create temp table picked (user_id uuid)")
con.executemany("insert into picked values (?)", [(u,) for u in users])
rows = con.execute("""
    select user_id::varchar, arg_min(tag_id::varchar, (-n, tag_id::varchar)) from (
        select t.user_id, unnest(t.tag_ids) as tag_id, count(*) as n
        from main.fct_transactions t join picked p using (user_id)
        group by all)
    group by user_id""").fetchall()
tags = dict(rows)
missing = [u for u in users if u not in tags]
if missing:
    sys.exit(f"pick_tags: {len(missing)} users have no tagged transaction, e.g. {missing[0]}")
for user in users:
    print(f"{user}\t{tags[user]}")
print(f"pick_tags: a tag for each of {len(users)} users", file=sys.stderr)
