"""Help → Concepts: each idea of a first CNN course (studio/core/concepts.py: one-hot to ResNet),
its Chinese term, a short explanation, the misconception it corrects, and a link that opens the
place in the studio showing it with live numbers (concept_links.py)."""
from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from studio.core.concepts import CONCEPTS, NOT_SO, SHOW_ME, THE_NOTES, Concept, heading, localized
from studio.gui.i18n import language, tr, tr_core


__all__ = ["CONCEPTS", "Concept", "ConceptsDialog", "concepts_html", "show_concepts"]


def _space(text: str, after: bool = False) -> str:
    """A space between two pieces of text, none beside full-width Chinese punctuation."""
    return "" if (text[-1:] if after else text[:1]) in "：（）" else " "


def concepts_html() -> str:
    """Every concept in the window's language (the numbers filled in after translation)."""
    chinese = language() != "en"
    rows = []
    for c in (localized(c, tr_core) for c in CONCEPTS):
        wrong = ""
        if c.misconception:
            quote, label = "", tr_core("Concepts", NOT_SO)
            if c.note:
                notes = tr_core("Concepts", THE_NOTES).format(note=c.note)
                quote = f"{_space(notes)}<i>{html.escape(notes)}</i>"
            wrong = f"<br><b>{html.escape(label)}</b>{_space(label, after=True)}{html.escape(c.misconception)}{quote}"
        show = tr_core("Concepts", SHOW_ME).format(link=c.link)
        rows.append(f"<h4>{html.escape(heading(c, chinese))}</h4><p>{html.escape(c.text)}{wrong}<br>"
                    f"<a href='concept:{c.id}'>{html.escape(show)}</a></p>")
    return ("<p>" + tr("The ideas of a first CNN course, each with a link to the place in the studio that shows it "
                       "for <i>your</i> network and image, with live numbers.") + "</p>" + "".join(rows))


class ConceptsDialog(QDialog):
    def __init__(self, win, parent: QWidget | None = None):
        super().__init__(parent or win)
        self.win = win
        self.setWindowTitle(tr("Concepts"))
        self.resize(620, 640)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setHtml(concepts_html())
        self.view.anchorClicked.connect(self._clicked)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view)
        lay.addWidget(self.status)
        lay.addWidget(buttons)

    def _clicked(self, url: QUrl) -> None:
        from .concept_links import open_concept

        text = open_concept(self.win, url.toString().split(":", 1)[-1])
        self.status.setText(text)
        if hasattr(self.win, "show_status"):
            self.win.show_status(text)


def show_concepts(win) -> ConceptsDialog:
    dlg = ConceptsDialog(win)
    dlg.show()
    return dlg
