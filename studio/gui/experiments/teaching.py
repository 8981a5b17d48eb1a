"""What the Experiments window adds to teach: the set-up (data, each variant's initialisation,
optimiser and learning rate), when the verdict is decided, the measured numbers as a table with
readable column names and percentages, and for gradient claims a per-layer gradient-norm plot in
the same colours as curves.png (studio/experiments/report.py)."""
from __future__ import annotations

import html
import math

import pyqtgraph as pg

from studio.experiments.report import COLORS, GRADIENT_VERDICTS, _fmt, column, data_text, first_grad_norms, setup_rows
from studio.gui.i18n import tr, tr_core


def tx(text: str) -> str:
    """A text the experiments package marked (``QT_TRANSLATE_NOOP("Experiments", ...)``) in the
    window's language; any other text (a user's label, a folder name) as it is."""
    return tr_core("Experiments", text)


def setup_html(exp, epochs: int | None = None) -> str:
    rows = "".join(f"<tr><td>{html.escape(r['variant'])}</td><td>{html.escape(r['init'])}</td>"
                   f"<td>{html.escape(r['optimizer'])}</td><td>{html.escape(r['lr'])}</td></tr>"
                   for r in setup_rows(exp, epochs, short=True, tx=tx))
    heads = "".join(f"<th align=left>{html.escape(h)}</th>"
                    for h in (tr("variant"), tr("init"), tr("optimiser"), tr("lr")))
    decided = html.escape(tr("Decided at."))
    decided = f"<p><b>{decided}</b> {html.escape(tx(exp.decided_at))}</p>" if exp.decided_at else ""
    setup = html.escape(tr("Set-up."))
    return (f"<p><b>{setup}</b> {html.escape(data_text(exp, tx=tx))}</p><table cellspacing=4>"
            f"<tr>{heads}</tr>{rows}</table>{decided}")


def numbers_html(verdict: dict) -> str:
    keys = []
    variants = verdict.get("variants") if isinstance(verdict.get("variants"), dict) else {}
    for vals in variants.values():
        keys += [k for k in vals if k != "label" and k not in keys]
    head = "".join(f"<th align=left>{html.escape(tx(column(k)[0]))}</th>" for k in keys)
    rows = "".join("<tr><td>" + html.escape(tx(str(vals.get("label", name)))) + "</td>"
                   + "".join(f"<td>{html.escape(_fmt(vals.get(k), column(k)[1], tx))}</td>" for k in keys) + "</tr>"
                   for name, vals in variants.items() if isinstance(vals, dict))
    variant = html.escape(tr("variant"))
    return f"<table cellspacing=4><tr><th align=left>{variant}</th>{head}</tr>{rows}</table>"


class GradientPlot(pg.PlotWidget):
    """Each layer's gradient norm at the first step (log scale), one line per variant; for the
    exploding-gradients experiment the first layer's gradient norm per step."""

    def __init__(self, parent=None):
        super().__init__(parent, title=tr("Gradient per layer, step 1 (log)"))
        self.setBackground(None)
        self.setLogMode(y=True)
        # no legend of its own: the window's legend line under the plots names the colours
        self.lines: dict[str, object] = {}
        self.exp = None

    def reset(self, exp) -> None:
        self.clear()
        self.lines = {}
        self.exp = exp
        per_step = exp.verdict == "exploding"
        self.setTitle(tr("First layer's gradient, per step (log)") if per_step else
                      tr("Gradient per layer, step 1 (log)"))
        self.setLabel("bottom", tr("step") if per_step else tr("layer (input → output, BN included)"))
        self.setVisible(exp.verdict in GRADIENT_VERDICTS)
        for i, v in enumerate(exp.variants):
            pen = pg.mkPen(COLORS[i % len(COLORS)], width=2)
            self.lines[v.name] = self.plot([], [], pen=pen, symbol="o", symbolSize=4,
                                           symbolBrush=COLORS[i % len(COLORS)], name=tx(v.label))

    def update_variant(self, name: str, samples: list[dict]) -> list[tuple[float, float]]:
        """Redraw one variant from its layer-statistics samples; returns the plotted points."""
        line = self.lines.get(name)
        if line is None or not samples:
            return []
        if self.exp is not None and self.exp.verdict == "exploding":
            pts = []
            for s in samples:
                _ids, g = first_grad_norms([s])
                if g and g[0] > 0 and not math.isnan(g[0]):
                    pts.append((float(s["step"]), min(g[0], 1e30)))
        else:
            _ids, norms = first_grad_norms(samples)
            pts = [(float(k + 1), g) for k, g in enumerate(norms) if g > 0 and math.isfinite(g)]
        line.setData([p for p, _ in pts], [g for _, g in pts])
        return pts
