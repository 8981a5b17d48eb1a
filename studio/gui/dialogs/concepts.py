"""Help → Concepts: each idea of a first CNN course (one-hot, softmax, cross-entropy, output
size, parameters, padding, pooling, VGG, ResNet, BN, dropout, ReLU, receptive field), a short
explanation, and a link that opens the place in the studio showing it with live numbers."""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Concept:
    id: str
    title: str
    text: str
    link: str  # what the link opens, in words


CONCEPTS = (
    Concept("one_hot", "One-hot label (独热编码)",
            "The true class as a vector with a 1 at its index and 0 elsewhere: class 3 of 10 is "
            "[0,0,0,1,0,0,0,0,0,0]. It is the target distribution the prediction is compared with.",
            "Inference → Output & loss: choose the true class, see y"),
    Concept("softmax", "Softmax: scores → probabilities",
            "The network's last layer gives one score (logit) z_i per class. Softmax turns them into a "
            "distribution p_i = e^(z_i) / Σ_j e^(z_j): every p_i > 0, they sum to 1, and each depends on all "
            "the scores (it is not element-wise).",
            "Inference → Output & loss: logits, e^z, Σ and p for your image"),
    Concept("cross_entropy", "Cross-entropy loss",
            "The loss between the one-hot label y and the prediction p: −Σ y_i·log p_i. Only the true class "
            "has y = 1, so it is −log p_true: 0 when the model is sure and right, large when it is sure and "
            "wrong. An untrained 10-class model scores about ln 10 = 2.30.",
            "Inference → Output & loss with the true class chosen"),
    Concept("distribution", "Why a distribution, not a class number",
            "Classes have no order: '7' is not between '6' and '8' for a classifier, so an output that is "
            "'closest to a class number' would invent distances. One score per class, a softmax and the index "
            "of the largest probability (argmax) give the class.",
            "Inference → Output & loss"),
    Concept("chance", "Where the loss starts: ln C",
            "Before training the probabilities are nearly equal, 1/C each, so the loss is −log(1/C) = ln C. "
            "The loss plot marks it; a run that stays there learns nothing.",
            "Training: the dashed chance line on the loss plot"),
    Concept("output_size", "Output size of a convolution",
            "For input size I, kernel K, padding P, stride S: O = floor((I − K + 2P)/S) + 1 (PyTorch's general "
            "form adds dilation and ceil_mode). LeNet's conv1: floor((32 − 5 + 0)/1) + 1 = 28.",
            "Select a Conv2d: the Inspector fills in the formula"),
    Concept("params", "Parameters of a convolution",
            "Each of the C_out kernels is K×K×C_in weights plus one bias: params = K·K·C_in·C_out + C_out. "
            "The size of the image does not matter.",
            "Select a Conv2d: Inspector and the Summary's Params column"),
    Concept("kernel_map", "One kernel → one feature map",
            "A kernel slides over the input; at each position the patch times the kernel, summed, plus the bias "
            "gives one pixel. All positions of one kernel make one feature map, so C_out kernels make C_out maps.",
            "Inference → Feature maps: click a pixel of conv1"),
    Concept("padding", "Zero padding",
            "Zeros added around the input so the kernel can be centred on border pixels: ZeroPadding(1) adds "
            "one row/column on each side (two columns in all); with a 3×3 kernel, stride 1, padding 1 keeps the size.",
            "A ZeroPad2d or a padded Conv2d: Inspector; its border pixels in Feature maps"),
    Concept("pooling", "Pooling has no parameters",
            "Max pooling keeps the largest value of each window, average pooling the mean; nothing is learned "
            "(params = 0). With a 2×2 window and stride 2 the map halves.",
            "Select a pooling layer; click a pixel of its maps in Inference"),
    Concept("relu", "ReLU",
            "f(x) = max(0, x): negatives become 0, positives pass unchanged. Without a non-linearity between "
            "them, stacked layers would collapse into one linear map.",
            "Inference → Feature maps of a ReLU: click a pixel"),
    Concept("receptive", "Receptive field",
            "How many input pixels one output pixel depends on: r_out = r_in + (K − 1)·D·j_in, growing with each "
            "conv and pool. VGG-16's last pool sees 212×212 pixels of a 224×224 image.",
            "Summary: the Receptive field and Jump columns"),
    Concept("vgg", "VGG: small kernels stacked",
            "Two 3×3 convs see 5×5 of the input like one 5×5 conv, with 18·C² instead of 25·C² weights and a "
            "ReLU between them.",
            "A conv after a conv: the Inspector states it with your numbers"),
    Concept("resnet", "ResNet: the skip connection",
            "A block adds its input to its output (x + F(x)), so a deep network can keep what earlier layers "
            "found and gradients flow back through the addition; this fixed 'deeper is worse'.",
            "An Add layer of a ResNet template"),
    Concept("batchnorm", "Batch normalisation",
            "Each channel is normalised, y = γ·(x − μ)/√(σ² + ε) + β: μ, σ² of the batch while training, "
            "running averages at test time; γ and β are learned (2·C params).",
            "A BatchNorm layer: Inspector; its pixels in Inference"),
    Concept("dropout", "Dropout",
            "While training each value is zeroed with probability p and the rest scaled by 1/(1 − p); in "
            "evaluation it does nothing. No parameters; it fights over-fitting (AlexNet).",
            "A Dropout layer: the Inspector"),
)


def concepts_html() -> str:
    rows = []
    for c in CONCEPTS:
        rows.append(f"<h4>{html.escape(c.title)}</h4><p>{html.escape(c.text)}<br>"
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
