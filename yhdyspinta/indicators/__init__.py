"""One picture, one truth: the indicator catalogue and the state it reads.

    state = indicators.resolve(frames, as_of)
    value = indicators.evaluate("agreements_in_force", state, indicators.Scope(area=13))
"""

from __future__ import annotations

from yhdyspinta.indicators.asof import (
    APPROVED_CODES,
    HEADLINE_GROUP,
    KINDS_NEEDED,
    AgreementState,
    AsOf,
    as_date,
    finnish_today,
    local_day,
    resolve,
)
from yhdyspinta.indicators.catalogue import (
    BY_ID,
    CATALOGUE,
    COUNTRY,
    Indicator,
    Scope,
    Status,
    Unit,
    Value,
    by_area,
    evaluate,
    evaluate_all,
    get,
    maturity_level,
)

__all__ = [
    "APPROVED_CODES", "BY_ID", "CATALOGUE", "COUNTRY", "HEADLINE_GROUP", "KINDS_NEEDED", "AgreementState", "AsOf",
    "Indicator", "Scope", "Status", "Unit", "Value", "as_date", "by_area", "evaluate",
    "evaluate_all", "finnish_today", "get", "local_day", "maturity_level", "resolve",
]
