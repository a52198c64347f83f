"""How an indicator's value is shown to people and handed to machines: one way for every
page, slide, export and command."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.i18n import (
    LANGUAGES,
    enum_label,
    format_day,
    format_number,
    format_pct,
    format_signed,
    round_half_away,
    t,
    tn,
)
from yhdyspinta.indicators.asof import AgreementState
from yhdyspinta.indicators.catalogue import BY_ID, COUNTRY, Status, Unit, Value

SERIES_START = date(2023, 1, 1)  # the counties began their work on 1.1.2023
SCORE_DIGITS = 1
SHARE_DIGITS = 1


def label(indicator_id: str, lang: str) -> str:
    return t(f"indicator.{indicator_id}.label", lang)


def definition(indicator_id: str, lang: str) -> str:
    return t(f"indicator.{indicator_id}.definition", lang)


def _number(value: float, lang: str) -> str:
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def value_text(value: Value, lang: str) -> str:
    """The value as every surface shows it: "12 / 21", "45,3 %", "1,6", "2 Koordinaatio";
    "Ei sovellu" where the indicator does not apply, "–" where there is nothing to show; a
    count of areas for one area says yes or no ("Kyllä", not "1 / 1")."""
    if value.status == Status.NOT_APPLICABLE:
        return t("indicator.not_applicable", lang)
    if value.value is None:
        return "–"
    if value.unit == Unit.COUNT and BY_ID[value.indicator].counts_areas and value.scope != COUNTRY \
            and value.denominator == 1:
        return t("indicator.yes", lang) if value.value else t("indicator.no", lang)
    if value.unit == Unit.COUNT:
        if value.denominator is None:
            return _number(value.value, lang)
        return t("indicator.of", lang, n=_number(value.value, lang), total=_number(value.denominator, lang))
    if value.unit == Unit.SHARE:
        return format_pct(value.value, lang, SHARE_DIGITS)
    if value.unit == Unit.PERCENT:
        return format_pct(value.value / 100, lang)
    if value.unit == Unit.LEVEL:
        return f"{int(value.value)} {enum_label('MaturityLevel', int(value.value), lang)}"
    return format_number(value.value, lang, SCORE_DIGITS)


def status_text(status: str, lang: str) -> str:
    """An agreement's status as shown (`asof.shown_status`, `Strategic.shown`) in words, as
    every page names it: expired as the map's legend says it, else the lifecycle stage."""
    if status == AgreementState.EXPIRED.value:
        return t("map.expired", lang)
    return enum_label("AgreementStatus", status, lang)


def sources_text(indicator_id: str, lang: str) -> str:
    return ", ".join(t(f"overview.kind.{kind}", lang) for kind in BY_ID[indicator_id].sources)


def help_text(value: Value, lang: str) -> str:
    """Definition, source, update day and N: what a user can open beside every figure."""
    text = t("indicator.help", lang, definition=definition(value.indicator, lang),
             sources=sources_text(value.indicator, lang), updated=format_day(value.last_updated, lang),
             n="–" if value.n is None else format_number(value.n, lang))
    if value.status == Status.NOT_APPLICABLE and value.scope == str(facts.HELSINKI_AREA_CODE):
        text = t("indicator.not_applicable_helsinki", lang) + "\n\n" + text
    if value.small_n:
        text = t("indicator.small_n", lang, limit=SMALL_N_THRESHOLD) + "\n\n" + text
    return text


def value_note(value: Value, lang: str) -> str | None:
    """What a value is made of, where its label alone does not say: a survey mean names its
    survey and wave, how many statements it averages and its N. Plain text holding stored names
    (shown as text, never as Markdown)."""
    detail = value.detail
    if value.value is None or "wave" not in detail or value.n is None:
        return None
    return tn("indicator.survey_note", value.n, lang, survey=detail.get("survey", ""), wave=detail["wave"],
              statements=format_number(int(detail.get("statements", 0) or 0), lang), n=format_number(value.n, lang))


