"""Texts of the map pages (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {}
