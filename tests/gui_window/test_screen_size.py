"""The window is sized from the screen, remembers its geometry and docks, and resets its layout."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from studio.gui import settings


@pytest.mark.parametrize("w,h", [(1280, 800), (1366, 768), (1920, 1080), (2560, 1440), (1440, 900)])
def test_first_window_never_larger_than_the_screen(w, h):
    avail = QRect(0, 30, w, h - 30)  # a panel at the top
    rect, maximised = settings.initial_geometry(avail)
    assert avail.contains(rect)
    assert maximised == (w < settings.MAXIMISE_BELOW)
    if not maximised:
        assert rect.width() < avail.width() and rect.height() < avail.height()


def test_size_spec_parsing():
    assert settings.screen_size("1366x768") == (1366, 768)
    assert settings.screen_size("1920×1080") == (1920, 1080)
    w, h = settings.screen_size(None)
    assert (w, h) == settings.initial_geometry(QRect(0, 0, 1600, 1000))[0].size().toTuple()
    for bad in ("1366", "axb", "10x10", "1366x-768"):
        with pytest.raises(ValueError):
            settings.screen_size(bad)


def test_window_placed_inside_a_laptop_screen(make_window):
    win = make_window()
    avail = QRect(0, 0, 1366, 740)
    win.place_on_screen(avail, force=True)
    assert win.windowState() & Qt.WindowState.WindowMaximized
    assert avail.contains(win.geometry())


def test_window_implements_the_tab_interface(win):
    from studio.gui.window_api import StudioWindow

    assert isinstance(win, StudioWindow)
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles.index("E&xperiments") < titles.index("&Help"), titles


@pytest.fixture
def big_screen(monkeypatch):
    """The offscreen platform's screen is 800×600: pretend a 1920×1080 one."""
    from studio.gui.mainwindow import MainWindow

    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(0, 0, 1920, 1050))


def test_geometry_and_docks_remembered_then_reset(make_window, qtbot, big_screen):
    w1 = make_window()
    w1.place_on_screen(QRect(0, 0, 1920, 1080), force=True)
    w1.show()
    qtbot.waitExposed(w1)
    w1.setGeometry(40, 30, 760, 540)  # inside the offscreen platform's 800×600 screen
    w1.palette_dock.hide()
    w1.details_dock.setFloating(True)
    qtbot.waitUntil(lambda: w1.details_dock.isFloating())
    w1.close()
    assert settings.settings().value("window/state") is not None

    w2 = make_window()
    assert w2._layout_restored
    assert w2.size().toTuple() == (760, 540)
    w2.show()
    qtbot.waitExposed(w2)
    assert not w2.palette_dock.isVisible() and w2.details_dock.isFloating()
    w2.act["reset_layout"].trigger()
    assert w2.palette_dock.isVisible() and not w2.details_dock.isFloating()
    assert settings.settings().value("window/state") is None
    avail = w2.available_geometry()
    assert w2.width() <= avail.width() and w2.height() <= avail.height()


def test_restored_geometry_larger_than_the_screen_is_replaced(make_window):
    w1 = make_window()
    w1.setGeometry(0, 0, 3000, 2000)
    settings.save_window(w1)
    w2 = make_window()
    avail = QRect(0, 0, 1280, 800)
    w2.place_on_screen(avail)
    assert avail.contains(w2.geometry())
