"""URL filters: table-driven."""

from __future__ import annotations

import pytest

from yhdyspinta.filters import BadParam, Filters, parse_filters


@pytest.mark.parametrize(
    ("params", "filters", "bad"),
    [
        ({}, Filters(), ()),
        ({"kieli": "sv"}, Filters(lang="sv"), ()),
        ({"kieli": "de"}, Filters(), (BadParam("kieli", "de"),)),
        ({"alue": "13"}, Filters(area=13), ()),
        ({"alue": " 90 "}, Filters(area=90), ()),
        ({"alue": "91"}, Filters(), (BadParam("alue", "91"),)),
        ({"alue": "0"}, Filters(), (BadParam("alue", "0"),)),
        ({"alue": "x"}, Filters(), (BadParam("alue", "x"),)),
        ({"alue": "13", "kunta": "686,762"}, Filters(area=13, municipalities=("686", "762")), ()),
        ({"alue": "13", "kunta": "91"}, Filters(), (BadParam("kunta", "91"),)),
        ({"kunta": "091"}, Filters(municipalities=("091",)), ()),
        ({"alue": "99", "kunta": "091"}, Filters(), (BadParam("alue", "99"),)),
    ],
)
def test_parse_filters(params: dict[str, str], filters: Filters, bad: tuple[BadParam, ...]) -> None:
    parsed = parse_filters(params)
    assert parsed.filters == filters
    assert parsed.bad == bad


@pytest.mark.parametrize("filters", [Filters(), Filters(lang="en", area=13, municipalities=("686",))])
def test_params_round_trip(filters: Filters) -> None:
    assert parse_filters(filters.to_params()).filters == filters
