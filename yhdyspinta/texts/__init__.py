"""User-facing texts, one module per part of the app so parts can grow independently."""

from __future__ import annotations

from yhdyspinta.texts import access, analysis, core, imports, indicators, map, profile

MODULES = (core, map, analysis, profile, imports, access, indicators)


def merged() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for module in MODULES:
        for key, value in module.TEXTS.items():
            if key in out:
                raise KeyError(f"text key {key!r} defined twice (again in {module.__name__})")
            out[key] = value
    return out
