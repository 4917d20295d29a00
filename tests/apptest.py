"""Running the app with Streamlit's AppTest: one way for every test module that does."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def run_app(query: dict[str, str], timeout: float = 60) -> AppTest:
    """The app run once with `query` as its URL's query parameters; it must raise nothing."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at
