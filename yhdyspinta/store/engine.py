"""Engines, migrations and first-start set-up of the store."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, bindparam, create_engine, event, func, insert, select, update
from sqlalchemy.engine import make_url

from yhdyspinta import config, facts
from yhdyspinta.store import schema

MIGRATIONS_DIR = config.PACKAGE_DIR / "migrations"
# Seconds a SQLite write waits for another writer's lock before giving up with "database is
# locked" (shown to the user as such, see yhdyspinta.faults). Python's sqlite3 default; tests shorten it.
SQLITE_BUSY_TIMEOUT = 5.0


def create_store_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: the configured store), creating the SQLite folder."""
    url = url or config.database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`, by default the newest."""
    _run_migrations(engine, lambda cfg: command.upgrade(cfg, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` (for tests and for undoing a failed release)."""
    _run_migrations(engine, lambda cfg: command.downgrade(cfg, revision))


def _run_migrations(engine: Engine, run: Callable[[Config], None]) -> None:
    """Run migrations in one transaction.

    SQLite changes a table's constraints by building a new copy and dropping the old one, and
    with foreign keys enforced, dropping a table that others refer to fails (or deletes their
    rows' parents). So, as SQLite's documentation prescribes for such changes, enforcement is
    switched off around the migration (it can only be switched outside a transaction), every
    key is checked before the transaction commits, and enforcement is switched back on.
    """
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                run(cfg)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration left {len(broken)} broken foreign keys, e.g. {broken[0]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def seed_facts(engine: Engine) -> bool:
    """Fill the areas and municipalities from the package's facts table if they are empty.

    Returns True when it wrote anything. The write is logged like every other write.
    """
    # Local: avoids an import cycle.
    from yhdyspinta.store.repository import FACTS_KIND, LogAction, log_entry, write_transaction

    with write_transaction(engine) as conn:
        if conn.execute(select(func.count()).select_from(schema.areas)).scalar_one():
            return False
        area_rows = [
            {"code": a.code, "name_fi": a.name_fi, "name_sv": a.name_sv,
             "name_en": a.name_en, "in_scope": a.in_scope}
            for a in facts.areas()
        ]
        municipality_rows = facts.municipality_records()
        conn.execute(insert(schema.areas), area_rows)
        conn.execute(insert(schema.municipalities), municipality_rows)
        note = f"{len(area_rows)} areas and {len(municipality_rows)} municipalities from package facts"
        log_entry(conn, actor="system", action=LogAction.SEED.value, kind=FACTS_KIND, record_key="*",
                  before=None, after=None, batch_id="facts", note=note)
    return True


def seed_population(engine: Engine) -> bool:
    """Give the municipalities the reference population when none has any yet.

    The population comes from the user's reference cache (`reference fetch|import`), else from
    the data shipped with the package, so a first start shows the population share. A store
    where any municipality has a population is left alone: an import decides there. Returns
    True when it wrote anything; logged as one quiet seed entry, like the facts.
    """
    from yhdyspinta.store.repository import (  # local: avoids an import cycle
        FACTS_KIND,
        LogAction,
        log_entry,
        write_transaction,
    )

    table = schema.municipalities
    with engine.connect() as conn:
        known = conn.execute(select(func.count()).select_from(table)
                             .where(table.c.population.is_not(None))).scalar_one()
    if known:
        return False
    from yhdyspinta.geodata.package import population_rows  # local: only when there is work

    rows = population_rows()
    if not rows:
        return False
    statement = (update(table).where(table.c.code == bindparam("b_code"))
                 .values(population=bindparam("b_population"), population_year=bindparam("b_year")))
    with write_transaction(engine) as conn:
        conn.execute(statement, [{"b_code": code, "b_population": population, "b_year": year}
                                 for code, population, year in rows])
        years = sorted({year for _, _, year in rows})
        note = f"population of {len(rows)} municipalities ({', '.join(map(str, years))}) from reference data"
        log_entry(conn, actor="system", action=LogAction.SEED.value, kind=FACTS_KIND, record_key="population",
                  before=None, after=None, batch_id="facts", note=note)
    return True


# One session-level advisory lock per PostgreSQL schema around setting up a store.
SETUP_LOCK_SQL = "SELECT pg_advisory_lock(hashtext('yhdyspinta.setup.' || current_schema()))"
SETUP_UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtext('yhdyspinta.setup.' || current_schema()))"


@contextlib.contextmanager
def setup_lock(engine: Engine) -> Iterator[None]:
    """One process at a time sets up a PostgreSQL store (migrations, the facts seed, the example
    data): the processes of a scaled-out deployment (docs/deploy.md) start together, and two
    migrating or seeding one empty database at once would fail. A SQLite file serves one
    process, which sets up its store once (`yhdyspinta.ui.data.engine`)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(SETUP_LOCK_SQL)
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(SETUP_UNLOCK_SQL)
            conn.commit()


def open_store(url: str | None = None) -> Engine:
    """Create, migrate and seed the store: what every entry point calls first."""
    engine = create_store_engine(url)
    with setup_lock(engine):
        migrate(engine)
        seed_facts(engine)
        seed_population(engine)
    return engine
