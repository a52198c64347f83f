"""Similar areas: the areas of the same population class, for comparing one area with its peers.

The classes are fixed bounds on an area's population (the sum of its municipalities' populations
as loaded), defined here once. With the 2022–2025 populations they split the 22 areas into 5
small (under 150 000 people), 12 middle-sized and 5 large (300 000 or more, Helsinki among them).
An area's similar areas are the *other* areas of its class; their figures are the catalogue's,
evaluated for them as a group (`catalogue.Scope(group=...)`), never computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from yhdyspinta import facts
from yhdyspinta.indicators.catalogue import Scope


@dataclass(frozen=True)
class PopulationClass:
    code: str  # texts: "peers.class.<code>"
    lower: int  # people, inclusive
    upper: int | None  # people, exclusive; None: no upper bound


SMALL = PopulationClass("small", 0, 150_000)
MEDIUM = PopulationClass("medium", 150_000, 300_000)
LARGE = PopulationClass("large", 300_000, None)
POPULATION_CLASSES: tuple[PopulationClass, ...] = (SMALL, MEDIUM, LARGE)


def population_class(people: int) -> PopulationClass:
    """The class an area of `people` inhabitants belongs to."""
    if people < 0:
        raise ValueError(f"a population cannot be negative: {people}")
    return next(c for c in POPULATION_CLASSES if c.upper is None or people < c.upper)


def area_population(population: Mapping[str, int | None], area: int) -> int | None:
    """The area's people: the sum over its municipalities; None unless every one is loaded."""
    people = [population.get(m.code) for m in facts.municipalities() if m.area_code == area]
    if not people or any(p is None for p in people):
        return None
    return sum(p for p in people if p is not None)


@dataclass(frozen=True)
class Peers:
    """An area's population class and the other in-scope areas of the same class."""

    area: int
    population: int
    population_class: PopulationClass
    areas: tuple[int, ...]  # the similar areas, the area itself not among them

    @property
    def scope(self) -> Scope | None:
        """The similar areas as the catalogue's scope (None when the class has no other area)."""
        return Scope(group=self.areas) if self.areas else None


def similar_areas(population: Mapping[str, int | None], area: int) -> Peers | None:
    """`area`'s peers by population class; None when its own population is not loaded. An area
    whose population is not loaded is left out of the others' peers."""
    own = area_population(population, area)
    if own is None:
        return None
    chosen = population_class(own)
    others = []
    for other in facts.in_scope_areas():
        if other.code == area:
            continue
        people = area_population(population, other.code)
        if people is not None and population_class(people) == chosen:
            others.append(other.code)
    return Peers(area, own, chosen, tuple(others))
