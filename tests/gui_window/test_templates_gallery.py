"""Every template loads through the gallery path with no error; canvas items match the graph;
the gallery shows a card for each template."""
from __future__ import annotations

from studio import templates
from studio.core.validate import validate


def test_every_template_loads_via_gallery_path(win, dialogs, qtbot):
    infos = templates.list_templates()
    assert {"lenet5", "alexnet", "vgg16", "resnet18", "resnet152"} <= {i.name for i in infos}
    scene = win.canvas.graph_scene
    for info in infos:
        dialogs.template = info.name
        win.act["new_template"].trigger()
        doc = win.document
        assert doc.project.template == info.name, info.name
        assert doc.analysis.ok, (info.name, [str(i) for i in doc.analysis.errors])
        assert not doc.is_dirty and doc.undo_stack.count() == 0
        assert set(scene.nodes) == {n.id for n in doc.graph.nodes}, info.name
        assert len(scene.edges) == len(doc.graph.edges), info.name
        assert win.summary.model.rowCount() == len(doc.graph)
        assert doc.project.dataset  # a dataset is ready for Train
    assert "warning" not in dialogs.kinds()


def test_templates_open_at_a_readable_zoom(win, dialogs, qtbot):
    from studio.gui.canvas.style import legible_zoom

    READABLE = legible_zoom()
    win.resize(1600, 1000)
    win.show()
    view = win.canvas

    def load(name):
        dialogs.template = name
        win.act["new_template"].trigger()
        view.resetTransform()
        qtbot.waitUntil(lambda: view.zoom_factor() != 1.0, timeout=2000)  # it fits itself to the project

    def top_shown():
        first = view.graph_scene.nodes[win.document.graph.input_nodes()[0].id].sceneBoundingRect()
        return view.mapToScene(view.viewport().rect()).boundingRect().contains(first)

    for name in ("lenet5", "resnet152"):
        load(name)
        assert READABLE <= view.zoom_factor() <= 1.25, name  # the top of the network, readable
        assert top_shown(), name
    # ResNet-152 opens as its overview (stem, layer1…layer4, head): all of it in view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(shown.contains(b.sceneBoundingRect()) for b in view.graph_scene.blocks.values() if b.isVisible())
    load("lenet5")  # a new project starts with the readable view again
    assert view.zoom_factor() >= READABLE and top_shown()


def test_gallery_cards_and_previews(qtbot, dialogs):
    from studio.gui.dialogs.templates import TemplateGallery, _card_html

    dlg = TemplateGallery()
    qtbot.addWidget(dlg)
    infos = templates.list_templates()
    assert dlg.list.count() == len(infos)
    assert dlg.select("resnet18")
    assert dlg.selected().name == "resnet18"
    html = dlg.detail.text()
    card = dlg.selected().card
    assert str(card["year"]) in html and card["title"] in html and f"{card['params']:,}" in html
    assert "3×224×224" in html
    assert not dlg.big_preview.pixmap().isNull()
    assert not dlg.list.item(0).icon().isNull()
    assert not dlg.delete_button.isEnabled()  # built-ins cannot be deleted
    for info in infos:
        assert info.title in _card_html(info)


def test_user_template_appears_and_loads(win, dialogs, qtbot):
    from studio.templates.user import save_user_template

    save_user_template("my tiny net", win.document.project, "LeNet with a twist")
    names = [i.name for i in templates.list_templates()]
    user = [i for i in templates.list_templates() if not i.builtin]
    assert user and user[0].name in names
    dialogs.template = user[0].name
    win.act["new_template"].trigger()
    assert "warning" not in dialogs.kinds()
    assert validate(win.document.graph, win.document.project.num_classes).ok
    assert len(win.canvas.graph_scene.nodes) == len(win.document.graph)
