"""Editing forms the data pages place under their tables: an agreement's status and dates, a
council's approval, a collaboration structure, a maturity self-assessment.

Each form validates through the kind's record (the same rules as an import) and writes
through `yhdyspinta.editing.save`, which checks the principal's rights and the record's
`row_version`. The version is the one the form showed: it is kept in the session until the
form is saved, so a record someone else saved meanwhile gives a conflict message instead of
being overwritten. A viewer sees only a short note.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError

from yhdyspinta import editing, facts, records
from yhdyspinta.access import PermissionDenied, Principal, editable_areas
from yhdyspinta.display import area_name, municipality_name
from yhdyspinta.domain import (
    AgreementKind,
    AgreementStatus,
    ApprovalStatus,
    MaturityLevel,
    RespondentRole,
    Role,
    StructureKind,
    Theme,
    parse_themes,
)
from yhdyspinta.filters import Filters
from yhdyspinta.history import field_label, role_label
from yhdyspinta.i18n import column_label, enum_label, format_day, t, tn
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.store import repository as repo
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.ui import auth, data, plain, widgets
from yhdyspinta.ui import faults as fault_messages

DATE_FORMAT = "DD.MM.YYYY"
FIRST_DAY, LAST_DAY = records.FIRST_DAY, records.LAST_DAY  # the records' own bounds
NEW = "__new__"
ROW_VERSION = editing.ROW_VERSION


@dataclass(frozen=True)
class Snapshot:
    """The record a form showed: which one, and its values with `row_version`."""

    record_id: tuple[Any, ...]
    record: dict[str, Any] | None

    @property
    def version(self) -> int | None:
        return None if self.record is None else int(self.record[ROW_VERSION])


# --- shared machinery ---------------------------------------------------------------------

def _field_key(prefix: str, name: str) -> str:
    return f"{prefix}.f.{name}"


def _submit_key(prefix: str) -> str:
    return f"{prefix}.submit"


def _snapshot(prefix: str, record_id: tuple[Any, ...], load: Callable[[], dict[str, Any] | None]) -> Snapshot:
    """The record as this form shows it. On the run that submits the form it is the one
    shown before (not re-read), so the save carries the version the editor actually saw;
    otherwise it is read afresh, and the fields reset when the record changed."""
    state_key = f"{prefix}.snapshot"
    stored: Snapshot | None = st.session_state.get(state_key)
    if st.session_state.get(_submit_key(prefix)) and stored is not None and stored.record_id == record_id:
        return stored
    fresh = Snapshot(record_id, load())
    if stored is None or stored.record_id != record_id or stored.version != fresh.version:
        for key in [k for k in st.session_state if str(k).startswith(f"{prefix}.f.")]:
            del st.session_state[key]
    st.session_state[state_key] = fresh
    return fresh


def _forget(prefix: str) -> None:
    st.session_state.pop(f"{prefix}.snapshot", None)


def _flash(prefix: str) -> None:
    """Show (once) what the last save did: it survives the rerun that refreshes the page."""
    message = st.session_state.pop(f"{prefix}.flash", None)
    if message is None:
        return
    level, text = message
    {"success": st.success, "error": st.error, "info": st.info}[level](text)


def _set_flash(prefix: str, level: str, text: str) -> None:
    st.session_state[f"{prefix}.flash"] = (level, text)


def _reason(error: Any, lang: str) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("missing", "string_too_short") or error.get("input") is None:
        return t("access.form.reason.missing", lang)
    if kind == "string_too_long" and isinstance(ctx.get("max_length"), int):
        return tn("access.form.reason.too_long", ctx["max_length"], lang, max=ctx["max_length"])
    if kind == "string_pattern_mismatch":
        return t("access.form.reason.pattern", lang)
    if kind in ("greater_than_equal", "less_than_equal"):
        return t("access.form.reason.range", lang, low=ctx.get("ge", "–"), high=ctx.get("le", "–"))
    return plain.text("access.form.reason.other", lang, detail=str(ctx.get("error", error.get("msg", kind))))


def validation_messages(exc: ValidationError, lang: str) -> list[str]:
    """One line per invalid field, naming the field as the form labels it."""
    out = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error.get("loc") else ""
        label = field_label(name, lang) if name else "–"
        out.append(t("access.form.invalid", lang, field=label, reason=_reason(error, lang)))
    return out


def _save(prefix: str, lang: str, principal: Principal, kind: str, values: dict[str, Any],
          expected_version: int | None, *, conflict_key: str = "access.form.conflict") -> None:
    """Save and report in words; on success or conflict rerun so the page shows the store."""
    try:
        batch = editing.save(data.engine(), principal, kind, values, expected_version=expected_version)
    except ValidationError as exc:
        st.error("\n\n".join([t("access.form.not_saved", lang), *validation_messages(exc, lang)]))
        return
    except PermissionDenied:
        st.error(t("access.form.denied", lang))
        return
    except repo.ConflictError:
        _forget(prefix)
        _set_flash(prefix, "error", t(conflict_key, lang))
        st.rerun()
    except ValueError as exc:  # a record's own cross-field rule
        st.error("\n\n".join([t("access.form.not_saved", lang),
                                plain.text("access.form.reason.other", lang, detail=str(exc))]))
        return
    except DBAPIError as exc:  # locked, read-only, connection lost: said in words, the form kept
        fault_messages.report(exc, lang)
        return
    if batch is None:
        st.info(t("access.form.unchanged", lang))
        return
    _forget(prefix)
    _set_flash(prefix, "success", t("access.form.saved", lang))
    st.rerun()


def _pick_area(filters: Filters, principal: Principal, prefix: str) -> int | None:
    """The area to edit: the sidebar's area if the principal may edit it, else a choice
    among theirs. None (with a note) when there is nothing they may edit here."""
    lang = filters.lang
    allowed = editable_areas(principal)
    if filters.area is not None:
        if filters.area in allowed:
            return filters.area
        names = ", ".join(sorted(area_name(a, lang) for a in allowed))
        st.markdown(t("access.form.other_area", lang, area=area_name(filters.area, lang), areas=names))
        return None
    options = sorted(allowed, key=lambda a: area_name(a, lang))
    if not options:
        return None
    return st.selectbox(t("filter.area", lang), options, key=f"{prefix}.area",
                        format_func=lambda a: area_name(a, lang))


def _start(title_key: str, filters: Filters, principal: Principal, prefix: str) -> int | None:
    """Heading, last save's message, and the area – or the read-only note for a viewer."""
    lang = filters.lang
    if not principal.can_write_anything:
        auth.read_only_note(lang)
        return None
    st.subheader(t(title_key, lang))
    _flash(prefix)
    return _pick_area(filters, principal, prefix)


