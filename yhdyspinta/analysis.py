"""Aggregations behind the analysis pages: agreements, forums, survey and maturity.

Pure functions on the kinds' frames (as `repository.read_kind` returns them). They answer in
codes (area codes, enum values, dates), never in words: labels for people are put on by
`yhdyspinta.charts_analysis`. Every function accepts empty frames and gives a frame with the
documented columns, so a store with no data draws empty charts rather than failing.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.domain import (
    ALL_RESPONDENTS,
    AgreementKind,
    AgreementStatus,
    ApprovalStatus,
    OrgType,
    RespondentRole,
    SurveyLevel,
    Theme,
)
from yhdyspinta.indicators.asof import (
    SHOWN_STATUSES,
    AgreementState,
    AsOf,
    agreements_of_the_day,
    approvals_of_the_day,
    as_date,
    finnish_today,
    held_days,
    known_decisions,
    shown_status,
)
from yhdyspinta.indicators.catalogue import by_area, maturity_level
from yhdyspinta.store.schema import MATURITY_COLUMNS

# --------------------------------------------------------------------------- agreements

# The lifecycle in order; a cell's stage is its index here (0 = not started).
LIFECYCLE: tuple[AgreementStatus, ...] = tuple(AgreementStatus)
# An approved agreement whose validity has ended (Strategic.shown): in the stage grid's order after
# every stage of the lifecycle and before an area without an agreement.
EXPIRED = AgreementState.EXPIRED.value
EXPIRED_STAGE = -0.5
# A municipality of an area whose agreement has no approval row: the council has not had it.
NOT_SUBMITTED = "ei_kasittelyssa"
APPROVAL_ORDER: tuple[str, ...] = (ApprovalStatus.APPROVED.value, ApprovalStatus.PENDING.value,
                                   ApprovalStatus.REJECTED.value, NOT_SUBMITTED)


def _in_scope_codes() -> list[int]:
    return [a.code for a in facts.in_scope_areas()]


def _members(area_code: int) -> list[str]:
    return [m.code for m in facts.municipalities() if m.area_code == area_code]


def agreement_grid(agreements: pd.DataFrame, state: AsOf) -> pd.DataFrame:
    """Every area (Åland too, out of scope) × every agreement kind, on the day of `state`.

    Each kind's agreement of the day (`agreements_of_the_day`: a renewal from its term on), but
    the strategic agreement is the catalogue's (`Strategic`, as on the map); each with its status
    as shown (`shown_status`, `Strategic.shown`: EXPIRED once an approved agreement's validity
    has ended). Columns: area_code, in_scope, kind, status (code, EXPIRED, or
    missing when the area has no agreement of that kind), stage (lifecycle index, EXPIRED_STAGE,
    or -1), title, approved_on.
    """
    by_key = {(int(r.area_code), kind.value): r for kind in AgreementKind
              for r in agreements_of_the_day(agreements, kind, state.as_of).itertuples()}
    # The strategic agreement's cell is the catalogue's own (`Strategic`: its row and status), as
    # on the map: after a term has ended, the expired agreement until a renewal is approved.
    collaboration = agreements[agreements["kind"] == AgreementKind.COLLABORATION]
    by_term = ({(int(r.area_code), as_date(r.term_start)): r for r in collaboration.itertuples()}
               if "term_start" in collaboration else {})
    for area_code, strategic in state.strategic.items():
        found = by_term.get((area_code, strategic.term_start)) if strategic.term_start is not None else None
        if found is not None:
            by_key[(area_code, AgreementKind.COLLABORATION.value)] = found
    rows = []
    for area in facts.areas():
        for kind in AgreementKind:
            found = by_key.get((area.code, kind.value)) if area.in_scope else None
            status = shown_status(str(found.status), found.valid_from, found.valid_until, state.as_of) \
                if found is not None else None
            strategic = state.strategic.get(area.code)
            if kind == AgreementKind.COLLABORATION and found is not None and strategic is not None:
                status = strategic.shown or status
            rows.append({
                "area_code": area.code, "in_scope": area.in_scope, "kind": kind.value, "status": status,
                "stage": stage(status),
                "title": str(found.title) if found is not None else None,
                "approved_on": found.approved_on if found is not None else None,
            })
    return pd.DataFrame(rows)


def stage(status: str | None) -> float:
    """A shown status's place along the lifecycle, the order of the stage grid and the status
    slide: its index in LIFECYCLE, EXPIRED_STAGE after every stage, -1 with no agreement."""
    if status is None:
        return -1
    return EXPIRED_STAGE if status == EXPIRED else LIFECYCLE.index(AgreementStatus(status))


def lifecycle_counts(agreements: pd.DataFrame, state: AsOf, kind: str = AgreementKind.COLLABORATION) -> pd.DataFrame:
    """How many in-scope areas but Helsinki (not applicable) are at each lifecycle status for one
    agreement kind on the day (EXPIRED after the lifecycle), plus the areas with no such agreement
    (status None). Columns: status, areas."""
    grid = agreement_grid(agreements, state)
    grid = grid[grid["in_scope"] & (grid["kind"] == str(kind)) & (grid["area_code"] != facts.HELSINKI_AREA_CODE)]
    rows = [{"status": s, "areas": int((grid["status"] == s).sum())} for s in SHOWN_STATUSES]
    rows.append({"status": None, "areas": int(grid["status"].isna().sum())})
    return pd.DataFrame(rows)


def municipality_approvals(agreements: pd.DataFrame, approvals: pd.DataFrame, as_of: date,
                           log: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every in-scope municipality × each agreement kind of its area, with the council's decision
    on the area's agreement of that kind of the day, as the catalogue counts it
    (`asof.council_decisions`: a renewal from its term on, a decision once known by the day).

    A municipality whose area has the agreement but no decision on it gets NOT_SUBMITTED; one
    whose area has no agreement at all gets one row with kind None and status NOT_SUBMITTED,
    so every municipality appears. Columns: area_code, municipality_code, kind, status, decided_on.
    """
    kinds_by_area: dict[int, list[str]] = {}
    for r in agreements.itertuples():
        kinds = kinds_by_area.setdefault(int(r.area_code), [])
        if str(r.kind) not in kinds:
            kinds.append(str(r.kind))
    kind_order = [k.value for k in AgreementKind]
    present = {k for kinds in kinds_by_area.values() for k in kinds}
    of_the_day = {kind: approvals_of_the_day(approvals, agreements, kind, as_of) for kind in present}
    known = {kind: known_decisions(rows, log, as_of) for kind, rows in of_the_day.items()}  # as council_decisions
    rows = []
    for code in _in_scope_codes():
        kinds = sorted(kinds_by_area.get(code, []), key=kind_order.index) or [None]
        for muni in _members(code):
            for kind in kinds:
                found = known[kind].get(muni) if kind else None
                rows.append({"area_code": code, "municipality_code": muni, "kind": kind,
                             "status": found.status if found else NOT_SUBMITTED,
                             "decided_on": found.decided_on if found else None})
    return pd.DataFrame(rows, columns=["area_code", "municipality_code", "kind", "status", "decided_on"])


