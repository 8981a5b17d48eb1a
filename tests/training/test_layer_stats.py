"""The layer-statistics sampler against an independent computation on one SGD step."""
import json
import math

import torch
import torch.nn.functional as F

from studio.experiments.nets import build_variant_project
from studio.training.checkpoint import build_model
from studio.training.layer_stats import LayerStats, graph_layers


def test_one_sampled_step_matches_a_hand_computation(tmp_path):
    project = build_variant_project("conv_net", {"depth": 4, "width": 4, "bn": False}, (1, 8, 8), 3, "tiny")
    torch.manual_seed(0)
    model = build_model(project)
    x, y = torch.randn(16, 1, 8, 8), torch.randint(0, 3, (16,))
    lr = 0.1
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    stats = LayerStats(graph_layers(model, project.graph), tmp_path / "layer_stats.jsonl", every=5)
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    # what the sampler should see, computed by hand on a copy
    ref = build_model(project)
    ref.load_state_dict(model.state_dict())
    acts = {}

    def keep(name):
        def hook(m, i, o):
            acts[name] = o.detach().clone()  # returns None: the output is not replaced
        return hook
    h = ref.node_module("conv2").register_forward_hook(keep("conv2"))
    h2 = ref.node_module("conv2_act").register_forward_hook(keep("relu"))
    F.cross_entropy(ref(x), y).backward()
    h.remove()
    h2.remove()
    want_grad = math.sqrt(sum(float(p.grad.pow(2).sum()) for p in ref.node_module("conv2").parameters()))

    assert not stats.begin(3, 0.0)  # not a sampling step
    assert stats.begin(0, 0.0)
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    stats.after_backward()
    opt.step()
    rec = stats.after_update()
    stats.close()
    got = rec.layers["conv2"]
    assert math.isclose(got["grad_norm"], want_grad, rel_tol=1e-5)
    # plain SGD: the update is lr × gradient
    w_norm = math.sqrt(sum(float(before[f"{n}"].pow(2).sum()) for n in before if n.startswith(
        project_path(model, "conv2"))))
    assert math.isclose(got["update_ratio"], lr * want_grad / w_norm, rel_tol=1e-4)
    a = acts["conv2"]
    assert math.isclose(got["act_mean"], float(a.mean()), rel_tol=1e-5, abs_tol=1e-7)
    assert math.isclose(got["act_std"], float(a.std()), rel_tol=1e-5)
    assert math.isclose(rec.layers["conv2_act"]["zero_frac"], float((acts["relu"] == 0).float().mean()))
    assert "grad_norm" not in rec.layers["conv2_act"]
    line = json.loads((tmp_path / "layer_stats.jsonl").read_text())
    assert line == {"step": 0, "epoch": 0.0, "layers": rec.layers}
    assert list(line["layers"])[:2] == ["conv1", "conv1_act"]


def project_path(model, node_id):
    return model.node_paths[node_id] + "."
