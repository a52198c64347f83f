"""`python -m yhdyspinta`: the command line. Exit 0 on success, 1 on bad input, 2 on usage."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from yhdyspinta import demo, facts, indicators
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import LANGUAGES, t
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.kinds import EXPORT_KINDS, WRITABLE_KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class BadInput(Exception):
    """Input the user can fix; the message says what and where."""


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _principal() -> Principal:
    # Whoever runs the command line holds the database itself: a project lead.
    return Principal(_actor(), Role.PROJECT_LEAD)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m yhdyspinta",
        description="Yhdyspinta: the situational picture of municipal–county collaboration.",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="fi",
                        help="language of messages (default: fi)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo", help="load the example data set into an empty store")
    p.add_argument("--force", action="store_true", help="replace existing data")

    ref = sub.add_parser("reference", help="official boundaries and population")
    ref_sub = ref.add_subparsers(dest="reference_command", required=True, metavar="ACTION")
    p = ref_sub.add_parser("fetch", help="download from Statistics Finland (needs a network)")
    p.add_argument("--year", type=int, default=2025, help="boundary year (default 2025)")
    p.add_argument("--url", default=None, help="WFS base URL (default: geo.stat.fi)")
    p = ref_sub.add_parser("import", help="import a GeoJSON/GeoPackage/Shapefile or population CSV")
    p.add_argument("path", type=Path)
    p.add_argument("--year", type=int, default=None, help="the year the boundaries describe")
    ref_sub.add_parser("status", help="show what reference data is loaded")
    p = ref_sub.add_parser("package", help="rebuild the boundaries and population shipped with the dashboard")
    p.add_argument("--from", dest="source_dir", type=Path, required=True, metavar="DIR",
                   help="folder with kuntarajat_2024.geojson and population_by_municipality.csv")
    p.add_argument("--out", type=Path, default=None,
                   help="where to write (default: the package's own yhdyspinta/geodata/package/)")

    p = sub.add_parser("export", help="export one kind of data as CSV or XLSX")
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("--format", choices=("csv", "xlsx"), required=True)
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("template", help="write an empty import template (.xlsx)")
    p.add_argument("kind", choices=WRITABLE_KINDS)
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("import", help="import one kind of data from CSV or XLSX")
    p.add_argument("kind", choices=WRITABLE_KINDS)
    p.add_argument("file", type=Path)
    p.add_argument("--sheet", default=None, help="sheet name in an .xlsx (default: first)")
    p.add_argument("--dry-run", action="store_true", help="check and summarise, write nothing")
    p.add_argument("--forum-date", default=None, metavar="DATE",
                   help="participation: the forum of an attendance list without a date column (15.12.2023)")

    p = sub.add_parser("indicators", help="print every indicator of the catalogue for the country or an area")
    p.add_argument("--area", default=None, metavar="CODE", help="an area code (1–21, 90); default: whole country")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="the day (default: today)")
    p.add_argument("--format", choices=("json", "csv"), default="json")

    p = sub.add_parser("report", help="write one area's scorecard with its charts and map as a PDF or slides")
    p.add_argument("--area", required=True, metavar="CODE", help="an area code (1–21, 90)")
    # Also accepted after the command; without it the global --lang (default fi) holds.
    p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of the report")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="the day (default: today)")
    p.add_argument("--format", choices=("pdf", "pptx"), required=True)
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("catalogue", help="print the indicator catalogue as a Markdown table (as in the README)")
    p.add_argument("--lang-of-table", choices=LANGUAGES, default="en", dest="table_lang")

    p = sub.add_parser("backup", help="write all tables to a zip")
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("restore", help="restore a backup zip")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="replace existing data")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from None


def _write_output(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write ({exc.strerror})") from None


def _run(args: argparse.Namespace) -> int:
    lang: str = args.lang
    if args.command == "reference":
        return _reference(args)
    if args.command == "catalogue":
        from yhdyspinta.indicators.labels import markdown_table

        print(markdown_table(args.table_lang), end="")
        return EXIT_OK
    engine = open_store()
    if args.command == "demo":
        try:
            counts = demo.load(engine, force=args.force)
        except demo.StoreNotEmpty as exc:
            raise BadInput(str(exc)) from None
        print("example data loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    elif args.command == "export":
        from yhdyspinta.io.export import export_kind

        _write_output(args.out, export_kind(engine, args.kind, args.format, lang))
        print(f"{args.kind} → {args.out}")
    elif args.command == "template":
        from yhdyspinta.io.export import template

        _write_output(args.out, template(args.kind))
        print(f"template for {args.kind} → {args.out}")
    elif args.command == "import":
        return _import(engine, args, lang)
    elif args.command == "indicators":
        from yhdyspinta.io.export import indicator_report

        scope, as_of = _indicator_scope(args.area), _as_of(args.as_of)
        sys.stdout.buffer.write(indicator_report(engine, scope, as_of, args.format))
        sys.stdout.flush()
    elif args.command == "report":
        return _report(engine, args, lang)
    elif args.command == "backup":
        from yhdyspinta.io.backup import backup

        _write_output(args.out, backup(engine))
        print(f"backup → {args.out}")
    elif args.command == "restore":
        from yhdyspinta.io.backup import BackupError, restore

        try:
            counts = restore(engine, _read_input(args.file), force=args.force, actor=_actor())
        except BackupError as exc:
            raise BadInput(f"{args.file}: {exc}") from None
        print("restored: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return EXIT_OK


def _indicator_scope(raw: str | None) -> indicators.Scope:
    if raw is None:
        return indicators.Scope()
    text = raw.strip()
    area = facts.area_by_code().get(int(text)) if text.isascii() and text.isdigit() and len(text) <= 3 else None
    if area is None or not area.in_scope:
        codes = ", ".join(str(a.code) for a in facts.in_scope_areas())
        raise BadInput(f"--area {raw!r}: not an area of the reform; expected one of {codes}")
    return indicators.Scope(area.code)


def _as_of(raw: str | None) -> date:
    if raw is None:
        return finnish_today()
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise BadInput(f"--as-of {raw!r}: not a date; expected YYYY-MM-DD, e.g. 2025-12-31") from None


def _report(engine: object, args: argparse.Namespace, lang: str) -> int:
    from yhdyspinta import report
    from yhdyspinta.report.pdf import FontMissing

    scope, as_of = _indicator_scope(args.area), _as_of(args.as_of)
    assert scope.area is not None
    try:
        data = report.make(engine, scope.area, lang, as_of, args.format)  # type: ignore[arg-type]
    except FontMissing as exc:
        raise BadInput(str(exc)) from None
    _write_output(args.out, data)
    print(f"report {args.format} for area {scope.area} ({as_of.isoformat()}, {lang}) → {args.out}")
    return EXIT_OK


def _import(engine: object, args: argparse.Namespace, lang: str) -> int:
    from yhdyspinta.io.importer import commit_import, prepare_import_file, summary_lines

    if not args.file.is_file():
        _read_input(args.file)  # raises BadInput naming what is wrong with the path
    try:
        report = prepare_import_file(engine, args.kind, args.file, sheet=args.sheet,  # type: ignore[arg-type]
                                     forum_date=getattr(args, "forum_date", None))
    except OSError as exc:
        raise BadInput(f"{args.file}: cannot read ({exc.strerror})") from None
    for note in report.notes:
        print(f"note: {args.file}: {note.message(lang)}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {args.file}: {warning.message(lang)}", file=sys.stderr)
    if not report.ok:
        for problem in report.problems:
            print(f"error: {args.file}: {problem.message(lang)}", file=sys.stderr)
        print(f"{len(report.problems)} problem(s); nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT
    lines = summary_lines(report, lang)
    # The dry run shows what would change, row by row; a real run says only how much did.
    print("\n".join(lines if args.dry_run else lines[:1]))
    if args.dry_run:
        print(t("import.dry_run", lang))
        return EXIT_OK
    batch = commit_import(engine, report, _principal())  # type: ignore[arg-type]
    print(t("import.written", lang, batch=batch) if batch else t("import.nothing_to_write", lang))
    return EXIT_OK


def _reference(args: argparse.Namespace) -> int:
    from yhdyspinta import geodata

    if args.reference_command == "status":
        print(geodata.status_in_use().describe())
        return EXIT_OK
    if args.reference_command == "package":
        try:
            summary = geodata.build_package(args.source_dir, args.out)
        except geodata.ReferenceDataError as exc:
            raise BadInput(str(exc)) from None
        print(summary.describe())
        return EXIT_OK
    # The store first: a new one seeds its population from what is there before this import,
    # so that the import's own changes are logged as such.
    engine = open_store()
    try:
        if args.reference_command == "fetch":
            result = geodata.fetch_reference(year=args.year, base_url=args.url)
        else:
            if not args.path.exists():
                raise BadInput(f"{args.path}: no such file")
            result = geodata.import_reference(args.path, year=args.year)
    except geodata.ReferenceDataError as exc:
        raise BadInput(str(exc)) from None
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    population = geodata.load_population()
    if population is not None:
        changed = repo.update_population(
            engine,
            ((str(r.code), int(r.population), int(r.year)) for r in population.itertuples()),
            actor=_actor(), note="population from reference data",
        )
        print(f"population updated for {changed} municipalities")
    print(geodata.status_in_use().describe())
    return EXIT_OK