def approval_counts(per_municipality: pd.DataFrame, kind: str = AgreementKind.COLLABORATION,
                    municipalities: tuple[str, ...] = ()) -> pd.DataFrame:
    """Per in-scope area but Helsinki: councils' decisions on the area's agreement of `kind`.

    Municipalities of an area without such an agreement count as NOT_SUBMITTED. `municipalities`
    (codes) narrows the count to those. Columns: area_code, one column per APPROVAL_ORDER
    status, total, approved_share (0–1, None when the area has no municipality counted).
    """
    frame = per_municipality
    if municipalities:
        frame = frame[frame["municipality_code"].isin(municipalities)]
    rows = []
    for code in _in_scope_codes():
        if code == facts.HELSINKI_AREA_CODE:
            continue  # no municipality–county agreement: not applicable, as in the catalogue
        of_area = frame[frame["area_code"] == code]
        members = of_area["municipality_code"].drop_duplicates()
        decided = of_area[of_area["kind"] == str(kind)].set_index("municipality_code")["status"]
        statuses = [decided.get(m, NOT_SUBMITTED) for m in members]
        row: dict[str, object] = {"area_code": code}
        for status in APPROVAL_ORDER:
            row[status] = sum(1 for s in statuses if s == status)
        row["total"] = len(statuses)
        row["approved_share"] = row[ApprovalStatus.APPROVED.value] / len(statuses) if statuses else None
        rows.append(row)
    return pd.DataFrame(rows, columns=["area_code", *APPROVAL_ORDER, "total", "approved_share"])


