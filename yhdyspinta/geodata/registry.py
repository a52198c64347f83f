"""The one declared registry of the official data sources the product acquires.

Modelled on geodatasets: every source is a frozen record that says where the data lives, what
licence it carries, how to credit it and which fields to expect, so that fetching, importing and
the attribution shown on screen all read the same declaration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal
from urllib.parse import urlencode

ENV_WFS_URL = "YHDYSPINTA_WFS_URL"

# The global GeoServer endpoint serves every workspace when the layer name carries its prefix,
# so one base URL (and one override) covers both boundaries and population.
STATFI_WFS_URL = "https://geo.stat.fi/geoserver/wfs"

CC_BY_4_0 = "CC BY 4.0"
TARGET_CRS = "EPSG:4326"
FINNISH_NATIONAL_CRS = "EPSG:3067"

SourceKind = Literal["boundaries", "population"]


@dataclass(frozen=True, slots=True)
class DataSource:
    """One official data set: where it is, what it is called and how to credit it."""

    name: str
    kind: SourceKind
    description: str
    publisher: str
    licence: str
    attribution: str
    homepage: str
    native_crs: str
    code_fields: tuple[str, ...]
    # Number of features in a 2025-division release; 2024 releases carry 309 (Pertunmaa).
    expected_feature_count: int
    name_fields: tuple[str, ...] = ()
    value_fields: tuple[str, ...] = ()
    # None for sources that can only be imported from a file the user supplies.
    layer_template: str | None = None
    default_base_url: str | None = None

    @property
    def fetchable(self) -> bool:
        return self.layer_template is not None and self.default_base_url is not None

    def layer(self, year: int) -> str:
        if self.layer_template is None:
            raise ValueError(f"Source {self.name!r} has no download layer; import a file instead.")
        return self.layer_template.format(year=year)

    def base_url(self, override: str | None = None) -> str:
        """The WFS endpoint: an explicit override, then the environment, then the official one."""
        chosen = override or os.environ.get(ENV_WFS_URL) or self.default_base_url
        if not chosen:
            raise ValueError(f"Source {self.name!r} has no download address.")
        return chosen

    def request_params(self, year: int) -> dict[str, str]:
        """WFS 2.0 GetFeature parameters; the server reprojects so no datum shift is done here."""
        return {
            "service": "WFS",
            "version": "2.0.0",
            "request": "GetFeature",
            "typeNames": self.layer(year),
            "outputFormat": "application/json",
            "srsName": TARGET_CRS,
        }

    def url(self, year: int, base_url: str | None = None) -> str:
        return f"{self.base_url(base_url)}?{urlencode(self.request_params(year))}"


STATFI_MUNICIPALITIES = DataSource(
    name="statfi_municipalities_4500k",
    kind="boundaries",
    description="Municipal boundaries by year, 1:4 500 000, Statistics Finland statistical units",
    publisher="Statistics Finland",
    licence=CC_BY_4_0,
    attribution="Statistics Finland, municipality-based statistical units (CC BY 4.0)",
    homepage="https://www.stat.fi/org/avoindata/paikkatietoaineistot/tilastoalueet_en.html",
    native_crs=FINNISH_NATIONAL_CRS,
    code_fields=("kunta",),
    expected_feature_count=308,
    name_fields=("nimi", "namn", "name"),
    layer_template="tilastointialueet:kunta4500k_{year}",
    default_base_url=STATFI_WFS_URL,
)

# Layer name and the `vaesto` field are taken from public code that queries this service
# (layers vaestoalue:kunta_vaki2011 ... kunta_vaki2025); the code field `kunta` and the optional
# `vuosi` field follow the sibling tilastointialueet layers and are not verified here, which is
# why the loader matches several candidate names.
STATFI_POPULATION = DataSource(
    name="statfi_population_by_municipality",
    kind="population",
    description="Population by municipality on 31 December of the reference year",
    publisher="Statistics Finland",
    licence=CC_BY_4_0,
    attribution="Statistics Finland, population by municipality-based units (CC BY 4.0)",
    homepage="https://www.stat.fi/org/avoindata/paikkatietoaineistot/vaesto_tilastointialueittain_en.html",
    native_crs=FINNISH_NATIONAL_CRS,
    code_fields=("kunta",),
    expected_feature_count=308,
    name_fields=("nimi", "namn", "name"),
    value_fields=("vaesto",),
    layer_template="vaestoalue:kunta_vaki{year}",
    default_base_url=STATFI_WFS_URL,
)

# Not downloadable here (the NLS service needs an API key); declared so that an imported NLS
# file is credited correctly.
NLS_MUNICIPALITIES = DataSource(
    name="nls_municipalities",
    kind="boundaries",
    description="Municipal boundaries, National Land Survey of Finland administrative areas",
    publisher="National Land Survey of Finland",
    licence=CC_BY_4_0,
    attribution="National Land Survey of Finland, administrative areas (CC BY 4.0)",
    homepage="https://www.maanmittauslaitos.fi/en/maps-and-spatial-data/datasets-and-interfaces/product-descriptions/division-administrative-areas-vector",
    native_crs=FINNISH_NATIONAL_CRS,
    code_fields=("NATCODE",),
    expected_feature_count=308,
    name_fields=("NAMEFIN", "NAMESWE"),
)

# Not downloadable here; credits the population table the dashboard ships (built from THL's
# Sotkanet figures as compiled by rOpenGov geofi). No code field of its own: a user's file is
# credited to it only when named explicitly.
THL_SOTKANET_POPULATION = DataSource(
    name="thl_sotkanet_population",
    kind="population",
    description="Population by municipality and year (Statistics Finland figures published in THL Sotkanet)",
    publisher="Finnish Institute for Health and Welfare (THL), Sotkanet",
    licence=CC_BY_4_0,
    attribution="THL Sotkanet, population by municipality (Statistics Finland figures), via rOpenGov geofi (CC BY 4.0)",
    homepage="https://sotkanet.fi/sotkanet/en/index",
    native_crs=FINNISH_NATIONAL_CRS,
    code_fields=(),
    expected_feature_count=308,
    value_fields=("population",),
)

SOURCES: MappingProxyType[str, DataSource] = MappingProxyType(
    {s.name: s for s in (STATFI_MUNICIPALITIES, STATFI_POPULATION, NLS_MUNICIPALITIES, THL_SOTKANET_POPULATION)}
)

# Field names other publishers and hand-made files use for the municipality code.
_GENERIC_CODE_FIELDS: tuple[str, ...] = (
    "kuntakoodi",
    "kunta_koodi",
    "kuntanro",
    "municipality_code",
    "kommunkod",
    "code",
    "koodi",
)
_GENERIC_POPULATION_FIELDS: tuple[str, ...] = (
    "population",
    "väestö",
    "vaesto_yht",
    "väkiluku",
    "vakiluku",
    "vaki",
    "value",
)
YEAR_FIELDS: tuple[str, ...] = ("year", "vuosi", "år", "ar")


def get_source(name: str) -> DataSource:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"Unknown data source {name!r}; known: {', '.join(SOURCES)}") from None


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n.lower(), None)
    return tuple(seen)


def code_field_candidates() -> tuple[str, ...]:
    """Lower-cased code field names, declared sources first so their field wins a tie."""
    declared = tuple(f for s in SOURCES.values() for f in s.code_fields)
    return _unique(declared + _GENERIC_CODE_FIELDS)


def population_field_candidates() -> tuple[str, ...]:
    declared = tuple(f for s in SOURCES.values() for f in s.value_fields)
    return _unique(declared + _GENERIC_POPULATION_FIELDS)


def source_for_code_field(field: str, kind: SourceKind) -> DataSource | None:
    """The declared source whose files use this code field, for crediting an imported file."""
    matches = [s for s in SOURCES.values() if s.kind == kind and field.lower() in (f.lower() for f in s.code_fields)]
    return matches[0] if len(matches) == 1 else None