def _date(label_field: str, value: date | None, prefix: str, lang: str) -> date | None:
    return st.date_input(column_label(label_field, lang), value=value, min_value=FIRST_DAY, max_value=LAST_DAY,
                         format=DATE_FORMAT, key=_field_key(prefix, label_field))


def _choice(label_field: str, options: Sequence[str], current: str | None, enum_name: str, prefix: str,
            lang: str, *, optional: bool = False) -> str | None:
    choices: list[str | None] = [None, *options] if optional else list(options)
    index = choices.index(current) if current in choices else 0
    return st.selectbox(column_label(label_field, lang), choices, index=index, key=_field_key(prefix, label_field),
                        format_func=lambda v: "–" if v is None else enum_label(enum_name, v, lang))


def _submit(prefix: str, lang: str) -> bool:
    return st.form_submit_button(t("access.form.save", lang), key=_submit_key(prefix), type="primary")


# --- the forms ----------------------------------------------------------------------------

def _terms(version: int, area: int, kind: str) -> dict[date, str]:
    """The area's agreements of `kind` by term start, newest first, with their titles."""
    frame = data.kind_frame("agreements", version)
    rows = frame[(frame["area_code"] == area) & (frame["kind"] == kind)]
    pairs = sorted(zip(rows["term_start"], rows["title"], strict=True), reverse=True)
    return {term: str(title) for term, title in pairs}


def _pick_term(terms: dict[date, str], prefix: str, lang: str, *, new: bool) -> date | str:
    """Which of an area's agreements of a kind (the newest first), or NEW for a new term."""
    options: list[date | str] = [*terms, NEW] if new else list(terms)
    return st.selectbox(t("access.form.agreement.term", lang), options, key=f"{prefix}.term",
                        format_func=lambda v: t("access.form.agreement.new_term", lang) if v == NEW
                        else f"{format_day(v, lang)} – {terms[v]}")


