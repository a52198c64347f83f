"""Acquire reference data: download from the official WFS, or import a file a user supplies.

Both paths end in the same loader and cache. Downloads are bounded in time so that the app and
the CLI fail fast with a useful message on a machine without a network.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from yhdyspinta.geodata.loader import (
    GEO_SUFFIXES,
    TABLE_SUFFIXES,
    BoundaryResult,
    PopulationResult,
    ReferenceDataError,
    build_boundaries,
    build_population,
    save_boundaries,
    save_population,
    vector_fields,
)
from yhdyspinta.geodata.registry import (
    STATFI_MUNICIPALITIES,
    STATFI_POPULATION,
    DataSource,
    population_field_candidates,
)

OFFLINE_HINT = "Without a network connection, import a file instead: python -m yhdyspinta reference import PATH"
# Connecting is either quick or not happening; waiting longer only delays the message.
MAX_CONNECT_TIMEOUT = 5.0
# httpx timeouts apply per network operation, so a server trickling bytes could keep a download
# alive forever; this bounds each whole download to a multiple of the per-operation timeout.
TOTAL_TIMEOUT_FACTOR = 6
# Whole-Finland layers at 1:4.5M are a few megabytes; anything far larger is not what we asked.
MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024
USER_AGENT = "yhdyspinta (reference data set-up)"

_EXCEPTION_TEXT = re.compile(rb"<(?:\w+:)?ExceptionText>(.*?)</(?:\w+:)?ExceptionText>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FetchResult:
    year: int
    base_url: str
    boundaries_url: str
    boundaries: BoundaryResult
    population_url: str | None
    population: PopulationResult | None
    warnings: tuple[str, ...]
    manifest_path: Path


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    boundaries: BoundaryResult | None
    population: PopulationResult | None
    warnings: tuple[str, ...]
    manifest_path: Path

    @property
    def kinds(self) -> tuple[str, ...]:
        found = (("boundaries", self.boundaries), ("population", self.population))
        return tuple(kind for kind, result in found if result is not None)


class _DownloadError(Exception):
    """A download failed; the message says how, for the user-facing error."""


def _download(client: httpx.Client, source: DataSource, year: int, base_url: str, timeout: float) -> bytes:
    url = source.url(year, base_url)
    deadline = time.monotonic() + timeout * TOTAL_TIMEOUT_FACTOR
    try:
        with client.stream("GET", source.base_url(base_url), params=source.request_params(year)) as response:
            if response.status_code != httpx.codes.OK:
                raise _DownloadError(
                    f"the server answered HTTP {response.status_code} {response.reason_phrase} for {url}"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_DOWNLOAD_BYTES:
                    raise _DownloadError(f"the answer from {url} exceeded {MAX_DOWNLOAD_BYTES} bytes")
                if time.monotonic() > deadline:
                    raise _DownloadError(f"the download from {url} did not finish in time")
                chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise _DownloadError(f"no answer from {url} in time ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        raise _DownloadError(f"could not connect to {url} ({type(exc).__name__}: {exc})") from exc
    body = b"".join(chunks)
    if body.lstrip()[:1] == b"<":
        # GeoServer reports an unknown layer or bad request as an XML exception, often with 200.
        match = _EXCEPTION_TEXT.search(body)
        detail = match.group(1).decode("utf-8", "replace").strip() if match else body[:200].decode("utf-8", "replace")
        raise _DownloadError(f"the server sent an error instead of GeoJSON for {url}: {detail}")
    return body


def _timeouts(timeout: float) -> httpx.Timeout:
    return httpx.Timeout(timeout, connect=min(timeout, MAX_CONNECT_TIMEOUT))


def fetch_reference(
    year: int = 2025,
    base_url: str | None = None,
    timeout: float = 20.0,
    *,
    include_population: bool = True,
    cache_dir: Path | None = None,
) -> FetchResult:
    """Download municipality boundaries (and population) from Statistics Finland and cache them.

    The base URL comes from `base_url`, else YHDYSPINTA_WFS_URL, else geo.stat.fi. Boundaries
    are required and any failure raises ReferenceDataError; a population failure is reported as
    a warning because the map is usable without it. Local reference copies
    (YHDYSPINTA_REFERENCE_DIR) are deliberately never used as a fallback: a fetch that
    silently read a test fixture would misreport where the data came from.
    """
    resolved_base = STATFI_MUNICIPALITIES.base_url(base_url)
    boundaries_url = STATFI_MUNICIPALITIES.url(year, resolved_base)
    warnings: list[str] = []
    population: PopulationResult | None = None
    population_url: str | None = None
    with httpx.Client(
        timeout=_timeouts(timeout),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        try:
            data = _download(client, STATFI_MUNICIPALITIES, year, resolved_base, timeout)
        except _DownloadError as exc:
            raise ReferenceDataError(
                f"Downloading the {year} municipal boundaries failed: {exc}. {OFFLINE_HINT}"
            ) from exc
        try:
            boundaries = build_boundaries(data, name=boundaries_url)
        except ReferenceDataError as exc:
            raise ReferenceDataError(
                f"The municipal boundaries downloaded from {boundaries_url} could not be used: {exc} {OFFLINE_HINT}"
            ) from exc
        if include_population:
            population, population_url, problem = _fetch_population(client, year, resolved_base, timeout)
            if problem:
                warnings.append(problem)

    warnings = list(boundaries.warnings) + warnings
    manifest = save_boundaries(
        boundaries,
        source=boundaries_url,
        year=year,
        data_source=STATFI_MUNICIPALITIES,
        cache_dir=cache_dir,
    )
    if population is not None:
        warnings.extend(population.warnings)
        manifest = save_population(
            population,
            source=population_url,
            data_source=STATFI_POPULATION,
            cache_dir=cache_dir,
        )
    return FetchResult(
        year=year,
        base_url=resolved_base,
        boundaries_url=boundaries_url,
        boundaries=boundaries,
        population_url=population_url,
        population=population,
        warnings=tuple(warnings),
        manifest_path=manifest,
    )


def _fetch_population(
    client: httpx.Client, year: int, base_url: str, timeout: float
) -> tuple[PopulationResult | None, str | None, str | None]:
    """The year's population layer, or the year before: it is published after the year ends."""
    failures = []
    for layer_year in (year, year - 1):
        url = STATFI_POPULATION.url(layer_year, base_url)
        try:
            data = _download(client, STATFI_POPULATION, layer_year, base_url, timeout)
            return build_population(data, year=layer_year, name=url), url, None
        except (_DownloadError, ReferenceDataError) as exc:
            failures.append(str(exc))
    return (
        None,
        None,
        ("Population was not downloaded (" + "; ".join(failures) + f"). {OFFLINE_HINT}"),
    )


