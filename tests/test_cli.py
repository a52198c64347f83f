"""The command line: exit codes 0 success, 1 bad input, 2 usage; messages name file and row."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import REPO_DIR
from tests.corpus import shared_strings_bomb
from yhdyspinta.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from yhdyspinta.kinds import EXPORT_KINDS


def run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exc:  # argparse's usage errors and --help
        return int(exc.code or 0)


def test_help_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--help"], ["demo", "--help"], ["reference", "--help"], ["reference", "fetch", "--help"],
                 ["reference", "import", "--help"], ["reference", "status", "--help"], ["export", "--help"],
                 ["template", "--help"], ["import", "--help"], ["backup", "--help"], ["restore", "--help"]):
        assert run(*args) == EXIT_OK, args
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [[], ["frobnicate"], ["export", "nosuchkind", "--format", "csv", "--out", "x.csv"],
     ["export", "areas", "--format", "pdf", "--out", "x.pdf"], ["export", "areas"], ["import", "changelog", "x"],
     ["reference"], ["template", "areas", "--out", "x.xlsx"]],
)
def test_usage_errors_exit_2(args: list[str], data_dir: Path) -> None:
    assert run(*args) == EXIT_USAGE


def test_demo_export_import_backup_restore(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("demo") == EXIT_OK
    assert run("demo") == EXIT_BAD_INPUT
    assert "--force" in capsys.readouterr().err
    assert run("demo", "--force") == EXIT_OK
    for kind in EXPORT_KINDS:
        for fmt in ("csv", "xlsx"):
            out = tmp_path / f"{kind}.{fmt}"
            assert run("export", kind, "--format", fmt, "--out", str(out)) == EXIT_OK
            assert out.stat().st_size > 0
    capsys.readouterr()
    assert run("import", "agreements", str(tmp_path / "agreements.xlsx"), "--dry-run") == EXIT_OK
    assert "0 uutta, 0 muuttunutta, 34 ennallaan" in capsys.readouterr().out
    assert run("backup", "--out", str(tmp_path / "b.zip")) == EXIT_OK
    assert run("restore", str(tmp_path / "b.zip")) == EXIT_BAD_INPUT
    assert run("restore", str(tmp_path / "b.zip"), "--force") == EXIT_OK
    assert run("restore", str(tmp_path / "missing.zip")) == EXIT_BAD_INPUT


def test_template_is_written(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pohja.xlsx"
    assert run("template", "maturity", "--out", str(out)) == EXIT_OK
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["maturity", "Ohjeet", "Koodit"]


def test_bad_import_names_file_row_and_column(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "foorumit.csv"
    bad.write_text("päivämäärä;teema;otsikko\n15.12.2023;hyte;Hyvä\n32.1.2024;hyte;Huono\n", encoding="utf-8")
    assert run("import", "forums", str(bad)) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"{bad}: rivi 3, sarake päivämäärä: arvo '32.1.2024' ei kelpaa" in err
    assert "nothing was written" in err
    assert run("--lang", "en", "import", "forums", str(tmp_path / "nope.csv")) == EXIT_BAD_INPUT
    assert "no such file" in capsys.readouterr().err


def test_reference_import_sets_population(data_dir: Path, reference: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("reference", "import", str(reference / "population_by_municipality.csv")) == EXIT_OK
    assert "population updated for 308 municipalities" in capsys.readouterr().out
    assert run("reference", "import", str(reference / "SOURCES.md")) == EXIT_BAD_INPUT


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_module_entry_point_and_offline_fetch(data_dir: Path) -> None:
    env = dict(os.environ, YHDYSPINTA_DATA_DIR=str(data_dir))
    url = f"http://127.0.0.1:{_closed_port()}/geoserver/wfs"
    done = subprocess.run([sys.executable, "-m", "yhdyspinta", "reference", "fetch", "--url", url],
                          cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_BAD_INPUT
    assert "reference import" in done.stderr  # says how to work offline
    done = subprocess.run([sys.executable, "-m", "yhdyspinta", "reference", "status"],
                          cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_OK


def test_a_stray_quote_exits_1_naming_its_row(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "foorumit.csv"
    path.write_text('päivämäärä;teema;otsikko\n15.12.2023;hyte;"Avoin lainaus\n2.2.2024;hyte;Toinen\n',
                    encoding="utf-8")
    assert run("--lang", "en", "import", "forums", str(path), "--dry-run") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"error: {path}: Row 2 of file foorumit.csv opens a quote" in err


def test_a_workbook_bomb_is_refused_naming_file_and_limit(data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pommi.xlsx"
    path.write_bytes(shared_strings_bomb())  # 113 KB, 2.7 million shared strings
    assert run("--lang", "en", "import", "forums", str(path)) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert (f"error: {path}: Workbook pommi.xlsx has more than 300 000 different texts (shared strings), which is "
            "the limit. Split the file or save it as CSV.") in err
    assert "nothing was written" in err
