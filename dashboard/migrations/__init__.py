"""Alembic migrations of the store, for SQLite and PostgreSQL alike (run by dashboard.store on open)."""
