"""Texts of the access pages (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {}
