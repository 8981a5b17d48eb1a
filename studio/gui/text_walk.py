"""What the user reads in a window, and which of it still needs a translation (issue #23's check
that the Chinese window is Chinese: tests/i18n/test_visible_chinese.py).

:func:`visible_texts` walks a window as a person sees it: the menu bar and every menu (its
actions, recursively), dock and window titles, the tab bars, the visible labels, buttons,
group boxes, line-edit placeholders, combo boxes and spin-box affixes, the header labels and
tree items of the visible item views, and the read-only rich-text views. Each text comes with
where it was found (the view's module, for the person who fixes it).

:func:`needs_translation` says whether a text is English that a Chinese user would have to
read: after removing what stays as it is in every language (numbers, formulas and symbols,
shapes such as ``3×32×32``, file paths, layer type names from the layer registry, the networks'
names, units and acronyms), a Latin word of two letters or more remains and the text holds no
Chinese character.
"""
from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox,
                               QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu, QSpinBox,
                               QDoubleSpinBox, QTabBar, QTableView, QTextEdit, QTreeView, QWidget)

#: words that stay as they are in the Chinese window: names of tools, formats and functions,
#: units, the language menu's "English"
KEEP_WORDS = {
    "cnn-studio", "PyTorch", "TorchScript", "ONNX", "Python", "torchvision", "torch", "fx", "nn", "Module",
    "softmax", "Softmax", "logits", "logit", "argmax", "floor", "ceil", "max", "min", "log", "exp", "sqrt",
    "Grad-CAM", "English", "img", "px", "ms", "MACs", "FLOPs", "Ctrl", "Shift", "Alt", "Esc",
    "Del", "Adam", "AdamW", "SGD", "RMSprop", "ReLU", "GELU", "pth", "pt", "py", "png", "jpg", "jpeg",
    "cnnproj", "json", "csv", "MNIST", "CIFAR", "ImageNet", "torchvision.models", "Kaiming", "Xavier",
    "Nesterov", "eps", "Dropout", "dropout", "Conv", "MaxPool", "AvgPool", "BatchNorm1d", "BatchNorm2d",
}
# a letter of the CJK unified ideographs (and extension A), or CJK punctuation
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
_TAG = re.compile(r"<[^>]+>")
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\w.~-]*[/\\][\w.~/\\-]+)|\b[\w-]+\.(?:py|pt|pth|png|jpe?g|json|cnnproj|onnx|csv|"
                   r"log|ini|md|txt|npz|ts|qm)\b")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:[-.'][A-Za-z0-9_]+)*")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    """(single words that are names: layer types, templates; whole phrases that are names:
    the templates' titles such as "VGG-11 with BatchNorm"), from the registries."""
    import studio.layers  # noqa: F401  (registers the layer types)
    from studio.core.spec import all_specs
    from studio.templates import list_templates

    words: set[str] = set()
    for s in all_specs():
        words.update(w for w in (s.id, s.title, getattr(s, "torch_class", "") or "") if w)
        words.update(getattr(s, "legacy_ids", ()) or ())
    phrases: list[str] = []
    try:
        for t in list_templates(include_user=False):
            words.add(t.name)
            phrases.append(t.title)
    except Exception:  # a broken template must not hide the walk's findings
        pass
    return frozenset(words), tuple(sorted(phrases, key=len, reverse=True))


def plain(text: str, mnemonic: bool = True) -> str:
    """``text`` as shown: no HTML markup; with ``mnemonic`` (menus, buttons, tabs) no ``&``
    accelerator marks (``&&`` is a plain ``&``)."""
    if "<" in text and GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return re.sub(r"&(&?)", r"\1", text).strip() if mnemonic else text.strip()


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that a translation would have to change (see module doc)."""
    words, phrases = _names()
    text = _PLACEHOLDER.sub(" ", plain(_TAG.sub(" ", text) if "<" in text else text))
    for p in phrases:
        text = text.replace(p, " ")
    text = _PATH.sub(" ", text)
    out = []
    for tok in _TOKEN.findall(text):
        if tok in KEEP_WORDS or tok in words or tok.strip("'") in KEEP_WORDS:
            continue
        if "." in tok.strip(".") and " " not in tok:  # a module path: torchvision.models.resnet18
            continue
        for part in tok.split("-"):
            part = part.strip("'.")
            if (len(re.sub(r"[^A-Za-z]", "", part)) < 2 or re.search(r"[\d_]", part) or part in KEEP_WORDS
                    or part in words or part.isupper() or part.rstrip("s").isupper()):
                continue  # a symbol, an identifier (conv1, out_channels), an acronym (RGB, MACs)
            out.append(part)
    return out


def needs_translation(text: str) -> bool:
    """True for English a Chinese user would have to read: a word remains (see
    :func:`english_words`) and no Chinese character is present."""
    return not has_cjk(text) and bool(english_words(text))


def is_wordy(text: str) -> bool:
    """A text with words (Chinese or English), as opposed to numbers, symbols and names."""
    return has_cjk(text) or bool(english_words(text))


# ---- the walk -----------------------------------------------------------------------
def _owner(w: QWidget) -> str:
    """The studio module of ``w`` or of its nearest ancestor from the studio (who builds it)."""
    p = w
    while p is not None:
        mod = type(p).__module__
        if mod.startswith("studio."):
            return mod
        p = p.parentWidget()
    return "Qt"


def _where(w: QWidget, kind: str) -> str:
    name = w.objectName()
    return f"{_owner(w)}: {kind}{f' #{name}' if name else ''}"


def menu_texts(menu: QMenu, path: str) -> list[tuple[str, str]]:
    """Every action of ``menu`` and its submenus (a menu filled on show is filled first)."""
    menu.aboutToShow.emit()
    out = []
    for act in menu.actions():
        if act.isSeparator() or not act.isVisible():
            continue
        text = plain(act.text())
        if text:
            out.append((f"menu {path}", text))
        if act.menu() is not None:
            out += menu_texts(act.menu(), f"{path} › {text}")
    return out


def _widget_texts(w: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(w, QLabel):
        if w.text() and (w.pixmap() is None or w.pixmap().isNull()):
            out.append((_where(w, "label"), plain(w.text(), mnemonic=False)))
    elif isinstance(w, QGroupBox):
        out.append((_where(w, "group box"), plain(w.title())))
    elif isinstance(w, QAbstractButton):
        out.append((_where(w, type(w).__name__), plain(w.text())))
    elif isinstance(w, QLineEdit) and not w.text():
        out.append((_where(w, "placeholder"), w.placeholderText()))
    elif isinstance(w, QComboBox):
        out.append((_where(w, "combo box"), w.currentText()))
    elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
        out += [(_where(w, "spin box"), t) for t in (w.prefix(), w.suffix()) if t.strip()]
        if w.specialValueText() and w.value() == w.minimum():
            out.append((_where(w, "spin box"), w.specialValueText()))
    elif isinstance(w, QTabBar):
        out += [(_where(w, "tab"), plain(w.tabText(i))) for i in range(w.count()) if w.isTabVisible(i)]
    elif isinstance(w, QTextEdit) and w.isReadOnly():
        out += [(_where(w, "text view"), line) for line in w.toPlainText().splitlines()[:60]]
    elif isinstance(w, QAbstractItemView):
        out += _view_texts(w)
    return out


def _view_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    """Header labels of a table or tree (and a tree's item texts: categories, names)."""
    model = view.model()
    if model is None:
        return []
    out = []
    header = view.horizontalHeader() if isinstance(view, QTableView) else (
        view.header() if isinstance(view, QTreeView) else None)
    if header is not None and header.isVisible():
        for c in range(model.columnCount()):
            if not header.isSectionHidden(c):
                text = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if text:
                    out.append((_where(view, "header"), plain(str(text), mnemonic=False)))
    if isinstance(view, QTreeView):
        stack, seen = [model.index(r, 0) for r in range(min(model.rowCount(), 200))], 0
        while stack and seen < 400:
            idx = stack.pop(0)
            seen += 1
            text = model.data(idx, Qt.ItemDataRole.DisplayRole)
            if text:
                out.append((_where(view, "tree item"), plain(str(text), mnemonic=False)))
            if view.isExpanded(idx):
                stack += [model.index(r, 0, idx) for r in range(min(model.rowCount(idx), 200))]
    return out


def visible_texts(win: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` of what the user sees in ``win`` now (menus included, hidden widgets and
    pages not), in walk order, without repeats."""
    out: list[tuple[str, str]] = []
    if win.windowTitle():
        out.append(("window title", win.windowTitle()))
    menubar = win.menuBar() if hasattr(win, "menuBar") else None
    if menubar is not None:
        for act in menubar.actions():
            title = plain(act.text())
            out.append(("menu bar", title))
            if act.menu() is not None:
                out += menu_texts(act.menu(), title)
    for dock in win.findChildren(QDockWidget):
        if dock.isVisible():
            out.append((_where(dock, "dock title"), dock.windowTitle()))
    for w in win.findChildren(QWidget):
        if w.isVisible() and not isinstance(w, QMenu) and not (isinstance(w, QAbstractSpinBox)
                                                                and not isinstance(w, (QSpinBox, QDoubleSpinBox))):
            out += _widget_texts(w)
    seen, unique = set(), []
    for where, text in out:
        text = (text or "").strip()
        if text and (where, text) not in seen:
            seen.add((where, text))
            unique.append((where, text))
    return unique


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The ``(where, text)`` of ``texts`` that still need a translation."""
    return [(w, t) for w, t in texts if needs_translation(t)]


def chinese_share(texts: list[tuple[str, str]]) -> float:
    """The share of the wordy texts that are Chinese (1.0 when there is none)."""
    wordy = [t for _w, t in texts if is_wordy(t)]
    return sum(has_cjk(t) for t in wordy) / len(wordy) if wordy else 1.0
