"""The stages import downward only: read → ingest → extract → reconcile → store → queries → ui. Nothing below
the views imports the views (dashboard.ui) or the app; the extractor imports no later stage."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "dashboard"
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
    "dashboard/bulk.py": ("dashboard.queries", "dashboard.ingest"),  # the store's level: ingest uses it
}


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


def lower_modules() -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if not str(p.relative_to(ROOT)).startswith(("dashboard/ui/", "dashboard/app.py", "dashboard/server.py"))
    ]


@pytest.mark.parametrize("path", lower_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_below_the_views_imports_them(path):
    assert not [m for m in imports(path) if m.startswith(VIEWS)]


@pytest.mark.parametrize("where", sorted(LATER))
def test_each_stage_imports_no_later_stage(where):
    target = ROOT / where
    files = list(target.rglob("*.py")) if target.is_dir() else [target]
    for path in files:
        later = [m for m in imports(path) if m.startswith(LATER[where])]
        assert not later, f"{path.relative_to(ROOT)} imports {later}"
