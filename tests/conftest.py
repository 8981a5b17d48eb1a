import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _studio_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder: nothing touches the real home."""
    home = tmp_path_factory.mktemp("studio_home")
    monkeypatch.setenv("CNN_STUDIO_HOME", str(home))
    return home
