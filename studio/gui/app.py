"""Start the Qt application and the main window."""
from __future__ import annotations

import sys


def run_gui(args) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("cnn-studio")
    win = QMainWindow()
    win.setWindowTitle("cnn-studio")
    win.setCentralWidget(QLabel("cnn-studio"))
    win.resize(1200, 800)
    if getattr(args, "screenshot", None):
        win.show()
        app.processEvents()
        win.grab().save(args.screenshot)
        return 0
    win.show()
    return app.exec()
