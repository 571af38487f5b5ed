"""Deterministic synthetic source data for the personal-finance app (schema `app`)."""
