"""The example data set: the seed slides' facts plus plausible synthetic values.

Facts from the seed (forum of 15.12.2023 on strategic collaboration, the 15 forum themes,
Pohjois-Savo's interface agreement in decision-making and its letter of intent and
municipal forum, Kuntapulssi 1/2023 published 5.6.2023 with N 298–303) are kept; every
other figure is drawn from a fixed-seed generator, and the store is flagged as example data.

Agreements follow the real world's shape (see DOMAIN.md): each county's first strategic
agreement is for the term 2023–2025 and ran to 31.12.2025; several counties renewed theirs
for 2026–2029 (some renewals approved, some still in decision-making with councils approving
municipality by municipality through 2026, one in preparation), one revised its protocol in
autumn 2025 and one renewed for 2025–2029. Helsinki organises its services itself and has
no municipality–county agreement, so it has no agreements and no council approvals.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine

from yhdyspinta import facts
from yhdyspinta.domain import (
    ALL_RESPONDENTS,
    AgreementKind,
    AgreementStatus,
    ApprovalStatus,
    OrgType,
    RespondentRole,
    StructureKind,
    SurveyLevel,
    Theme,
    join_themes,
)
from yhdyspinta.i18n import enum_label
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import setup_lock
from yhdyspinta.store.schema import MATURITY_COLUMNS

SEED = 20231215
DEMO_ACTOR = repo.DEMO_ACTOR
POHJOIS_SAVO = 13
PILOT_AREAS = (13, 21, 9)  # example choice: the seed does not name the three pilot areas
KUNTALIITTO_URL = "https://www.kuntaliitto.fi/yhdyspinnat"
RECORDING_URL = "https://studiolinjat.live/yhdyspintafoorumi/"

# The 15 national forums of the seed, in the order listed; only the last date is known.
FORUMS: tuple[tuple[str, Theme, str], ...] = (
    ("2023-01-20", Theme.LEADERSHIP, "Johtaminen ja yhteistyörakenteet"),
    ("2023-02-10", Theme.EMPLOYMENT, "Työllisyyden hoito"),
    ("2023-02-24", Theme.EDUCATION_SOTE, "Sivistyksen ja sote-palveluiden yhdyspinnat"),
    ("2023-03-17", Theme.HYTE, "Hyvinvoinnin ja terveyden edistäminen"),
    ("2023-04-14", Theme.IMMIGRATION, "Maahanmuutto ja kotoutuminen"),
    ("2023-05-12", Theme.SAFETY, "Turvallisuus ja varautuminen"),
    ("2023-05-26", Theme.VITALITY, "Elinvoimaiset alueet"),
    ("2023-06-09", Theme.ORGANISATIONS, "Järjestöyhteistyö"),
    ("2023-08-25", Theme.EARLY_CHILDHOOD, "Alle kouluikäisten lasten palvelut"),
    ("2023-09-08", Theme.EMPLOYMENT, "Työllisyyden edistäminen"),
    ("2023-09-22", Theme.SUBSTANCE_MENTAL_HEALTH,
     "Päihteet ja mielenterveys lasten ja nuorten hyvinvointia haastamassa"),
    ("2023-10-13", Theme.SERVICE_NETWORK, "Palveluverkko, maankäyttö ja kiinteistöt"),
    ("2023-10-27", Theme.OLDER_PEOPLE, "Ikäihmisten palvelujen yhdyspinnat"),
    ("2023-11-17", Theme.EQUALITY, "Yhdenvertaisuus, tasa-arvo ja lähisuhdeväkivalta"),
    ("2023-12-15", Theme.LEADERSHIP, "Strateginen yhteistyö ja johtaminen"),
)

OTHER_ORGANISATIONS = (
    "Kuntaliitto", "Hyvil Oy", "Terveyden ja hyvinvoinnin laitos",
    "Sosiaali- ja terveysministeriö", "Valtiovarainministeriö", "Pohjois-Savon liitto",
)

SURVEY_NAME = "Kuntapulssi"
SURVEY_STATEMENTS = (
    "Tiedonkulku kunnan ja hyvinvointialueen välillä",
    "Yhteiset tavoitteet ja painopisteet",
    "Yhteistyörakenteet ja -foorumit",
    "Työnjako ja roolit ovat selkeät",
    "Kunnan näkemykset otetaan huomioon päätöksenteossa",
    "Palveluverkkoa koskeva yhteistyö",
    "Hyvinvoinnin ja terveyden edistämisen yhteistyö",
    "Työllisyyden hoidon yhteistyö",
)
RESPONDENT_GROUPS = (
    ("Valtuuston puheenjohtajat", (150, 175)),
    ("Kunnanhallituksen puheenjohtajat", (60, 80)),
    ("Kunnanjohtajat", (40, 55)),
    ("Lautakuntien puheenjohtajat", (18, 28)),
)
SURVEY_WAVES = (("1/2023", "2023-06-05", 0.0), ("1/2024", "2024-06-03", 6.0))

STRATEGIC_STATUS_WEIGHTS = (
    (AgreementStatus.NOT_STARTED, 1),
    (AgreementStatus.IN_PREPARATION, 3),
    (AgreementStatus.IN_DECISION, 3),
    (AgreementStatus.APPROVED, 6),
    (AgreementStatus.IN_IMPLEMENTATION, 7),
    (AgreementStatus.UNDER_REVISION, 2),
)


# The counties' first term: every first agreement is for it.
FIRST_TERM_START = date(2023, 1, 1)
FIRST_TERM_END = date(2025, 12, 31)
FIRST_TITLE = "Strateginen yhteistyösopimus 2023–2025"
RENEWAL_TITLE = "Strateginen yhteistyösopimus ja yhdyspintasuunnitelma 2026–2029"
SECOND_TERM_END = "2029-12-31"


@dataclass(frozen=True)
class Renewal:
    """An area's agreement for a new term, beside its first one (example values)."""

    area_code: int
    title: str
    status: AgreementStatus
    term_start: str
    preparation_started_on: str
    approved_on: str | None
    # Councils decide one by one within this window; `decided` of them have by its end.
    decisions: tuple[str, str] | None
    decided: float
    predecessor_until: date = FIRST_TERM_END


