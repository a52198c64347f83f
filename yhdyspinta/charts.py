"""Figures as data: Altair charts built from frames, with no Streamlit in sight."""

from __future__ import annotations

import altair as alt
import pandas as pd

from yhdyspinta.domain import AgreementKind, AgreementStatus
from yhdyspinta.i18n import enum_label, t
from yhdyspinta.tilegrid import tiles

# Colour-blind-safe sequence (Okabe & Ito), one per agreement status in lifecycle order;
# every tile also carries its status as text, so colour is never the only carrier.
STATUS_COLOURS: tuple[str, ...] = ("#BBBBBB", "#E69F00", "#F0E442", "#56B4E9", "#009E73", "#CC79A7")
OUT_OF_SCOPE_COLOUR = "#E5E5E5"
NO_DATA = "–"
TILE_SIZE = 70


def tile_frame(agreements: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per tile: the area's strategic agreement status, or 'not in scope'."""
    status_by_area = {
        int(r.area_code): r.status
        for r in agreements[agreements["kind"] == AgreementKind.COLLABORATION].itertuples()
    }
    rows = []
    for tile in tiles(lang):
        if not tile.in_scope:
            status = t("common.out_of_scope", lang)
        else:
            code = status_by_area.get(tile.code)
            status = enum_label("AgreementStatus", code, lang) if code else NO_DATA
        rows.append({"code": tile.code, "row": tile.row, "col": tile.col, "name": tile.label,
                     "status": status})
    return pd.DataFrame(rows)


def tile_map(frame: pd.DataFrame, lang: str, title: str) -> alt.Chart:
    domain = [enum_label("AgreementStatus", s, lang) for s in AgreementStatus]
    domain += [NO_DATA, t("common.out_of_scope", lang)]
    colours = [*list(STATUS_COLOURS), "#FFFFFF", OUT_OF_SCOPE_COLOUR]
    legend_title = enum_label("AgreementKind", AgreementKind.COLLABORATION, lang)
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        tooltip=[alt.Tooltip("name:N", title=t("filter.area", lang)),
                 alt.Tooltip("status:N", title=legend_title)],
    )
    rect = base.mark_rect(stroke="#333333", strokeWidth=1, cornerRadius=3).encode(
        color=alt.Color("status:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(title=legend_title, orient="right")),
    )
    name = base.mark_text(baseline="bottom", dy=-2, fontSize=10, color="#000000").encode(text="name:N")
    status = base.mark_text(baseline="top", dy=4, fontSize=9, color="#222222").encode(text="status:N")
    return (rect + name + status).properties(width=4 * TILE_SIZE * 1.6, height=8 * TILE_SIZE * 0.8)
