"""A tab that follows the document lazily: it recomputes only while it is shown, a moment
after the last change (the Code and Diagram tabs)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


class LazyPanel(QWidget):
    def follow(self, document, debounce_ms: int) -> None:
        """Refresh ``debounce_ms`` after the document's analysis or project changes, while
        shown; when hidden, catch up as soon as it shows again."""
        self._stale = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.refresh)
        document.analysis_changed.connect(self._on_changed)
        document.project_replaced.connect(self._on_changed)

    def _on_changed(self, *_args) -> None:
        self._stale = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.timer.start(0)

    def is_stale(self) -> bool:
        return self._stale

    def refresh(self) -> None:  # pragma: no cover - every panel has its own
        raise NotImplementedError
