"""The stages import downward only: read → ingest → extract → reconcile → store → queries → ui. Nothing below
the views imports the views (dashboard.ui) or the app; the extractor imports no later stage; the views ask the
queries and import no reading, fetching, ingesting or extraction code (only the cache, which prepares the store,
and the admin panel, which adds reports, do). No module is over 400 lines unless its docstring says why."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "dashboard"
MAX_LINES = 400
VIEWS = ("dashboard.ui", "dashboard.app", "dashboard.server")
# what each lower module may not import (a later stage)
LATER = {
    "dashboard/read.py": ("dashboard.ingest", "dashboard.extract", "dashboard.store", "dashboard.queries"),
    "dashboard/pubdate.py": ("dashboard.read", "dashboard.extract", "dashboard.store", "dashboard.queries"),
    "dashboard/untrusted.py": ("dashboard.",),
    "dashboard/records.py": ("dashboard.",),
    "dashboard/extract": ("dashboard.ingest", "dashboard.reconcile", "dashboard.store", "dashboard.queries"),
    "dashboard/reconcile.py": ("dashboard.store", "dashboard.queries"),
    "dashboard/store.py": ("dashboard.queries", "dashboard.ingest"),
    "dashboard/store_open.py": ("dashboard.queries", "dashboard.ingest", "dashboard.store"),
    "dashboard/store_rows.py": ("dashboard.queries", "dashboard.ingest", "dashboard.store"),
    "dashboard/queries": ("dashboard.ingest",),
    "dashboard/bulk.py": ("dashboard.queries", "dashboard.ingest"),  # the store's level: ingest uses it
}
# what a view may not import: the stages that read, fetch, ingest or extract reports
BELOW_THE_QUERIES = ("dashboard.read", "dashboard.fetch", "dashboard.ingest", "dashboard.extract")
WRITERS = ("dashboard/ui/cache.py", "dashboard/ui/admin.py")  # seeds and re-extraction; the Add report panel


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def lower_modules() -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if not rel(p).startswith(("dashboard/ui/", "dashboard/app.py", "dashboard/server.py"))
    ]


def view_modules() -> list[Path]:
    return [p for p in (PACKAGE / "ui").rglob("*.py") if rel(p) not in WRITERS] + [PACKAGE / "app.py"]


@pytest.mark.parametrize("path", lower_modules(), ids=rel)
def test_nothing_below_the_views_imports_them(path):
    assert not [m for m in imports(path) if m.startswith(VIEWS)]


@pytest.mark.parametrize("where", sorted(LATER))
def test_each_stage_imports_no_later_stage(where):
    target = ROOT / where
    files = list(target.rglob("*.py")) if target.is_dir() else [target]
    for path in files:
        later = [m for m in imports(path) if m.startswith(LATER[where])]
        assert not later, f"{rel(path)} imports {later}"


@pytest.mark.parametrize("path", view_modules(), ids=rel)
def test_the_views_import_no_reading_or_extraction_code(path):
    """A view shows what the queries answer: a rule about the data (an alleged violation, a provision's topic)
    lives in dashboard.queries, not in ui/."""
    assert not [m for m in imports(path) if m.startswith(BELOW_THE_QUERIES)]


def size_reason(path: Path) -> str | None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return next((line for line in doc.splitlines() if line.startswith("Size:")), None)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=rel)
def test_no_module_is_over_400_lines_without_a_reason(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES or size_reason(path), (
        f"{rel(path)} has {lines} lines: split it, or say why not on a docstring line starting 'Size:'"
    )


def test_the_queries_package_names_its_queries_not_its_modules():
    """`queries.meetings` is the query, though a module of the package has that name too (importing a submodule
    sets the package's attribute to the module: the re-export must come after it)."""
    import types

    from dashboard import queries

    assert not [name for name in queries.__all__ if isinstance(getattr(queries, name), types.ModuleType)]
    assert queries.Queries(None).meetings.func.__module__ == "dashboard.queries.meetings"
