"""A problem named on the card itself: a red callout under a broken card with the
validation message in words (two lines at most; the tooltip has it all) and a Fix button
that applies the one-click fix as one undo step."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyle

from studio.gui.fields import fix_label, issue_message
from studio.gui.i18n import tr

from . import style
from .style import NODE_H, NODE_W

PROBLEM_TYPE = QGraphicsItem.UserType + 6
FIX_TYPE = QGraphicsItem.UserType + 7
HEIGHT = 29.0
WIDTH = NODE_W + 60  # wider than the card: it lies in the gap below the row, where no card is
FIX_W, FIX_H = 30.0, 17.0


def card_message(message, title: str, name: str) -> str:
    """The message (a text, or a validation Issue: shown in the window's language) without the
    "Linear 'fc1' " it starts with (the card already says so)."""
    if not isinstance(message, str):
        message = issue_message(message)
    prefix = f"{title} '{name}'"
    if not message.startswith(prefix):
        return message
    rest = message[len(prefix):]
    if rest.startswith(" "):  # English: "Linear 'fc1' needs a vector..."
        return rest[1:]
    if rest.startswith(("：", "，")):  # Chinese: "Linear 'fc1'：需要…"
        return rest[1:]
    return message


class FixButton(QGraphicsItem):
    def __init__(self, parent: "ProblemItem"):
        super().__init__(parent)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptHoverEvents(True)  # Qt repaints on hover; paint reads State_MouseOver

    def type(self) -> int:
        return FIX_TYPE

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, FIX_W, FIX_H)

    def mousePressEvent(self, event) -> None:
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self.boundingRect().contains(event.pos()):
            self.parentItem().apply()
        event.accept()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.setBrush(style.ERROR.darker(120) if hover else style.ERROR)
        painter.drawRoundedRect(self.boundingRect(), 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.setFont(style.font("title"))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, tr("Fix"))


class ProblemItem(QGraphicsItem):
    """Under the card (a child item, so it moves and hides with it)."""

    def __init__(self, card):
        super().__init__(card)
        self.setPos(0, NODE_H + 3)
        self.setZValue(5)
        self.fix = None
        self.message = ""
        self.button = FixButton(self)
        self.button.setPos(WIDTH - FIX_W - 4, (HEIGHT - FIX_H) / 2)
        self._lines: list[QStaticText] = []
        self.lines: list[str] = []

    def type(self) -> int:
        return PROBLEM_TYPE

    def set_problem(self, message: str, fix, severity: str) -> None:
        self.message, self.fix, self.severity = message, fix, severity
        self.button.setVisible(fix is not None)
        fix_text = tr("Fix: {fix}").format(fix=fix_label(fix)) if fix is not None else ""
        self.button.setToolTip(fix_text)
        self.setToolTip(message + ("\n" + fix_text if fix is not None else ""))
        width = WIDTH - 12 - (FIX_W + 6 if fix is not None else 0)
        font = style.font("small")
        fm = QFontMetricsF(font)
        lines, rest = [], message
        for _ in range(2):  # two lines, the second elided
            if not rest:
                break
            if len(lines) == 1 or fm.horizontalAdvance(rest) <= width:
                lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            cut = len(rest)
            while cut > 1 and fm.horizontalAdvance(rest[:cut]) > width:
                cut = rest.rfind(" ", 0, cut - 1) if " " in rest[:cut - 1] else cut - 1
            lines.append(rest[:cut])
            rest = rest[cut:].lstrip()
        self._lines = []
        for line in lines:
            st = QStaticText(line)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=font)
            self._lines.append(st)
        self.lines = lines
        self.update()

    def apply(self) -> None:
        sc = self.scene()
        if self.fix is not None and sc is not None and sc.on_fix is not None:
            sc.on_fix(self.fix)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, WIDTH, HEIGHT)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        col = style.ERROR if self.severity == "error" else style.WARNING
        bg = QColor(col)
        bg.setAlpha(30)
        painter.setPen(QPen(col, 1))
        painter.setBrush(QBrush(style.color("card")))
        painter.drawRoundedRect(self.boundingRect(), 5, 5)
        painter.setBrush(QBrush(bg))
        painter.drawRoundedRect(self.boundingRect(), 5, 5)
        painter.setPen(style.color("text"))
        painter.setFont(style.font("small"))
        for i, st in enumerate(self._lines):
            painter.drawStaticText(QPointF(6, 1.5 + 13 * i), st)