def agreement_form(filters: Filters, version: int, principal: Principal, key_prefix: str) -> None:
    """Add an area's agreement (also one for a new term, beside its predecessor) or change
    its status, dates, themes and link."""
    lang = filters.lang
    area = _start("access.form.agreement.title", filters, principal, key_prefix)
    if area is None:
        return
    kind = st.selectbox(column_label("kind", lang), [k.value for k in AgreementKind], key=f"{key_prefix}.kind",
                        format_func=lambda k: enum_label("AgreementKind", k, lang))
    terms = _terms(version, area, kind)
    term = _pick_term(terms, key_prefix, lang, new=True)
    snap = _snapshot(key_prefix, (area, kind, term), (lambda: None) if term == NEW else
                     (lambda: editing.read_record(data.engine(), "agreements", (area, kind, term))))
    current = snap.record or {}
    if term == NEW:
        st.caption(t("access.form.agreement.renewal", lang) if terms else t("access.form.agreement.new", lang))
    with st.form(f"{key_prefix}.form"):
        if term == NEW:
            term_start = _date("term_start", None, key_prefix, lang)
        else:
            term_start = term
            st.markdown(f"**{column_label('term_start', lang)}:** {format_day(term, lang)}")
        title = st.text_input(column_label("title", lang), value=current.get("title") or enum_label(
            "AgreementKind", kind, lang), key=_field_key(key_prefix, "title"))
        status = _choice("status", [s.value for s in AgreementStatus], current.get("status"), "AgreementStatus",
                         key_prefix, lang)
        left, right = st.columns(2)
        with left:
            started = _date("preparation_started_on", current.get("preparation_started_on"), key_prefix, lang)
            valid_from = _date("valid_from", current.get("valid_from"), key_prefix, lang)
        with right:
            approved = _date("approved_on", current.get("approved_on"), key_prefix, lang)
            valid_until = _date("valid_until", current.get("valid_until"), key_prefix, lang)
        themes = st.multiselect(column_label("themes", lang), [th.value for th in Theme],
                                default=[th.value for th in parse_themes(current.get("themes") or "")],
                                format_func=lambda v: enum_label("Theme", v, lang),
                                key=_field_key(key_prefix, "themes"))
        url = st.text_input(column_label("document_url", lang), value=current.get("document_url") or "",
                            key=_field_key(key_prefix, "document_url"), placeholder="https://")
        if _submit(key_prefix, lang):
            if term_start is None:
                st.error(t("access.form.agreement.term_needed", lang))
                return
            _save(key_prefix, lang, principal, "agreements", {
                "area_code": area, "kind": kind, "term_start": term_start, "title": title, "status": status,
                "preparation_started_on": started, "approved_on": approved, "valid_from": valid_from,
                "valid_until": valid_until, "themes": ";".join(themes), "document_url": url,
            }, snap.version, conflict_key="access.form.agreement.exists" if term == NEW else "access.form.conflict")


def approval_form(filters: Filters, version: int, principal: Principal, key_prefix: str) -> None:
    """Record a municipal council's decision on one of its area's agreements."""
    lang = filters.lang
    area = _start("access.form.approval.title", filters, principal, key_prefix)
    if area is None:
        return
    agreements = data.kind_frame("agreements", version)
    kinds = [k.value for k in AgreementKind if k.value in set(agreements.loc[agreements["area_code"] == area, "kind"])]
    if not kinds:
        st.caption(t("access.form.approval.no_agreement", lang, area=area_name(area, lang)))
        return
    kind = st.selectbox(column_label("agreement_kind", lang), kinds, key=f"{key_prefix}.kind",
                        format_func=lambda k: enum_label("AgreementKind", k, lang))
    term = _pick_term(_terms(version, area, kind), key_prefix, lang, new=False)
    members = sorted((m.code for m in facts.municipalities() if m.area_code == area),
                     key=lambda c: municipality_name(c, lang))
    chosen = [c for c in filters.municipalities if c in members]
    municipality = st.selectbox(column_label("municipality_code", lang), members,
                                index=members.index(chosen[0]) if chosen else 0, key=f"{key_prefix}.municipality",
                                format_func=lambda c: municipality_name(c, lang))
    key = (area, kind, term, municipality)
    snap = _snapshot(key_prefix, key, lambda: editing.read_record(data.engine(), "approvals", key))
    current = snap.record or {}
    with st.form(f"{key_prefix}.form"):
        status = _choice("status", [s.value for s in ApprovalStatus], current.get("status"), "ApprovalStatus",
                         key_prefix, lang)
        decided = _date("decided_on", current.get("decided_on"), key_prefix, lang)
        if _submit(key_prefix, lang):
            _save(key_prefix, lang, principal, "approvals", {
                "area_code": area, "agreement_kind": kind, "agreement_term_start": term,
                "municipality_code": municipality, "status": status, "decided_on": decided}, snap.version)


