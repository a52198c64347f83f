"""The reference loader meets every file of the official reference folder: each either loads
or is refused with a message that names the file and what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from yhdyspinta import geodata

LOADS = {
    "kuntarajat_2024.geojson": ("boundaries",),
    "population_by_municipality.csv": ("population",),
}
# Files of other shapes: regions, points, a tile layout and the classification key.
REFUSED = ("maakuntarajat_2024.geojson", "municipality_central_localities.csv",
           "grid_hyvinvointialue.csv", "municipality_key_2025.csv", "SOURCES.md")


def test_the_folder_holds_what_this_test_expects(reference: Path) -> None:
    assert {p.name for p in reference.iterdir()} == set(LOADS) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(LOADS))
def test_loadable_files_load(name: str, reference: Path, tmp_path: Path) -> None:
    result = geodata.import_reference(reference / name, cache_dir=tmp_path)
    assert result.kinds == LOADS[name]


@pytest.mark.parametrize("name", REFUSED)
def test_other_files_are_refused_clearly(name: str, reference: Path, tmp_path: Path) -> None:
    with pytest.raises(geodata.ReferenceDataError) as info:
        geodata.import_reference(reference / name, cache_dir=tmp_path)
    assert name in str(info.value)
    assert not geodata.reference_status(cache_dir=tmp_path).boundaries_ready
