"""Publishes a verified local snapshot to S3-compatible object storage, for gateways on other machines.

Layout in the bucket, the same as on disk: <prefix>/<id>/{analytics.duckdb, manifest.json, snapshot.json} and
<prefix>/CURRENT holding the id. The order is what keeps readers safe: the snapshot's files are checked against
the checksums in its snapshot.json, uploaded (snapshot.json last), and only then is CURRENT overwritten (a PUT of
one object replaces it atomically for every reader). A reader that follows CURRENT therefore always finds a
complete snapshot; a failed upload leaves CURRENT naming the previous one, and the orphaned objects of the failed
id are never named by anything.

Endpoint, credentials and region come from the usual AWS variables (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION), read by boto3 itself; the bucket and prefix from the
command line (`snapshot build|publish-s3 --s3-bucket --s3-prefix`) or, for Dagster, ANALYTICS_S3_BUCKET and
ANALYTICS_S3_PREFIX (settings.py), which are also the command line's defaults.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from analytics_orchestration import snapshot

CURRENT_OBJECT = "CURRENT"
# Parts of 64 MiB, four at a time: a multi-gigabyte snapshot in a few hundred parts, memory bounded.
TRANSFER = TransferConfig(multipart_threshold=64 << 20, multipart_chunksize=64 << 20, max_concurrency=4)


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str = ""

    def key(self, *parts: str) -> str:
        return "/".join(p for p in (self.prefix.strip("/"), *parts) if p)

    def url(self, *parts: str) -> str:
        return f"s3://{self.bucket}/{self.key(*parts)}"


def s3_client():
    """boto3's client as the environment configures it; path-style, which every S3-compatible store accepts."""
    return boto3.client("s3", config=Config(s3={"addressing_style": "path"}, retries={"mode": "standard"}))


def publish_to_s3(snapshot_dir: Path, location: S3Location, client=None) -> str:
    """Uploads the snapshot in `snapshot_dir`, then points CURRENT at it; returns its id.

    Raises SnapshotError, before anything is uploaded, when the local files do not match their checksums, and
    when an upload fails (CURRENT then still names the snapshot it named before).
    """
    client = client or s3_client()
    snapshot_id = snapshot_dir.name
    metadata = verify_files(snapshot_dir)
    # The data files first, then the checksums that vouch for them, then the pointer.
    names = [*sorted(metadata["files"]), snapshot.METADATA_FILE]
    try:
        for name in names:
            client.upload_file(
                str(snapshot_dir / name), location.bucket, location.key(snapshot_id, name), Config=TRANSFER
            )
        client.put_object(
            Bucket=location.bucket,
            Key=location.key(CURRENT_OBJECT),
            Body=(snapshot_id + "\n").encode(),
            ContentType="text/plain",
        )
    except (BotoCoreError, ClientError) as e:
        raise snapshot.SnapshotError(
            f"uploading snapshot {snapshot_id} to {location.url()} failed; CURRENT there is unchanged: {e}"
        ) from None
    return snapshot_id


def current_in_s3(location: S3Location, client=None) -> str | None:
    """The id CURRENT names in the bucket, or None when nothing was published there."""
    client = client or s3_client()
    try:
        body = client.get_object(Bucket=location.bucket, Key=location.key(CURRENT_OBJECT))["Body"].read()
    except client.exceptions.NoSuchKey:
        return None
    return body.decode().strip()


def verify_files(snapshot_dir: Path) -> dict:
    """snapshot.json of the directory, after checking every file it lists against its size and SHA-256."""
    metadata_file = snapshot_dir / snapshot.METADATA_FILE
    if not metadata_file.is_file():
        raise snapshot.SnapshotError(f"{snapshot_dir} holds no {snapshot.METADATA_FILE}; it is not a snapshot")
    metadata = json.loads(metadata_file.read_text())
    files = metadata.get("files") or {}
    missing = [n for n in (snapshot.DATABASE_FILE, snapshot.MANIFEST_FILE) if n not in files]
    if missing:
        raise snapshot.SnapshotError(f"{metadata_file} records no checksum for {', '.join(missing)}")
    for name, recorded in files.items():
        path = snapshot_dir / name
        if Path(name).name != name or name == snapshot.METADATA_FILE:
            raise snapshot.SnapshotError(f"{metadata_file} lists {name!r}, which is not a file of the snapshot")
        if not path.is_file() or snapshot.file_digest(path) != recorded:
            raise snapshot.SnapshotError(f"{path} does not match its recorded checksum; nothing was uploaded")
    return metadata