def structure_form(filters: Filters, version: int, principal: Principal, key_prefix: str) -> None:
    """Add a collaboration structure, or change an existing one's theme, date and link."""
    lang = filters.lang
    area = _start("access.form.structure.title", filters, principal, key_prefix)
    if area is None:
        return
    frame = data.kind_frame("structures", version)
    own = frame[frame["area_code"] == area]
    existing = [(str(k), str(n)) for k, n in zip(own["kind"], own["name"], strict=True)]
    choice = st.selectbox(t("access.form.structure.which", lang), [NEW, *[f"{k}|{n}" for k, n in existing]],
                          key=f"{key_prefix}.which",
                          format_func=lambda v: t("access.form.structure.new", lang) if v == NEW else
                          f"{v.split('|', 1)[1]} ({enum_label('StructureKind', v.split('|', 1)[0], lang)})")
    if choice == NEW:
        snap = _snapshot(key_prefix, (area, NEW), lambda: None)
    else:
        kind_code, name_text = choice.split("|", 1)
        key = (area, kind_code, name_text)
        snap = _snapshot(key_prefix, key, lambda: editing.read_record(data.engine(), "structures", key))
    current = snap.record or {}
    with st.form(f"{key_prefix}.form"):
        if choice == NEW:
            kind = _choice("kind", [k.value for k in StructureKind], None, "StructureKind", key_prefix, lang)
            name = st.text_input(column_label("name", lang), key=_field_key(key_prefix, "name"))
        else:
            kind, name = kind_code, name_text
            st.markdown(f"**{plain.escape(name)}** – {enum_label('StructureKind', kind, lang)}")
        theme = _choice("theme", [th.value for th in Theme], current.get("theme"), "Theme", key_prefix, lang,
                        optional=True)
        established = _date("established_on", current.get("established_on"), key_prefix, lang)
        url = st.text_input(column_label("url", lang), value=current.get("url") or "",
                            key=_field_key(key_prefix, "url"), placeholder="https://")
        if _submit(key_prefix, lang):
            _save(key_prefix, lang, principal, "structures", {
                "area_code": area, "kind": kind, "name": name, "theme": theme, "established_on": established,
                "url": url}, snap.version,
                conflict_key="access.form.structure.exists" if choice == NEW else "access.form.conflict")


def maturity_form(filters: Filters, version: int, principal: Principal, key_prefix: str) -> None:
    """One respondent's self-assessment of the area's collaboration on the eight dimensions."""
    lang = filters.lang
    area = _start("access.form.maturity.title", filters, principal, key_prefix)
    if area is None:
        return
    st.caption(t("access.form.maturity.intro", lang))
    levels = [int(level) for level in MaturityLevel]
    with st.form(f"{key_prefix}.form"):
        assessed = st.date_input(column_label("assessed_on", lang), value=finnish_today(), min_value=FIRST_DAY,
                                 max_value=LAST_DAY, format=DATE_FORMAT, key=_field_key(key_prefix, "assessed_on"))
        role = _choice("respondent_role", [r.value for r in RespondentRole], None, "RespondentRole", key_prefix, lang)
        scores: dict[str, int | None] = {}
        for column in MATURITY_COLUMNS:
            descriptions = [t(f"analysis.continuum.{column}.{level}", lang) for level in levels]
            scores[column] = st.radio(
                column_label(column, lang), levels, index=None, horizontal=True,
                key=_field_key(key_prefix, column),
                format_func=lambda v: f"{v} – {enum_label('MaturityLevel', v, lang)}",
                captions=descriptions,
                help="\n\n".join(f"{v}: {d}" for v, d in zip(levels, descriptions, strict=True)),
            )
        if _submit(key_prefix, lang):
            number = _next_respondent(area, assessed)
            _save(key_prefix, lang, principal, "maturity", {
                "area_code": area, "assessed_on": assessed, "respondent_no": number, "respondent_role": role,
                **scores}, None)


def _next_respondent(area: int, assessed: date | None) -> int:
    """The next anonymous respondent number of the area on that day (read at save time;
    two saving at once collide on the unique key and the second gets a conflict)."""
    frame = repo.read_kind(data.engine(), "maturity")
    same = frame[(frame["area_code"] == area) & (frame["assessed_on"] == assessed)]
    return int(same["respondent_no"].max()) + 1 if not same.empty else 1


# --- roles (project leads only; enforced in editing.write, "roles" being a national kind) ----

