"""Help → Concepts, the template gallery, Help and the weights row in Chinese: every concept's
texts and the built-in templates' descriptions and ideas come from the zh_CN catalogue with their
numbers filled in after translation; English again when the language is switched back."""
from __future__ import annotations

import html

import pytest

from studio.core import concepts as C
from studio.core import i18n as core_i18n


@pytest.fixture
def zh(zh):
    """The window speaks Chinese; the test gets the catalogue to compare with."""
    yield core_i18n.catalog("zh_CN")


def _zh(cat, context: str, source: str, **fill) -> str:
    assert (context, source, "") in cat, f"no zh_CN translation of {source[:70]!r}"
    return cat[(context, source, "")].format(**fill)


def test_concepts_dialog_in_chinese(zh, qtbot):
    from studio.gui.dialogs.concepts import ConceptsDialog, concepts_html

    page = concepts_html()
    for c in C.CONCEPTS:
        text, wrong = C._SOURCE[c.id]
        assert html.escape(_zh(zh, "Concepts", text, **C._V)) in page, c.id
        assert html.escape(_zh(zh, "Concepts", c.link)) in page, c.id
        if wrong:
            assert html.escape(_zh(zh, "Concepts", wrong, **C._V)) in page, c.id
        assert html.escape(c.text) not in page, c.id  # no concept stays English
    assert "Show me" not in page and "Not so" not in page and "the notes:" not in page
    assert "笔记原文" in page and "[0.475, 0.175, 0.175, 0.175]" in page
    dlg = ConceptsDialog(None)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "概念"


def test_concepts_dialog_back_in_english(zh, qapp):
    from studio.gui import i18n
    from studio.gui.dialogs.concepts import concepts_html

    i18n.install(qapp, "en")
    page = concepts_html()
    c = C.get_concept("pooling")
    assert f"<h4>{html.escape(c.title)} · {html.escape(c.zh)}</h4>" in page
    assert "<b>Not so:</b> " + html.escape(c.misconception) in page and "Show me: " in page


def test_template_gallery_in_chinese(zh, qtbot):
    from studio import templates
    from studio.gui.dialogs.templates import TemplateGallery, _card_html

    infos = templates.list_templates(include_user=False)
    dlg = TemplateGallery(None, infos=infos)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "从模板新建"
    assert dlg.select("vgg16_bn")
    info = dlg.selected()
    card = _card_html(info)
    assert "VGG-16（带 BatchNorm）" in card and "VGG-16（带 BatchNorm）" in dlg.list.currentItem().text()
    assert _zh(zh, "Templates", "{n} weight layers of 3×3 convs in five stages with BatchNorm, FC 4096, 4096",
               n=16) in card
    assert "16 个带权重的层" in card and info.card["title"] in card  # the paper is cited as it is titled
    for info in infos:
        card = _card_html(info)
        assert info.description not in card and info.card["idea"] not in card, info.name
        assert "classes" not in card and "Params" not in card and "个类别" in card, info.name
    texts = {dlg.list.item(i).text() for i in range(dlg.list.count())}
    assert all(" params" not in t and "参数" in t for t in texts)
    assert dlg.weights_row.label.text() == "无（PyTorch 默认初始化）"


def test_help_in_chinese(zh, qtbot):
    from PySide6.QtWidgets import QTextBrowser

    from studio.gui.dialogs.help import show_help

    dlg = show_help(None)
    qtbot.addWidget(dlg)
    text = dlg.findChild(QTextBrowser).toPlainText()
    assert "搭建网络" in text and "键盘快捷键" in text and "撤销 / 重做" in text and "Ctrl+Shift+Z" in text
    assert "Building a network" not in text and "Keyboard shortcuts" not in text
