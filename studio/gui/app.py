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
        from studio.gui.i18n import tr

        showing.append(1)
        try:
            box = QMessageBox(parent_getter())
            box.setIcon(QMessageBox.Icon.Warning if issubclass(exc_type, StudioError) else QMessageBox.Icon.Critical)
            box.setWindowTitle(tr("cnn-studio: unexpected error"))
            box.setText(f"{exc_type.__name__}: {exc}" if not issubclass(exc_type, StudioError) else str(exc))
            box.setInformativeText(tr("The studio keeps running; save your work. The details were written to "
                                      "the log (cnn-studio.log in the data folder)."))
            box.setDetailedText(text)
            box.exec()
        finally:
            showing.clear()

    sys.excepthook = hook


def _startup_project(args, warn):
    """(project, path) to open (see :func:`startup_target`)."""
    return startup_target(args, warn)[:2]


def startup_target(args, warn):
    """(project, path, checkpoint) to open: a project file, a run folder or checkpoint (its
    project, the checkpoint loaded in Inference and Evaluate), a template, or the default
    LeNet-5 on digits."""
    from studio.core.errors import StudioError
    from studio.core.project import load_project
    from studio.gui.document import MAX_WINDOW_NODES
    from studio.gui.i18n import tr
    from studio.gui.project_setup import default_project
    from studio.gui.script import open_target, project_from_checkpoint

    path = getattr(args, "project", None)
    template = getattr(args, "template", None)
    if path:
        try:
            target = open_target(path)
            if target.project_file is not None:
                project = load_project(target.project_file, MAX_WINDOW_NODES)
            else:
                project = project_from_checkpoint(target.checkpoint)
            return project, (target.project_file if target.keep_path else None), target.checkpoint
        except StudioError as exc:
            warn(tr("Cannot open project"), tr("{why}\n\nStarting with the default network instead.").format(why=exc))
    elif template:
        try:
            from studio.templates import build_project

            proj = build_project(template)
            proj.dataset = proj.dataset or {"source": "digits"}
            return proj, None, None
        except StudioError as exc:
            warn(tr("Cannot load template"), tr("{why}\n\nStarting with the default network instead.").format(why=exc))
    return default_project(), None, None


def run_gui(args) -> int:
    from PySide6.QtCore import Qt, QTimer
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
    from studio.core.errors import StudioError
    from studio.gui import i18n, script
    from studio.gui.i18n import tr

    i18n.install(app, i18n.choose_language(getattr(args, "lang", None), settings.settings().value("language")))

    shot = getattr(args, "screenshot", None)
    size = settings.screen_size(getattr(args, "size", None)) if shot or getattr(args, "size", None) else None
    pending: list[tuple[str, str]] = []
    project, path, checkpoint = startup_target(args, lambda t, m: pending.append((t, m)))
    ensure_layout(project)
    doc = Document(project)
    if path is not None:
        doc.set_project(project, path)
    win = MainWindow(doc)
    try:
        script.check_names(win, args)
    except StudioError:
        _discard(win)
        raise
    install_excepthook(lambda: win)
    if path is not None:
        settings.add_recent_file(path)
    if checkpoint is not None:  # a run opened by name is listed in the Runs tab from now on
        settings.add_run_folder(Path(checkpoint).parent)

    if shot:
        for title, msg in pending:
            print(f"cnn-studio gui: {title}: {msg.splitlines()[0]}", file=sys.stderr)
        return _screenshot(app, win, shot, size, args, checkpoint)
    if size is not None:
        win.setWindowState(win.windowState() & ~Qt.WindowState.WindowMaximized)
        win.resize(*size)
    win.show()
    settle_gc()
    for title, msg in pending:
        QMessageBox.warning(win, title, msg)
    try:
        script.apply_view(win, args, checkpoint)
    except StudioError as exc:
        QMessageBox.warning(win, tr("Cannot open the view"), str(exc))
    fit_when_settled(win)
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


def fit_when_settled(win, quiet_ms: int = 150, give_up_ms: int = 3000) -> None:
    """Fit the canvas now and again once the window has stopped changing size: a real window
    manager sizes (maximises) the window after the first show, so a fit made at once sees the
    wrong size. Each resize restarts a short timer; the canvas refits when it fires (until
    ``give_up_ms``; later resizes are the user's and keep their zoom)."""
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer

    win.canvas.fit_to_view()
    timer = QTimer(win)
    timer.setSingleShot(True)
    timer.setInterval(quiet_ms)
    clock = QElapsedTimer()
    clock.start()

    class _Watch(QObject):
        def eventFilter(self, obj, ev):  # Qt override
            if ev.type() == QEvent.Type.Resize and clock.elapsed() < give_up_ms:
                timer.start()
            return False

    watch = _Watch(win)
    win.canvas.installEventFilter(watch)

    def settled():
        win.settled()
        QTimer.singleShot(0, win.canvas.refit)  # after the docks took their sizes

    timer.timeout.connect(settled)
    timer.start()
    QTimer.singleShot(give_up_ms, win, lambda: win.canvas.removeEventFilter(watch))
    win._fit_watch = (watch, timer)


def _discard(win) -> None:
    win.autosaver.stop(clear=False)  # never touch a real session's recovery file
    win.hide()
    win.deleteLater()


def _screenshot(app, win, target: str, size=(1440, 900), args=None, checkpoint=None) -> int:
    from PySide6.QtCore import Qt

    from studio.core.errors import StudioError
    from studio.gui import script

    win.setWindowState(win.windowState() & ~Qt.WindowState.WindowMaximized)
    win.resize(*size)
    win.show()
    for _ in range(3):
        app.processEvents()
    win.default_dock_sizes()
    app.processEvents()
    if args is None or not getattr(args, "select", None):
        focus_for_screenshot(win)
    try:
        if args is not None:
            script.apply_view(win, args, checkpoint)
    except StudioError:
        _discard(win)
        raise
    for _ in range(3):
        app.processEvents()
    if args is None or not getattr(args, "select", None):
        win.canvas.refit()
    win.canvas.minimap.refresh()  # its own timer would fire after the grab
    app.processEvents()
    from studio.core.userfile import atomic_path

    out = Path(target)
    texts = getattr(args, "texts", None) if args is not None else None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if texts:
            write_texts(win, Path(texts))
        image = win.grab()
        with atomic_path(out, what="screenshot") as tmp:  # written whole or not at all, never via a link
            ok = image.save(str(tmp), out.suffix.lstrip(".").upper() or "PNG")
            if not ok:
                raise OSError("the image writer failed")
    except OSError:
        ok = False
    _discard(win)
    if not ok:
        raise StudioError(f"cannot write the screenshot to {target}: use a .png path in a writable folder")
    print(f"screenshot saved to {out}")
    return 0


def write_texts(win, path: Path) -> None:
    """``gui --screenshot --texts FILE.json``: what the window shows, as [where, text] pairs."""
    import json

    from studio.core.userfile import atomic_write_text
    from studio.gui.text_walk import visible_texts

    atomic_write_text(path, json.dumps(visible_texts(win), ensure_ascii=False, indent=1) + "\n")
