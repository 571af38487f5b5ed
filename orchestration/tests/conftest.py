"""Shared by the orchestration tests: the real S3 server (SeaweedFS) the Makefile starts for them."""

from __future__ import annotations

import os

import pytest

S3_VARIABLES = ("AWS_ENDPOINT_URL_S3", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ANALYTICS_TEST_S3_BUCKET")


@pytest.fixture(scope="session")
def s3_bucket() -> str:
    """The test bucket; endpoint and credentials are in the AWS variables, which boto3 reads itself."""
    missing = [v for v in S3_VARIABLES if not os.environ.get(v)]
    if missing:
        pytest.fail(f"{', '.join(missing)} not set: run these tests through `make test-python` (starts SeaweedFS)")
    return os.environ["ANALYTICS_TEST_S3_BUCKET"]