# ------------------------------------------------------------------------------ forums


def forum_calendar(forums: pd.DataFrame, participation: pd.DataFrame, area: int | None = None,
                   municipalities: tuple[str, ...] = (), today: date | None = None) -> pd.DataFrame:
    """One row per forum in date order, with how many took part in it.

    Columns: held_on, theme, title, recording_url, held (on or before today), participants
    (everyone), organisations (everyone), area_participants (the area's own people and its
    municipalities', or only the chosen municipalities'; None without an area).
    """
    columns = ["held_on", "theme", "title", "recording_url", "held", "participants", "organisations",
               "area_participants"]
    if forums.empty:
        return pd.DataFrame(columns=columns)
    held = held_days(forums, today or finnish_today())  # as the catalogue's forums held
    totals = participation.groupby("forum_date")["participants"].sum() if not participation.empty else {}
    orgs = (participation.groupby("forum_date").size() if not participation.empty else {})
    own = _area_rows(participation, area, municipalities) if area is not None else None
    own_totals = own.groupby("forum_date")["participants"].sum() if own is not None and not own.empty else {}
    rows = []
    for r in forums.sort_values("held_on").itertuples():
        url = r.recording_url if isinstance(r.recording_url, str) and r.recording_url else None
        rows.append({"held_on": r.held_on, "theme": str(r.theme), "title": str(r.title), "recording_url": url,
                     "held": as_date(r.held_on) in held,
                     "participants": int(totals.get(r.held_on, 0)), "organisations": int(orgs.get(r.held_on, 0)),
                     "area_participants": int(own_totals.get(r.held_on, 0)) if area is not None else None})
    return pd.DataFrame(rows, columns=columns)


def _org_area(org_type: str, org_key: str) -> int | None:
    """The area an organisation belongs to: an area is its own, a municipality its area's."""
    if org_type == OrgType.AREA:
        return int(org_key) if str(org_key).isdigit() else None
    if org_type == OrgType.MUNICIPALITY:
        m = facts.municipality_by_code().get(str(org_key))
        return m.area_code if m else None
    return None


def _with_area(participation: pd.DataFrame) -> pd.DataFrame:
    out = participation.copy()
    out["area_code"] = [_org_area(t, k) for t, k in zip(out["org_type"], out["org_key"], strict=True)]
    return out


def _area_rows(participation: pd.DataFrame, area: int, municipalities: tuple[str, ...]) -> pd.DataFrame:
    """The area's own attendance and its municipalities'; only the chosen municipalities' if any."""
    if participation.empty:
        return participation
    rows = _with_area(participation)
    rows = rows[rows["area_code"] == area]
    if municipalities:
        rows = rows[(rows["org_type"] == OrgType.MUNICIPALITY) & rows["org_key"].isin(municipalities)]
    return rows