def role_form(filters: Filters, version: int, principal: Principal, key_prefix: str) -> None:
    """Give a person (their sign-in e-mail) a role, or change an existing assignment."""
    lang = filters.lang
    st.subheader(t("access.admin.add_title", lang))
    _flash(key_prefix)
    roles = data.kind_frame("roles", version)
    subjects = sorted(str(s) for s in roles["subject"])
    choice = st.selectbox(t("access.admin.which", lang), [NEW, *subjects], key=f"{key_prefix}.which",
                          format_func=lambda v: t("access.admin.new", lang) if v == NEW else v)
    snap = _snapshot(key_prefix, (choice,), (lambda: None) if choice == NEW
                     else (lambda: editing.read_record(data.engine(), "roles", (choice,))))
    current = snap.record or {}
    in_scope = sorted((a.code for a in facts.in_scope_areas()), key=lambda a: area_name(a, lang))
    with st.form(f"{key_prefix}.form"):
        if choice == NEW:
            subject = st.text_input(t("access.admin.subject", lang), key=_field_key(key_prefix, "subject"),
                                    placeholder="etunimi.sukunimi@organisaatio.fi")
        else:
            subject = choice
            st.markdown(f"**{plain.escape(choice)}**")
        role = st.selectbox(t("access.admin.role", lang), [r.value for r in Role],
                            index=[r.value for r in Role].index(current.get("role", Role.AREA_EDITOR.value)),
                            key=_field_key(key_prefix, "role"), format_func=lambda r: role_label(r, lang))
        areas = st.multiselect(t("access.admin.areas", lang), in_scope,
                               default=[int(c) for c in str(current.get("area_codes") or "").split(";") if c],
                               format_func=lambda a: area_name(a, lang), key=_field_key(key_prefix, "areas"),
                               help=t("access.admin.areas_help", lang))
        if _submit(key_prefix, lang):
            if role == Role.AREA_EDITOR.value and not areas:
                st.error(t("access.admin.areas_required", lang))
                return
            codes = ";".join(str(a) for a in sorted(areas)) if role == Role.AREA_EDITOR.value else ""
            _save(key_prefix, lang, principal, "roles", {"subject": subject, "role": role, "area_codes": codes},
                  snap.version, conflict_key="access.admin.exists" if choice == NEW else "access.form.conflict")


def role_remove_form(filters: Filters, version: int, principal: Principal, key_prefix: str) -> None:
    """Remove a person's role assignment (they become a viewer)."""
    lang = filters.lang
    st.subheader(t("access.admin.remove_title", lang))
    _flash(key_prefix)
    subjects = sorted(str(s) for s in data.kind_frame("roles", version)["subject"])
    if not subjects:
        st.caption(t("access.admin.none", lang))
        return
    choice = st.selectbox(t("access.admin.subject", lang), subjects, key=f"{key_prefix}.which")
    snap = _snapshot(key_prefix, (choice,), lambda: editing.read_record(data.engine(), "roles", (choice,)))
    with st.form(f"{key_prefix}.form"):
        sure = st.checkbox(plain.text("access.admin.remove_confirm", lang, subject=choice),
                           key=_field_key(key_prefix, "sure"))
        if st.form_submit_button(t("access.admin.remove", lang), key=_submit_key(key_prefix)):
            if not sure:
                st.error(t("access.admin.remove_confirm_needed", lang))
                return
            if snap.record is None:
                _forget(key_prefix)
                _set_flash(key_prefix, "error", t("access.form.conflict", lang))
                st.rerun()
            try:
                editing.delete_record(data.engine(), principal, "roles", (choice,), expected_version=snap.version or 0)
            except PermissionDenied:
                st.error(t("access.form.denied", lang))
                return
            except DBAPIError as exc:
                fault_messages.report(exc, lang)
                return
            except repo.ConflictError:
                _forget(key_prefix)
                _set_flash(key_prefix, "error", t("access.form.conflict", lang))
                st.rerun()
            _forget(key_prefix)
            _set_flash(key_prefix, "success", plain.text("access.admin.removed", lang, subject=choice))
            st.rerun()


Form = Callable[[Filters, int, Principal, str], None]


def edit_section(page: str, *forms: Form) -> None:
    """A page's editing forms under the sidebar's filters, as the signed-in person; one
    read-only note instead when they may not write. Keys are namespaced "<page>.<form>"."""
    filters = widgets.current_filters()
    principal = auth.current_principal()
    if not principal.can_write_anything:
        auth.read_only_note(filters.lang)
        return
    version = data.data_version()
    for form in forms:
        form(filters, version, principal, f"{page}.{form.__name__}")