RENEWALS: tuple[Renewal, ...] = (
    Renewal(2, RENEWAL_TITLE, AgreementStatus.IN_IMPLEMENTATION, "2026-01-01", "2025-03-03", "2025-12-09",
            ("2025-09-15", "2025-12-05"), 1.0),
    Renewal(6, RENEWAL_TITLE, AgreementStatus.APPROVED, "2026-01-01", "2025-05-05", "2026-02-16",
            ("2025-11-03", "2026-02-09"), 1.0),
    Renewal(8, RENEWAL_TITLE, AgreementStatus.APPROVED, "2026-01-01", "2025-04-07", "2026-03-23",
            ("2026-01-12", "2026-03-16"), 1.0),
    Renewal(5, RENEWAL_TITLE, AgreementStatus.IN_DECISION, "2026-01-01", "2025-06-02", None,
            ("2026-02-02", "2026-11-23"), 0.6),
    Renewal(19, RENEWAL_TITLE, AgreementStatus.IN_DECISION, "2026-01-01", "2025-08-18", None,
            ("2026-03-02", "2026-10-26"), 0.45),
    Renewal(14, RENEWAL_TITLE, AgreementStatus.APPROVED, "2026-01-01", "2025-04-14", "2026-04-20",
            ("2026-01-19", "2026-04-13"), 1.0),
    Renewal(20, RENEWAL_TITLE, AgreementStatus.APPROVED, "2026-01-01", "2025-09-01", "2026-06-15",
            ("2026-02-09", "2026-06-08"), 1.0),
    Renewal(10, RENEWAL_TITLE, AgreementStatus.IN_DECISION, "2026-01-01", "2025-10-06", None,
            ("2026-05-04", "2026-11-16"), 0.3),
    Renewal(17, RENEWAL_TITLE, AgreementStatus.IN_PREPARATION, "2026-01-01", "2026-02-02", None, None, 0.0),
    # A collaboration protocol revised in autumn 2025.
    Renewal(11, "Yhteistyöpöytäkirja (päivitetty syksyllä 2025)", AgreementStatus.IN_IMPLEMENTATION, "2025-11-01",
            "2025-08-18", "2025-10-27", ("2025-09-22", "2025-10-24"), 1.0, predecessor_until=date(2025, 10, 31)),
    # A renewal for 2025–2029, from the new councils' start.
    Renewal(15, "Strateginen yhteistyösopimus 2025–2029", AgreementStatus.IN_IMPLEMENTATION, "2025-06-01",
            "2024-10-01", "2025-05-19", ("2025-02-03", "2025-05-12"), 1.0, predecessor_until=date(2025, 5, 31)),
)


