"""Helpers the data generator and the snapshot publisher share: DuckDB without downloads, durable
renames and connection strings safe to print."""
