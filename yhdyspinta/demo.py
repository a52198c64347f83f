"""The example data set: the seed slides' facts plus plausible synthetic values.

Facts from the seed (forum of 15.12.2023 on strategic collaboration, the 15 forum themes,
Pohjois-Savo's interface agreement in decision-making and its letter of intent and
municipal forum, Kuntapulssi 1/2023 published 5.6.2023 with N 298–303) are kept; every
other figure is drawn from a fixed-seed generator, and the store is flagged as example data.
"""

from __future__ import annotations

import random
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
from yhdyspinta.store.schema import MATURITY_COLUMNS

SEED = 20231215
DEMO_ACTOR = "demo"
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


# The counties' first term: every example agreement is for it.
FIRST_TERM_START = date(2023, 1, 1)


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
    for area in areas:
        status = rng.choices(statuses, weights)[0]
        if area.code == POHJOIS_SAVO:
            status = AgreementStatus.APPROVED
        _agreement(out, rng, area.code, AgreementKind.COLLABORATION,
                   "Strateginen yhteistyösopimus", status, by_area[area.code])
    # Pohjois-Savo, from the seed: an interface agreement in decision-making and a letter of intent.
    _agreement(out, rng, POHJOIS_SAVO, AgreementKind.INTERFACE,
               "Yhdyspintasopimus ja -suunnitelma (hyvinvointialue, maakuntaliitto ja kunnat)",
               AgreementStatus.IN_DECISION, by_area[POHJOIS_SAVO])
    _agreement(out, rng, POHJOIS_SAVO, AgreementKind.LETTER_OF_INTENT,
               "Aiesopimus (Kuntaliiton mallin pohjalta)", AgreementStatus.IN_IMPLEMENTATION,
               by_area[POHJOIS_SAVO])

    for area in areas:
        if rng.random() < 0.8 or area.code == POHJOIS_SAVO:
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
               members: list[facts.Municipality]) -> None:
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
        "valid_from": approved, "valid_until": date(2025, 12, 31) if approved else None,
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
            out["approvals"].append({"area_code": area_code, "agreement_kind": kind,
                                     "agreement_term_start": FIRST_TERM_START,
                                     "municipality_code": m.code, "status": ApprovalStatus.APPROVED,
                                     "decided_on": decided})
        elif roll < share + 0.03:
            out["approvals"].append({"area_code": area_code, "agreement_kind": kind,
                                     "agreement_term_start": FIRST_TERM_START,
                                     "municipality_code": m.code, "status": ApprovalStatus.REJECTED,
                                     "decided_on": date(2024, 2, 20)})
        else:
            out["approvals"].append({"area_code": area_code, "agreement_kind": kind,
                                     "agreement_term_start": FIRST_TERM_START,
                                     "municipality_code": m.code, "status": ApprovalStatus.PENDING,
                                     "decided_on": None})


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
    with engine.begin() as conn:
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
