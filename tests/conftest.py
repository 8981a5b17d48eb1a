import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite reads the window in English whatever the machine's locale (a zh_CN desktop would
# otherwise start the studio in Chinese); tests/i18n choose Chinese explicitly.
for _var in ("LC_ALL", "LANG"):
    os.environ[_var] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)


@pytest.fixture(autouse=True)
def _studio_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder: nothing touches the real home."""
    home = tmp_path_factory.mktemp("studio_home")
    monkeypatch.setenv("CNN_STUDIO_HOME", str(home))
    return home


@pytest.fixture
def zh(qapp):
    """The window speaks Chinese for one test (the committed catalogue, which tests/i18n holds
    current); English again afterwards, since other tests read English texts."""
    from studio.gui import i18n

    assert i18n.install(qapp, "zh_CN") == "zh_CN", "no studio_zh_CN.qm: run make i18n"
    yield qapp
    i18n.install(qapp, "en")


@pytest.fixture(scope="session", autouse=True)
def _clear_clipboard_at_exit():
    """Qt crashes at interpreter exit when the clipboard still owns a QMimeData that Python
    also tracked; empty it while the application is still alive."""
    yield
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:  # pragma: no cover
        return
    app = QApplication.instance()
    if app is not None:
        from studio.gui.app import release_clipboard

        release_clipboard(app)
        app.processEvents()
