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
from dataclasses import asdict, dataclass

from . import concept_numbers as N


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

CONCEPTS: tuple[Concept, ...] = (
    # ---- the output of a classifier and its loss -------------------------------------------
    Concept("classification", "Classification vs regression", "分类与回归",
            "Regression predicts a number (a y for an x); classification predicts which of C classes an input "
            "belongs to, as one score per class. Only the output and the loss differ; the layers before them "
            "are the same.",
            "inference:output", "Inference → Output & loss: one score per class"),
    Concept("one-hot", "One-hot label", "独热编码",
            "The true class as a vector with a 1 at its index and 0 elsewhere: class 3 of 10 is "
            "[0,0,0,1,0,0,0,0,0,0]. It already is a probability distribution (all the mass on the true "
            "class): it is the target the prediction is compared with.",
            "inference:output", "Inference → Output & loss: choose the true class, see y",
            misconception=f"The label needs no softmax: softmax([1, 0, 0, 0]) = {_V['softmax_onehot']}, "
                          "which would blur the label. Softmax is applied to the network's scores only.",
            note="y=torch.tensor([1,0,0,0]) … soft = nn.Softmax(dim=-1) #将向量变成概率分布"),
    Concept("softmax", "Softmax: scores → probabilities", "Softmax（归一化指数函数）",
            "The network's last layer gives one score (logit) z_i per class. Softmax turns them into a "
            "distribution p_i = e^(z_i) / Σ_j e^(z_j): every p_i > 0, they sum to 1, and each depends on all "
            "the scores (it is not element-wise).",
            "inference:output", "Inference → Output & loss: logits, e^z, Σ and p for your image",
            misconception="Softmax turns the prediction (logits) into probabilities; the one-hot label is "
                          f"already a distribution (softmax([1, 0, 0, 0]) = {_V['softmax_onehot']}). "
                          "nn.CrossEntropyLoss applies log-softmax itself: give it raw logits.",
            note="让标签变成概率分布，然后求分布之间的loss nn.softmax()"),
    Concept("cross-entropy", "Cross-entropy loss", "交叉熵",
            "The loss between the one-hot label y and the prediction p: −Σ y_i·log p_i. Only the true class "
            "has y = 1, so it is −log p_true: 0 when the model is sure and right, large when it is sure and "
            f"wrong. An untrained 10-class model scores about ln 10 = {_V['ln10']}.",
            "inference:output", "Inference → Output & loss with the true class chosen"),
    Concept("distribution", "Why a distribution, not a class number", "概率分布",
            "Classes have no order: '7' is not between '6' and '8' for a classifier, so an output that is "
            "'closest to a class number' would invent distances. One score per class, a softmax and the index "
            "of the largest probability (argmax) give the class.",
            "inference:output", "Inference → Output & loss",
            misconception="Not 'output one number and take the nearest class': one score per class, argmax.",
            note="误区：输出一个类别，结果离谁近就属于哪一类"),
    Concept("chance-level", "Where the loss starts: ln C", "初始损失（随机猜测）",
            "Before training the probabilities are nearly equal, 1/C each, so the loss is −log(1/C) = ln C "
            f"(ln 10 = {_V['ln10']}). The loss plot marks it; a run that stays there learns nothing.",
            "training:loss", "Training: the dashed chance line on the loss plot"),
    # ---- the layers ------------------------------------------------------------------------
    Concept("linear", "Fully connected layer: y = Wx + b", "全连接层（线性层）",
            "nn.Linear(in, out) multiplies the input vector by a weight matrix W (out × in) and adds a bias "
            f"b: in·out + out parameters. LeNet-5's fc1 maps 400 features to 120: {_V['lenet_fc1_params']} "
            "parameters. Stacked Linear layers need a non-linearity between them, or they are one matrix.",
            "inspector:Linear", "Select a Linear layer: the Inspector fills in in·out + out",
            misconception="Linear does not 'freely change the matrix dimensions': it maps a vector of "
                          "in_features to out_features, and needs the exact in_features it receives.",
            note="nn.Linear 作用：随意转换矩阵的维度"),
    Concept("flatten", "Flatten: maps → one vector", "展平",
            f"Before the first Linear, the C×H×W feature maps are laid out as one vector of C·H·W values: "
            f"LeNet-5's 16×5×5 maps become {_V['flat']} features. Nothing is learned or lost; only the "
            "shape changes.",
            "inspector:Flatten", "Select the Flatten layer: the Inspector shows C·H·W"),
    Concept("convolution", "Convolution layer and its kernel", "卷积层 / 卷积核",
            "A kernel of K×K×C_in weights slides over the input; at each position the patch times the kernel, "
            "summed, plus a bias, gives one output pixel. The kernel has the depth (厚度) of its input.",
            "inference:maps:Conv2d", "Inference → Feature maps: click a pixel of a convolution"),
    Concept("conv2d-arguments", "Conv2d(a, b, c): in, out, kernel", "卷积层参数",
            "nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0): nn.Conv2d(3, 64, 3) "
            "reads 3 channels and writes 64 maps with 3×3 kernels.",
            "inspector:Conv2d", "Select a Conv2d: its parameters in the Inspector",
            misconception="The three numbers are in_channels, out_channels and kernel_size, not "
                          "channels, height and width.",
            note="convd(a, b, c,)三个参数分别表示维度、高度、宽度"),
    Concept("conv-output-size", "Output size of a convolution", "卷积输出尺寸",
            "For input size I, kernel K, padding P, stride S: O = floor((I − K + 2P)/S) + 1 (PyTorch's general "
            f"form adds dilation and ceil_mode). LeNet's conv1: floor((32 − 5 + 0)/1) + 1 = "
            f"{_V['lenet_conv1_out']}.",
            "inspector:Conv2d", "Select a Conv2d: the Inspector fills in the formula"),
    Concept("conv-parameters", "Parameters of a convolution", "卷积核参数量",
            "Each of the C_out kernels is K×K×C_in weights plus one bias: params = K·K·C_in·C_out + C_out. "
            f"LeNet's conv2: 5·5·6·16 + 16 = {_V['lenet_conv2_params']}. The size of the image does not matter.",
            "summary", "Select a Conv2d: Inspector and the Summary's Params column"),
    Concept("feature-map", "One kernel → one feature map", "特征图",
            "A kernel slides over the input; at each position the patch times the kernel, summed, plus the bias "
            "gives one pixel. All positions of one kernel make one feature map, so C_out kernels make C_out maps.",
            "inference:overview", "Inference → Overview: every layer's maps for your image; click one"),
    Concept("zero-padding", "Zero padding", "零填充",
            "Zeros added around the input so the kernel can be centred on border pixels: padding P adds P rows "
            "and P columns on every side (2P in all each way); a 3×3 kernel, stride 1, padding 1 keeps the "
            f"size (28 → {_V['pad_out']}).",
            "inference:maps:ZeroPad2d,Conv2d", "A padded layer: Inspector; its border pixels in Feature maps",
            misconception="The zero is added to the normalised input, so it is the mean colour, not black: "
                          f"with ImageNet's mean and std a padding zero is the RGB grey {_V['grey']}.",
            note="因为卷积之后的矩阵会变小，所以需要填充0（即使用ZeroPadding）"),
    Concept("stride", "Stride: a step larger than 1", "步幅",
            "The kernel moves S pixels at a time, so the map shrinks about S times each way: a 3×3 conv with "
            f"padding 1 and stride 2 turns 32×32 into {_V['stride2_out']}×{_V['stride2_out']}. One of two ways "
            "to down-sample; unlike pooling it is learned with the kernel.",
            "inspector:Conv2d", "Select a Conv2d and set stride 2: H_out in the Inspector",
            misconception="A strided convolution does not add computation compared with stride 1: it "
                          "computes S² times fewer outputs. What it loses are the skipped positions.",
            note="扩大步长：缺点：会丢失信息，还会引入计算"),
    Concept("pooling", "Pooling has no parameters", "池化层（最大池化 / 平均池化）",
            "Max pooling keeps the largest value of each window, average pooling the mean; nothing is learned "
            f"(params = 0). With a 2×2 window and stride 2 the map halves (28 → {_V['pool2_out']}). "
            "MaxPool2d(3, 2) is a 3×3 window moved 2 pixels at a time.",
            "inspector:MaxPool2d,AvgPool2d,AdaptiveAvgPool2d,AdaptiveMaxPool2d",
            "Select a pooling layer; click a pixel of its maps in Inference",
            misconception=f"MaxPool2d(7) looks at a 7×7 window, {_V['pool7']} values, not 7.",
            note="可以用maxpooling(7) #7表示7个数中取最大值"),
    Concept("adaptive-pooling", "Adaptive pooling: a fixed output size", "自适应池化",
            "AdaptiveAvgPool2d(O) computes its windows from the input size I: window i covers "
            "floor(i·I/O) … ceil((i+1)·I/O) − 1. For 13 → 6 (AlexNet) the rows are "
            f"{_V['adaptive']}: overlapping windows of 3, so any input size gives O×O.",
            "inspector:AdaptiveAvgPool2d,AdaptiveMaxPool2d", "Select an adaptive pool: the Inspector"),
    Concept("receptive-field", "Receptive field", "感受野",
            "How many input pixels one output pixel depends on: r_out = r_in + (K − 1)·D·j_in, growing with each "
            "conv and pool. VGG-16's last pool sees 212×212 pixels of a 224×224 image.",
            "summary", "Summary: the Receptive field and Jump columns; hover a pixel in Overview"),
    Concept("relu", "ReLU", "ReLU 激活函数",
            "f(x) = max(0, x): negatives become 0, positives pass unchanged, and its slope is 1 wherever it is "
            "positive, so gradients pass deep networks (AlexNet, 2012). Without a non-linearity between them, "
            "stacked layers would collapse into one linear map.",
            "inference:maps:ReLU", "Inference → Feature maps of a ReLU: click a pixel"),
    Concept("dropout", "Dropout", "随机失活（Dropout）",
            "While training each value is zeroed with probability p and the rest scaled by 1/(1 − p) (p = 0.5: "
            "×2); in evaluation it does nothing. No parameters; it fights over-fitting (AlexNet).",
            "inspector:Dropout,Dropout2d", "A Dropout layer: the Inspector; the dropout experiment",
            misconception="Dropout zeroes activations (not neurons chosen once) anew at every step, and only "
                          "while training.",
            note="使用Dropout 随机选取神经元 缓解过拟合"),
    Concept("batchnorm", "Batch normalisation", "批归一化",
            "Each channel is normalised, y = γ·(x − μ)/√(σ² + ε) + β: μ, σ² of the batch while training, "
            "running averages at test time; γ and β are learned (2·C params). Ioffe & Szegedy, 2015.",
            "inspector:BatchNorm", "A BatchNorm layer: Inspector; its pixels in Inference",
            misconception="BatchNorm (2015) is not an AlexNet (2012) innovation: AlexNet used local "
                          "response normalisation (LRN); VGG and ResNet-era nets use BN.",
            note="AlexNet 创新点：4）归一化 … Batch Norm 批归一化"),
    Concept("residual", "Residual (skip) connection", "残差连接",
            "A block adds its input to its output, y = x + F(x): the maps must have the same shape (a 1×1 "
            "conv matches them when not). ∂y/∂x = 1 + F'(x), so the gradient has a path that never shrinks.",
            "inspector:Add", "An Add layer of a ResNet template; its two inputs in Inference → Overview"),
    Concept("small-kernels", "Small kernels stacked", "小卷积核堆叠",
            f"Two 3×3 convs see {_V['rf2']}×{_V['rf2']} like one 5×5, three see {_V['rf3']}×{_V['rf3']} like "
            f"one 7×7. For 64 → 64 channels: {_V['two3']} weights instead of {_V['one5']} ({_V['save5']} "
            f"fewer) and {_V['three3']} instead of {_V['one7']} ({_V['save7']} fewer), with a ReLU between.",
            "experiment:small-kernels", "The small-kernels experiment; a conv after a conv in the Inspector",
            misconception="Stacked small kernels SAVE parameters (18·C² < 25·C²); they do not 'share' them: "
                          "every kernel has its own weights.",
            note="VGGNet：用小的卷积核代替更大的卷积核，并且能做到参数量共享"),
    # ---- training --------------------------------------------------------------------------
    Concept("data-split", "Training, validation and test sets", "训练集 / 验证集 / 测试集",
            "The model learns from the training set; the validation set chooses settings and the best epoch; "
            "the test set is looked at once, at the end, for an honest score. The studio holds out 10% + 10% "
            "by default.",
            "training:data", "Training → Dataset: the Validation and Test fractions"),
    Concept("gradient-descent", "Gradient descent", "梯度下降",
            "Each step moves every weight against its gradient: w ← w − lr·∂L/∂w. With w = 2, ∂L/∂w = 0.5 and "
            f"lr = 0.1: w becomes {_V['gd_step']}. The learning rate sets the step size.",
            "training:loss", "Training: the learning rate, and the loss falling step by step"),
    Concept("backprop", "Forward and backward pass", "前向传播 / 反向传播",
            "Forward: input → layers → loss. Backward (loss.backward()): the chain rule from the loss back to "
            "the input, giving ∂L/∂w for every weight; the optimiser's step() then updates them.",
            "gradient-flow", "Gradient flow: each layer's gradient norm while training"),
    Concept("vanishing-gradients", "Vanishing gradients", "梯度消失",
            f"Backprop multiplies one factor per layer. Sigmoid's slope is at most {_V['sig_slope']}, so 20 "
            f"layers can shrink the gradient by {_V['sig20']}: the first layers stop learning. ReLU with He "
            "initialisation, BatchNorm and residual connections keep the factors near 1.",
            "experiment:vanishing-gradients", "The vanishing-gradients experiment: the per-layer gradient plot"),
    Concept("exploding-gradients", "Exploding gradients", "梯度爆炸",
            f"The same product with factors above 1 grows: 1.5 per layer over 20 layers is ×{_V['grow20']}. "
            "Weights jump, the loss becomes NaN or Inf. Gradient clipping, a lower learning rate, BatchNorm "
            "or a careful initialisation stop it.",
            "experiment:exploding-gradients", "The exploding-gradients experiment: the NaN loss, and BatchNorm"),
    # ---- the history -----------------------------------------------------------------------
    Concept("lenet", "LeNet-5 (1998)", "LeNet（手写数字识别网络）",
            "LeCun et al.: conv → pool → conv → pool → three fully connected layers, for 32×32 digits; "
            f"{_V['lenet_total']} parameters as built here. The pattern every later CNN follows.",
            "template:lenet5", "File → New from template: LeNet-5's card and counts"),
    Concept("alexnet", "AlexNet (2012)", "AlexNet（经典神经网络）",
            "Krizhevsky, Sutskever, Hinton won ImageNet 2012 with 8 layers on two GPUs: ReLU instead of tanh "
            "(faster training), dropout in the fully connected layers, overlapping max pooling (3, 2), data "
            "augmentation, and local response normalisation (LRN, not BatchNorm).",
            "template:alexnet", "File → New from template: AlexNet's card; the relu-vs-tanh experiment",
            misconception="AlexNet's normalisation was LRN; BatchNorm came three years later (2015).",
            note="②.AlexNet … 4）归一化 … Batch Norm 批归一化"),
    Concept("zfnet", "ZFNet (2013)", "ZFNet（可视化卷积网络）",
            "Zeiler & Fergus visualised what each layer of AlexNet responds to, saw dead and aliased first-layer "
            "filters, and fixed them: conv1 7×7 with stride 2 instead of 11×11 with stride 4.",
            "inference:overview", "Inference → Overview: what every layer responds to, as Zeiler & Fergus did"),
    Concept("vgg", "VGG (2014)", "VGGNet（小卷积核深层网络）",
            "Simonyan & Zisserman: only 3×3 convolutions and 2×2 pools, stacked 16 or 19 layers deep; small "
            "kernels save parameters for the same receptive field (see small kernels).",
            "template:vgg16", "File → New from template: VGG-16's card"),
    Concept("resnet", "ResNet (2015)", "ResNet（残差网络）",
            "He et al.: deeper plain networks trained worse (degradation, not over-fitting). Residual blocks "
            "x + F(x) fixed it: 152 layers won ImageNet 2015.",
            "inspector:Add", "An Add layer of a ResNet template; the degradation experiment"),
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