def participation_by_area(participation: pd.DataFrame) -> pd.DataFrame:
    """Per in-scope area: participants and organisations, the area's own and its municipalities'.

    Columns: area_code, area_participants, municipality_participants, participants (their sum),
    organisations (distinct: the area itself and each municipality count once), forums (forums
    with anyone from the area).
    """
    columns = ["area_code", "area_participants", "municipality_participants", "participants",
               "organisations", "forums"]
    rows = _with_area(participation) if not participation.empty else None
    out = pd.DataFrame({"area_code": _in_scope_codes()})
    if rows is None:
        for column in columns[1:]:
            out[column] = 0
        return out
    by_area = rows.groupby("area_code")
    own = rows[rows["org_type"] == OrgType.AREA].groupby("area_code")["participants"].sum()
    munis = rows[rows["org_type"] == OrgType.MUNICIPALITY].groupby("area_code")["participants"].sum()
    orgs = rows.drop_duplicates(["area_code", "org_type", "org_key"]).groupby("area_code").size()
    forums = by_area["forum_date"].nunique()
    codes = out["area_code"]
    out["area_participants"] = codes.map(own).fillna(0).astype(int)
    out["municipality_participants"] = codes.map(munis).fillna(0).astype(int)
    out["participants"] = out["area_participants"] + out["municipality_participants"]
    out["organisations"] = codes.map(orgs).fillna(0).astype(int)
    out["forums"] = codes.map(forums).fillna(0).astype(int)
    return out[columns]


def participation_by_org_type(participation: pd.DataFrame) -> pd.DataFrame:
    """Per organisation type (every OrgType, in order): participants, distinct organisations
    and forums attended. Columns: org_type, participants, organisations, forums."""
    rows = []
    for org_type in OrgType:
        of_type = participation[participation["org_type"] == org_type.value] if not participation.empty \
            else participation
        rows.append({"org_type": org_type.value,
                     "participants": int(of_type["participants"].sum()) if not of_type.empty else 0,
                     "organisations": int(of_type["org_key"].nunique()) if not of_type.empty else 0,
                     "forums": int(of_type["forum_date"].nunique()) if not of_type.empty else 0})
    return pd.DataFrame(rows)


def theme_engagement(forums: pd.DataFrame, participation: pd.DataFrame) -> pd.DataFrame:
    """Participants per in-scope area and forum theme (the area's own and its municipalities'),
    only for themes some forum had. Columns: area_code, theme, participants, forums (forums of
    that theme the area attended)."""
    columns = ["area_code", "theme", "participants", "forums"]
    if forums.empty:
        return pd.DataFrame(columns=columns)
    theme_by_date = dict(zip(forums["held_on"], forums["theme"].astype(str), strict=True))
    themes = [t.value for t in Theme if t.value in set(theme_by_date.values())]
    grid = pd.MultiIndex.from_product([_in_scope_codes(), themes], names=["area_code", "theme"])
    out = pd.DataFrame(index=grid).reset_index()
    if participation.empty:
        out["participants"], out["forums"] = 0, 0
        return out[columns]
    joined = _with_area(participation)
    joined["theme"] = joined["forum_date"].map(theme_by_date)
    cells = joined.dropna(subset=["area_code", "theme"]).groupby(["area_code", "theme"])
    sums = cells["participants"].sum()
    counts = cells["forum_date"].nunique()
    keys = list(zip(out["area_code"], out["theme"], strict=True))
    out["participants"] = [int(sums.get(k, 0)) for k in keys]
    out["forums"] = [int(counts.get(k, 0)) for k in keys]
    return out[columns]


def forum_coverage(state: AsOf) -> pd.DataFrame:
    """Per in-scope area: how many of its municipalities took part in a forum, as the
    catalogue counts them (`municipalities_participated`).

    Columns: area_code, municipalities (members in 2025), participated, share (0–1).
    """
    values = by_area("municipalities_participated", state)
    rows = [{"area_code": code, "municipalities": int(v.denominator or 0), "participated": int(v.numerator or 0),
             "share": v.share} for code, v in values.items()]
    return pd.DataFrame(rows, columns=["area_code", "municipalities", "participated", "share"])