def import_reference(path: Path | str, *, year: int | None = None, cache_dir: Path | None = None) -> ImportResult:
    """Import a user-supplied file into the cache; works offline.

    CSV is population. GeoJSON, GeoPackage and (zipped) Shapefile are boundaries, and also
    population when they carry a population field (a saved Statistics Finland population layer
    does). `year` labels the data when the file itself does not say.
    """
    file_path = Path(path).expanduser()
    if not file_path.is_file():
        raise ReferenceDataError(f"File not found: {file_path}")
    suffix = file_path.suffix.lower()
    boundaries: BoundaryResult | None = None
    population: PopulationResult | None = None
    warnings: list[str] = []

    if suffix in TABLE_SUFFIXES:
        population = build_population(file_path, year=year)
    elif suffix in GEO_SUFFIXES:
        boundaries = build_boundaries(file_path)
        fields = {f.lower() for f in vector_fields(file_path)}
        if fields & set(population_field_candidates()):
            try:
                population = build_population(file_path, year=year)
            except ReferenceDataError as exc:
                warnings.append(f"The file's population column was not imported: {exc}")
    else:
        supported = ", ".join(sorted(GEO_SUFFIXES | TABLE_SUFFIXES))
        raise ReferenceDataError(
            f"{file_path.name}: unsupported file type {suffix or '(none)'!r}; use one of {supported}."
        )

    manifests: list[Path] = []
    if boundaries is not None:
        warnings[:0] = boundaries.warnings
        manifests.append(save_boundaries(boundaries, source=str(file_path), year=year, cache_dir=cache_dir))
    if population is not None:
        warnings.extend(population.warnings)
        manifests.append(save_population(population, source=str(file_path), cache_dir=cache_dir))
    return ImportResult(
        path=file_path,
        boundaries=boundaries,
        population=population,
        warnings=tuple(warnings),
        manifest_path=manifests[-1],
    )
