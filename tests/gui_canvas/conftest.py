import pytest
from PySide6.QtCore import QPoint

import studio.gui.canvas  # noqa: F401  (applies the PySide None-refcount guard first)
from studio.core.project import Project
from studio.gui.canvas import GraphView
from studio.gui.document import Document


@pytest.fixture
def make_view(qtbot):
    def make(graph=None):
        doc = Document(Project(graph=graph) if graph is not None else Project())
        view = GraphView(doc)
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
        qtbot.waitExposed(view)
        view.messages = []
        view.message.connect(view.messages.append)
        return view

    yield make


def view_point(view, scene_pt) -> QPoint:
    return view.mapFromScene(scene_pt)
