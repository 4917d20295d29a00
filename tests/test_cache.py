"""The one cache of answers (dashboard/ui/cache.py): its docstring's table names every cache in the code and
nothing else, only it caches with Streamlit (what is shared between visitors), and nothing it pickles is a class
of the app script."""

import ast
import re

from tests.conftest import ROOT

PACKAGE = ROOT / "dashboard"
CACHE = PACKAGE / "ui" / "cache.py"
DECORATORS = re.compile(r"^(st\.cache_(data|resource)|(functools\.)?(cache|lru_cache|cached_property))\b")


def module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_cache(node) -> bool:
    return isinstance(node, ast.FunctionDef) and any(DECORATORS.match(ast.unparse(d)) for d in node.decorator_list)


def caches_in(path) -> dict[str, str]:
    """`module.name` of every cached function (a method: `Class.method`; a cached function made inside another:
    the outer one's name) → its decorator."""
    out = {}
    module = module_name(path)
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if is_cache(item):
                    out[f"{module}.{node.name}.{item.name}"] = ast.unparse(item.decorator_list[0])
        elif isinstance(node, ast.FunctionDef):
            inner = [n for n in ast.walk(node) if is_cache(n)]
            if inner:
                out[f"{module}.{node.name}"] = ast.unparse(inner[0].decorator_list[0])
    return out


def table_names(kind: str = "cached") -> set[str]:
    """The names in the first column of the docstring's table: a backticked `dashboard.…` module, then names in
    it; with none, names in dashboard.ui.cache (only the first backticked name of such a row is what is cached).
    `kind` "hand-kept": the rows of module-level dicts and sets kept by hand, else the other rows."""
    doc = ast.get_docstring(ast.parse(CACHE.read_text(encoding="utf-8")))
    rows = [line for line in doc.splitlines() if line.startswith("| ") and not line.startswith("| what |")]
    assert rows, "the docstring has no table"
    names = set()
    for row in rows:
        what = row.split("|")[1].strip()
        if what.startswith("hand-kept:") != (kind == "hand-kept"):
            continue
        ticked = re.findall(r"`([^`]+)`", what)
        if ticked and ticked[0].startswith("dashboard"):
            names |= {f"{ticked[0]}.{name}" for name in ticked[1:]}
        elif ticked:
            names.add(f"dashboard.ui.cache.{ticked[0]}")
    return names


def test_the_cache_table_names_every_cache_in_the_code_and_nothing_else():
    in_code = {name for path in PACKAGE.rglob("*.py") for name in caches_in(path)}
    named = table_names()
    assert sorted(in_code - named) == [], "cached in the code, missing from dashboard/ui/cache.py's table"
    assert sorted(named - in_code) == [], "in dashboard/ui/cache.py's table, cached nowhere"


def test_only_the_cache_module_shares_answers_between_visitors():
    shared = {
        name: decorator
        for path in PACKAGE.rglob("*.py")
        for name, decorator in caches_in(path).items()
        if decorator.startswith("st.cache_")
    }
    assert shared and all(name.startswith("dashboard.ui.cache.") for name in shared), shared


def test_no_cache_that_pickles_holds_a_class_of_the_app_script():
    """st.cache_data pickles its values; a class defined in app.py cannot be unpickled while another session's run
    is redefining it, and the page then shows only "This app has encountered an error" (1 page in ~30 under 8
    concurrent visits, before the snapshot moved to dashboard.queries). The app script caches nothing itself, and
    what the cache module pickles is annotated with no class of the app script."""
    app = ast.parse((PACKAGE / "app.py").read_text(encoding="utf-8"))
    assert not caches_in(PACKAGE / "app.py")
    own = {node.name for node in app.body if isinstance(node, ast.ClassDef)}
    tree = ast.parse(CACHE.read_text(encoding="utf-8"))
    pickled = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and any("cache_data" in ast.unparse(d) for d in node.decorator_list)
    ]
    assert pickled and all(node.returns is not None for node in pickled)
    for node in pickled:
        named = {n.id for n in ast.walk(node.returns) if isinstance(n, ast.Name)}
        named |= {n.attr for n in ast.walk(node.returns) if isinstance(n, ast.Attribute)}
        assert not named & own, f"{node.name} returns a class of app.py through a pickling cache"


def test_the_hand_kept_caches_the_table_names_exist():
    named = table_names("hand-kept")
    assert named
    for name in named:
        module, variable = name.rsplit(".", 1)
        path = ROOT / (module.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        assert variable in assigned, f"{name} is in the table, not in {path.relative_to(ROOT)}"
