"""Alembic's environment: the store passes its open connection (in its migration transaction, holding the
migration lock), so migrations run inside that transaction; nothing here opens a connection of its own."""

from alembic import context

from dashboard.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
