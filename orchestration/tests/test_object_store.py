"""Publishing to object storage against a real S3 server: SeaweedFS, started by `make seaweedfs`.

The endpoint, credentials and bucket come from the environment (conftest.py's s3_bucket). Each test publishes under
a prefix of its own, so the tests share the bucket and not their state.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from analytics_orchestration import object_store, snapshot


@pytest.fixture
def location(s3_bucket) -> object_store.S3Location:
    return object_store.S3Location(s3_bucket, f"publish-test/{secrets.token_hex(4)}")


class RecordingClient:
    """The real client, recording each object it writes in order; `refuse_after` n writes, later ones go through
    a client with a wrong secret, so the server itself refuses them (a real failed upload half-way)."""

    def __init__(self, refuse_after: int | None = None):
        self.client = object_store.s3_client()
        self.refuse_after = refuse_after
        self.writes: list[str] = []
        self.exceptions = self.client.exceptions

    def _target(self):
        if self.refuse_after is not None and len(self.writes) >= self.refuse_after:
            return boto3.client(
                "s3",
                aws_secret_access_key="not-the-secret",
                config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
            )
        return self.client

    def upload_file(self, filename, bucket, key, **kwargs):
        self._target().upload_file(filename, bucket, key, **kwargs)
        self.writes.append(key)

    def put_object(self, **kwargs):
        self._target().put_object(**kwargs)
        self.writes.append(kwargs["Key"])


def local_snapshot(parent: Path, snapshot_id: str) -> Path:
    """A snapshot directory as the publisher leaves it: data files and their checksums in snapshot.json."""
    directory = parent / snapshot_id
    directory.mkdir()
    (directory / snapshot.DATABASE_FILE).write_bytes(secrets.token_bytes(300_000))
    (directory / snapshot.MANIFEST_FILE).write_text(json.dumps({"id": snapshot_id}))
    files = {name: snapshot.file_digest(directory / name) for name in (snapshot.DATABASE_FILE, snapshot.MANIFEST_FILE)}
    (directory / snapshot.METADATA_FILE).write_text(json.dumps({"id": snapshot_id, "files": files}))
    return directory


def object_bytes(location: object_store.S3Location, *parts: str) -> bytes:
    response = object_store.s3_client().get_object(Bucket=location.bucket, Key=location.key(*parts))
    return response["Body"].read()


def test_uploads_every_file_then_moves_current_last(location, tmp_path):
    published = local_snapshot(tmp_path, "20260101T000000Z-aaaa")
    client = RecordingClient()

    assert object_store.publish_to_s3(published, location, client) == published.name

    snapshot_keys = [location.key(published.name, name) for name in ("analytics.duckdb", "manifest.json")]
    assert client.writes == [
        *snapshot_keys,
        location.key(published.name, "snapshot.json"),
        location.key("CURRENT"),
    ]
    for name in ("analytics.duckdb", "manifest.json", "snapshot.json"):
        assert object_bytes(location, published.name, name) == (published / name).read_bytes()
    assert object_store.current_in_s3(location) == published.name


def test_failed_upload_half_way_leaves_current_on_the_previous_snapshot(location, tmp_path):
    first = local_snapshot(tmp_path, "20260101T000000Z-aaaa")
    object_store.publish_to_s3(first, location)
    second = local_snapshot(tmp_path, "20260102T000000Z-bbbb")
    client = RecordingClient(refuse_after=1)

    with pytest.raises(snapshot.SnapshotError, match="CURRENT there is unchanged"):
        object_store.publish_to_s3(second, location, client)

    assert client.writes == [location.key(second.name, "analytics.duckdb")]
    assert object_store.current_in_s3(location) == first.name


def test_damaged_local_file_uploads_nothing(location, tmp_path):
    damaged = local_snapshot(tmp_path, "20260101T000000Z-aaaa")
    with (damaged / snapshot.DATABASE_FILE).open("r+b") as file:
        file.write(b"\0" * 16)
    client = RecordingClient()

    with pytest.raises(snapshot.SnapshotError, match="does not match its recorded checksum"):
        object_store.publish_to_s3(damaged, location, client)

    assert client.writes == []
    assert object_store.current_in_s3(location) is None


def test_publish_s3_command_uploads_the_local_current_snapshot(location, tmp_path):
    published = local_snapshot(tmp_path, "20260101T000000Z-aaaa")
    (tmp_path / "CURRENT").write_text(published.name + "\n")

    status = snapshot.main(
        ["publish-s3", "--snapshots-dir", str(tmp_path), "--s3-bucket", location.bucket, "--s3-prefix", location.prefix]
    )

    assert status == 0
    assert object_store.current_in_s3(location) == published.name
    assert object_bytes(location, "CURRENT") == (published.name + "\n").encode()
