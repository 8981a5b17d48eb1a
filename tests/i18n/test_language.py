"""Which language the window speaks: gui --lang, then View → Language (remembered), then the
system locale; the menus and Qt's own dialog buttons in Chinese."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from studio.gui import i18n, settings
from studio.gui.text_walk import has_cjk

ROOT = Path(__file__).resolve().parents[2]


def test_normalise():
    assert [i18n.normalise(x) for x in ("zh", "zh_CN", "zh-CN", "zh_Hans_CN", "ZH_cn.UTF-8")] == ["zh_CN"] * 5
    assert [i18n.normalise(x) for x in ("en", "en_US", "C", "POSIX")] == ["en"] * 4
    assert i18n.normalise("fr_FR") is None and i18n.normalise("") is None and i18n.normalise(None) is None


def test_choose_language_order(monkeypatch):
    """--lang first, then the remembered choice, then the system locale."""
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.choose_language("en", "zh_CN") == "en"
    assert i18n.choose_language("zh", "en") == "zh_CN"
    assert i18n.choose_language(None, "en") == "en"
    assert i18n.choose_language(None, None) == "zh_CN"
    assert i18n.choose_language("fr", "xx") == "zh_CN"  # an unknown value falls through
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert i18n.choose_language(None, None) == "en"


def _env(lang: str, home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env.update(LANG=lang, LC_ALL=lang, CNN_STUDIO_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]))
    return env


@pytest.mark.parametrize("locale,expected", [("zh_CN.UTF-8", "zh_CN"), ("en_US.UTF-8", "en")])
def test_system_locale_chooses(locale, expected, tmp_path):
    code = "from studio.gui.i18n import choose_language; print(choose_language(None, None))"
    out = subprocess.run([sys.executable, "-c", code], env=_env(locale, tmp_path), capture_output=True,
                         text=True, timeout=120, check=True)
    assert out.stdout.strip() == expected


def test_window_on_a_chinese_system_is_chinese(tmp_path):
    """`cnn-studio gui --template lenet5 --size 1366x768 --screenshot` under LANG=zh_CN.UTF-8 (no
    --lang, nothing remembered) shows Chinese menus: the texts it saw, written with --texts."""
    shot, texts = tmp_path / "zh.png", tmp_path / "zh.json"
    subprocess.run([sys.executable, "-m", "studio.cli", "gui", "--template", "lenet5", "--size", "1366x768",
                    "--screenshot", str(shot), "--texts", str(texts)],
                   env=_env("zh_CN.UTF-8", tmp_path / "home"), capture_output=True, text=True, timeout=300,
                   check=True, cwd=tmp_path)
    seen = json.loads(texts.read_text(encoding="utf-8"))
    bar = [t for where, t in seen if where == "menu bar"]
    assert "文件(F)" in bar and "编辑(E)" in bar and "视图(V)" in bar and "帮助(H)" in bar, bar
    assert shot.stat().st_size > 10_000


def test_lang_zh_cn_window_has_chinese_menus(zh, make_window):
    win = make_window()
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"] and "帮助(&H)" in titles
    assert win.act["save"].text() == "保存(&S)" and win.act["open"].statusTip() == "打开项目文件"
    assert win.details_dock.windowTitle() == "详情"
    assert win.language_actions["zh_CN"].isChecked() and not win.language_actions["en"].isChecked()
    assert all(has_cjk(a.text()) for a in win.act.values() if a.text() and "cnn-studio" not in a.text()), \
        [a.text() for a in win.act.values() if not has_cjk(a.text())]


def test_english_stays_english(lang, make_window):
    lang("en")
    win = make_window()
    assert [a.text() for a in win.menuBar().actions()][:3] == ["&File", "&Edit", "&View"]
    assert win.language_actions["en"].isChecked()
    assert win.bottom_tabs.tabText(0) == "Summary"


def test_qt_dialog_buttons_are_chinese(zh, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(bb)
    assert bb.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert bb.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"


def test_view_language_is_remembered_and_said(lang, make_window, qtbot):
    lang("en")
    win = make_window()
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    sub = next(a.menu() for a in menu.actions() if a.text() == "&Language")
    assert [a.text() for a in sub.actions()] == ["English", "中文"]
    win.language_actions["zh_CN"].trigger()
    assert settings.settings().value("language") == "zh_CN"
    box = win.language_note
    qtbot.waitUntil(box.isVisible)
    assert "next start" in box.text() and "下次启动" in box.text()
    assert win.language_actions["zh_CN"].isChecked() and not win.language_actions["en"].isChecked()
    assert win.menuBar().actions()[0].text() == "&File"  # applied at the next start, not now
    box.close()
    # the next start reads it (as app.run_gui does)
    assert i18n.choose_language(None, settings.settings().value("language")) == "zh_CN"
    win.language_actions["en"].trigger()
    assert settings.settings().value("language") == "en"
    win.language_note.close()


def test_tab_names_are_english_in_chinese(zh, make_window):
    """gui --tab takes the English names whatever language the window speaks."""
    from studio.gui import script

    win = make_window()
    assert win.bottom_tabs.tabText(0) == "概要"
    assert {"summary", "problems", "code", "diagram"} <= set(script.tabs(win))


def test_cjk_font_fallback(zh, qapp):
    family = i18n.cjk_family()
    if family is None:
        pytest.fail("no Chinese font on this system: install fonts-noto-cjk (README)")
    assert family in qapp.font().families()


def test_no_cjk_font_is_named_in_the_log(qapp, monkeypatch, caplog):
    """Without a Chinese font the window still starts, and the log names the package to install."""
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["DejaVu Sans"]))
    with caplog.at_level("WARNING", logger="studio.gui.i18n"):
        assert i18n.use_cjk_font(qapp) is None
    assert "fonts-noto-cjk" in caplog.text


def test_undo_history_speaks_chinese(zh, make_window):
    """Edit → Undo and the History list name the edit in Chinese; the English texts stay for English."""
    win = make_window()
    win.canvas.add_layer("ReLU")
    undo = win.act["undo"].text()
    assert undo.startswith("撤销(&U) 添加 ReLU“"), undo
    win.document.undo_stack.undo()
    assert win.act["redo"].text().startswith("重做(&R) 添加 ReLU")
    from studio.gui.commands import MoveNodesCommand

    first = win.document.graph.nodes[0]
    cmd = MoveNodesCommand(win.document, {first.id: (first.pos, (1.0, 2.0))})
    assert cmd.text() == f"移动“{first.name}”"
