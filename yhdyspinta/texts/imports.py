"""Texts of the imports pages (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {}
