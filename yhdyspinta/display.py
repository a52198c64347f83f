"""Tables for people: filter rows to the chosen area and put names and labels on codes.

Pure functions on pandas frames, so pages stay thin and tests need no Streamlit.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.domain import OrgType, SurveyLevel
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_day, t

# Which enum labels each coded column takes, per kind.
ENUM_COLUMNS: dict[str, dict[str, str]] = {
    "municipalities": {"language": "Language"},
    "agreements": {"kind": "AgreementKind", "status": "AgreementStatus"},
    "approvals": {"agreement_kind": "AgreementKind", "status": "ApprovalStatus"},
    "structures": {"kind": "StructureKind", "theme": "Theme"},
    "forums": {"theme": "Theme"},
    "participation": {"org_type": "OrgType"},
    "survey": {"level": "SurveyLevel"},
    "maturity": {"respondent_role": "RespondentRole"},
}
MULTI_THEME_COLUMNS = {"agreements": "themes"}
YES_NO = {"fi": ("kyllä", "ei"), "sv": ("ja", "nej"), "en": ("yes", "no")}


def area_name(code: object, lang: str) -> str:
    try:
        area = facts.area_by_code().get(int(code))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        area = None
    return area.name(lang) if area else str(code)


def municipality_name(code: object, lang: str) -> str:
    m = facts.municipality_by_code().get(str(code))
    return m.name(lang) if m else str(code)


def org_name(org_type: str, org_key: str, lang: str) -> str:
    if org_type == OrgType.MUNICIPALITY:
        return municipality_name(org_key, lang)
    if org_type == OrgType.AREA:
        return area_name(org_key, lang)
    return org_key


def _municipality_area(code: str) -> int | None:
    m = facts.municipality_by_code().get(code)
    return m.area_code if m else None


def filter_frame(kind: str, frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows that belong to the chosen area (and municipalities); national rows stay in the
    survey so an area can compare itself with the whole country."""
    if filters.area is None or frame.empty:
        return frame
    area = filters.area
    munis = set(filters.municipalities)
    if kind in ("agreements", "structures", "maturity", "pilots"):
        return frame[frame["area_code"] == area]
    if kind == "municipalities":
        out = frame[frame["area_code"] == area]
        return out[out["code"].isin(munis)] if munis else out
    if kind == "areas":
        return frame[frame["code"] == area]
    if kind == "approvals":
        out = frame[frame["area_code"] == area]
        return out[out["municipality_code"].isin(munis)] if munis else out
    if kind == "participation":
        is_area = (frame["org_type"] == OrgType.AREA) & (frame["org_key"] == str(area))
        is_muni = (frame["org_type"] == OrgType.MUNICIPALITY) & frame["org_key"].map(
            lambda c: _municipality_area(c) == area and (not munis or c in munis))
        return frame[is_area | is_muni] if not munis else frame[is_muni]
    if kind == "survey":
        keep = (frame["level"] == SurveyLevel.NATIONAL) | (
            (frame["level"] == SurveyLevel.AREA) & (frame["level_key"] == str(area)))
        return frame[keep]
    return frame


