"""Every setting is documented in the README's settings table."""

import pytest

from dashboard.settings import SETTINGS
from tests.conftest import ROOT


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme(setting):
    readme = (ROOT / "README.md").read_text()
    assert f"`{setting.env}`" in readme and f"| {setting.name} |" in readme


def test_the_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme.split("---")[0] and "make run" in readme.split("---")[0]
    assert "make test" in ci
