"""Dagster code location that refreshes the analytics marts and publishes them as a snapshot."""
