"""Tables for people: filter rows to the chosen area and put names and labels on codes.

Pure functions on pandas frames, so pages stay thin and tests need no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.domain import OrgType, SurveyLevel
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label

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
            out[column] = out[column].map(lambda v, e=enum_name: enum_label(e, v, lang) if v else "")
    theme_column = MULTI_THEME_COLUMNS.get(kind)
    if theme_column and theme_column in out:
        out[theme_column] = out[theme_column].map(
            lambda v: ", ".join(enum_label("Theme", p, lang) for p in str(v).split(";") if p))
    if "in_scope" in out:
        yes, no = YES_NO.get(lang, YES_NO["fi"])
        out["in_scope"] = out["in_scope"].map(lambda v: yes if v else no)
    labels = {c: column_label(c, lang) for c in out.columns}
    return out.rename(columns=labels)
