"""URL filters: table-driven."""

from __future__ import annotations

import pytest

from yhdyspinta.filters import OUT_OF_SCOPE, SEVERAL_AREAS, BadParam, Filters, parse_filters


@pytest.mark.parametrize(
    ("params", "filters", "bad"),
    [
        ({}, Filters(), ()),
        ({"kieli": "sv"}, Filters(lang="sv"), ()),
        ({"kieli": "de"}, Filters(), (BadParam("kieli", "de"),)),
        ({"alue": "13"}, Filters(area=13), ()),
        ({"alue": " 90 "}, Filters(area=90), ()),
        ({"alue": "0"}, Filters(), (BadParam("alue", "0"),)),
        ({"alue": "x"}, Filters(), (BadParam("alue", "x"),)),
        ({"alue": "13", "kunta": "686,762"}, Filters(area=13, municipalities=("686", "762")), ()),
        ({"alue": "13", "kunta": "91"}, Filters(), (BadParam("kunta", "91"),)),
        ({"kunta": "091"}, Filters(area=90, municipalities=("091",)), ()),  # its area, as the sidebar shows it
        ({"kunta": "297,140"}, Filters(area=13, municipalities=("297", "140")), ()),
        ({"kunta": "297,091"}, Filters(), (BadParam("kunta", "297,091", SEVERAL_AREAS),)),  # no one area to show
        ({"kunta": "035"}, Filters(), (BadParam("kunta", "035", OUT_OF_SCOPE),)),  # Åland: outside the reform
        ({"alue": "91"}, Filters(), (BadParam("alue", "91", OUT_OF_SCOPE),)),  # Åland
        ({"alue": "99", "kunta": "091"}, Filters(), (BadParam("alue", "99"),)),
        # Digits to str.isdigit but not to int() (or read by int() as 13): ASCII digits only.
        ({"alue": "²"}, Filters(), (BadParam("alue", "²"),)),
        ({"alue": "١٣"}, Filters(), (BadParam("alue", "١٣"),)),
        ({"alue": "13", "kunta": "６８６"}, Filters(), (BadParam("kunta", "６８６"),)),
        ({"alue": "9" * 5000}, Filters(), (BadParam("alue", "9" * 40 + "…"),)),
        ({"alue": "13", "kunta": ",".join(["686"] * 2000)}, Filters(), (BadParam("kunta", "686," * 10 + "…"),)),
        ({"alue": "013", "kunta": "686,686"}, Filters(area=13, municipalities=("686",)), ()),
        # An unknown language changes only the language.
        ({"kieli": "de", "alue": "13", "kunta": "686"}, Filters(area=13, municipalities=("686",)),
         (BadParam("kieli", "de"),)),
        ({"kieli": "de", "alue": "x", "kunta": "686"}, Filters(), (BadParam("kieli", "de"), BadParam("alue", "x"))),
    ],
)
def test_parse_filters(params: dict[str, str], filters: Filters, bad: tuple[BadParam, ...]) -> None:
    parsed = parse_filters(params)
    assert parsed.filters == filters
    assert parsed.bad == bad


@pytest.mark.parametrize("filters", [Filters(), Filters(lang="en", area=13, municipalities=("686",))])
def test_params_round_trip(filters: Filters) -> None:
    assert parse_filters(filters.to_params()).filters == filters


@pytest.mark.parametrize(("bad", "key"), [
    (BadParam("kieli", "de"), "filter.bad_language"),
    (BadParam("alue", "x"), "filter.bad_param"),
    (BadParam("kunta", "297,091", SEVERAL_AREAS), "filter.several_areas"),
    (BadParam("kunta", "035", OUT_OF_SCOPE), "filter.out_of_scope"),
])
def test_each_notice_says_why(bad: BadParam, key: str) -> None:
    assert bad.text_key == key
