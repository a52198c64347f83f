"""Muutoshistoria: every change to the store, newest first, filtered by area (the sidebar's),
kind and person; old → new in words. A project lead undoes one change or a whole batch
(an import, a form save, an earlier undo); the undo is checked and logged like any write."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy.exc import DBAPIError

from yhdyspinta import editing, history
from yhdyspinta.access import PermissionDenied, Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import format_number, t, tn
from yhdyspinta.io.export import export_frame
from yhdyspinta.store import repository as repo
from yhdyspinta.ui import auth, data, plain, tables, widgets
from yhdyspinta.ui import faults as fault_messages

PAGE = "history"
MAX_ROWS = 500  # newest entries shown; filters narrow the rest down
MAX_CHOICES = 200  # entries and batches offered for undo
KEY_KINDS = f"{PAGE}.kinds"
KEY_ACTORS = f"{PAGE}.actors"
KEY_FLASH = f"{PAGE}.flash"


@data.cached(max_entries=8)
def _entries(version: int) -> pd.DataFrame:
    return history.entries(data.kind_frame("changelog", version))


@data.cached(max_entries=32)
def _table(version: int, lang: str, full_actors: bool, area: int | None, kinds: tuple[str, ...],
           actors: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    chosen = history.filter_entries(_entries(version), area=area, kinds=kinds, actors=actors)
    return history.display_table(chosen.head(MAX_ROWS), lang, full_actors=full_actors), len(chosen)


@data.cached(max_entries=16)
def _downloads(version: int, lang: str, full_actors: bool, area: int | None, kinds: tuple[str, ...],
               actors: tuple[str, ...]) -> tuple[bytes, bytes]:
    """The table as shown (masked as shown) as CSV and XLSX."""
    table, _ = _table(version, lang, full_actors, area, kinds, actors)
    return export_frame(table, "csv", "changelog"), export_frame(table, "xlsx", "changelog")


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.history", filters, example_figures=False)
    principal = auth.current_principal()
    full = principal.role == Role.PROJECT_LEAD  # e-mail addresses for project leads only
    st.caption(t("access.history.intro", lang))
    _flash()
    frame = _entries(version)

    left, right = st.columns(2)
    kinds = left.multiselect(t("history.filter_kind", lang), sorted(frame["kind"].unique()), key=KEY_KINDS,
                             format_func=lambda k: history.kind_label(k, lang))
    shown = {str(a): history.shown_actor(str(a), full=full) for a in frame["actor"].unique()}
    people = right.multiselect(t("access.history.filter_actor", lang), sorted(set(shown.values())), key=KEY_ACTORS)
    actors = tuple(sorted(a for a, s in shown.items() if s in people))
    table, total = _table(version, lang, full, filters.area, tuple(sorted(kinds)), actors)
    if table.empty:
        st.write(t("common.no_rows", lang))
    tables.dataframe(table, hide_index=True, width="stretch")
    if total > MAX_ROWS:
        st.caption(tn("access.history.shown", total, lang, shown=format_number(MAX_ROWS, lang),
                       n=format_number(total, lang)))
    else:
        st.caption(tn("common.rows", total, lang))
    if not full:
        st.caption(t("access.history.actors_masked", lang))
    widgets.download_buttons(lang, "yhdyspinta_changelog", *_downloads(version, lang, full, filters.area,
                                                                       tuple(sorted(kinds)), actors), key=PAGE)

    st.subheader(t("access.undo.title", lang))
    if principal.role != Role.PROJECT_LEAD:
        st.caption(t("access.undo.leads_only", lang))
        return
    chosen = history.filter_entries(frame, area=filters.area, kinds=kinds, actors=actors)
    _undo_forms(frame, chosen, principal, lang)


def _flash() -> None:
    message = st.session_state.pop(KEY_FLASH, None)
    if message is not None:
        level, text = message
        (st.success if level == "success" else st.error)(text)


def _undo_forms(frame: pd.DataFrame, chosen: pd.DataFrame, principal: Principal, lang: str) -> None:
    """Undo one of the listed changes, or a whole batch one of them belongs to (described by
    all its changes, not only those the filters show: undo takes the whole batch)."""
    st.caption(t("access.undo.intro", lang))
    reversible = chosen[chosen["action"].isin(editing.REVERSIBLE_ACTIONS)].head(MAX_CHOICES)
    labels = {int(row.id): f"#{row.id} · {history.format_time(row.at, lang)} · {history.kind_label(row.kind, lang)}"
              f" · {history.record_label(row.kind, row.record_key, row.before, row.after, lang)}"
              for row in reversible.itertuples()}
    left, right = st.columns(2)
    with left.form(f"{PAGE}.undo_change"):
        change_id = st.selectbox(t("access.undo.change", lang), list(labels), format_func=labels.__getitem__,
                                 key=f"{PAGE}.change_id", index=None, placeholder=t("access.undo.choose", lang))
        if st.form_submit_button(t("access.undo.change_button", lang), key=f"{PAGE}.undo_change_submit"):
            _run_undo(lambda: editing.undo_change(data.engine(), principal, int(change_id)), change_id, lang)
    listed = set(chosen["batch_id"])
    summaries = [b for b in history.batches(frame) if b.batch_id in listed][:MAX_CHOICES]
    batch_labels = {b.batch_id: tn("access.undo.batch_label", b.changes, lang, at=history.format_time(b.at, lang),
                                   actor=b.actor,
                                   kinds=", ".join(history.kind_label(k, lang) for k in b.kinds))
                    + (f" · {b.note}" if b.note else "") for b in summaries}
    with right.form(f"{PAGE}.undo_batch"):
        batch_id = st.selectbox(t("access.undo.batch", lang), list(batch_labels), format_func=batch_labels.__getitem__,
                                key=f"{PAGE}.batch_id", index=None, placeholder=t("access.undo.choose", lang))
        if st.form_submit_button(t("access.undo.batch_button", lang), key=f"{PAGE}.undo_batch_submit"):
            _run_undo(lambda: editing.undo_batch(data.engine(), principal, str(batch_id)), batch_id, lang)


def _run_undo(action: object, chosen: object, lang: str) -> None:
    if chosen is None:
        st.error(t("access.undo.nothing_chosen", lang))
        return
    try:
        action()  # type: ignore[operator]
    except repo.ConflictError as exc:
        st.error(plain.text("access.undo.conflict", lang, detail=str(exc)))
        return
    except editing.UndoError as exc:
        st.error(plain.text("access.undo.impossible", lang, detail=str(exc)))
        return
    except PermissionDenied:
        st.error(t("access.undo.leads_only", lang))
        return
    except DBAPIError as exc:  # nothing was undone; the form is still there to try again
        fault_messages.report(exc, lang)
        return
    st.session_state[KEY_FLASH] = ("success", t("access.undo.done", lang))
    st.rerun()