class StoreNotEmpty(RuntimeError):
    pass


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _themes(rng: random.Random, k: int) -> str:
    return join_themes(rng.sample(list(Theme), k))


def build(seed: int = SEED) -> dict[str, list[dict[str, Any]]]:
    """All example records by kind, validated through the records like any import."""
    rng = random.Random(seed)
    areas = facts.in_scope_areas()
    by_area: dict[int, list[facts.Municipality]] = {}
    for m in facts.municipalities():
        by_area.setdefault(m.area_code, []).append(m)

    out: dict[str, list[dict[str, Any]]] = {k: [] for k in
                                             ("agreements", "approvals", "structures", "forums",
                                              "participation", "survey", "maturity", "pilots")}

    for held_on, theme, title in FORUMS:
        out["forums"].append({"held_on": held_on, "theme": theme, "title": title,
                              "recording_url": RECORDING_URL if held_on == "2023-12-15" else None})
        for area in areas:
            if rng.random() < 0.8:
                out["participation"].append({"forum_date": held_on, "org_type": OrgType.AREA,
                                             "org_key": str(area.code),
                                             "participants": rng.randint(1, 8)})
            for m in by_area[area.code]:
                if rng.random() < 0.1:
                    out["participation"].append({"forum_date": held_on,
                                                 "org_type": OrgType.MUNICIPALITY,
                                                 "org_key": m.code,
                                                 "participants": rng.randint(1, 4)})
        for name in OTHER_ORGANISATIONS:
            if rng.random() < 0.6:
                out["participation"].append({"forum_date": held_on, "org_type": OrgType.OTHER,
                                             "org_key": name, "participants": rng.randint(1, 5)})

    statuses, weights = zip(*STRATEGIC_STATUS_WEIGHTS, strict=True)
    renewals = {r.area_code: r for r in RENEWALS}
    counties = [area for area in areas if area.code != facts.HELSINKI_AREA_CODE]
    for area in counties:
        status = rng.choices(statuses, weights)[0]
        renewal = renewals.get(area.code)
        if area.code == POHJOIS_SAVO:
            status = AgreementStatus.APPROVED
        elif renewal is not None:
            status = AgreementStatus.IN_IMPLEMENTATION  # a renewed agreement was approved once
        _agreement(out, rng, area.code, AgreementKind.COLLABORATION, FIRST_TITLE, status, by_area[area.code],
                   valid_until=renewal.predecessor_until if renewal is not None else FIRST_TERM_END)
        if renewal is not None:
            _renewal(out, rng, renewal, by_area[area.code])
    # Pohjois-Savo, from the seed: an interface agreement in decision-making and a letter of intent.
    _agreement(out, rng, POHJOIS_SAVO, AgreementKind.INTERFACE,
               "Yhdyspintasopimus ja -suunnitelma (hyvinvointialue, maakuntaliitto ja kunnat)",
               AgreementStatus.IN_DECISION, by_area[POHJOIS_SAVO])
    _agreement(out, rng, POHJOIS_SAVO, AgreementKind.LETTER_OF_INTENT,
               "Aiesopimus (Kuntaliiton mallin pohjalta)", AgreementStatus.IN_IMPLEMENTATION,
               by_area[POHJOIS_SAVO])

    for area in areas:
        # A municipal forum brings a county and its municipalities together: Helsinki is both.
        if area.code != facts.HELSINKI_AREA_CODE and (rng.random() < 0.8 or area.code == POHJOIS_SAVO):
            out["structures"].append({"area_code": area.code, "kind": StructureKind.MUNICIPAL_FORUM,
                                      "name": "Kuntafoorumi", "theme": None,
                                      "established_on": _rand_date(rng, "2023-01-15", "2024-06-30"),
                                      "url": None})
        if rng.random() < 0.9 or area.code == POHJOIS_SAVO:
            out["structures"].append({"area_code": area.code, "kind": StructureKind.HYTE_BOARD,
                                      "name": "HYTE-neuvottelukunta", "theme": Theme.HYTE,
                                      "established_on": _rand_date(rng, "2023-01-15", "2023-12-31"),
                                      "url": None})
        for theme in rng.sample([Theme.EMPLOYMENT, Theme.IMMIGRATION, Theme.SAFETY,
                                 Theme.CHILDREN_FAMILIES, Theme.OLDER_PEOPLE], rng.randint(0, 3)):
            out["structures"].append({"area_code": area.code, "kind": StructureKind.THEME_GROUP,
                                      "name": f"Teematyöryhmä: {enum_label('Theme', theme, 'fi')}", "theme": theme,
                                      "established_on": _rand_date(rng, "2023-03-01", "2025-06-30"),
                                      "url": None})

    for wave, published, uplift in SURVEY_WAVES:
        for statement in SURVEY_STATEMENTS:
            base = rng.uniform(18, 55) + uplift
            out["survey"].append(_survey(wave, published, statement, ALL_RESPONDENTS,
                                         SurveyLevel.NATIONAL, "", base, rng.randint(298, 303)))
            for group, (lo, hi) in RESPONDENT_GROUPS:
                out["survey"].append(_survey(wave, published, statement, group,
                                             SurveyLevel.NATIONAL, "",
                                             base + rng.uniform(-12, 12), rng.randint(lo, hi)))
            for area in areas:
                out["survey"].append(_survey(wave, published, statement, ALL_RESPONDENTS,
                                             SurveyLevel.AREA, str(area.code),
                                             base + rng.uniform(-20, 20), rng.randint(4, 30)))

    assessed = [area.code for area in areas if area.code in PILOT_AREAS or rng.random() < 0.3]
    for code in assessed:
        rounds = ("2024-03-15", "2025-03-14") if code in PILOT_AREAS else ("2024-09-13",)
        for i, when in enumerate(rounds):
            for no in range(1, rng.randint(6, 10) + 1):
                role = RespondentRole.COUNTY if no % 3 == 0 else RespondentRole.MUNICIPALITY
                shift = 0.45 * i + (0.2 if role is RespondentRole.COUNTY else 0.0)
                scores = {c: _score(rng, 1.4 + shift) for c in MATURITY_COLUMNS}
                out["maturity"].append({"area_code": code, "assessed_on": when, "respondent_no": no,
                                        "respondent_role": role, **scores})

    for code in PILOT_AREAS:
        out["pilots"].append({"area_code": code, "started_on": "2024-01-01",
                              "ended_on": "2025-12-31",
                              "note": "Strategisen yhteistyön pilotti (esimerkkiaineisto)"})

    return {kind: [KINDS[kind].validate(r) for r in rows] for kind, rows in out.items()}


