"""Charts write their numbers as the reader's language does: drawn with vl-convert (as the
report draws them, and as the browser would), the profile's maturity scale and scores read 1,5
in Finnish and Swedish and 1.5 in English."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
import vl_convert

from yhdyspinta import profile
from yhdyspinta.i18n import column_label
from yhdyspinta.store.schema import MATURITY_COLUMNS


def _texts(chart: object) -> set[str]:
    svg = vl_convert.vegalite_to_svg(json.loads(chart.to_json()))  # type: ignore[attr-defined]
    return set(re.findall(r">([^<>]*)</text>", svg))


def _profile_maturity(lang: str) -> object:
    long = pd.DataFrame({"dimension": [column_label(c, lang) for c in MATURITY_COLUMNS[:2]], "series": "Alue",
                         "value": [1.55, 2.25]})
    return profile.maturity_chart(long, lang)


@pytest.mark.parametrize(("lang", "point"), [("fi", ","), ("sv", ","), ("en", ".")])
def test_the_profiles_maturity_scores_use_the_languages_decimal_separator(lang: str, point: str) -> None:
    texts = _texts(_profile_maturity(lang))
    decimals = {x for x in texts if re.fullmatch(r"\d+[.,]\d+", x)}
    assert decimals, texts  # the scale (1.5, 2.5 …) or the values (1.6, 2.3) have some
    assert all(point in x for x in decimals), decimals


def test_the_maturity_table_shows_each_score_as_its_chart_and_the_catalogue_do() -> None:
    """One decimal, halves away from zero (1.55 -> 1.6, 2.25 -> 2.3), not 1.55 beside 1.7."""
    long = pd.DataFrame({"dimension": ["a", "b", "c"], "series": "Alue", "value": [1.55, 2.25, 1.7]})
    table = profile.maturity_table(long, "fi")
    assert list(table.iloc[:, 2]) == [1.6, 2.3, 1.7]


@pytest.mark.parametrize(("lang", "day"), [("fi", "1.3.2024"), ("sv", "1.3.2024"), ("en", "01/03/2024")])
def test_the_profiles_approval_curve_writes_days_as_the_language_does(lang: str, day: str) -> None:
    """The area profile's charts wrote every day in the Finnish order, in English too."""
    curve = pd.DataFrame({"agreement": ["Sopimus"] * 2, "day": [date(2024, 1, 1), date(2024, 3, 1)],
                          "approved": [1, 2], "who": ["Kuopio", "Iisalmi"]})
    texts = _texts(profile.approval_curve_chart(curve, 19, lang))
    assert day in texts, texts
