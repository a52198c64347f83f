"""Where things live. Paths come from the package location or the environment, never the cwd."""

from __future__ import annotations

import functools
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent

ENV_DB_URL = "YHDYSPINTA_DB_URL"
ENV_DATA_DIR = "YHDYSPINTA_DATA_DIR"
ENV_REFERENCE_DIR = "YHDYSPINTA_REFERENCE_DIR"
ENV_PUBLIC_URL = "YHDYSPINTA_PUBLIC_URL"
PUBLIC_URL_SCHEMES = ("http://", "https://")

DB_FILE_NAME = "yhdyspinta.sqlite3"
GEO_CACHE_SUBDIR = "geo"


def _absolute(raw: str) -> Path:
    """`raw` expanded and made absolute. The working folder is read only for a relative path
    (a server may run on in a folder a later deploy has removed)."""
    path = Path(raw).expanduser()
    return _resolved(str(path), "" if path.is_absolute() else os.getcwd())


@functools.lru_cache(maxsize=16)
def _resolved(path: str, cwd: str) -> Path:
    """Resolved once per path and working folder: resolving walks the path on disk, and the data
    folder is asked for several times in every page run (map and credit stamps)."""
    return (Path(cwd) / path).resolve()


def data_dir() -> Path:
    """The user's data folder: the embedded database and cached downloads."""
    raw = os.environ.get(ENV_DATA_DIR)
    return _absolute(raw) if raw else PROJECT_DIR / "data"


def database_url() -> str:
    """SQLAlchemy URL of the store; the embedded SQLite file unless configured."""
    url = os.environ.get(ENV_DB_URL)
    if url:
        return url
    return f"sqlite:///{data_dir() / DB_FILE_NAME}"


def geo_cache_dir() -> Path:
    return data_dir() / GEO_CACHE_SUBDIR


def reference_dir() -> Path | None:
    """Optional folder of local copies of official data (used by CI and developers)."""
    raw = os.environ.get(ENV_REFERENCE_DIR)
    return _absolute(raw) if raw else None


def public_url() -> str | None:
    """The address the audience reaches the app at (e.g. behind a proxy), ending in "/"; None
    when not configured, or not an http(s) address (then the browser's own address is used)."""
    raw = (os.environ.get(ENV_PUBLIC_URL) or "").strip()
    if not raw.lower().startswith(PUBLIC_URL_SCHEMES):
        return None
    return raw.rstrip("/") + "/"
