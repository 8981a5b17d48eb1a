"""File work of the main window: New/Open/Save, templates, import/export, recovery.

A mixin of :class:`studio.gui.mainwindow.MainWindow` (it uses ``self.document``,
``self.canvas``, ``show_status`` and ``show_error``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from studio.core.errors import StudioError
from studio.core.project import SUFFIX, Project
from studio.gui import autosave, settings
from studio.gui.dialogs import export_dialog, import_dialog, recovery, templates as gallery
from studio.gui.project_setup import blank_project, ensure_layout

FILE_FILTER = f"cnn-studio projects (*{SUFFIX} *.json);;All files (*)"


class FileActionsMixin:
    # ---- replacing the project -----------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask Save/Discard/Cancel when there are unsaved changes; False means cancel."""
        if not self.document.is_dirty:
            return True
        B = QMessageBox.StandardButton
        ans = QMessageBox.question(self, "Unsaved changes",
                                   f"'{self.document.display_name()}' has unsaved changes. Save them first?",
                                   B.Save | B.Discard | B.Cancel, B.Save)
        if ans == B.Save:
            return self.save()
        return ans == B.Discard

    def replace_project(self, project: Project, path=None, dirty: bool = False, message: str = "") -> None:
        ensure_layout(project)
        self.document.set_project(project, path, dirty)
        autosave.clear_recovery()  # the canvas fits itself to the new project
        if message:
            self.show_status(message)

    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        self.replace_project(blank_project(), message="New project: drag layers from the palette onto the canvas")
        return True

    def new_from_template(self) -> bool:
        name = gallery.choose_template(self)
        if not name or not self.load_template(name):
            return False
        weights = gallery.take_chosen_weights()  # transfer learning: the gallery's "Start from weights"
        if weights:
            from studio.gui.dialogs.load_weights import load_weights
            load_weights(self, weights)
        return True

    def load_template(self, name: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        from studio import templates

        try:
            project = templates.build_project(name)
        except StudioError as exc:
            self.show_error("Cannot load template", str(exc))
            return False
        project.dataset = dict(self.document.project.dataset) or {"source": "digits"}
        if not project.training:
            project.training = dict(self.document.project.training)
        self.replace_project(project, message=f"Loaded template '{name}' ({len(project.graph)} layers)")
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
            path, _ = QFileDialog.getOpenFileName(self, "Open project", start, FILE_FILTER)
            if not path:
                return False
        from studio.core.project import load_project
        from studio.gui.document import MAX_WINDOW_NODES

        try:
            project = load_project(path, MAX_WINDOW_NODES)
        except StudioError as exc:
            self.show_error("Cannot open project", str(exc))
            return False
        self.replace_project(project, Path(path), message=f"Opened {path}")
        settings.add_recent_file(path)
        return True

    def fill_recent_menu(self) -> None:
        m = self.recent_menu
        m.clear()
        files = settings.recent_files()
        for f in files:
            act = m.addAction(Path(f).name)
            act.setToolTip(f)
            act.setStatusTip(f)
            act.triggered.connect(lambda _=False, p=f: self.open_file(p))
        if not files:
            m.addAction("(no recent files)").setEnabled(False)
        else:
            m.addSeparator()
            m.addAction("Clear list", settings.clear_recent_files)

    # ---- saving ------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        start = str(doc.path) if doc.path else str(Path.cwd() / f"{doc.project.name or 'untitled'}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save project as", start, FILE_FILTER)
        if not path:
            return False
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(SUFFIX)
        return self._save_to(p)

    def _save_to(self, path: Path) -> bool:
        try:
            saved = self.document.save(path)
        except StudioError as exc:
            self.show_error("Cannot save project", str(exc))
            return False
        except OSError as exc:
            self.show_error("Cannot save project", f"cannot write {path}: {exc.strerror or exc}")
            return False
        autosave.clear_recovery()
        settings.add_recent_file(saved)
        self.show_status(f"Saved to {saved}")
        return True

    # ---- import / export ---------------------------------------------------------
    def import_model(self) -> bool:
        try:
            req = import_dialog.ask_import(self)
        except StudioError as exc:
            self.show_error("Cannot import model", str(exc))
            return False
        if req is None or not self.maybe_save():
            return False
        target, shape = req
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from studio.compiler.importer import import_callable

            project = import_callable(target, shape)
        except (StudioError, ImportError) as exc:
            self.show_error("Cannot import model", str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        project.dataset = project.dataset or dict(self.document.project.dataset)
        self.replace_project(project, message=f"Imported {target} ({len(project.graph)} layers)")
        return True

    def export_model(self, fmt: str) -> bool:
        a = self.document.analysis
        if a.errors:
            self.show_error("Cannot export", f"the network has {len(a.errors)} error(s); fix them first "
                                             f"(see the Problems tab). First: {a.errors[0].message}")
            return False
        folder = self.document.path.parent if self.document.path else None
        path = export_dialog.ask_export_path(self, fmt, self.document.project.name or "model", folder)
        if path is None:
            return False
        tr = getattr(self, "training", None)
        ckpt = tr.latest_checkpoint() if tr is not None and hasattr(tr, "latest_checkpoint") else None
        use = export_dialog.ask_weights(self, ckpt) if ckpt is not None else False
        if use is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from studio.compiler.export import export_project

            export_project(self.document.project, path, format=fmt, weights=ckpt if use else None)
        except StudioError as exc:
            self.show_error("Export failed", str(exc))
            return False
        except OSError as exc:
            self.show_error("Export failed", f"cannot write {path}: {exc.strerror or exc}")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        extra = f" with the weights of {ckpt.parent.name}/{ckpt.name}" if use else ""
        self.show_status(f"Exported {export_dialog.FORMATS[fmt][0]} to {path}{extra}")
        return True

    # ---- recovery and closing -------------------------------------------------------
    def offer_recovery(self) -> bool:
        """If a previous session left a recovery file, offer to restore it."""
        rec = autosave.find_recovery()
        if rec is None:
            return False
        if not recovery.ask_restore(self, rec):
            autosave.clear_recovery()
            return False
        try:
            project = rec.load()
        except StudioError as exc:
            self.show_error("Cannot restore", f"the recovery file is damaged: {exc}")
            autosave.clear_recovery()
            return False
        ensure_layout(project)
        self.document.set_project(project, rec.original, dirty=True)
        self.show_status("Restored your unsaved work: save it to keep it")
        return True
