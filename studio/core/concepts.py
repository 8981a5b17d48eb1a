"""The concepts of a first CNN course (the ideas of the course notes a student brings: one-hot,
softmax, cross-entropy, nn.Linear, Flatten, convolution arithmetic, padding, stride, pooling,
gradient descent, backprop, vanishing and exploding gradients, LeNet → ResNet), each with its
Chinese term, a short explanation, the misconception it corrects where the notes hold one, and
``shows``: the place in the studio that shows it with live numbers.

One source for Help → Concepts (studio/gui/dialogs/concepts.py, concept_links.py) and
``cnn-studio concepts``; pure Python (no torch, no Qt). Numbers in the texts are computed by
studio/core/concept_numbers.py, not typed.

``shows`` is a place, ``KIND[:ARG]``:

* ``inference:output`` the Output & loss view; ``inference:maps:TYPE[,TYPE]`` the feature maps of
  the first layer of a type; ``inference:overview`` every layer's maps for one image
* ``inspector:TYPE[,TYPE]`` the first layer of a type selected, its formula in the Inspector
* ``summary`` the Summary table (params, receptive field, jump); ``training:loss`` the loss plot;
  ``training:data`` the dataset box (the split); ``gradient-flow`` the per-layer gradient view
* ``experiment:NAME`` the Experiments window on one experiment; ``template:NAME`` the template
  gallery on one template (paper, year, live parameter count)
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Callable

from . import concept_numbers as N
from .i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Concept:
    id: str
    title: str
    zh: str  # the term in a Chinese CNN course
    text: str
    shows: str  # a place in the studio, see the module docstring
    link: str  # what the place shows, in words
    misconception: str = ""  # what the notes got wrong, corrected ("" when nothing)
    note: str = ""  # the notes' own words (Chinese) the misconception quotes

    def to_dict(self) -> dict:
        return asdict(self)


def _numbers() -> dict[str, str]:
    sm = N.softmax([1, 0, 0, 0])
    le = N.lenet5_params()
    c = 64
    win = N.adaptive_windows(13, 6)
    grey = tuple(N.grey_of_zero(m, s) for m, s in zip(N.IMAGENET_MEAN, N.IMAGENET_STD))
    s = N.sigmoid_slope_max()
    return {
        "softmax_onehot": N.fmt_list(sm),
        "ln10": f"{math.log(10):.2f}",
        "lenet_conv1_out": str(N.conv_out(32, 5)),
        "lenet_conv2_params": N.fmt_int(le["conv2"]),
        "lenet_fc1_params": N.fmt_int(le["fc1"]),
        "lenet_total": N.fmt_int(sum(le.values())),
        "pool7": str(7 * 7),
        "stride2_out": str(N.conv_out(32, 3, 1, 2)),
        "pool2_out": str(N.conv_out(28, 2, 0, 2)),
        "two3": N.fmt_int(2 * N.conv_params(3, c, c, bias=False)),
        "one5": N.fmt_int(N.conv_params(5, c, c, bias=False)),
        "three3": N.fmt_int(3 * N.conv_params(3, c, c, bias=False)),
        "one7": N.fmt_int(N.conv_params(7, c, c, bias=False)),
        "save5": f"{100 * (1 - 18 / 25):.0f}%",
        "save7": f"{100 * (1 - 27 / 49):.0f}%",
        "rf2": str(N.stacked_receptive(3, 2)),
        "rf3": str(N.stacked_receptive(3, 3)),
        "adaptive": ", ".join(f"{a}–{b - 1}" for a, b in win),
        "grey": f"({grey[0]}, {grey[1]}, {grey[2]})",
        "gd_step": f"{2.0 - 0.1 * 0.5:.2f}",
        "sig_slope": f"{s:.2f}",
        "sig20": f"{s ** 20:.1e}",
        "grow20": N.fmt_int(round(1.5 ** 20)),
        "flat": N.fmt_int(16 * 5 * 5),
        "pad_out": str(N.conv_out(28, 3, 1)),
    }


_V = _numbers()
#: id -> (text, misconception) as marked for translation: templates whose {names} are _V's numbers
_SOURCE: dict[str, tuple[str, str]] = {}


def _c(cid: str, title: str, zh: str, text: str, shows: str, link: str, misconception: str = "",
       note: str = "") -> Concept:
    """A concept whose text and misconception are templates filled in with the computed numbers
    (the English kept as filled; :func:`localized` translates the template, then fills it)."""
    _SOURCE[cid] = (text, misconception)
    return Concept(cid, title, zh, text.format(**_V), shows, link, misconception.format(**_V), note)


CONCEPTS: tuple[Concept, ...] = (
    # ---- the output of a classifier and its loss -------------------------------------------
    _c("classification", QT_TRANSLATE_NOOP("Concepts", "Classification vs regression"), "分类与回归",
       QT_TRANSLATE_NOOP("Concepts", "Regression predicts a number (a y for an x); classification predicts which "
                                     "of C classes an input belongs to, as one score per class. Only the output "
                                     "and the loss differ; the layers before them are the same."),
       "inference:output",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Output & loss: one score per class")),
    _c("one-hot", QT_TRANSLATE_NOOP("Concepts", "One-hot label"), "独热编码",
       QT_TRANSLATE_NOOP("Concepts", "The true class as a vector with a 1 at its index and 0 elsewhere: class 3 "
                                     "of 10 is [0,0,0,1,0,0,0,0,0,0]. It already is a probability distribution "
                                     "(all the mass on the true class): it is the target the prediction is "
                                     "compared with."),
       "inference:output",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Output & loss: choose the true class, see y"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "The label needs no softmax: softmax([1, 0, 0, 0]) = "
                                                   "{softmax_onehot}, which would blur the label. Softmax is "
                                                   "applied to the network's scores only."),
       note="y=torch.tensor([1,0,0,0]) … soft = nn.Softmax(dim=-1) #将向量变成概率分布"),
    _c("softmax", QT_TRANSLATE_NOOP("Concepts", "Softmax: scores → probabilities"), "Softmax（归一化指数函数）",
       QT_TRANSLATE_NOOP("Concepts", "The network's last layer gives one score (logit) z_i per class. Softmax "
                                     "turns them into a distribution p_i = e^(z_i) / Σ_j e^(z_j): every p_i > 0, "
                                     "they sum to 1, and each depends on all the scores (it is not element-wise)."),
       "inference:output",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Output & loss: logits, e^z, Σ and p for your image"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "Softmax turns the prediction (logits) into probabilities; "
                                                   "the one-hot label is already a distribution (softmax([1, 0, "
                                                   "0, 0]) = {softmax_onehot}). nn.CrossEntropyLoss applies "
                                                   "log-softmax itself: give it raw logits."),
       note="让标签变成概率分布，然后求分布之间的loss nn.softmax()"),
    _c("cross-entropy", QT_TRANSLATE_NOOP("Concepts", "Cross-entropy loss"), "交叉熵",
       QT_TRANSLATE_NOOP("Concepts", "The loss between the one-hot label y and the prediction p: −Σ y_i·log p_i. "
                                     "Only the true class has y = 1, so it is −log p_true: 0 when the model is "
                                     "sure and right, large when it is sure and wrong. An untrained 10-class "
                                     "model scores about ln 10 = {ln10}."),
       "inference:output",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Output & loss with the true class chosen")),
    _c("distribution", QT_TRANSLATE_NOOP("Concepts", "Why a distribution, not a class number"), "概率分布",
       QT_TRANSLATE_NOOP("Concepts", "Classes have no order: '7' is not between '6' and '8' for a classifier, so "
                                     "an output that is 'closest to a class number' would invent distances. One "
                                     "score per class, a softmax and the index of the largest probability "
                                     "(argmax) give the class."),
       "inference:output",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Output & loss"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "Not 'output one number and take the nearest class': one "
                                                   "score per class, argmax."),
       note="误区：输出一个类别，结果离谁近就属于哪一类"),
    _c("chance-level", QT_TRANSLATE_NOOP("Concepts", "Where the loss starts: ln C"), "初始损失（随机猜测）",
       QT_TRANSLATE_NOOP("Concepts", "Before training the probabilities are nearly equal, 1/C each, so the loss "
                                     "is −log(1/C) = ln C (ln 10 = {ln10}). The loss plot marks it; a run that "
                                     "stays there learns nothing."),
       "training:loss",
       QT_TRANSLATE_NOOP("Concepts", "Training: the dashed chance line on the loss plot")),
    # ---- the layers ------------------------------------------------------------------------
    _c("linear", QT_TRANSLATE_NOOP("Concepts", "Fully connected layer: y = Wx + b"), "全连接层（线性层）",
       QT_TRANSLATE_NOOP("Concepts", "nn.Linear(in, out) multiplies the input vector by a weight matrix W (out × "
                                     "in) and adds a bias b: in·out + out parameters. LeNet-5's fc1 maps 400 "
                                     "features to 120: {lenet_fc1_params} parameters. Stacked Linear layers need "
                                     "a non-linearity between them, or they are one matrix."),
       "inspector:Linear",
       QT_TRANSLATE_NOOP("Concepts", "Select a Linear layer: the Inspector fills in in·out + out"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "Linear does not 'freely change the matrix dimensions': it "
                                                   "maps a vector of in_features to out_features, and needs the "
                                                   "exact in_features it receives."),
       note="nn.Linear 作用：随意转换矩阵的维度"),
    _c("flatten", QT_TRANSLATE_NOOP("Concepts", "Flatten: maps → one vector"), "展平",
       QT_TRANSLATE_NOOP("Concepts", "Before the first Linear, the C×H×W feature maps are laid out as one vector "
                                     "of C·H·W values: LeNet-5's 16×5×5 maps become {flat} features. Nothing is "
                                     "learned or lost; only the shape changes."),
       "inspector:Flatten",
       QT_TRANSLATE_NOOP("Concepts", "Select the Flatten layer: the Inspector shows C·H·W")),
    _c("convolution", QT_TRANSLATE_NOOP("Concepts", "Convolution layer and its kernel"), "卷积层 / 卷积核",
       QT_TRANSLATE_NOOP("Concepts", "A kernel of K×K×C_in weights slides over the input; at each position the "
                                     "patch times the kernel, summed, plus a bias, gives one output pixel. The "
                                     "kernel has the depth (厚度) of its input."),
       "inference:maps:Conv2d",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Feature maps: click a pixel of a convolution")),
    _c("conv2d-arguments", QT_TRANSLATE_NOOP("Concepts", "Conv2d(a, b, c): in, out, kernel"), "卷积层参数",
       QT_TRANSLATE_NOOP("Concepts", "nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0): "
                                     "nn.Conv2d(3, 64, 3) reads 3 channels and writes 64 maps with 3×3 kernels."),
       "inspector:Conv2d",
       QT_TRANSLATE_NOOP("Concepts", "Select a Conv2d: its parameters in the Inspector"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "The three numbers are in_channels, out_channels and "
                                                   "kernel_size, not channels, height and width."),
       note="convd(a, b, c,)三个参数分别表示维度、高度、宽度"),
    _c("conv-output-size", QT_TRANSLATE_NOOP("Concepts", "Output size of a convolution"), "卷积输出尺寸",
       QT_TRANSLATE_NOOP("Concepts", "For input size I, kernel K, padding P, stride S: O = floor((I − K + 2P)/S) "
                                     "+ 1 (PyTorch's general form adds dilation and ceil_mode). LeNet's conv1: "
                                     "floor((32 − 5 + 0)/1) + 1 = {lenet_conv1_out}."),
       "inspector:Conv2d",
       QT_TRANSLATE_NOOP("Concepts", "Select a Conv2d: the Inspector fills in the formula")),
    _c("conv-parameters", QT_TRANSLATE_NOOP("Concepts", "Parameters of a convolution"), "卷积核参数量",
       QT_TRANSLATE_NOOP("Concepts", "Each of the C_out kernels is K×K×C_in weights plus one bias: params = "
                                     "K·K·C_in·C_out + C_out. LeNet's conv2: 5·5·6·16 + 16 = "
                                     "{lenet_conv2_params}. The size of the image does not matter."),
       "summary",
       QT_TRANSLATE_NOOP("Concepts", "Select a Conv2d: Inspector and the Summary's Params column")),
    _c("feature-map", QT_TRANSLATE_NOOP("Concepts", "One kernel → one feature map"), "特征图",
       QT_TRANSLATE_NOOP("Concepts", "A kernel slides over the input; at each position the patch times the "
                                     "kernel, summed, plus the bias gives one pixel. All positions of one kernel "
                                     "make one feature map, so C_out kernels make C_out maps."),
       "inference:overview",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Overview: every layer's maps for your image; click one")),
    _c("zero-padding", QT_TRANSLATE_NOOP("Concepts", "Zero padding"), "零填充",
       QT_TRANSLATE_NOOP("Concepts", "Zeros added around the input so the kernel can be centred on border "
                                     "pixels: padding P adds P rows and P columns on every side (2P in all each "
                                     "way); a 3×3 kernel, stride 1, padding 1 keeps the size (28 → {pad_out})."),
       "inference:maps:ZeroPad2d,Conv2d",
       QT_TRANSLATE_NOOP("Concepts", "A padded layer: Inspector; its border pixels in Feature maps"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "The zero is added to the normalised input, so it is the mean "
                                                   "colour, not black: with ImageNet's mean and std a padding "
                                                   "zero is the RGB grey {grey}."),
       note="因为卷积之后的矩阵会变小，所以需要填充0（即使用ZeroPadding）"),
    _c("stride", QT_TRANSLATE_NOOP("Concepts", "Stride: a step larger than 1"), "步幅",
       QT_TRANSLATE_NOOP("Concepts", "The kernel moves S pixels at a time, so the map shrinks about S times each "
                                     "way: a 3×3 conv with padding 1 and stride 2 turns 32×32 into "
                                     "{stride2_out}×{stride2_out}. One of two ways to down-sample; unlike "
                                     "pooling it is learned with the kernel."),
       "inspector:Conv2d",
       QT_TRANSLATE_NOOP("Concepts", "Select a Conv2d and set stride 2: H_out in the Inspector"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "A strided convolution does not add computation compared with "
                                                   "stride 1: it computes S² times fewer outputs. What it loses "
                                                   "are the skipped positions."),
       note="扩大步长：缺点：会丢失信息，还会引入计算"),
    _c("pooling", QT_TRANSLATE_NOOP("Concepts", "Pooling has no parameters"), "池化层（最大池化 / 平均池化）",
       QT_TRANSLATE_NOOP("Concepts", "Max pooling keeps the largest value of each window, average pooling the "
                                     "mean; nothing is learned (params = 0). With a 2×2 window and stride 2 the "
                                     "map halves (28 → {pool2_out}). MaxPool2d(3, 2) is a 3×3 window moved 2 "
                                     "pixels at a time."),
       "inspector:MaxPool2d,AvgPool2d,AdaptiveAvgPool2d,AdaptiveMaxPool2d",
       QT_TRANSLATE_NOOP("Concepts", "Select a pooling layer; click a pixel of its maps in Inference"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "MaxPool2d(7) looks at a 7×7 window, {pool7} values, not 7."),
       note="可以用maxpooling(7) #7表示7个数中取最大值"),
    _c("adaptive-pooling", QT_TRANSLATE_NOOP("Concepts", "Adaptive pooling: a fixed output size"), "自适应池化",
       QT_TRANSLATE_NOOP("Concepts", "AdaptiveAvgPool2d(O) computes its windows from the input size I: window i "
                                     "covers floor(i·I/O) … ceil((i+1)·I/O) − 1. For 13 → 6 (AlexNet) the rows "
                                     "are {adaptive}: overlapping windows of 3, so any input size gives O×O."),
       "inspector:AdaptiveAvgPool2d,AdaptiveMaxPool2d",
       QT_TRANSLATE_NOOP("Concepts", "Select an adaptive pool: the Inspector")),
    _c("receptive-field", QT_TRANSLATE_NOOP("Concepts", "Receptive field"), "感受野",
       QT_TRANSLATE_NOOP("Concepts", "How many input pixels one output pixel depends on: r_out = r_in + (K − "
                                     "1)·D·j_in, growing with each conv and pool. VGG-16's last pool sees "
                                     "212×212 pixels of a 224×224 image."),
       "summary",
       QT_TRANSLATE_NOOP("Concepts", "Summary: the Receptive field and Jump columns; hover a pixel in Overview")),
    _c("relu", QT_TRANSLATE_NOOP("Concepts", "ReLU"), "ReLU 激活函数",
       QT_TRANSLATE_NOOP("Concepts", "f(x) = max(0, x): negatives become 0, positives pass unchanged, and its "
                                     "slope is 1 wherever it is positive, so gradients pass deep networks "
                                     "(AlexNet, 2012). Without a non-linearity between them, stacked layers "
                                     "would collapse into one linear map."),
       "inference:maps:ReLU",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Feature maps of a ReLU: click a pixel")),
    _c("dropout", QT_TRANSLATE_NOOP("Concepts", "Dropout"), "随机失活（Dropout）",
       QT_TRANSLATE_NOOP("Concepts", "While training each value is zeroed with probability p and the rest scaled "
                                     "by 1/(1 − p) (p = 0.5: ×2); in evaluation it does nothing. No parameters; "
                                     "it fights over-fitting (AlexNet)."),
       "inspector:Dropout,Dropout2d",
       QT_TRANSLATE_NOOP("Concepts", "A Dropout layer: the Inspector; the dropout experiment"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "Dropout zeroes activations (not neurons chosen once) anew at "
                                                   "every step, and only while training."),
       note="使用Dropout 随机选取神经元 缓解过拟合"),
    _c("batchnorm", QT_TRANSLATE_NOOP("Concepts", "Batch normalisation"), "批归一化",
       QT_TRANSLATE_NOOP("Concepts", "Each channel is normalised, y = γ·(x − μ)/√(σ² + ε) + β: μ, σ² of the "
                                     "batch while training, running averages at test time; γ and β are learned "
                                     "(2·C params). Ioffe & Szegedy, 2015."),
       "inspector:BatchNorm",
       QT_TRANSLATE_NOOP("Concepts", "A BatchNorm layer: Inspector; its pixels in Inference"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "BatchNorm (2015) is not an AlexNet (2012) innovation: "
                                                   "AlexNet used local response normalisation (LRN); VGG and "
                                                   "ResNet-era nets use BN."),
       note="AlexNet 创新点：4）归一化 … Batch Norm 批归一化"),
    _c("residual", QT_TRANSLATE_NOOP("Concepts", "Residual (skip) connection"), "残差连接",
       QT_TRANSLATE_NOOP("Concepts", "A block adds its input to its output, y = x + F(x): the maps must have the "
                                     "same shape (a 1×1 conv matches them when not). ∂y/∂x = 1 + F'(x), so the "
                                     "gradient has a path that never shrinks."),
       "inspector:Add",
       QT_TRANSLATE_NOOP("Concepts", "An Add layer of a ResNet template; its two inputs in Inference → Overview")),
    _c("small-kernels", QT_TRANSLATE_NOOP("Concepts", "Small kernels stacked"), "小卷积核堆叠",
       QT_TRANSLATE_NOOP("Concepts", "Two 3×3 convs see {rf2}×{rf2} like one 5×5, three see {rf3}×{rf3} like one "
                                     "7×7. For 64 → 64 channels: {two3} weights instead of {one5} ({save5} "
                                     "fewer) and {three3} instead of {one7} ({save7} fewer), with a ReLU between."),
       "experiment:small-kernels",
       QT_TRANSLATE_NOOP("Concepts", "The small-kernels experiment; a conv after a conv in the Inspector"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "Stacked small kernels SAVE parameters (18·C² < 25·C²); they "
                                                   "do not 'share' them: every kernel has its own weights."),
       note="VGGNet：用小的卷积核代替更大的卷积核，并且能做到参数量共享"),
    # ---- training --------------------------------------------------------------------------
    _c("data-split", QT_TRANSLATE_NOOP("Concepts", "Training, validation and test sets"), "训练集 / 验证集 / 测试集",
       QT_TRANSLATE_NOOP("Concepts", "The model learns from the training set; the validation set chooses "
                                     "settings and the best epoch; the test set is looked at once, at the end, "
                                     "for an honest score. The studio holds out 10% + 10% by default."),
       "training:data",
       QT_TRANSLATE_NOOP("Concepts", "Training → Dataset: the Validation and Test fractions")),
    _c("gradient-descent", QT_TRANSLATE_NOOP("Concepts", "Gradient descent"), "梯度下降",
       QT_TRANSLATE_NOOP("Concepts", "Each step moves every weight against its gradient: w ← w − lr·∂L/∂w. With "
                                     "w = 2, ∂L/∂w = 0.5 and lr = 0.1: w becomes {gd_step}. The learning rate "
                                     "sets the step size."),
       "training:loss",
       QT_TRANSLATE_NOOP("Concepts", "Training: the learning rate, and the loss falling step by step")),
    _c("backprop", QT_TRANSLATE_NOOP("Concepts", "Forward and backward pass"), "前向传播 / 反向传播",
       QT_TRANSLATE_NOOP("Concepts", "Forward: input → layers → loss. Backward (loss.backward()): the chain rule "
                                     "from the loss back to the input, giving ∂L/∂w for every weight; the "
                                     "optimiser's step() then updates them."),
       "gradient-flow",
       QT_TRANSLATE_NOOP("Concepts", "Gradient flow: each layer's gradient norm while training")),
    _c("vanishing-gradients", QT_TRANSLATE_NOOP("Concepts", "Vanishing gradients"), "梯度消失",
       QT_TRANSLATE_NOOP("Concepts", "Backprop multiplies one factor per layer. Sigmoid's slope is at most "
                                     "{sig_slope}, so 20 layers can shrink the gradient by {sig20}: the first "
                                     "layers stop learning. ReLU with He initialisation, BatchNorm and residual "
                                     "connections keep the factors near 1."),
       "experiment:vanishing-gradients",
       QT_TRANSLATE_NOOP("Concepts", "The vanishing-gradients experiment: the per-layer gradient plot")),
    _c("exploding-gradients", QT_TRANSLATE_NOOP("Concepts", "Exploding gradients"), "梯度爆炸",
       QT_TRANSLATE_NOOP("Concepts", "The same product with factors above 1 grows: 1.5 per layer over 20 layers "
                                     "is ×{grow20}. Weights jump, the loss becomes NaN or Inf. Gradient "
                                     "clipping, a lower learning rate, BatchNorm or a careful initialisation "
                                     "stop it."),
       "experiment:exploding-gradients",
       QT_TRANSLATE_NOOP("Concepts", "The exploding-gradients experiment: the NaN loss, and BatchNorm")),
    # ---- the history -----------------------------------------------------------------------
    _c("lenet", QT_TRANSLATE_NOOP("Concepts", "LeNet-5 (1998)"), "LeNet（手写数字识别网络）",
       QT_TRANSLATE_NOOP("Concepts", "LeCun et al.: conv → pool → conv → pool → three fully connected layers, "
                                     "for 32×32 digits; {lenet_total} parameters as built here. The pattern "
                                     "every later CNN follows."),
       "template:lenet5",
       QT_TRANSLATE_NOOP("Concepts", "File → New from template: LeNet-5's card and counts")),
    _c("alexnet", QT_TRANSLATE_NOOP("Concepts", "AlexNet (2012)"), "AlexNet（经典神经网络）",
       QT_TRANSLATE_NOOP("Concepts", "Krizhevsky, Sutskever, Hinton won ImageNet 2012 with 8 layers on two GPUs: "
                                     "ReLU instead of tanh (faster training), dropout in the fully connected "
                                     "layers, overlapping max pooling (3, 2), data augmentation, and local "
                                     "response normalisation (LRN, not BatchNorm)."),
       "template:alexnet",
       QT_TRANSLATE_NOOP("Concepts", "File → New from template: AlexNet's card; the relu-vs-tanh experiment"),
       misconception=QT_TRANSLATE_NOOP("Concepts", "AlexNet's normalisation was LRN; BatchNorm came three years "
                                                   "later (2015)."),
       note="②.AlexNet … 4）归一化 … Batch Norm 批归一化"),
    _c("zfnet", QT_TRANSLATE_NOOP("Concepts", "ZFNet (2013)"), "ZFNet（可视化卷积网络）",
       QT_TRANSLATE_NOOP("Concepts", "Zeiler & Fergus visualised what each layer of AlexNet responds to, saw "
                                     "dead and aliased first-layer filters, and fixed them: conv1 7×7 with "
                                     "stride 2 instead of 11×11 with stride 4."),
       "inference:overview",
       QT_TRANSLATE_NOOP("Concepts", "Inference → Overview: what every layer responds to, as Zeiler & Fergus did")),
    _c("vgg", QT_TRANSLATE_NOOP("Concepts", "VGG (2014)"), "VGGNet（小卷积核深层网络）",
       QT_TRANSLATE_NOOP("Concepts", "Simonyan & Zisserman: only 3×3 convolutions and 2×2 pools, stacked 16 or "
                                     "19 layers deep; small kernels save parameters for the same receptive field "
                                     "(see small kernels)."),
       "template:vgg16",
       QT_TRANSLATE_NOOP("Concepts", "File → New from template: VGG-16's card")),
    _c("resnet", QT_TRANSLATE_NOOP("Concepts", "ResNet (2015)"), "ResNet（残差网络）",
       QT_TRANSLATE_NOOP("Concepts", "He et al.: deeper plain networks trained worse (degradation, not "
                                     "over-fitting). Residual blocks x + F(x) fixed it: 152 layers won ImageNet "
                                     "2015."),
       "inspector:Add",
       QT_TRANSLATE_NOOP("Concepts", "An Add layer of a ResNet template; the degradation experiment")),
)

#: ids of the first Help → Concepts, kept so that old links still open
LEGACY_IDS = {"one_hot": "one-hot", "cross_entropy": "cross-entropy", "chance": "chance-level",
              "output_size": "conv-output-size", "params": "conv-parameters", "kernel_map": "convolution",
              "padding": "zero-padding", "receptive": "receptive-field"}

_BY_ID = {c.id: c for c in CONCEPTS}
if len(_BY_ID) != len(CONCEPTS):  # pragma: no cover - a programming error
    raise ValueError("duplicate concept id")


def get_concept(cid: str) -> Concept | None:
    return _BY_ID.get(LEGACY_IDS.get(cid, cid))


def concept_ids() -> list[str]:
    return [c.id for c in CONCEPTS]


#: the labels around a concept's texts (Help → Concepts and ``concepts --lang zh``)
NOT_SO = QT_TRANSLATE_NOOP("Concepts", "Not so:")
SHOW_ME = QT_TRANSLATE_NOOP("Concepts", "Show me: {link}")
THE_NOTES = QT_TRANSLATE_NOOP("Concepts", "(the notes: {note})")
SHOWN_IN = QT_TRANSLATE_NOOP("Concepts", "Shown in the studio: {link}")

Translate = Callable[[str, str], str]


def localized(c: Concept, translate: Translate) -> Concept:
    """``c`` with its title, text, misconception and link passed through ``translate(context,
    text)`` (the window's ``tr_core``, the CLI's ``studio.core.i18n.translate``), the numbers
    filled in after; the Chinese term, the notes' words, the id and the place stay."""
    text, wrong = _SOURCE[c.id]
    return replace(c, title=translate("Concepts", c.title), text=translate("Concepts", text).format(**_V),
                   link=translate("Concepts", c.link),
                   misconception=translate("Concepts", wrong).format(**_V) if wrong else "")


def heading(c: Concept, chinese: bool) -> str:
    """English: "title · 中文"; Chinese (``c`` localized): the Chinese term first, then the
    translated title where it says more than the term."""
    if not chinese:
        return f"{c.title} · {c.zh}"
    if c.title in c.zh:
        return c.zh
    if c.zh in c.title:
        return c.title
    return f"{c.zh} · {c.title}"