def quarter_ends(today: date, start: date = SERIES_START) -> list[date]:
    """The last day of each quarter from `start` that has ended before `today`, then `today`."""
    days = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while True:
        next_start = date(year + quarter // 4, quarter % 4 * 3 + 1, 1)
        end = next_start - timedelta(days=1)
        if end >= today:
            break
        days.append(end)
        year, quarter = next_start.year, (next_start.month - 1) // 3 + 1
    return [*days, today]


def record(value: Value) -> dict[str, Any]:
    """A value in machine form (the `indicators` command, downloads): stored precision, ISO
    dates, null where meaningless, the metadata beside it."""
    def number(x: float | None) -> float | int | None:
        if x is None:
            return None
        return int(x) if float(x).is_integer() else x

    out: dict[str, Any] = {
        "id": value.indicator, "scope": value.scope, "as_of": value.as_of.isoformat(),
        "value": number(value.value), "numerator": number(value.numerator),
        "denominator": number(value.denominator), "n": value.n, "status": value.status.value,
        "unit": value.unit.value, "small_n": value.small_n, "sources": list(value.sources),
        "last_updated": value.last_updated.isoformat() if value.last_updated else None,
    }
    for lang in LANGUAGES:
        out[f"label_{lang}"] = label(value.indicator, lang)
    for lang in LANGUAGES:
        out[f"definition_{lang}"] = definition(value.indicator, lang)
    return out


def table(values: Iterable[Value], lang: str, country: dict[str, Value] | None = None) -> pd.DataFrame:
    """Values for people: label, value as shown (and the whole country's beside it, when
    given), N, update day and definition."""
    rows = []
    for v in values:
        row = {t("indicator.col.label", lang): label(v.indicator, lang),
               t("indicator.col.value", lang): value_text(v, lang)}
        if country is not None:
            row[t("indicator.col.country", lang)] = value_text(country[v.indicator], lang)
        row.update({"N": "–" if v.n is None else format_number(v.n, lang),
                    t("indicator.col.updated", lang): format_day(v.last_updated, lang),
                    t("indicator.col.definition", lang): definition(v.indicator, lang)})
        rows.append(row)
    return pd.DataFrame(rows)


# The overview's headline figures, in reading order (two rows of four).
HEADLINE_IDS: tuple[str, ...] = (
    "agreements_in_force", "agreements_expired", "council_approved_municipalities",
    "council_approved_population_share", "survey_mean", "forums_held", "organisations_reached",
    "municipalities_participated",
)
# Indicators for which a rise is bad news (its change is coloured the other way round).
RISE_IS_BAD = frozenset({"agreements_expired"})


@dataclass(frozen=True)
class Headline:
    """One headline figure as a card shows it: its value today, its quarterly series and the
    change since the end of the previous quarter."""

    indicator: str
    label: str
    text: str
    help: str
    series: tuple[float, ...]  # the plotted number per day of `days` (shares in %)
    days: tuple[date, ...]
    delta: str | None  # None where nothing changed or there is nothing to compare with
    rise_is_bad: bool
    small_n: bool  # from fewer respondents than SMALL_N_THRESHOLD: flagged beside the card
    note: str | None = None  # what the value is made of (value_note), shown under it
    country: str | None = None  # with an area chosen: the whole country's value, as shown


def plotted(value: Value) -> float | None:
    """The number a chart plots for a value: shares in percent, the rest as they are."""
    if value.value is None:
        return None
    return value.value * 100 if value.unit == Unit.SHARE else value.value


def change_text(now: Value, then: Value, lang: str) -> str | None:
    """The change between two values of one indicator, in its own unit (points for shares);
    None where either has no value or the change rounds to nothing: a change badge is shown only
    where something changed."""
    a, b = plotted(now), plotted(then)
    if a is None or b is None:
        return None
    diff = a - b
    digits = 0 if now.unit == Unit.COUNT and float(diff).is_integer() else 1
    if round_half_away(diff, digits).is_zero():
        return None
    points = f" {t('overview.points', lang)}" if now.unit in (Unit.SHARE, Unit.PERCENT) else ""
    # A fall starts with "-", the sign st.metric reads for its arrow and colour ("−" read as a rise).
    return f"{format_signed(diff, lang, digits)}{points}"


def headline(series: Sequence[Value], lang: str, country: Value | None = None) -> Headline:
    """A card from an indicator's values on consecutive days (the last is today); with an area
    chosen, `country` is the whole country's value today, shown beside it."""
    now = series[-1]
    points = [(v.as_of, plotted(v)) for v in series]
    kept = [(d, p) for d, p in points if p is not None]
    return Headline(
        indicator=now.indicator, label=label(now.indicator, lang), text=value_text(now, lang),
        help=help_text(now, lang), series=tuple(p for _d, p in kept), days=tuple(d for d, _p in kept),
        delta=change_text(now, series[-2], lang) if len(series) > 1 else None,
        rise_is_bad=now.indicator in RISE_IS_BAD, small_n=now.small_n, note=value_note(now, lang),
        country=None if country is None else value_text(country, lang),
    )


def series_table(headlines: Sequence[Headline], values: Mapping[str, Sequence[Value]], lang: str) -> pd.DataFrame:
    """Every headline figure on every day of its series, as shown: the table beside the cards."""
    days = [v.as_of for v in values[headlines[0].indicator]] if headlines else []
    frame = {t("indicator.col.label", lang): [h.label for h in headlines]}
    for i, day in enumerate(days):
        frame[format_day(day, lang)] = [value_text(values[h.indicator][i], lang) for h in headlines]
    return pd.DataFrame(frame)


def markdown_table(lang: str = "en") -> str:
    """The catalogue as a Markdown table: what the README shows (`python -m yhdyspinta catalogue`)."""
    rows = ["| id | unit | Helsinki | label | definition |", "| --- | --- | --- | --- | --- |"]
    for indicator in BY_ID.values():
        helsinki = "counts" if indicator.applies_to_helsinki else "not applicable"
        rows.append(f"| `{indicator.id}` | {indicator.unit.value} | {helsinki} | {label(indicator.id, lang)} "
                    f"| {definition(indicator.id, lang)} |")
    return "\n".join(rows) + "\n"


def series_frame(values: Mapping[str, Sequence[Value]], lang: str) -> pd.DataFrame:
    """Every indicator's plotted number on each day of its series, for a chart: label, day,
    value and the value as shown (days without a value are left out)."""
    rows = [{"label": label(i, lang), "day": v.as_of, "value": plotted(v), "text": value_text(v, lang)}
            for i, series in values.items() for v in series if plotted(v) is not None]
    return pd.DataFrame(rows, columns=["label", "day", "value", "text"])


def flagged_text(value: Value, lang: str) -> str:
    """The value as shown, with "⚠ N=…" after it when it rests on fewer respondents than
    SMALL_N_THRESHOLD (as the survey page flags them)."""
    text = value_text(value, lang)
    if value.small_n and value.n is not None:
        return f"{text} ⚠ N={format_number(value.n, lang)}"
    return text


def comparison_table(values: Iterable[Value], lang: str, *, area: str, country: Mapping[str, Value],
                     peers: Mapping[str, Value] | None = None) -> pd.DataFrame:
    """Every indicator for one area beside its similar areas (when known) and the whole country,
    each value flagged where its N is small; then the area's N, update day and definition."""
    rows = []
    for v in values:
        row = {t("indicator.col.label", lang): label(v.indicator, lang), area: flagged_text(v, lang)}
        if peers is not None:
            row[t("indicator.col.similar", lang)] = flagged_text(peers[v.indicator], lang)
        row[t("indicator.col.country", lang)] = flagged_text(country[v.indicator], lang)
        row.update({"N": "–" if v.n is None else format_number(v.n, lang),
                    t("indicator.col.updated", lang): format_day(v.last_updated, lang),
                    t("indicator.col.definition", lang): definition(v.indicator, lang)})
        rows.append(row)
    return pd.DataFrame(rows)
