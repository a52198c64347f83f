"""Texts of the profile pages (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {}
