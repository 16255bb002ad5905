"""Alembic environment. Run programmatically by ``app.store.migrate`` with a live connection."""

from alembic import context

from app.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - alembic CLI use during development
        from app.store.engine import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


# Full-text search objects made by migration 0002 for one engine only (SQLite FTS5 tables, the
# PostgreSQL GIN expression index) are not in the models; autogenerate leaves them alone.
ENGINE_SPECIFIC = ("dossier_fts", "ix_dossiers_search_name_fts")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (name and name.startswith(ENGINE_SPECIFIC))


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