# ------------------------------------------------------------------------------ survey

# The survey's group of every respondent: the national reference line an area compares with.
SURVEY_COLUMNS = ["survey", "wave", "published_on", "statement", "respondent_group", "value_pct", "n", "small_n"]


def survey_waves(survey: pd.DataFrame) -> list[str]:
    """Waves oldest first (by publication date, then by name): the order of the x axis."""
    if survey.empty:
        return []
    first = survey.groupby("wave")["published_on"].min()
    return sorted(first.index.astype(str), key=lambda w: (first[w] is None or pd.isna(first[w]),
                                                            str(first[w]), w))


def survey_national(survey: pd.DataFrame, small_n: int) -> pd.DataFrame:
    """The national rows (every respondent group), each flagged when N < small_n.

    Columns: SURVEY_COLUMNS, in wave order, then statement and group as given."""
    if survey.empty:
        return pd.DataFrame(columns=SURVEY_COLUMNS)
    rows = survey[survey["level"] == SurveyLevel.NATIONAL].copy()
    rows["small_n"] = rows["n"] < small_n
    order = {w: i for i, w in enumerate(survey_waves(survey))}
    rows = rows.sort_values(["wave"], key=lambda s: s.map(order), kind="stable")
    return rows[SURVEY_COLUMNS].reset_index(drop=True)


