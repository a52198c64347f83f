"""Exports of every kind as CSV or XLSX, and empty import templates with instructions."""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Any, Literal

import pandas as pd
from sqlalchemy import Engine

from yhdyspinta import domain, facts, indicators, records
from yhdyspinta.i18n import column_label, enum_label
from yhdyspinta.indicators import labels
from yhdyspinta.io.tables import write_csv, write_xlsx
from yhdyspinta.kinds import KindSpec, get_kind
from yhdyspinta.store import repository as repo

Format = Literal["csv", "xlsx"]
FORMATS: tuple[str, ...] = ("csv", "xlsx")


def headers(spec: KindSpec, lang: str = "fi") -> list[str]:
    return [column_label(f, lang) for f in spec.export_fields]


def export_kind(engine: Engine, kind: str, fmt: Format, lang: str = "fi") -> bytes:
    """All rows of one kind, ordered by natural key, so equal data gives equal bytes."""
    spec = get_kind(kind)
    with engine.connect() as conn:
        rows = repo.read_rows(conn, spec)
    return export_rows(spec, rows, fmt, lang)


def export_rows(spec: KindSpec, rows: list[dict[str, Any]], fmt: Format, lang: str = "fi") -> bytes:
    table = [[row[f] for f in spec.export_fields] for row in rows]
    if fmt == "csv":
        return write_csv(headers(spec, lang), table)
    if fmt == "xlsx":
        return write_xlsx([(spec.name, headers(spec, lang), table)])
    raise ValueError(f"unknown format {fmt!r}; expected csv or xlsx")


def export_frame(frame: pd.DataFrame, fmt: Format, sheet: str) -> bytes:
    """A table as a page shows it (its headers and values) as CSV or XLSX, cells that a
    spreadsheet would run as a formula neutralised as in every export."""
    rows = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
    headers = [str(c) for c in frame.columns]
    if fmt == "csv":
        return write_csv(headers, rows)
    if fmt == "xlsx":
        return write_xlsx([(sheet, headers, rows)])
    raise ValueError(f"unknown format {fmt!r}; expected csv or xlsx")


# --- templates ---------------------------------------------------------------------------

INSTRUCTIONS_TITLE = "Ohjeet"
CODES_TITLE = "Koodit"
DATE_HINT = "päivämäärä, esim. 15.12.2023 tai 2023-12-15"


def _enum_of(annotation: Any) -> type[Enum] | None:
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return arg
        inner = _enum_of(arg) if typing.get_args(arg) else None
        if inner is not None:
            return inner
    return None


def _field_hint(name: str, annotation: Any) -> str:
    enum = _enum_of(annotation)
    if enum is not None:
        return "yksi seuraavista: " + ", ".join(
            f"{m.value} ({enum_label(enum.__name__, m.value)})" for m in enum
        )
    text = str(annotation)
    if name == "area_code":
        return "alueen koodi (1–21, Helsinki 90) tai nimi; ks. välilehti Koodit"
    if name in ("municipality_code",):
        return "kuntakoodi (esim. 091) tai kunnan nimi suomeksi tai ruotsiksi"
    if name == "themes":
        return "teemakoodit puolipisteellä eroteltuna, esim. hyte;tyollisyys (ks. Koodit)"
    if name == "term_start":
        return ("sopimuskauden ensimmäinen päivä, esim. 1.1.2026 kaudelle 2026–2029; alue, tyyppi ja kauden alku "
                "yksilöivät sopimuksen, joten uuden kauden sopimus lisätään uutena rivinä. Tyhjä: voimassa alkaen, "
                "muuten hyväksytty pvm, muuten valmistelu alkoi, muuten 1.1.2023")
    if name == "agreement_term_start":
        return ("sen sopimuksen kauden alku, jota päätös koskee, esim. 1.1.2026; tyhjä: alueen uusin tämän "
                "tyypin sopimus")
    if name == "org_key":
        return "kunnan koodi tai nimi, alueen koodi tai nimi, tai muun organisaation nimi"
    if "date" in text:
        return DATE_HINT
    if name in dict.fromkeys(("trust", "communication", "information_sharing", "goals", "power",
                              "resources", "accountability", "commitment")):
        return "taso 1–3 (1 yhteistyö, 2 koordinaatio, 3 strateginen yhteistyö)"
    if "int" in text:
        return "kokonaisluku"
    if "float" in text:
        return "luku, desimaalipilkku tai -piste"
    if "url" in name:
        return "verkko-osoite, alkaa https://"
    return "teksti"


def template(kind: str) -> bytes:
    """An empty import template: the data sheet first, then instructions and code lists."""
    spec = get_kind(kind)
    if spec.record is None:
        raise ValueError(f"{kind} cannot be imported, so it has no template")
    data_headers = [column_label(f, "fi") for f in spec.fields]
    hints = typing.get_type_hints(spec.record, include_extras=True)
    required = {f.name for f in dataclasses.fields(spec.record)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    instructions: list[list[Any]] = []
    for name in spec.fields:
        instructions.append([
            column_label(name, "fi"), column_label(name, "sv"), column_label(name, "en"),
            "kyllä" if name in required else "ei", _field_hint(name, hints.get(name)),
        ])
    guide = [
        ["Täytä tiedot ensimmäiselle välilehdelle, yksi rivi kutakin tietuetta kohti."],
        ["Otsikkorivin voi kirjoittaa suomeksi, ruotsiksi tai englanniksi."],
        ["Tuonti tarkistaa koko tiedoston ennen kuin mitään tallennetaan."],
        [f"Tuo tiedosto: python -m yhdyspinta import {kind} TIEDOSTO.xlsx --dry-run"],
    ]
    codes: list[list[Any]] = [[a.code, a.name_fi, a.name_sv] for a in facts.in_scope_areas()]
    codes += [[t.value, enum_label("Theme", t.value, "fi"), enum_label("Theme", t.value, "sv")]
              for t in domain.Theme]
    return write_xlsx([
        (kind, data_headers, []),
        (INSTRUCTIONS_TITLE, ["sarake", "kolumn", "column", "pakollinen", "ohje"],
         instructions + [[]] + [row + [""] * 4 for row in guide]),
        (CODES_TITLE, ["koodi", "suomeksi", "på svenska"], codes),
    ])


_ = records  # the record classes are reached through the kind registry


def indicator_bytes(values: Iterable[indicators.Value], fmt: str) -> bytes:
    """Indicator values with their metadata: a JSON list of objects, or the same as CSV
    (semicolon-separated UTF-8, as every export)."""
    rows = [labels.record(v) for v in values]
    if fmt == "json":
        return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    headers = list(rows[0]) if rows else []
    return write_csv(headers, [[";".join(v) if isinstance(v, list) else v for v in row.values()] for row in rows])


def indicator_report(engine: Engine, scope: indicators.Scope, as_of: date, fmt: str) -> bytes:
    """Every indicator of the catalogue for one scope and day, read from the store."""
    frames = {kind: repo.read_kind(engine, kind) for kind in (*indicators.KINDS_NEEDED, "changelog")}
    return indicator_bytes(indicators.evaluate_all(indicators.resolve(frames, as_of), scope).values(), fmt)
