"""Tuonti: check a file, show what it would change, and write it only when the user confirms.

The same `prepare_import` / `commit_import` as the command line. Only someone who may write
the chosen kind at all (an area editor for their areas' kinds, a project lead for every kind)
gets the file uploader: anyone else gets the refusal in its place, so an anonymous visitor
cannot make the server parse anything. Writing is refused again where it happens
(`yhdyspinta.editing`) whatever this page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from sqlalchemy.exc import DBAPIError

from yhdyspinta.access import PermissionDenied, Principal, check, check_kind, refusal_text
from yhdyspinta.i18n import format_number, t, tn
from yhdyspinta.io import importer, limits
from yhdyspinta.io.export import template
from yhdyspinta.kinds import WRITABLE_KINDS
from yhdyspinta.ui import auth, data, plain, tables, widgets
from yhdyspinta.ui import faults as fault_messages

PAGE = "upload"
KEY_KIND = f"{PAGE}.kind"
KEY_FILE = f"{PAGE}.file"
KEY_SHEET = f"{PAGE}.sheet"
KEY_SHEETS = f"{PAGE}._sheets"
KEY_FORUM_DATE = f"{PAGE}.forum_date"
KEY_TEMPLATE = f"{PAGE}.template"
KEY_CONFIRM = f"{PAGE}.confirm"
KEY_REPORT = f"{PAGE}._report"
KEY_RESULT = f"{PAGE}._result"
# Roles are managed on the admin page, not by file.
PAGE_KINDS: tuple[str, ...] = tuple(k for k in WRITABLE_KINDS if k != "roles")
KIND_TITLES = {"agreements": "nav.agreements", "approvals": "upload.kind.approvals",
               "structures": "nav.structures", "forums": "nav.forums",
               "participation": "nav.participation", "survey": "nav.survey",
               "maturity": "nav.maturity", "pilots": "nav.pilots"}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class UploadRequest:
    """Everything an import depends on; the report is recomputed only when this changes."""

    kind: str
    file_id: str
    file_name: str
    sheet: str | None
    forum_date: date | None
    version: int


def kind_title(kind: str, lang: str) -> str:
    return t(KIND_TITLES.get(kind, "nav.upload"), lang)


def import_refusal(principal: Principal, kind: str, lang: str) -> str | None:
    """Why `principal` may not import `kind` at all, in `lang`, or None: asked before a file is read."""
    try:
        check_kind(principal, kind)
    except PermissionDenied as exc:
        return refusal_text(exc, lang)
    return None


def write_refusal(principal: Principal, report: importer.ImportReport, lang: str) -> str | None:
    """Why `principal` may not write this import (the same check the write path makes), in
    `lang`, or None."""
    if report.plan is None or not report.plan.changes:
        return None
    records = [c.after for c in report.plan.changes if c.after is not None]
    try:
        check(principal, report.kind, records)
    except PermissionDenied as exc:
        return refusal_text(exc, lang)
    return None


def confirm(request: UploadRequest, content: bytes, previewed: str, principal: Principal,
            lang: str) -> tuple[str, Any]:
    """Check the file again against the store as it is now and write it if the plan is still
    the one the user saw. Returns ("saved", report), ("stale", report) or ("denied", reason in
    `lang`)."""
    engine = data.engine()
    fresh = importer.prepare_import(engine, request.kind, content, request.file_name, sheet=request.sheet,
                                    forum_date=request.forum_date)
    if not fresh.ok or importer.fingerprint(fresh) != previewed:
        return "stale", fresh
    try:
        batch = importer.commit_import(engine, fresh, principal)
    except PermissionDenied as exc:
        return "denied", refusal_text(exc, lang)
    return "saved", (fresh, batch)


@data.cached(max_entries=len(PAGE_KINDS))
def _template(kind: str) -> bytes:
    return template(kind)


def _report(request: UploadRequest, content: bytes) -> importer.ImportReport:
    cached = st.session_state.get(KEY_REPORT)
    if cached is not None and cached[0] == request:
        return cached[1]
    report = importer.prepare_import(data.engine(), request.kind, content, request.file_name,
                                     sheet=request.sheet, forum_date=request.forum_date)
    st.session_state[KEY_REPORT] = (request, report)
    return report


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.upload", filters, example_figures=False)
    principal = auth.current_principal()
    st.write(t("upload.intro", lang))
    result = st.session_state.pop(KEY_RESULT, None)
    if result is not None:
        level, text = result
        (st.success if level == "saved" else st.warning)(text, icon="✅" if level == "saved" else "⚠️")

    kind = st.selectbox(t("upload.kind", lang), PAGE_KINDS, key=KEY_KIND,
                        format_func=lambda k: kind_title(k, lang))
    st.download_button(t("upload.template", lang), _template(kind), file_name=f"yhdyspinta_{kind}_pohja.xlsx",
                       mime=XLSX_MIME, key=KEY_TEMPLATE)
    with st.expander(t("upload.columns", lang)):
        tables.dataframe(importer.expected_columns(kind, lang), hide_index=True, width="stretch")
    refusal = import_refusal(principal, kind, lang)
    if refusal is not None:
        # The refusal in the uploader's place. With no uploader on the page Streamlit hands the
        # script no file (a file picked before the role was lost is dropped with the widget),
        # so nothing of it is read.
        st.info(t("upload.sign_in_needed", lang) if not principal.can_write_anything
                else t("upload.refused", lang, reason=refusal), icon="🔒")
        return
    # Streamlit refuses a larger upload itself (server.maxUploadSize in .streamlit/config.toml).
    uploaded = st.file_uploader(t("upload.file", lang, limit=limits.MAX_FILE_MB), key=KEY_FILE,
                                max_upload_size=limits.MAX_FILE_MB)
    forum_date = None
    if kind == "participation":
        forum_date = st.date_input(t("upload.forum_date", lang), value=None, key=KEY_FORUM_DATE,
                                   format="DD.MM.YYYY")
    if uploaded is None:
        return
    content = uploaded.getvalue()
    sheet_slot = st.empty()
    request = UploadRequest(kind, uploaded.file_id, uploaded.name, _chosen_sheet(uploaded.file_id), forum_date,
                            version)
    report = _report(request, content)
    # The sheets come with the report, from the same single reading of the workbook.
    st.session_state[KEY_SHEETS] = (uploaded.file_id, report.sheets)
    if len(report.sheets) > 1:
        sheet_slot.selectbox(t("upload.sheet", lang), report.sheets, key=KEY_SHEET)
    _show_report(report, lang)
    if report.ok:
        _show_preview_and_confirm(report, request, content, principal, lang)


def _chosen_sheet(file_id: str) -> str | None:
    """The sheet chosen for this file, or None for its first sheet (what a workbook read
    without a choice gives, so choosing nothing and choosing the first are one request)."""
    known = st.session_state.get(KEY_SHEETS)
    if known is None or known[0] != file_id:
        # A new file: its sheets are not known before it is read, and an old choice means nothing.
        st.session_state.pop(KEY_SHEET, None)
        return None
    chosen = st.session_state.get(KEY_SHEET)
    return chosen if chosen in known[1][1:] else None


def _show_report(report: importer.ImportReport, lang: str) -> None:
    for note in report.notes:
        st.info(plain.text(note.text_key, lang, **note.values(lang)), icon="ℹ️")
    if report.problems:
        st.error(t("upload.problems", lang, n=len(report.problems)), icon="⛔")
        tables.dataframe(importer.problem_rows(report.problems, lang), hide_index=True, width="stretch")
    if report.warnings:
        st.subheader(t("upload.warnings", lang))
        tables.dataframe(importer.problem_rows(report.warnings, lang), hide_index=True, width="stretch")


def _show_preview_and_confirm(report: importer.ImportReport, request: UploadRequest, content: bytes,
                              principal: Principal, lang: str) -> None:
    shown = importer.preview(report, lang)
    st.subheader(t("upload.preview", lang))
    cols = st.columns(3)
    cols[0].metric(t("upload.added", lang), format_number(len(shown.added), lang))
    cols[1].metric(t("upload.changed", lang), format_number(len({r[t("import.col.record", lang)]
                                                                 for r in shown.changed}), lang))
    cols[2].metric(t("upload.unchanged", lang), format_number(shown.unchanged, lang))
    if shown.added:
        st.markdown(f"**{t('upload.added_rows', lang)}**")
        tables.dataframe(shown.added, hide_index=True, width="stretch")
    if shown.changed:
        st.markdown(f"**{t('upload.changed_rows', lang)}**")
        tables.dataframe(shown.changed, hide_index=True, width="stretch")
    assert report.plan is not None
    if not report.plan.changes:
        st.info(t("upload.nothing_to_do", lang), icon="ℹ️")
        return
    refusal = write_refusal(principal, report, lang) if principal.can_write_anything else None
    if refusal is not None:
        st.error(plain.text("upload.not_allowed", lang, reason=refusal), icon="⛔")
    allowed = principal.can_write_anything and refusal is None
    if st.button(t("upload.confirm", lang), key=KEY_CONFIRM, type="primary", disabled=not allowed):
        try:
            outcome, detail = confirm(request, content, importer.fingerprint(report), principal, lang)
        except DBAPIError as exc:  # nothing was written (one transaction); the button is the retry
            fault_messages.report(exc, lang)
            return
        if outcome == "denied":
            st.error(plain.text("upload.not_allowed", lang, reason=detail), icon="⛔")
            return
        if outcome == "stale":
            st.session_state[KEY_REPORT] = (request, detail)
            st.session_state[KEY_RESULT] = ("stale", t("upload.stale", lang))
        else:
            saved, batch = detail
            summary = saved.plan.summary()
            st.session_state[KEY_RESULT] = ("saved", t("upload.saved", lang, batch=batch,
                                                       added=tn("count.added", summary["added"], lang),
                                                       changed=tn("count.changed", summary["changed"], lang)))
        st.rerun()
