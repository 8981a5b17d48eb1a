"""Autosave writes a recovery file while dirty; the next start offers to restore it."""
from __future__ import annotations

import json

from studio.gui import autosave, commands


def test_autosave_writes_recovery_and_next_start_offers_it(make_window, dialogs, qtbot, tmp_path):
    w1 = make_window(autosave_ms=50)
    assert autosave.find_recovery() is None
    qtbot.wait(120)
    assert autosave.find_recovery() is None  # clean: nothing written
    commands.push(w1.document, commands.SetParamCommand(w1.document, "conv1", "out_channels", 7))
    qtbot.waitUntil(lambda: autosave.recovery_file().is_file(), timeout=3000)
    meta = json.loads(autosave.sidecar_file().read_text())
    assert meta["original_path"] is None
    w1.autosaver.timer.stop()  # "crash": the window goes without a normal quit

    dialogs.restore = True
    w2 = make_window()
    assert w2.offer_recovery()
    assert dialogs.kinds()[-1] == "restore" and "unsaved project" in dialogs.messages()[-1]
    assert w2.document.graph.node("conv1").params["out_channels"] == 7
    assert w2.document.is_dirty and w2.isWindowModified()
    # a clean save removes the recovery file
    dialogs.save_path = str(tmp_path / "restored.cnnproj")
    assert w2.save()
    assert autosave.find_recovery() is None


def test_declined_recovery_is_deleted_and_remembers_original(make_window, dialogs, tmp_path):
    w1 = make_window()
    dialogs.save_path = str(tmp_path / "orig.cnnproj")
    w1.save_as()
    commands.push(w1.document, commands.SetParamCommand(w1.document, "conv1", "out_channels", 5))
    assert w1.autosaver.save_now() is not None
    rec = autosave.find_recovery()
    assert rec.original == tmp_path / "orig.cnnproj" and "orig.cnnproj" in rec.describe()
    w1.autosaver.timer.stop()
    dialogs.restore = False
    w2 = make_window()
    assert w2.offer_recovery() is False
    assert autosave.find_recovery() is None
    assert w2.document.graph.node("conv1").params["out_channels"] == 6


def test_normal_quit_removes_recovery(make_window, dialogs):
    w = make_window()
    commands.push(w.document, commands.SetParamCommand(w.document, "conv1", "out_channels", 5))
    w.autosaver.save_now()
    assert autosave.find_recovery() is not None
    w.show()
    assert w.close()  # dialogs answer Discard
    assert autosave.find_recovery() is None
