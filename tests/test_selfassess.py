"""Self-assessment rounds in the store, on SQLite and PostgreSQL: tokens issued, hashed,
checked, expiring and answering once; who may open and close; closing writes the responses
as the area's latest maturity assessments, which the catalogue then reads; every write logged."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, select

from yhdyspinta import demo, indicators, selfassess
from yhdyspinta.access import ANONYMOUS, PermissionDenied, Principal
from yhdyspinta.domain import Role
from yhdyspinta.indicators import catalogue
from yhdyspinta.indicators.asof import local_day
from yhdyspinta.selfassess import Refused, RoundState, TokenStatus
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema
from yhdyspinta.store.schema import MATURITY_COLUMNS

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
VIEWER = Principal("someone@example.fi", Role.VIEWER)
OPENED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ANSWERS = {"respondent_role": "kunta", **dict.fromkeys(MATURITY_COLUMNS, 3)}
SENDERS = 4


def _log(engine: Engine, kind: str | None = None) -> list[dict[str, object]]:
    frame = repo.read_kind(engine, "changelog")
    if kind is not None:
        frame = frame[frame["kind"] == kind]
    return frame.to_dict("records")


# --------------------------------------------------------------------------- pure parts

@pytest.mark.parametrize(("token", "ok"), [
    (None, False),
    ("", False),
    ("a" * 64, True),
    ("a" * 65, False),
    ("abc-_XYZ019", True),
    ("abc def", False),
    ("abc%20", False),
    ("äbc", False),
    ("١٣", False),
    ("abc\n", False),
    ("<script>", False),
])
def test_well_formed_tokens(token: str | None, ok: bool) -> None:
    assert selfassess.well_formed(token) is ok


def test_tokens_are_random_url_safe_and_hashed_one_way() -> None:
    tokens = {selfassess.new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(selfassess.well_formed(tok) and len(tok) == 32 for tok in tokens)
    tok = next(iter(tokens))
    digest = selfassess.hash_token(tok)
    assert len(digest) == 64 and tok not in digest
    assert digest == selfassess.hash_token(tok) != selfassess.hash_token(tok[:-1] + ("A" if tok[-1] != "A" else "B"))


@pytest.mark.parametrize(("base", "lang", "expected"), [
    ("http://h:1/", None, "http://h:1/?arvio=T0k-_"),
    ("http://h:1/itsearviointi?alue=13", "sv", "http://h:1/itsearviointi?arvio=T0k-_&kieli=sv"),
    ("https://x.fi/app/#frag", "en", "https://x.fi/app/?arvio=T0k-_&kieli=en"),
])
def test_invitation_link(base: str, lang: str | None, expected: str) -> None:
    assert selfassess.invitation_link(base, "T0k-_", lang) == expected


@pytest.mark.parametrize(("answers", "error"), [
    (ANSWERS, None),
    ({**ANSWERS, "trust": 0}, ValidationError),
    ({**ANSWERS, "trust": 4}, ValidationError),
    ({**ANSWERS, "trust": None}, ValidationError),
    ({**ANSWERS, "respondent_role": "johtaja"}, ValidationError),
    ({k: v for k, v in ANSWERS.items() if k != "goals"}, ValidationError),
    ({**ANSWERS, "name": "Matti"}, ValueError),
])
def test_answers_are_validated_as_maturity_records(answers: dict[str, object], error: type | None) -> None:
    if error is None:
        assert selfassess.validate_answers(13, answers) == ANSWERS
    else:
        with pytest.raises(error):
            selfassess.validate_answers(13, answers)


def _summary(round_id: int, area: int, opened: datetime, *, days: int = 14, closed: bool = False,
             invitations: int = 5, responses: int = 0, last: date | None = None) -> selfassess.RoundSummary:
    return selfassess.RoundSummary(round_id, area, opened, opened + timedelta(days=days),
                                   opened + timedelta(days=1) if closed else None, None, invitations, responses, last)


@pytest.mark.parametrize(("summaries", "now", "expected"), [
    ([], OPENED, {"state": "none", "invitations": 0, "responses": 0, "last_response_on": None}),
    ([_summary(1, 13, OPENED, responses=2, last=date(2026, 11, 3))], OPENED + timedelta(days=2),
     {"state": "open", "invitations": 5, "responses": 2, "last_response_on": date(2026, 11, 3)}),
    ([_summary(1, 13, OPENED)], OPENED + timedelta(days=14), {"state": "expired", "responses": 0}),
    # The latest round counts; the last response is the latest of any round.
    ([_summary(1, 13, OPENED, closed=True, responses=4, last=date(2026, 11, 3)),
      _summary(2, 13, OPENED + timedelta(days=20), invitations=3)], OPENED + timedelta(days=21),
     {"state": "open", "invitations": 3, "responses": 0, "last_response_on": date(2026, 11, 3),
      "opened_on": date(2026, 11, 22)}),
    ([_summary(1, 13, OPENED, closed=True, responses=1)], OPENED, {"state": "closed", "responses": 1}),
    # Another area's round is not this area's.
    ([_summary(1, 12, OPENED, responses=3)], OPENED, {"state": "none", "responses": 0}),
])
def test_tracker_rows(summaries: list[selfassess.RoundSummary], now: datetime, expected: dict[str, object]) -> None:
    frame = selfassess.tracker(summaries, {13: date(2025, 3, 14)}, [12, 13], now)
    assert list(frame.columns) == list(selfassess.TRACKER_COLUMNS)
    row = frame.set_index("area_code").loc[13].to_dict()
    assert row["last_reported_on"] == date(2025, 3, 14)
    for key, value in expected.items():
        assert row[key] == value, key


# ------------------------------------------------------------------------------ the store

def test_a_round_keeps_only_token_hashes_and_logs_no_token(store: Engine) -> None:
    opened = selfassess.open_round(store, SAVO, 13, 3, now=OPENED)
    assert len(opened.tokens) == len(set(opened.tokens)) == 3
    assert opened.expires_at == OPENED + timedelta(days=selfassess.DEFAULT_VALID_DAYS)
    with store.connect() as conn:
        hashes = set(conn.execute(select(schema.selfassess_invitations.c.token_hash)).scalars())
    assert hashes == {selfassess.hash_token(tok) for tok in opened.tokens}
    dump = json.dumps(_log(store), default=str)
    assert not any(tok in dump for tok in opened.tokens)
    assert not any(h in dump for h in hashes)
    [entry] = _log(store, selfassess.LOG_KIND)
    assert entry["actor"] == SAVO.subject and entry["action"] == "insert"
    assert json.loads(str(entry["after"])) == {"area_code": 13, "round": opened.round_id, "invitations": 3,
                                               "expires_on": "2026-11-16"}


# One link's life: (minutes after opening, what is done, the status the link has after it).
CHECK, ANSWER, CLOSE = "check", "answer", "close"
LIFECYCLES = {
    "answered once": [(10, CHECK, TokenStatus.VALID), (20, ANSWER, TokenStatus.USED), (30, ANSWER, TokenStatus.USED)],
    "expired unanswered": [(14 * 24 * 60 - 1, CHECK, TokenStatus.VALID), (14 * 24 * 60, ANSWER, TokenStatus.EXPIRED)],
    "answered, then expired": [(60, ANSWER, TokenStatus.USED), (15 * 24 * 60, CHECK, TokenStatus.USED)],
    "closed before answering": [(5, CLOSE, TokenStatus.CLOSED), (6, ANSWER, TokenStatus.CLOSED)],
}


@pytest.mark.parametrize("steps", list(LIFECYCLES.values()), ids=list(LIFECYCLES))
def test_a_link_answers_once_and_only_while_valid(store: Engine, steps: list[tuple[int, str, TokenStatus]]) -> None:
    opened = selfassess.open_round(store, SAVO, 13, 2, now=OPENED)
    token = opened.tokens[0]
    answered = 0
    for minutes, action, status in steps:
        now = OPENED + timedelta(minutes=minutes)
        before = selfassess.check_token(store, token, now=now)
        if action == ANSWER:
            if before.status is TokenStatus.VALID:
                assert selfassess.submit(store, token, ANSWERS, now=now) == opened.round_id
                answered += 1
            else:
                with pytest.raises(Refused) as refused:
                    selfassess.submit(store, token, ANSWERS, now=now)
                assert refused.value.status is before.status
        elif action == CLOSE:
            selfassess.close_round(store, SAVO, opened.round_id, now=now)
        after = selfassess.check_token(store, token, now=now)
        assert after.status is status, (minutes, action)
        assert (after.round_id, after.area_code) == (opened.round_id, 13)
    [summary] = selfassess.rounds(store)
    assert summary.responses == answered
    # The other link of the round is untouched, unless the round was closed.
    other = TokenStatus.CLOSED if summary.closed_at is not None else TokenStatus.VALID
    assert selfassess.check_token(store, opened.tokens[1], now=OPENED).status is other


@pytest.mark.parametrize("token", [None, "", "x" * 200, "not a token", "A" * 32])
def test_unknown_links_are_refused_without_writing(store: Engine, token: str | None) -> None:
    selfassess.open_round(store, SAVO, 13, 1, now=OPENED)
    version = repo.data_version(store)
    assert selfassess.check_token(store, token).status is TokenStatus.UNKNOWN
    with pytest.raises(Refused) as refused:
        selfassess.submit(store, token, ANSWERS)
    assert refused.value.status is TokenStatus.UNKNOWN
    assert repo.data_version(store) == version


def test_bad_answers_write_nothing_and_leave_the_link_usable(store: Engine) -> None:
    opened = selfassess.open_round(store, SAVO, 13, 1, now=OPENED)
    version = repo.data_version(store)
    with pytest.raises(ValidationError):
        selfassess.submit(store, opened.tokens[0], {**ANSWERS, "power": 9}, now=OPENED)
    assert repo.data_version(store) == version
    assert selfassess.check_token(store, opened.tokens[0], now=OPENED).status is TokenStatus.VALID


def test_a_response_is_logged_anonymously_and_moves_the_data_version(store: Engine) -> None:
    opened = selfassess.open_round(store, SAVO, 13, 2, now=OPENED)
    version = repo.data_version(store)
    selfassess.submit(store, opened.tokens[1], ANSWERS, now=OPENED)
    assert repo.data_version(store) > version
    entry = _log(store, selfassess.LOG_KIND)[-1]
    assert entry["actor"] == selfassess.RESPONDENT_ACTOR
    assert json.loads(str(entry["after"])) == {"area_code": 13, "round": opened.round_id, "responses": 1}
    with store.connect() as conn:
        response = conn.execute(select(schema.selfassess_responses)).mappings().one()
    assert set(response) == {"id", "round_id", *selfassess.ANSWER_FIELDS}  # nothing ties it to a link
    with store.connect() as conn:
        answered = conn.execute(select(schema.selfassess_invitations.c.answered_on)
                                .where(schema.selfassess_invitations.c.answered_on.is_not(None))).scalar_one()
    assert type(answered) is date and answered == local_day(OPENED)  # a day, not an instant
    assert selfassess.rounds(store)[0].last_response_on == answered


@pytest.mark.parametrize(("principal", "area", "code"), [
    (ANONYMOUS, 13, "viewer"),
    (VIEWER, 13, "viewer"),
    (SAVO, 12, "other_area"),
])
def test_only_the_areas_editors_and_leads_open_and_close_rounds(store: Engine, principal: Principal, area: int,
                                                              code: str) -> None:
    with pytest.raises(PermissionDenied) as denied:
        selfassess.open_round(store, principal, area, 3)
    assert denied.value.code == code
    opened = selfassess.open_round(store, LEAD, area, 1, now=OPENED)
    with pytest.raises(PermissionDenied):
        selfassess.close_round(store, principal, opened.round_id)
    denials = [e for e in _log(store) if e["action"] == repo.LogAction.DENIED.value]
    assert len(denials) == 2 and {e["kind"] for e in denials} == {selfassess.LOG_KIND}
    assert selfassess.rounds(store)[0].closed_at is None


@pytest.mark.parametrize(("area", "invitations", "days"), [
    (91, 1, 14), (99, 1, 14), (13, 0, 14), (13, selfassess.MAX_INVITATIONS + 1, 14), (13, 1, 0),
    (13, 1, selfassess.MAX_VALID_DAYS + 1),
])
def test_rounds_out_of_bounds_are_refused(store: Engine, area: int, invitations: int, days: int) -> None:
    with pytest.raises(ValueError):
        selfassess.open_round(store, LEAD, area, invitations, valid_days=days)
    assert selfassess.rounds(store) == []


def test_closing_writes_the_latest_assessment_the_catalogue_reads(store: Engine) -> None:
    demo.load(store)
    today = local_day(datetime.now(UTC))  # the close's day: Finnish time
    before = indicators.resolve({k: repo.read_kind(store, k) for k in (*indicators.KINDS_NEEDED, "changelog")}, today)
    old_mean = catalogue.evaluate("maturity_mean", before, catalogue.Scope(13)).value
    assert old_mean is not None and old_mean < 3
    opened = selfassess.open_round(store, SAVO, 13, 3)
    selfassess.submit(store, opened.tokens[0], ANSWERS)
    selfassess.submit(store, opened.tokens[2], {"respondent_role": "hyvinvointialue",
                                                **dict.fromkeys(MATURITY_COLUMNS, 2), "goals": 3})
    version = repo.data_version(store)
    closed = selfassess.close_round(store, SAVO, opened.round_id)
    assert repo.data_version(store) > version
    assert closed.responses == 2 and closed.assessed_on == today
    rows = repo.read_kind(store, "maturity")
    new = rows[(rows["area_code"] == 13) & (rows["assessed_on"] == today)]
    assert sorted(new["respondent_no"]) == [1, 2]
    assert sorted(new["respondent_role"]) == ["hyvinvointialue", "kunta"]
    after = indicators.resolve({k: repo.read_kind(store, k) for k in (*indicators.KINDS_NEEDED, "changelog")}, today)
    expected = (8 * 3 + 7 * 2 + 3) / 16  # one answered 3s, the other 2s but goals 3
    assert catalogue.evaluate("maturity_mean", after, catalogue.Scope(13)).value == pytest.approx(expected)
    assert catalogue.evaluate("maturity_goals", after, catalogue.Scope(13)).value == 3.0
    # Logged as maturity inserts by the editor, and the round's close in a batch of its own.
    inserts = [e for e in _log(store, "maturity") if e["actor"] == SAVO.subject]
    assert len(inserts) == 2 and {e["action"] for e in inserts} == {"insert"}
    close = _log(store, selfassess.LOG_KIND)[-1]
    assert close["action"] == "update" and close["batch_id"] != inserts[0]["batch_id"]
    assert json.loads(str(close["after"]))["assessed_on"] == today.isoformat()
    # Closed once: a second close and any remaining link are refused.
    with pytest.raises(Refused):
        selfassess.close_round(store, SAVO, opened.round_id)
    assert selfassess.check_token(store, opened.tokens[1]).status is TokenStatus.CLOSED
    summary = selfassess.rounds(store, [13])[0]
    assert summary.state(datetime.now(UTC)) is RoundState.CLOSED and summary.assessed_on == today


def test_a_second_round_the_same_day_numbers_after_the_first(store: Engine) -> None:
    for _ in range(2):
        opened = selfassess.open_round(store, LEAD, 5, 1)
        selfassess.submit(store, opened.tokens[0], ANSWERS)
        selfassess.close_round(store, LEAD, opened.round_id)
    rows = repo.read_kind(store, "maturity")
    assert sorted(rows[rows["area_code"] == 5]["respondent_no"]) == [1, 2]


def test_closing_an_unanswered_round_writes_no_assessment(store: Engine) -> None:
    opened = selfassess.open_round(store, LEAD, 5, 2)
    closed = selfassess.close_round(store, LEAD, opened.round_id)
    assert (closed.responses, closed.assessed_on) == (0, None)
    assert repo.read_kind(store, "maturity").empty
    with pytest.raises(selfassess.RoundNotFound):
        selfassess.close_round(store, LEAD, opened.round_id + 1)


def test_the_same_link_sent_at_once_from_two_places_answers_once(store: Engine) -> None:
    opened = selfassess.open_round(store, SAVO, 13, 1)
    barrier = threading.Barrier(SENDERS)

    def send(_n: int) -> str:
        barrier.wait()
        try:
            selfassess.submit(store, opened.tokens[0], ANSWERS)
        except Refused as refused:
            return refused.status.value
        return "taken"

    with ThreadPoolExecutor(SENDERS) as pool:
        outcomes = sorted(pool.map(send, range(SENDERS)))
    assert outcomes == ["taken", *["used"] * (SENDERS - 1)]
    with store.connect() as conn:
        assert len(conn.execute(select(schema.selfassess_responses)).all()) == 1
