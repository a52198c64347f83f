"""Alembic environment: always run programmatically through `yhdyspinta.store.engine`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from yhdyspinta.store.schema import metadata

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    connection: Connection | None = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations need a connection; use yhdyspinta.store.engine.migrate()")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
