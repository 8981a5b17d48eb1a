"""Grad-CAM (Selvaraju et al. 2017): which part of the image a class score depends on.

    cam = grad_cam(model, project, x, layer="conv2", cls=None)   # x: [C, H, W], normalised
    cam["map"]      # ReLU(Σ_c α_c · A_c) at the layer's own resolution, not normalised
    overlay(image, cam["map"]).save("cam.png")

A is the layer's output for the image, y the logit of ``cls`` (default: the predicted class),
α_c = the spatial mean of ∂y/∂A_c. Written here with a forward hook and ``torch.autograd.grad``
(captum and pytorch-grad-cam are not dependencies of the studio, and the definition is a few
lines). The hook hands the rest of the network a copy of A, so an in-place operation after the
layer cannot change the A the map is made from.
"""
from __future__ import annotations

import torch

from studio.core.errors import StudioError

from .explain import find_node, module_for


def spatial_layers(project) -> list[str]:
    """Node ids, in flow order, whose output is a feature map (C×H×W with more than one pixel)."""
    from studio.core.validate import validate

    a = validate(project.graph, project.num_classes)
    return [nid for nid in a.order if len(s := (a.shapes.get(nid) or ())) == 3 and s[1] * s[2] > 1
            and project.graph.node(nid).type != "Input"]


def default_layer(model, project) -> str:
    """The last spatial layer that is a module of the compiled model."""
    for nid in reversed(spatial_layers(project)):
        try:
            module_for(model, nid)
        except KeyError:
            continue
        return nid
    raise StudioError("the network has no layer with a spatial feature map: Grad-CAM needs one "
                      "(a Conv2d or pooling layer)")


def pick_layer(model, project, name: str | None) -> str:
    if not name:
        return default_layer(model, project)
    spatial = spatial_layers(project)
    g = project.graph
    if not any(name in (n.name, n.id) for n in g.nodes):  # a stage or block: its last map
        members = set(g.group(name).nodes) if g.has_group(name) else \
            {n.id for n in g.nodes if n.id.startswith(name + ".")}
        for nid in reversed(spatial):
            if nid in members:
                try:
                    module_for(model, nid)
                except KeyError:
                    continue
                return nid
        if members:
            shown = ", ".join(g.node(n).name for n in spatial[-4:])
            raise StudioError(f"{name!r} has no feature map larger than 1×1 at this input size: choose an "
                              f"earlier layer ({shown})")
    nid = find_node(project, name)
    if nid not in spatial:
        shown = ", ".join(project.graph.node(n).name for n in spatial[-8:])
        raise StudioError(f"layer {name!r} has no spatial feature map (H×W) for Grad-CAM: choose one of {shown}")
    try:
        module_for(model, nid)
    except KeyError:
        raise StudioError(f"layer {name!r} is not a module of the compiled network: choose the layer "
                          "before or after it") from None
    return nid


def grad_cam(model, project, x: torch.Tensor, layer: str | None = None, cls: int | None = None) -> dict:
    """{"layer", "class", "score", "map"} for one normalised image ``x`` [C, H, W]. ``layer`` is a
    layer's name (or id), or a block/stage name or id prefix (its last layer with a map); None: the default."""
    nid = pick_layer(model, project, layer)
    module = module_for(model, nid)
    captured: list[torch.Tensor] = []

    def hook(_m, _inp, out):
        captured.append(out)
        return out.clone()

    was = model.training
    model.eval()
    handle = module.register_forward_hook(hook)
    try:
        with torch.enable_grad():
            xb = x.unsqueeze(0).detach()
            logits = model(xb)
            k = int(logits[0].argmax()) if cls is None else int(cls)
            if not 0 <= k < logits.shape[1]:
                raise StudioError(f"class {k} is not a class of this model (0 … {logits.shape[1] - 1})")
            acts = captured[-1]
            (grads,) = torch.autograd.grad(logits[0, k], acts)
    finally:
        handle.remove()
        model.train(was)
    alpha = grads[0].float().mean(dim=(1, 2))
    cam = torch.relu((alpha[:, None, None] * acts[0].detach().float()).sum(0))
    return {"layer": project.graph.node(nid).name, "class": k, "score": float(logits[0, k].detach()),
            "map": cam.cpu().tolist()}


def heat_colours(v):
    """[0, 1] values -> RGB uint8 (a blue → cyan → yellow → red ramp)."""
    import numpy as np

    stops = np.array([[0, 0, 128], [0, 160, 255], [255, 230, 0], [220, 0, 0]], dtype=float)
    t = np.clip(v, 0, 1) * (len(stops) - 1)
    i = np.minimum(t.astype(int), len(stops) - 2)
    f = (t - i)[..., None]
    return (stops[i] * (1 - f) + stops[i + 1] * f).astype("uint8")


def overlay(image, cam_map, alpha: float = 0.5):
    """The map, normalised to its maximum and resized to the image, blended over it (PIL RGB)."""
    import numpy as np
    from PIL import Image

    base = image.convert("RGB")
    m = np.asarray(cam_map, dtype=float)
    top = m.max() if m.size else 0.0
    m = m / top if top > 0 else m * 0
    heat = Image.fromarray((m * 255).astype("uint8")).resize(base.size, Image.BILINEAR)
    rgb = Image.fromarray(heat_colours(np.asarray(heat, dtype=float) / 255.0))
    return Image.blend(base, rgb, alpha)
