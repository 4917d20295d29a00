"""`python -m dashboard extract`: the JSON document of ../shared/eval/README.md, and CSV."""

import csv
import io
import json
import subprocess
import sys

from dashboard.export import to_csv
from tests.conftest import ROOT, SEEDS


def run(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT)


def test_extract_prints_one_json_document_with_every_table():
    proc = run("extract", "--format", "json", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert len(doc["reports"]) == 5
    for table in ("places", "figures", "meetings", "incidents", "merged_meetings", "statements"):
        assert doc[table], table
    assert {"onsets", "statements"} <= set(doc)  # every record type (dashboard.records.RECORD_TYPES)
    place = doc["places"][0]
    assert {"report_id", "name", "kind", "country", "admin1", "lat", "lon", "quote", "start", "end"} <= set(place)
    figure = doc["figures"][0]
    assert {"metric", "value", "country", "qualifier", "group", "source", "period", "quote"} <= set(figure)
    assert {"date", "place", "admin1", "body", "status"} <= set(doc["meetings"][0])


def test_extract_csv_has_a_table_column():
    proc = run("extract", "--format", "csv", str(SEEDS / "004_14141caa1f55aa04.txt"))
    assert proc.returncode == 0
    rows = [r for r in csv.reader(io.StringIO(proc.stdout)) if r and r[0] != "table"]
    assert {"reports", "places", "figures", "meetings"} <= {r[0] for r in rows}


def test_bad_files_are_reported_and_the_rest_extracted(tmp_path):
    (tmp_path / "good.txt").write_text("At least 12 people were killed in Surin province.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    proc = run("extract", str(tmp_path))
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    assert len(doc["reports"]) == 1 and doc["rejected"][0]["reason"].startswith("binary")
    assert "rejected:" in proc.stderr and "bad.txt" in proc.stderr


def test_a_missing_path_fails_clearly(tmp_path):
    proc = run("extract", str(tmp_path / "nope"))
    assert proc.returncode == 1 and "no such file" in proc.stderr


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path):
    (tmp_path / "r.txt").write_text("-2+3 At least 12 people were killed in Surin province.")
    (tmp_path / "r.json").write_text(json.dumps({"title": '=HYPERLINK("http://evil.example")', "outlet": "@SUM(1+1)"}))
    proc = run("extract", "--format", "csv", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example")' and rows[0]["outlet"] == "'@SUM(1+1)"
    cells = [c for r in csv.reader(io.StringIO(proc.stdout)) for c in r]
    assert any(c.startswith("'-2+3") for c in cells)  # the quoted sentence
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_neutralises_tab_and_carriage_return_and_leaves_numbers_alone():
    tables = ("reports", "places", "figures", "meetings", "incidents", "onsets", "rejected")
    doc = {t: [] for t in tables} | {"figures": [{"a": "\tx", "b": "\r=1", "c": -5, "d": "a-b", "e": ["-x", "y"]}]}
    [row] = csv.DictReader(io.StringIO(to_csv(doc), newline=""))
    assert row == {"table": "figures", "a": "'\tx", "b": "'\r=1", "c": "-5", "d": "a-b", "e": "'-x|y"}


def test_the_collector_is_paused_while_a_batch_is_extracted_and_restored_after():
    import gc

    from dashboard.extract import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # another batch at the same time (another thread)
            assert not gc.isenabled()
        assert not gc.isenabled()  # the first is still under way
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
