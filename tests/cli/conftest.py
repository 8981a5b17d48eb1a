"""Fixtures for the command-line tests: `cnn-studio gui` reuses the window tests' dialog stand-ins."""
from ..gui_window.conftest import dialogs  # noqa: F401 - a fixture, registered for tests/cli
