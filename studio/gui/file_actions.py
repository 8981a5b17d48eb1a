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
from studio.gui.fields import issue_message
from studio.gui.i18n import tr
from studio.gui.project_setup import blank_project, ensure_layout



def file_filter() -> str:
    """The project file dialogs' filter, its descriptions in the window's language."""
    return tr("cnn-studio projects ({patterns});;All files (*)").format(patterns=f"*{SUFFIX} *.json")


class FileActionsMixin:
    # ---- replacing the project -----------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask Save/Discard/Cancel when there are unsaved changes; False means cancel."""
        if not self.document.is_dirty:
            return True
        B = QMessageBox.StandardButton
        ans = QMessageBox.question(self, tr("Unsaved changes"),
                                   tr("'{name}' has unsaved changes. Save them first?").format(
                                       name=self.shown_name()),
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
        self.replace_project(blank_project(), message=tr("New project: drag layers from the palette onto the canvas"))
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
            self.show_error(tr("Cannot load template"), str(exc))
            return False
        project.dataset = dict(self.document.project.dataset) or {"source": "digits"}
        if not project.training:
            project.training = dict(self.document.project.training)
        self.replace_project(project, message=tr("Loaded template '{name}' ({n} layers)").format(
            name=name, n=len(project.graph)))
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
            path, _ = QFileDialog.getOpenFileName(self, tr("Open project"), start, file_filter())
            if not path:
                return False
        from studio.core.project import load_project
        from studio.gui.document import MAX_WINDOW_NODES

        try:
            project = load_project(path, MAX_WINDOW_NODES)
        except StudioError as exc:
            self.show_error(tr("Cannot open project"), str(exc))
            return False
        self.replace_project(project, Path(path), message=tr("Opened {path}").format(path=path))
        settings.add_recent_file(path)
        return True

    def open_run(self, path: str | Path | None = None) -> bool:
        """File → Open run…: a run folder (or checkpoint) opens its project, untitled, with the
        checkpoint in Inference and Evaluate, its gradient flow and the run in the Runs tab."""
        from studio.gui import script

        if not self.maybe_save():
            return False
        if path is None:
            from studio.paths import runs_dir

            start = str(Path.cwd() / "runs") if (Path.cwd() / "runs").is_dir() else str(runs_dir())
            path = QFileDialog.getExistingDirectory(self, tr("Open run folder"), start)
            if not path:
                return False
        try:
            target = script.open_target(str(path))
            if target.project_file is not None:
                from studio.core.project import load_project
                from studio.gui.document import MAX_WINDOW_NODES

                project = load_project(target.project_file, MAX_WINDOW_NODES)
            else:
                project = script.project_from_checkpoint(target.checkpoint)
        except StudioError as exc:
            self.show_error(tr("Cannot open run"), str(exc))
            return False
        ensure_layout(project)
        self.replace_project(project, None, message=tr("Opened run {path}").format(path=path))
        run_dir = Path(path) if Path(path).is_dir() else Path(path).parent
        settings.add_run_folder(run_dir)
        if self.training is not None and target.checkpoint is not None:
            self.training.open_saved_run(target.checkpoint)
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
            m.addAction(tr("(no recent files)")).setEnabled(False)
        else:
            m.addSeparator()
            m.addAction(tr("Clear list"), settings.clear_recent_files)

    # ---- saving ------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        start = str(doc.path) if doc.path else str(Path.cwd() / f"{doc.project.name or 'untitled'}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save project as"), start, file_filter())
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
            self.show_error(tr("Cannot save project"), str(exc))
            return False
        except OSError as exc:
            self.show_error(tr("Cannot save project"), tr("cannot write {path}: {why}").format(
                path=path, why=exc.strerror or exc))
            return False
        autosave.clear_recovery()
        settings.add_recent_file(saved)
        self.show_status(tr("Saved to {path}").format(path=saved))
        return True

    # ---- import / export ---------------------------------------------------------
    def import_model(self) -> bool:
        try:
            req = import_dialog.ask_import(self)
        except StudioError as exc:
            self.show_error(tr("Cannot import model"), str(exc))
            return False
        if req is None or not self.maybe_save():
            return False
        target, shape = req
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from studio.compiler.importer import import_callable

            project = import_callable(target, shape)
        except (StudioError, ImportError) as exc:
            from studio.gui.fields import window_message

            self.show_error(tr("Cannot import model"), window_message(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        project.dataset = project.dataset or dict(self.document.project.dataset)
        self.replace_project(project, message=tr("Imported {target} ({n} layers)").format(
            target=target, n=len(project.graph)))
        return True

    def export_model(self, fmt: str) -> bool:
        a = self.document.analysis
        if a.errors:
            self.show_error(tr("Cannot export"), tr("the network has {n} error(s); fix them first "
                                                "(see the Problems tab). First: {first}").format(
                                                    n=len(a.errors), first=issue_message(a.errors[0])))
            return False
        folder = self.document.path.parent if self.document.path else None
        path = export_dialog.ask_export_path(self, fmt, self.document.project.name or "model", folder)
        if path is None:
            return False
        ctl = getattr(self, "training", None)
        ckpt = ctl.latest_checkpoint() if ctl is not None and hasattr(ctl, "latest_checkpoint") else None
        use = export_dialog.ask_weights(self, ckpt) if ckpt is not None else False
        if use is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from studio.compiler.export import export_project

            export_project(self.document.project, path, format=fmt, weights=ckpt if use else None)
        except StudioError as exc:
            self.show_error(tr("Export failed"), str(exc))
            return False
        except OSError as exc:
            self.show_error(tr("Export failed"), tr("cannot write {path}: {why}").format(
                path=path, why=exc.strerror or exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        what = export_dialog.format_title(fmt)
        if use:
            self.show_status(tr("Exported {what} to {path} with the weights of {run}").format(
                what=what, path=path, run=f"{ckpt.parent.name}/{ckpt.name}"))
        else:
            self.show_status(tr("Exported {what} to {path}").format(what=what, path=path))
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
            self.show_error(tr("Cannot restore"), tr("the recovery file is damaged: {why}").format(why=exc))
            autosave.clear_recovery()
            return False
        ensure_layout(project)
        self.document.set_project(project, rec.original, dirty=True)
        self.show_status(tr("Restored your unsaved work: save it to keep it"))
        return True
