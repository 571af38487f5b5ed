"""Prints, for each user of the peer harness's users.tsv, the tag the session's tag filter asks for: USER_ID<TAB>TAG_ID.

    <project>/.venv/bin/python pick_tags.py SNAPSHOT.duckdb USERS.tsv > users_tags.tsv

The tag is the user's most used tag (most transactions carrying it; ties by tag id), so filtering a month by it is
what a person would click; a user who never tagged a transaction gets their first tag by id (the filter then
finds nothing, as it would for them). A user without any tag has no line: their sessions leave the tag filter
out. Deterministic: the same snapshot gives the same file.
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
    with used as (
        select user_id, tag_id, count(*) as n from (
            select t.user_id, unnest(t.tag_ids) as tag_id
            from main.fct_transactions t join picked p using (user_id))
        group by all),
    most_used as (select user_id, arg_min(tag_id::varchar, (-n, tag_id::varchar)) as tag from used group by user_id),
    first_tag as (
        select user_id, min(tag_id::varchar) as tag from main.dim_tags join picked using (user_id) group by user_id)
    select p.user_id::varchar, coalesce(m.tag, f.tag)
    from picked p left join most_used m using (user_id) left join first_tag f using (user_id)
    where coalesce(m.tag, f.tag) is not null""").fetchall()
tags = dict(rows)
for user in users:
    if user in tags:
        print(f"{user}\t{tags[user]}")
print(f"pick_tags: a tag for {len(tags)} of {len(users)} users (the others have none)", file=sys.stderr)
