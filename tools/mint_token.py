#!/usr/bin/env python3
"""Mint an HS256 bearer token for the analytics gateway, for local use only.

The secret comes from ANALYTICS_JWT_SECRET. The user is a UUID given with --user, or with
--first-user-in SNAPSHOTS_DIR the owner of the first account (by id) in the published snapshot.
Standard library only, except duckdb for --first-user-in.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import uuid
from pathlib import Path

MIN_SECRET_BYTES = 32


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mint(secret: bytes, user_id: str, ttl_seconds: int, scopes: list[str], issuer: str, audience: str) -> str:
    now = int(time.time())
    claims = {"sub": user_id, "iat": now, "exp": now + ttl_seconds}
    if scopes:
        claims["scope"] = " ".join(scopes)
    if issuer:
        claims["iss"] = issuer
    if audience:
        claims["aud"] = audience
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode("ascii"), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64url(signature)}"


def first_user(snapshots_dir: Path) -> str:
    import duckdb  # only needed here; the project venv has it

    snapshot_id = (snapshots_dir / "CURRENT").read_text().strip()
    database = snapshots_dir / snapshot_id / "analytics.duckdb"
    with duckdb.connect(str(database), read_only=True) as connection:
        row = connection.execute("select user_id from main.dim_accounts order by account_id limit 1").fetchone()
    if row is None:
        sys.exit(f"no accounts in {database}")
    return str(row[0])


def canonical_uuid(value: str) -> str:
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        sys.exit(f"--user must be a UUID, got {value!r}")
    if str(parsed) != value.lower():
        sys.exit(f"--user must be a canonical UUID (8-4-4-4-12 hex), got {value!r}")
    return str(parsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="user id (UUID) the token is for")
    who.add_argument(
        "--first-user-in",
        type=Path,
        metavar="SNAPSHOTS_DIR",
        help="use the owner of the first account in the published snapshot",
    )
    parser.add_argument("--scope", action="append", default=[], help="grant a scope (repeatable)")
    parser.add_argument("--ttl", type=int, default=3600, help="lifetime in seconds (default 3600)")
    parser.add_argument("--issuer", default=os.environ.get("ANALYTICS_JWT_ISSUER", ""))
    parser.add_argument("--audience", default=os.environ.get("ANALYTICS_JWT_AUDIENCE", ""))
    args = parser.parse_args()

    secret = os.environ.get("ANALYTICS_JWT_SECRET", "").encode("utf-8")
    if len(secret) < MIN_SECRET_BYTES:
        sys.exit(f"ANALYTICS_JWT_SECRET must hold at least {MIN_SECRET_BYTES} bytes (has {len(secret)})")
    user_id = canonical_uuid(args.user) if args.user is not None else first_user(args.first_user_in)
    print(mint(secret, user_id, args.ttl, args.scope, args.issuer, args.audience))


if __name__ == "__main__":
    main()