def survey_area_vs_national(survey: pd.DataFrame, area: int, small_n: int) -> pd.DataFrame:
    """The area's values beside the national values of all respondents, per wave and statement.

    Only statements asked at area level appear. Columns: survey, wave, statement, area_pct,
    area_n, area_small_n, national_pct, national_n, national_small_n, difference (area − national,
    percentage points; None when either is missing).
    """
    columns = ["survey", "wave", "statement", "area_pct", "area_n", "area_small_n", "national_pct", "national_n",
               "national_small_n", "difference"]
    if survey.empty:
        return pd.DataFrame(columns=columns)
    keys = ["survey", "wave", "statement"]
    own = survey[(survey["level"] == SurveyLevel.AREA) & (survey["level_key"].astype(str) == str(area))]
    if own.empty:
        return pd.DataFrame(columns=columns)
    own = own[[*keys, "value_pct", "n"]].rename(columns={"value_pct": "area_pct", "n": "area_n"})
    national = survey[(survey["level"] == SurveyLevel.NATIONAL) & (survey["respondent_group"] == ALL_RESPONDENTS)]
    national = national[[*keys, "value_pct", "n"]].rename(columns={"value_pct": "national_pct", "n": "national_n"})
    out = own.merge(national, on=keys, how="left")
    out["area_small_n"] = out["area_n"] < small_n
    out["national_small_n"] = out["national_n"].notna() & (out["national_n"] < small_n)
    out["difference"] = [a - b if pd.notna(b) else None for a, b in zip(out["area_pct"], out["national_pct"],
                                                                          strict=True)]
    order = {w: i for i, w in enumerate(survey_waves(survey))}
    out = out.sort_values(["wave"], key=lambda s: s.map(order), kind="stable")
    return out[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------- maturity

OVERALL = "overall"  # the mean over the eight dimensions, beside them in the frames
# The level of a mean score is the catalogue's rule (`yhdyspinta.indicators.maturity_level`).


def _latest_rows(maturity: pd.DataFrame) -> pd.DataFrame:
    if maturity.empty:
        return maturity
    latest = maturity.groupby("area_code")["assessed_on"].transform("max")
    return maturity[maturity["assessed_on"] == latest]


def _means(rows: pd.DataFrame) -> dict[str, float]:
    means = {c: float(rows[c].mean()) for c in MATURITY_COLUMNS}
    means[OVERALL] = sum(means.values()) / len(MATURITY_COLUMNS)
    return means


def maturity_latest(maturity: pd.DataFrame) -> pd.DataFrame:
    """Per assessed area, the mean score of each dimension in its latest assessment.

    Columns: area_code, assessed_on, respondents, one column per MATURITY_COLUMNS, OVERALL
    (mean of the eight dimension means), level (MaturityLevel value of OVERALL).
    """
    columns = ["area_code", "assessed_on", "respondents", *MATURITY_COLUMNS, OVERALL, "level"]
    if maturity.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for code, group in _latest_rows(maturity).groupby("area_code"):
        means = _means(group)
        level = maturity_level(means[OVERALL])
        rows.append({"area_code": int(code), "assessed_on": group["assessed_on"].iloc[0],
                     "respondents": len(group), **means, "level": int(level) if level else None})
    return pd.DataFrame(rows, columns=columns)


def maturity_national(latest: pd.DataFrame) -> dict[str, float]:
    """The national mean per dimension and OVERALL: the mean of the areas' latest means, so each
    assessed area weighs the same however many answered. Empty dict with no assessments."""
    if latest.empty:
        return {}
    return {c: float(latest[c].mean()) for c in (*MATURITY_COLUMNS, OVERALL)}


def maturity_change(maturity: pd.DataFrame) -> pd.DataFrame:
    """Per area assessed at least twice: first and latest mean per dimension and OVERALL.

    Columns: area_code, dimension (a MATURITY_COLUMNS name or OVERALL), first_on, latest_on,
    first, latest, change (latest − first).
    """
    columns = ["area_code", "dimension", "first_on", "latest_on", "first", "latest", "change"]
    rows = []
    for code, group in (maturity.groupby("area_code") if not maturity.empty else []):
        dates = sorted(group["assessed_on"].unique())
        if len(dates) < 2:
            continue
        first = _means(group[group["assessed_on"] == dates[0]])
        latest = _means(group[group["assessed_on"] == dates[-1]])
        for dim in (*MATURITY_COLUMNS, OVERALL):
            rows.append({"area_code": int(code), "dimension": dim, "first_on": dates[0], "latest_on": dates[-1],
                         "first": first[dim], "latest": latest[dim], "change": latest[dim] - first[dim]})
    return pd.DataFrame(rows, columns=columns)


def maturity_role_spread(maturity: pd.DataFrame, area: int | None = None) -> pd.DataFrame:
    """Municipal and county respondents' means per dimension in the latest assessments (of one
    area, or of every area pooled), and their gap.

    Columns: dimension, municipality, county (None when no respondent had that role),
    municipality_n, county_n, gap (county − municipality).
    """
    columns = ["dimension", "municipality", "county", "municipality_n", "county_n", "gap"]
    rows_in = _latest_rows(maturity)
    if area is not None and not rows_in.empty:
        rows_in = rows_in[rows_in["area_code"] == area]
    if rows_in.empty:
        return pd.DataFrame(columns=columns)
    by_role = {role: rows_in[rows_in["respondent_role"] == role.value]
               for role in (RespondentRole.MUNICIPALITY, RespondentRole.COUNTY)}
    means = {role: _means(rows) if not rows.empty else None for role, rows in by_role.items()}
    out = []
    for dim in (*MATURITY_COLUMNS, OVERALL):
        muni = means[RespondentRole.MUNICIPALITY][dim] if means[RespondentRole.MUNICIPALITY] else None
        county = means[RespondentRole.COUNTY][dim] if means[RespondentRole.COUNTY] else None
        out.append({"dimension": dim, "municipality": muni, "county": county,
                    "municipality_n": len(by_role[RespondentRole.MUNICIPALITY]),
                    "county_n": len(by_role[RespondentRole.COUNTY]),
                    "gap": county - muni if muni is not None and county is not None else None})
    return pd.DataFrame(out, columns=columns)