def _agreement(out: dict[str, list[dict[str, Any]]], rng: random.Random, area_code: int,
               kind: AgreementKind, title: str, status: AgreementStatus,
               members: list[facts.Municipality], *, valid_until: date = FIRST_TERM_END) -> None:
    """An agreement for the first term, 2023–2025, and its councils' decisions."""
    order = list(AgreementStatus)
    reached = order.index(status)
    started = _rand_date(rng, "2023-02-01", "2023-10-31") if reached >= 1 else None
    approved = None
    if status in (AgreementStatus.APPROVED, AgreementStatus.IN_IMPLEMENTATION,
                  AgreementStatus.UNDER_REVISION):
        approved = started + timedelta(days=rng.randint(90, 400)) if started else None
    out["agreements"].append({
        "area_code": area_code, "kind": kind, "term_start": FIRST_TERM_START, "title": title, "status": status,
        "preparation_started_on": started, "approved_on": approved,
        "valid_from": approved, "valid_until": valid_until if approved else None,
        "themes": _themes(rng, rng.randint(2, 6)),
        "document_url": KUNTALIITTO_URL if approved else None,
    })
    if reached < order.index(AgreementStatus.IN_DECISION):
        return
    share = 0.35 if status is AgreementStatus.IN_DECISION else 0.92
    for m in members:
        roll = rng.random()
        if roll < share:
            decided = (approved or date(2024, 1, 31)) + timedelta(days=rng.randint(-60, 120))
            _approval(out, area_code, kind, FIRST_TERM_START, m.code, ApprovalStatus.APPROVED, decided)
        elif roll < share + 0.03:
            _approval(out, area_code, kind, FIRST_TERM_START, m.code, ApprovalStatus.REJECTED, date(2024, 2, 20))
        else:
            _approval(out, area_code, kind, FIRST_TERM_START, m.code, ApprovalStatus.PENDING, None)


