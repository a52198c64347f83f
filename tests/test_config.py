"""Where the data folder is: from the environment, made absolute the way it always was, even
though the answer is remembered per value and working folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from yhdyspinta import config


@pytest.mark.parametrize(("raw", "expected"), [
    ("{tmp}/store", "{tmp}/store"),
    ("{tmp}/store/../other", "{tmp}/other"),
    ("relative", "{cwd}/relative"),
    ("~/yp-data", "{home}/yp-data"),
])
def test_data_dir_is_absolute(raw: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    fill = {"tmp": str(tmp_path), "cwd": str(cwd.resolve()), "home": str(home.resolve())}
    monkeypatch.setenv(config.ENV_DATA_DIR, raw.format(**fill))
    assert config.data_dir() == Path(expected.format(**fill)).resolve()
    assert config.geo_cache_dir() == config.data_dir() / config.GEO_CACHE_SUBDIR


def test_a_relative_data_dir_follows_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_DATA_DIR, "data")
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / name)
        assert config.data_dir() == (tmp_path / name / "data").resolve()


def test_without_the_variable_the_project_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.ENV_DATA_DIR, raising=False)
    assert config.data_dir() == config.PROJECT_DIR / "data"
    monkeypatch.delenv(config.ENV_REFERENCE_DIR, raising=False)
    assert config.reference_dir() is None


def test_an_absolute_data_dir_needs_no_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "release"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # a deploy removed the folder the server was started in
    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "store"))
    assert config.data_dir() == (tmp_path / "store").resolve()