def localise_frame(kind: str, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Names for codes, labels for enum codes, headers in `lang`."""
    out = frame.copy()
    if "area_code" in out:
        out.insert(out.columns.get_loc("area_code"), "area_name",
                   out["area_code"].map(lambda c: area_name(c, lang)))
        out = out.drop(columns=["area_code"])
    if "municipality_code" in out:
        out["municipality_code"] = out["municipality_code"].map(
            lambda c: f"{municipality_name(c, lang)} ({c})")
    if kind == "participation" and not out.empty:
        out["org_key"] = [org_name(t, k, lang) for t, k in zip(frame["org_type"], frame["org_key"], strict=True)]
    if kind == "survey" and not out.empty:
        out["level_key"] = [area_name(k, lang) if lvl == SurveyLevel.AREA else k
                            for lvl, k in zip(frame["level"], frame["level_key"], strict=True)]
    for column, enum_name in ENUM_COLUMNS.get(kind, {}).items():
        if column in out:
            out[column] = out[column].map(
                lambda v, e=enum_name: "" if v is None or pd.isna(v) or v == "" else enum_label(e, v, lang))
    theme_column = MULTI_THEME_COLUMNS.get(kind)
    if theme_column and theme_column in out:
        out[theme_column] = out[theme_column].map(
            lambda v: ", ".join(enum_label("Theme", p, lang) for p in str(v).split(";") if p))
    if "in_scope" in out:
        yes, no = YES_NO.get(lang, YES_NO["fi"])
        out["in_scope"] = out["in_scope"].map(lambda v: yes if v else no)
    if kind == "changelog" and not out.empty:
        out = _localise_changelog(out, lang)
    for column in out.columns:
        series = out[column]
        # pandas 3 keeps text as its own string dtype: everything not numeric gets display values.
        if not pd.api.types.is_numeric_dtype(series) or series.isna().all():
            out[column] = series.astype(object).map(lambda v: _display_value(v, lang))
    return out.rename(columns={c: display_header(c, lang) for c in out.columns})


def display_header(field_name: str, lang: str) -> str:
    """Column headers on screen are the template's headers, so a table reads like its export
    (the table writes them with a capital first letter, `ui.tables.header`)."""
    return column_label(field_name, lang)


def _display_value(value: object, lang: str) -> object:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, datetime):
        return f"{format_day(value, lang)} {value.astimezone(UTC):%H:%M} UTC"
    return value  # a day stays a date: the table shows it in the language's format and sorts by it


# Where a kind's name comes from on screen: the navigation title of its page.
KIND_TITLE_KEYS: dict[str, str] = {
    "agreements": "nav.agreements", "approvals": "agreements.approvals", "structures": "nav.structures",
    "forums": "nav.forums", "participation": "nav.participation", "survey": "nav.survey",
    "maturity": "nav.maturity", "pilots": "nav.pilots", "areas": "nav.areas",
    "municipalities": "nav.municipalities", "roles": "nav.admin", "changelog": "nav.history",
    "facts": "nav.reference", "backup": "nav.history", "meta": "kind.meta",
    "selfassess": "nav.selfassess",
}


def kind_title(kind: str, lang: str) -> str:
    key = KIND_TITLE_KEYS.get(kind)
    return t(key, lang) if key else kind


def describe_values(raw: object, lang: str, only: frozenset[str] | None = None) -> str:
    """A change-log JSON record as 'field: value' text in the chosen language."""
    if not isinstance(raw, str) or not raw:
        return ""
    try:
        values = json.loads(raw)
    except ValueError:
        return raw
    parts = []
    for name, value in values.items():
        if only is not None and name not in only:
            continue
        shown = "–" if value in (None, "") else value
        if name == "area_code" and value is not None:
            shown = area_name(value, lang)
        parts.append(f"{column_label(name, lang)}: {shown}")
    return "; ".join(parts)


def _localise_changelog(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    changed_fields: list[frozenset[str] | None] = []
    for before, after in zip(frame["before"], frame["after"], strict=True):
        if isinstance(before, str) and isinstance(after, str):
            b, a = json.loads(before), json.loads(after)
            changed_fields.append(frozenset(k for k in a if b.get(k) != a.get(k)))
        else:
            changed_fields.append(None)
    out["before"] = [describe_values(v, lang, f) for v, f in zip(frame["before"], changed_fields, strict=True)]
    out["after"] = [describe_values(v, lang, f) for v, f in zip(frame["after"], changed_fields, strict=True)]
    out["action"] = frame["action"].map(lambda a: enum_label("ChangeAction", a, lang))
    out["kind"] = frame["kind"].map(lambda k: kind_title(k, lang))
    return out


DATASET_TITLE_KEYS = {"municipalities": "reference.municipalities", "areas": "reference.areas",
                      "population": "reference.population"}


def _short_source(source: str | None) -> str:
    # A local path says nothing useful to a reader (and exposes the server's folders): keep its name.
    if not source:
        return ""
    if "://" in source:
        return source.split("://", 1)[1].split("/", 1)[0]
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _source_text(dataset: object, lang: str) -> str:
    source = _short_source(getattr(dataset, "source", None))
    if getattr(dataset, "origin", "cache") == "package":
        return f"{source} ({t('reference.origin.package', lang)})"
    return source


def source_credit(data_source: str | None, lang: str) -> str:
    """How to credit a reference data set in `lang`: its registry source's credit from the
    catalogs (`source.credit.<name>`), or, for a file the registry does not know (the loader
    records no source for it), that a user supplied it and its licence is to be checked."""
    from yhdyspinta.geodata import registry

    key = f"source.credit.{data_source}" if data_source in registry.SOURCES else "source.credit.unknown"
    return t(key, lang)


def licence_text(licence: str | None, lang: str) -> str:
    """A data set's licence as recorded (a registry licence such as CC BY 4.0 reads the same in
    every language), or, for a user's file of unknown licence, that it is to be checked."""
    from yhdyspinta.geodata.loader import UNKNOWN_LICENCE

    return t("source.licence.unknown", lang) if licence == UNKNOWN_LICENCE else licence or ""


def reference_rows(datasets: list[object], lang: str) -> pd.DataFrame:
    """What the reference cache holds, one row per data set, in the chosen language."""
    yes, no = YES_NO.get(lang, YES_NO["fi"])
    rows = []
    for d in datasets:
        updated = getattr(d, "updated_at", None)
        rows.append({
            t("reference.col.dataset", lang): t(DATASET_TITLE_KEYS.get(d.name, "reference.population"), lang),  # type: ignore[attr-defined]
            t("reference.col.loaded", lang): yes if d.available else no,  # type: ignore[attr-defined]
            t("reference.col.count", lang): d.count,  # type: ignore[attr-defined]
            t("reference.col.year", lang): "" if d.year is None else str(d.year),  # type: ignore[attr-defined]
            t("reference.col.source", lang): _source_text(d, lang),
            t("reference.col.updated", lang): format_day(updated, lang) if updated else "",
            t("reference.col.licence", lang): licence_text(d.licence, lang),  # type: ignore[attr-defined]
            t("reference.col.attribution", lang): source_credit(d.data_source, lang) if d.available else "",  # type: ignore[attr-defined]
        })
    return pd.DataFrame(rows)
