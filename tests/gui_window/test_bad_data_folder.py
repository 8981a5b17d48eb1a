"""The window opens with every bad file in the user's data folder (user templates and blocks of
the wrong types, run folders with bad run.json/metrics, dangling links): each is skipped with a
note in the window, never a crash. (Pipes and /dev/zero links: tests/hostile/test_run_folders_round3.py
opens the window on them in a separate process.)"""
from __future__ import annotations

from tests.hostile.bad_home import BAD_META, make_bad_home


def test_the_window_notes_the_files_it_skipped(_studio_home, make_window, dialogs, qtbot):
    make_bad_home(_studio_home, specials=False)
    win = make_window()
    win.show()
    qtbot.waitExposed(win)
    palette = win.palette
    assert palette.block_names() == ["good block"]
    assert len(palette.block_problems) == len(BAD_META)
    assert any("user_template.outputs should be a list" in p for p in palette.block_problems)
    runs = win.training.runs
    by_name = {r.name: r for r in runs.runs}
    acc = by_name["20260101-000000-acc-string"]
    assert acc.best_val_acc == 0.5 and acc.notes  # from metrics.jsonl; run.json's "x" dropped, noted
    row = runs.runs.index(acc)
    assert runs.table.item(row, 5).text().endswith("⚠") and "best_val_acc" in runs.table.item(row, 0).toolTip()
    dangling = by_name["20260101-000006-dangling"]
    assert dangling.metrics == [] and any("symbolic link" in n for n in dangling.notes)
    runs.select_runs([acc.name, "20260101-000007-surrogates"])  # two bad runs compared: no crash
    assert "final" in runs.details.text() or runs.diff is not None


def test_the_template_gallery_lists_the_good_and_names_the_skipped(_studio_home, qtbot):
    from studio.gui.dialogs.templates import TemplateGallery

    make_bad_home(_studio_home, specials=False)
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    names = [i.name for i in gallery.infos]
    assert "good project" in names and not any(isinstance(n, int) for n in names)


def test_recovery_settings_and_log_survive_pipes(_studio_home):
    """A pipe as the recovery note, the settings file and the log: start-up reads and opens
    them without blocking (run in a thread so that a regression fails instead of hanging)."""
    import threading

    from studio.gui import autosave, settings
    from studio.gui.app import _setup_logging

    make_bad_home(_studio_home, specials=True)
    got: dict = {}

    def start_up():
        got["recovery"] = autosave.find_recovery()
        got["recent"] = settings.recent_files()
        got["log"] = _setup_logging()

    t = threading.Thread(target=start_up, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "start-up blocked on a pipe in the data folder"
    assert got["recovery"] is not None and got["recovery"].original is None  # the note unreadable: no original
    assert got["recent"] == [] and got["log"] is None