def _renewal(out: dict[str, list[dict[str, Any]]], rng: random.Random, renewal: Renewal,
             members: list[facts.Municipality]) -> None:
    """An area's strategic agreement for a new term; its councils decide one by one over the
    decision window, in a shuffled order."""
    term = _d(renewal.term_start)
    out["agreements"].append({
        "area_code": renewal.area_code, "kind": AgreementKind.COLLABORATION, "term_start": term,
        "title": renewal.title, "status": renewal.status,
        "preparation_started_on": renewal.preparation_started_on, "approved_on": renewal.approved_on,
        "valid_from": term, "valid_until": SECOND_TERM_END,
        "themes": _themes(rng, rng.randint(3, 7)),
        "document_url": KUNTALIITTO_URL if renewal.approved_on else None,
    })
    if renewal.decisions is None:
        return
    order = list(members)
    rng.shuffle(order)
    first, last = (_d(d) for d in renewal.decisions)
    deciding = round(len(order) * renewal.decided)
    days = sorted(first + timedelta(days=rng.randint(0, (last - first).days)) for _ in range(deciding))
    for i, m in enumerate(order):
        if i < deciding:
            status = ApprovalStatus.REJECTED if rng.random() < 0.03 else ApprovalStatus.APPROVED
            _approval(out, renewal.area_code, AgreementKind.COLLABORATION, term, m.code, status, days[i])
        else:
            _approval(out, renewal.area_code, AgreementKind.COLLABORATION, term, m.code, ApprovalStatus.PENDING,
                      None)


def _approval(out: dict[str, list[dict[str, Any]]], area_code: int, kind: AgreementKind, term: date,
              municipality: str, status: ApprovalStatus, decided: date | None) -> None:
    out["approvals"].append({"area_code": area_code, "agreement_kind": kind, "agreement_term_start": term,
                             "municipality_code": municipality, "status": status, "decided_on": decided})


def _survey(wave: str, published: str, statement: str, group: str, level: SurveyLevel,
            level_key: str, value: float, n: int) -> dict[str, Any]:
    return {"survey": SURVEY_NAME, "wave": wave, "published_on": published,
            "statement": statement, "respondent_group": group, "level": level,
            "level_key": level_key, "value_pct": round(min(max(value, 2.0), 95.0), 1), "n": n}


def _score(rng: random.Random, centre: float) -> int:
    return min(3, max(1, round(rng.gauss(centre, 0.6))))


def _rand_date(rng: random.Random, lo: str, hi: str) -> date:
    start, end = _d(lo), _d(hi)
    return start + timedelta(days=rng.randint(0, (end - start).days))


def load_if_untouched(engine: Engine) -> bool:
    """Load the example data into a store nobody has written to (no data, and the example data
    never loaded and removed); True if it did. Under the set-up lock, so processes starting
    together on one PostgreSQL load it once."""
    with setup_lock(engine):
        untouched = repo.count_user_rows(engine) == 0 and repo.get_meta(engine, repo.META_EXAMPLE_DATA) is None
        if untouched:
            load(engine)
    return untouched


def load(engine: Engine, *, force: bool = False, actor: str = DEMO_ACTOR) -> dict[str, int]:
    """Write the example data in one transaction. Refuses a store with data unless forced;
    forcing replaces the data of every writable kind (logged as deletes)."""
    existing = repo.count_user_rows(engine)
    if existing and not force:
        raise StoreNotEmpty(
            f"the store already holds {existing} rows of data; use --force to replace them"
        )
    data = build()
    batch = repo.new_batch_id()
    with repo.write_transaction(engine) as conn:
        if existing:
            # Delete children before parents.
            for kind in ("participation", "approvals", "maturity", "survey", "structures",
                         "pilots", "agreements", "forums"):
                spec = KINDS[kind]
                rows = repo.read_rows(conn, spec)
                repo.apply_in(conn, spec, [repo.Change(repo.Action.DELETE,
                                                        tuple(r[k] for k in spec.key), r, None)
                                           for r in rows],
                              actor=actor, batch_id=batch, note="replaced by example data")
        for kind in ("forums", "participation", "agreements", "approvals", "structures",
                     "survey", "maturity", "pilots"):
            spec = KINDS[kind]
            changes = [repo.Change(repo.Action.INSERT, tuple(r[k] for k in spec.key), None, r)
                       for r in data[kind]]
            repo.apply_in(conn, spec, changes, actor=actor, batch_id=batch, note="example data")
        repo.set_meta_in(conn, repo.META_EXAMPLE_DATA, "1", actor=actor, batch_id=batch)
    return {kind: len(rows) for kind, rows in data.items()}
