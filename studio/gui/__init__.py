"""The studio window (PySide6 + pyqtgraph)."""
