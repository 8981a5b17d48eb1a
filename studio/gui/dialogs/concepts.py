"""Help → Concepts: each idea of a first CNN course (studio/core/concepts.py: one-hot to ResNet),
its Chinese term, a short explanation, the misconception it corrects, and a link that opens the
place in the studio showing it with live numbers (concept_links.py)."""
from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from studio.core.concepts import CONCEPTS, Concept


__all__ = ["CONCEPTS", "Concept", "ConceptsDialog", "concepts_html", "show_concepts"]


def concepts_html() -> str:
    rows = []
    for c in CONCEPTS:
        wrong = ""
        if c.misconception:
            quote = f" <i>(the notes: {html.escape(c.note)})</i>" if c.note else ""
            wrong = f"<br><b>Not so:</b> {html.escape(c.misconception)}{quote}"
        rows.append(f"<h4>{html.escape(c.title)} · {html.escape(c.zh)}</h4><p>{html.escape(c.text)}{wrong}<br>"
                    f"<a href='concept:{c.id}'>Show me: {html.escape(c.link)}</a></p>")
    return ("<p>The ideas of a first CNN course, each with a link to the place in the studio that shows it "
            "for <i>your</i> network and image, with live numbers.</p>" + "".join(rows))


class ConceptsDialog(QDialog):
    def __init__(self, win, parent: QWidget | None = None):
        super().__init__(parent or win)
        self.win = win
        self.setWindowTitle("Concepts")
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
