"""Which areas need the project lead's attention on a day, and by which rule.

Every rule reads the catalogue (`catalogue.by_area`) and the day's state (`asof.AsOf`); none
counts anything of its own, so an entry here and the figure on a card or the map never
disagree. A rule's text for people is `attention.rule.<rule>` (its title) and
`attention.rule.<rule>.text` (what it checks) in the catalogs.

The rules, for each in-scope area:

* `expired`: its strategic agreement's validity has ended and no renewal is in force
  (the catalogue's `agreements_expired`);
* `councils_pending`: its agreement is in force but fewer municipal councils have approved it
  than the area has municipalities (`agreements_in_force`, `council_approved_municipalities`);
* `no_agreement`: no agreement in force, and none has expired: none approved yet, or its
  validity has not begun (`agreements_in_force`, `agreements_expired`);
* `no_forum`: forums have been held, and the area (the county or Helsinki itself) took part in
  none of them (`area_forums_attended`);
* `no_assessment`: no maturity self-assessment by the day (`maturity_mean` has no data);
* `old_assessment`: the latest self-assessment is older than ASSESSMENT_MAX_AGE_MONTHS.

Helsinki organises its services itself: the agreement rules do not apply to it (the catalogue
gives them as not applicable), the forum and assessment rules do.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from yhdyspinta import facts
from yhdyspinta.indicators.asof import AsOf, as_date
from yhdyspinta.indicators.catalogue import Status, Value, by_area

# A self-assessment older than this many months is due again (one round a year).
ASSESSMENT_MAX_AGE_MONTHS = 12


class Rule(StrEnum):
    """The rules in the order the list shows them: agreements first, then forums, maturity."""

    EXPIRED = "expired"
    COUNCILS_PENDING = "councils_pending"
    NO_AGREEMENT = "no_agreement"
    NO_FORUM = "no_forum"
    NO_ASSESSMENT = "no_assessment"
    OLD_ASSESSMENT = "old_assessment"


@dataclass(frozen=True)
class Attention:
    """One area caught by one rule, with the figures that caught it."""

    area: int
    rule: Rule
    day: date | None = None  # expired: the validity's last day; old assessment: the day assessed
    count: int | None = None  # councils pending: councils approved; no forum: forums held
    total: int | None = None  # councils pending: the area's municipalities (without Helsinki)
    status: str | None = None  # no agreement: the stored status of its agreement of the day, if any


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _applies(value: Value) -> bool:
    return value.status != Status.NOT_APPLICABLE


def _whole(x: float | None) -> int:
    return int(x or 0)


def attention(state: AsOf, areas: Iterable[int] | None = None,
              max_age_months: int = ASSESSMENT_MAX_AGE_MONTHS) -> list[Attention]:
    """Every rule's entries on the state's day, in the order of `Rule`, then of the areas'
    codes; `areas` limits the list (default: every in-scope area)."""
    chosen = sorted({a.code for a in facts.in_scope_areas()} if areas is None else set(areas))
    in_force, expired = by_area("agreements_in_force", state), by_area("agreements_expired", state)
    council = by_area("council_approved_municipalities", state)
    forums, maturity = by_area("area_forums_attended", state), by_area("maturity_mean", state)
    oldest = months_before(state.as_of, max_age_months)
    found: list[Attention] = []
    for area in chosen:
        if area not in in_force:  # not an area of the reform
            continue
        if _applies(expired[area]) and _whole(expired[area].value) > 0:
            strategic = state.strategic.get(area)
            found.append(Attention(area, Rule.EXPIRED, day=strategic.valid_until if strategic else None))
        elif _applies(in_force[area]) and _whole(in_force[area].value) > 0:
            approved, members = council[area].numerator, council[area].denominator
            if approved is not None and members is not None and approved < members:
                found.append(Attention(area, Rule.COUNCILS_PENDING, count=_whole(approved), total=_whole(members)))
        elif _applies(in_force[area]):
            strategic = state.strategic.get(area)
            found.append(Attention(area, Rule.NO_AGREEMENT, status=strategic.status if strategic else None))
        held = forums[area].denominator
        if held and _whole(forums[area].numerator) == 0:
            found.append(Attention(area, Rule.NO_FORUM, count=_whole(held)))
        if maturity[area].status == Status.NO_DATA:
            found.append(Attention(area, Rule.NO_ASSESSMENT))
        else:
            assessed = as_date(maturity[area].detail.get("assessed_on"))
            if assessed is not None and assessed < oldest:
                found.append(Attention(area, Rule.OLD_ASSESSMENT, day=assessed))
    order = list(Rule)
    return sorted(found, key=lambda entry: (order.index(entry.rule), chosen.index(entry.area)))
