"""Start the Qt application and the main window (`cnn-studio`, `cnn-studio gui ...`)."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

log = logging.getLogger("studio.gui")


_handler: logging.Handler | None = None


def _setup_logging() -> Path | None:
    """Log the studio's messages to cnn-studio.log in the data folder (one handler)."""
    global _handler
    from studio.paths import data_dir

    root = logging.getLogger("studio")
    from studio.core.userfile import open_append

    try:  # a plain file only: a pipe or a link planted there must not hang or redirect the start-up
        path = data_dir() / "cnn-studio.log"
        handler = logging.StreamHandler(open_append(path, what="log"))
    except OSError:
        return None
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler.stream.close()
    _handler = handler
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(parent_getter=lambda: None) -> None:
    """Unexpected exceptions in Qt slots: log them and show a dialog; the app keeps running."""
    showing = []

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", text)
        print(text, file=sys.stderr)
        if showing:  # an error inside the dialog: do not stack dialogs
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        from studio.core.errors import StudioError

        showing.append(1)
        try:
            box = QMessageBox(parent_getter())
            box.setIcon(QMessageBox.Icon.Warning if issubclass(exc_type, StudioError) else QMessageBox.Icon.Critical)
            box.setWindowTitle("cnn-studio: unexpected error")
            box.setText(f"{exc_type.__name__}: {exc}" if not issubclass(exc_type, StudioError) else str(exc))
            box.setInformativeText("The studio keeps running; save your work. The details were written to "
                                   "the log (cnn-studio.log in the data folder).")
            box.setDetailedText(text)
            box.exec()
        finally:
            showing.clear()

    sys.excepthook = hook


def _startup_project(args, warn):
    """(project, path) to open: a file, a template, or the default LeNet-5 on digits."""
    from studio.core.errors import StudioError
    from studio.core.project import load_project
    from studio.gui.document import MAX_WINDOW_NODES
    from studio.gui.project_setup import default_project

    path = getattr(args, "project", None)
    template = getattr(args, "template", None)
    if path:
        try:
            return load_project(path, MAX_WINDOW_NODES), Path(path)
        except StudioError as exc:
            warn("Cannot open project", f"{exc}\n\nStarting with the default network instead.")
    elif template:
        try:
            from studio.templates import build_project

            proj = build_project(template)
            proj.dataset = proj.dataset or {"source": "digits"}
            return proj, None
        except StudioError as exc:
            warn("Cannot load template", f"{exc}\n\nStarting with the default network instead.")
    return default_project(), None


def run_gui(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from studio.gui import settings
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import ensure_layout

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName("cnn-studio")
    app.setApplicationDisplayName("cnn-studio")
    _setup_logging()
    shot = getattr(args, "screenshot", None)
    pending: list[tuple[str, str]] = []
    project, path = _startup_project(args, lambda t, m: pending.append((t, m)))
    ensure_layout(project)
    doc = Document(project)
    if path is not None:
        doc.set_project(project, path)
    win = MainWindow(doc)
    install_excepthook(lambda: win)
    if path is not None:
        settings.add_recent_file(path)

    if shot:
        for title, msg in pending:
            print(f"cnn-studio gui: {title}: {msg.splitlines()[0]}", file=sys.stderr)
        return _screenshot(app, win, shot)
    win.show()
    settle_gc()
    for title, msg in pending:
        QMessageBox.warning(win, title, msg)
    QTimer.singleShot(0, win.canvas.fit_to_view)
    QTimer.singleShot(0, win.offer_recovery)
    rc = app.exec()
    release_clipboard(app)
    return int(rc)


def settle_gc() -> None:
    """Move everything built so far (Qt, torch, the catalogue) out of the cyclic garbage
    collector's reach: a full collection then takes a few ms instead of ~100 ms, which
    otherwise lands now and then in the middle of an edit as a visible pause."""
    import gc

    gc.collect()
    gc.freeze()


def release_clipboard(app) -> None:
    """Hand the clipboard back to Qt as plain text before Python exits: a QMimeData created
    from Python and still owned by the clipboard crashes the interpreter's shutdown."""
    cb = app.clipboard()
    md = cb.mimeData()
    if md is not None and any(f.startswith("application/x-cnn-studio") for f in md.formats()):
        text = cb.text()
        cb.clear()
        if text:
            cb.setText(text)


def focus_for_screenshot(win) -> str | None:
    """Fit the canvas, then select what a screenshot should show: the first broken layer,
    centred, with the Problems tab up; else the first convolution (the inspector at work)."""
    doc = win.document
    win.canvas.fit_to_view()
    broken = next((i.node for i in doc.analysis.errors if i.node and doc.graph.has_node(i.node)), None)
    if broken is not None:
        win.canvas.select_nodes([broken], center=False)
        win.canvas.centre_on([broken])
        win.bottom_tabs.setCurrentWidget(win.problems)
        return broken
    convs = [n for n in doc.analysis.order if doc.graph.node(n).type == "Conv2d"]
    if convs:
        win.canvas.select_nodes(convs[:1], center=False)
        return convs[0]
    return None


def _screenshot(app, win, target: str) -> int:
    from studio.core.errors import StudioError

    win.resize(1600, 1000)
    win.show()
    for _ in range(3):
        app.processEvents()
    focus_for_screenshot(win)
    for _ in range(3):
        app.processEvents()
    from studio.core.userfile import atomic_path

    out = Path(target)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        image = win.grab()
        with atomic_path(out, what="screenshot") as tmp:  # written whole or not at all, never via a link
            ok = image.save(str(tmp), out.suffix.lstrip(".").upper() or "PNG")
            if not ok:
                raise OSError("the image writer failed")
    except OSError:
        ok = False
    win.autosaver.stop(clear=False)  # never touch a real session's recovery file
    win.hide()
    win.deleteLater()
    if not ok:
        raise StudioError(f"cannot write the screenshot to {target}: use a .png path in a writable folder")
    print(f"screenshot saved to {out}")
    return 0
