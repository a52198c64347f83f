"""Texts of the analysis pages (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {}
