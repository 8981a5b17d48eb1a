"""Built-in templates: they validate, and at ImageNet settings match torchvision exactly."""
import pytest

from studio import templates
from studio.core.errors import StudioError
from studio.core.validate import validate

BUILTINS = ["lenet5", "alexnet", "zfnet", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn",
            "vgg19", "vgg19_bn", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152"]
TORCHVISION = [n for n in BUILTINS if n not in ("lenet5", "zfnet")]


def test_sixteen_builtins_in_order():
    assert templates.builtin_names() == BUILTINS
    infos = templates.list_templates(include_user=False)
    assert [i.name for i in infos] == BUILTINS
    for i in infos:
        assert i.builtin and i.description and i.title
        for key in ("authors", "year", "title", "idea", "params", "macs"):
            assert i.card.get(key), (i.name, key)


def torch_counts(proj) -> tuple[int, int]:
    """Parameters and multiply-accumulates as torch itself counts them on the compiled module
    (meta device: shapes only), independently of the layer specs' cost formulas."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    from studio.compiler import compile_graph

    with torch.device("meta"):
        model = compile_graph(proj.graph, proj.num_classes).eval()
    with FlopCounterMode(display=False) as counter:
        model(torch.empty(1, *proj.input_shape, device="meta"))
    return sum(p.numel() for p in model.parameters()), counter.get_total_flops() // 2  # 1 MAC = 2 FLOPs


@pytest.mark.parametrize("name", BUILTINS)
def test_default_input_validates_cleanly(name):
    info = templates.get_template(name)
    proj = templates.build_project(name)
    assert proj.template == name and proj.name == name
    assert proj.input_shape == info.input_shape and proj.num_classes == info.num_classes
    a = validate(proj.graph, proj.num_classes)
    assert a.issues == []
    assert a.output_shape == (info.num_classes,)
    # the card's figures (and the analysis's) against torch's own count, not the same computation
    assert (info.card["params"], info.card["macs"]) == torch_counts(proj) == (a.total_params, a.macs)
    # laid out: distinct positions for every node
    assert len({n.pos for n in proj.graph.nodes}) == len(proj.graph)


@pytest.fixture(scope="module")
def tv_models():
    import torch
    import torchvision

    out = {}
    with torch.device("meta"):  # parameter shapes only: no memory, no initialisation cost
        for name in TORCHVISION:
            out[name] = getattr(torchvision.models, name)(weights=None)
    return out


@pytest.mark.parametrize("name", TORCHVISION)
def test_matches_torchvision(name, tv_models):
    model = tv_models[name]
    proj = templates.build_project(name, (3, 224, 224), 1000)
    a = validate(proj.graph, 1000)
    assert a.total_params == sum(p.numel() for p in model.parameters())
    # node ids mirror torchvision's module names, with the same parameters per module
    for mod_name, mod in model.named_modules():
        own = sum(p.numel() for p in mod.parameters(recurse=False))
        if own:
            assert mod_name in proj.graph, f"{name}: no node '{mod_name}'"
            assert a.costs[mod_name].params == own, mod_name
    buffers = sum(b.numel() for b in model.buffers())
    assert a.buffers == buffers


def test_resnet50_count_and_blocks():
    proj = templates.build_project("resnet50")
    a = validate(proj.graph, 1000)
    assert a.total_params == 25_557_032
    groups = proj.graph.groups
    assert len(groups) == 16 and {g.kind for g in groups} == {"Bottleneck"}
    g = proj.graph.group("layer2.0")
    assert {"layer2.0.downsample.0", "layer2.0.downsample.1", "layer2.0.add"} <= set(g.nodes)
    add = proj.graph.node("layer2.0.add")
    assert add.type == "Add"
    assert proj.graph.predecessors("layer2.0.add") == ["layer2.0.bn3", "layer2.0.downsample.1"]
    # identity skip where the shape stays: straight from the previous block's last ReLU
    assert proj.graph.predecessors("layer2.1.add") == ["layer2.1.bn3", "layer2.0.relu3"]
    assert a.shapes["layer4.2.relu3"] == (2048, 7, 7)


def test_resnet18_basic_blocks():
    proj = templates.build_project("resnet18")
    kinds = {g.name: g.kind for g in proj.graph.groups}
    assert list(kinds) == ["layer1.0", "layer1.1", "layer2.0", "layer2.1", "layer3.0", "layer3.1",
                           "layer4.0", "layer4.1"]
    assert set(kinds.values()) == {"BasicBlock"}
    assert "layer1.0.downsample.0" not in proj.graph and "layer2.0.downsample.0" in proj.graph


def test_zfnet_sizes_and_hand_count():
    proj = templates.build_project("zfnet")
    a = validate(proj.graph, 1000)
    convs = [n for n in a.order if proj.graph.node(n).type == "Conv2d"]
    pools = [n for n in a.order if proj.graph.node(n).type == "MaxPool2d"]
    assert [a.shapes[c] for c in convs] == [(96, 110, 110), (256, 26, 26), (384, 13, 13), (384, 13, 13),
                                            (256, 13, 13)]
    assert [a.shapes[p] for p in pools] == [(96, 55, 55), (256, 13, 13), (256, 6, 6)]
    hand = (7 * 7 * 3 * 96 + 96) + (5 * 5 * 96 * 256 + 256) + (3 * 3 * 256 * 384 + 384) \
        + (3 * 3 * 384 * 384 + 384) + (3 * 3 * 384 * 256 + 256) \
        + (9216 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000)
    assert a.total_params == hand == 62_357_608


def test_lenet5_hand_count_and_28x28():
    a = validate(templates.build_project("lenet5").graph, 10)
    hand = (5 * 5 * 1 * 6 + 6) + (5 * 5 * 6 * 16 + 16) + (400 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10)
    assert a.total_params == hand == 61_706
    proj = templates.build_project("lenet5", (1, 28, 28), 10)
    assert proj.graph.node("conv1").params["padding"] == 2
    a = validate(proj.graph, 10)
    assert a.issues == [] and a.shapes["conv1"] == (6, 28, 28) and a.shapes["pool2"] == (16, 5, 5)
    assert a.total_params == 61_706


def test_other_inputs_and_classes():
    proj = templates.build_project("resnet18", (1, 64, 48), 7)
    a = validate(proj.graph, 7)
    assert a.issues == [] and a.output_shape == (7,) and a.shapes["input"] == (1, 64, 48)
    a = validate(templates.build_project("vgg11_bn", (3, 32, 32), 10).graph, 10)
    assert a.issues == [] and a.shapes["features.28"] == (512, 1, 1)


@pytest.mark.parametrize("name,shape,layer,minimum", [
    ("alexnet", (3, 16, 16), "features.5", "3×63×63"),
    ("vgg16", (3, 16, 16), "features.30", "3×32×32"),
    ("zfnet", (3, 40, 40), "features.", "3×53×53"),
    ("lenet5", (1, 8, 8), "conv2", "1×12×12"),
])
def test_too_small_input_is_refused_clearly(name, shape, layer, minimum):
    with pytest.raises(StudioError) as exc:
        templates.build_project(name, shape)
    msg = str(exc.value)
    assert "too small" in msg and f"'{layer}" in msg and minimum in msg, msg
    assert "Traceback" not in msg and "\n" not in msg


def test_unknown_name_suggests_close_matches():
    with pytest.raises(StudioError, match=r"no template .*'resnet5'.*did you mean 'resnet50'"):
        templates.build_project("resnet5")
    with pytest.raises(StudioError, match="did you mean 'alexnet'"):
        templates.get_template("alexnte")


@pytest.mark.parametrize("shape,classes", [((3, 0, 10), None), ((3, 32), None), (None, 0)])
def test_bad_requests(shape, classes):
    with pytest.raises(StudioError):
        templates.build_project("lenet5", shape, classes)


def test_cards_print():
    text = templates.format_card(templates.get_template("alexnet"))
    assert "Krizhevsky" in text and "2012" in text and "61,100,840" in text and "ReLU" in text


def test_compiled_templates_run():
    import torch
    from studio.compiler import compile_graph

    torch.manual_seed(0)
    for name, shape in (("lenet5", (1, 28, 28)), ("resnet18", (3, 32, 32))):
        proj = templates.build_project(name, shape, 10)
        model = compile_graph(proj.graph, 10).eval()
        with torch.no_grad():
            y = model(torch.randn(2, *shape))
        assert tuple(y.shape) == (2, 10)
        assert sum(p.numel() for p in model.parameters()) == validate(proj.graph, 10).total_params
