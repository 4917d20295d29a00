from pathlib import Path

import pytest

from dashboard.gazetteer import Gazetteer, gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return gazetteer()
