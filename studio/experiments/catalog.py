"""The built-in experiments: the claims that made classic architectures famous, each sized to
run on a 2-core CPU within its budget (docs/experiments.md says what the sizing took)."""
from __future__ import annotations

from studio.core.errors import StudioError
from studio.core.i18n import QT_TRANSLATE_NOOP

from .spec import Experiment, Variant

_SGD = {"optimizer": "sgd", "momentum": 0.9, "scheduler": "none"}

EXPERIMENTS: dict[str, Experiment] = {}


def _add(e: Experiment) -> None:
    if e.name in EXPERIMENTS:
        raise ValueError(f"experiment {e.name!r} registered twice")
    EXPERIMENTS[e.name] = e


_add(Experiment(
    name="relu-vs-tanh", title=QT_TRANSLATE_NOOP("Experiments", "ReLU trains faster than tanh"),
    claim=QT_TRANSLATE_NOOP("Experiments", "A CNN with ReLUs reaches a training-error threshold several times faster than the same CNN "
          "with tanh units."),
    source=QT_TRANSLATE_NOOP("Experiments", "Krizhevsky, Sutskever, Hinton 2012, ImageNet Classification with Deep CNNs, §3.1 and Figure 1 "
           "(25% training error on CIFAR-10 six times faster)"),
    metric=QT_TRANSLATE_NOOP("Experiments", "epochs until the training accuracy reaches 60% (40% training error, 5 classes); ReLU must be "
           "≥ 2× faster"),
    data={"source": "shapes", "shapes": {"count": 1200}}, input_shape=(3, 24, 24),
    training={**_SGD, "epochs": 12, "batch_size": 32, "lr": 0.01},
    variants=(Variant(name="relu", label=QT_TRANSLATE_NOOP("Experiments", "ReLU (He init)"), builder="mlp_head_net",
                      params={"width": 16, "hidden": 128, "act": "ReLU", "convs": 3, "fcs": 1}, init="kaiming"),
              Variant(name="tanh", label=QT_TRANSLATE_NOOP("Experiments", "tanh (Glorot init)"), builder="mlp_head_net",
                      params={"width": 16, "hidden": 128, "act": "Tanh", "convs": 3, "fcs": 1}, init="xavier")),
    verdict="relu_vs_tanh", options={"train_acc": 0.6, "factor": 2.0},
    notes=QT_TRANSLATE_NOOP("Experiments", "Where else it was measured (docs/experiments.md has the table): nine other settings — a 2-conv "
          "net on digits at four learning rates, 8-, 14- and 20-layer plain nets on digits, tanh with He "
          "init, PyTorch's default init, AlexNet's N(0, 0.01) init. ReLU was never ≥ 2× faster; its best "
          "was 1.5× (digits, 2 convs + 1 FC, lr 0.003: 90% training accuracy at epoch 2 vs 3). tanh with "
          "Glorot initialisation does not saturate in nets this small and data this easy, and the speed-up "
          "AlexNet measured (6×, CIFAR-10, 25% training error) comes from tanh saturating; deeper or "
          "faster-trained ReLU nets lose units instead (dead ReLUs at lr ≥ 0.03 in 20 layers).")))

_ALEXNET_NET = {"width": 16, "hidden": 0, "act": "ReLU", "convs": 3, "fcs": 0}
_add(Experiment(
    name="relu-vs-tanh-alexnet", title=QT_TRANSLATE_NOOP("Experiments", "ReLU vs tanh in AlexNet's setting"),
    claim=QT_TRANSLATE_NOOP("Experiments", "With AlexNet's preprocessing (only the mean subtracted: pixels on "
                            "the 0–255 scale) and initialisation (N(0, 0.01) for every layer), a CNN with ReLUs "
                            "reaches a training-error threshold several times faster than the same CNN with tanh "
                            "units at the same learning rate."),
    source=QT_TRANSLATE_NOOP("Experiments", "Krizhevsky, Sutskever, Hinton 2012, §2 (mean subtraction only), "
                             "§5 (N(0, 0.01) weights), §3.1 and Figure 1 (a four-layer CNN without normalisation)"),
    metric=QT_TRANSLATE_NOOP("Experiments", "epochs until the training accuracy reaches 95% (5% training error); "
                             "ReLU must be ≥ 2× faster"),
    data={"source": "digits", "normalize": "mean"}, input_shape=(1, 16, 16),
    training={**_SGD, "epochs": 24, "batch_size": 32, "lr": 0.003},
    variants=(Variant(name="relu", label=QT_TRANSLATE_NOOP("Experiments", "ReLU, N(0, 0.01)"),
                      builder="mlp_head_net", params=_ALEXNET_NET, init="normal"),
              Variant(name="tanh", label=QT_TRANSLATE_NOOP("Experiments", "tanh, N(0, 0.01)"),
                      builder="mlp_head_net", params={**_ALEXNET_NET, "act": "Tanh"}, init="normal")),
    verdict="relu_vs_tanh", options={"train_acc": 0.95, "factor": 2.0},
    notes=QT_TRANSLATE_NOOP("Experiments", "Why it holds here and not in relu-vs-tanh: AlexNet fed its nets "
          "0–255 pixels with only the mean subtracted. Here that puts the first convolution's pre-activations "
          "at a standard deviation of 1.5 (measured), so 31% of the first layer's tanh units start beyond ±0.9 "
          "(mean slope 1 − tanh² = 0.47), while ReLU's slope stays 1 however large the input; tanh's gradients "
          "are smaller from the first step (first layer 0.023 vs 0.034, the others about half) and it moves "
          "slower at the same learning rate. With inputs scaled to unit variance (relu-vs-tanh, and every other "
          "experiment here) tanh does not saturate and trains as fast. What it does not show: tanh at its own "
          "best learning rate. Measured on this net: ReLU reaches 95% at epoch 6 at lr 0.003 and dies at lr "
          "0.01 (at chance from epoch 4); tanh reaches it at epoch 23 at lr 0.003, 10 at 0.01, 5 at 0.03 and 8 "
          "at 0.1. So at each one's best rate tanh is as fast (epoch 5 vs 6): on this data the saturating tanh "
          "net needs a 10× larger learning rate, not more steps. AlexNet chose each net's rate independently "
          "on CIFAR-10; its 6× needs harder data than a 2-core budget allows.")))

_add(Experiment(
    name="dropout", title=QT_TRANSLATE_NOOP("Experiments", "Dropout narrows the train/validation gap"),
    claim=QT_TRANSLATE_NOOP("Experiments", "On a small training set, dropout in the fully connected layers reduces overfitting: the gap "
          "between training and validation accuracy shrinks."),
    source=QT_TRANSLATE_NOOP("Experiments", "Krizhevsky, Sutskever, Hinton 2012, §4.2 (dropout in the first two fully connected layers); "
           "Srivastava et al. 2014, JMLR"),
    metric=QT_TRANSLATE_NOOP("Experiments", "final training accuracy − validation accuracy; dropout must be smaller"),
    data={"source": "digits", "val_fraction": 0.5, "test_fraction": 0.1}, input_shape=(1, 16, 16),
    training={"optimizer": "adam", "scheduler": "none", "epochs": 15, "batch_size": 32, "lr": 1e-3},
    variants=(Variant(name="plain", label=QT_TRANSLATE_NOOP("Experiments", "no dropout"), builder="mlp_head_net", params={"hidden": 256}),
              Variant(name="dropout", label=QT_TRANSLATE_NOOP("Experiments", "dropout p=0.5"), builder="mlp_head_net",
                      params={"hidden": 256, "dropout": 0.5})),
    verdict="dropout"))

_add(Experiment(
    name="batchnorm", title=QT_TRANSLATE_NOOP("Experiments", "Batch Normalization trains in fewer steps"),
    claim=QT_TRANSLATE_NOOP("Experiments", "With Batch Normalization the same network reaches the target accuracy in fewer steps, and "
          "tolerates a higher learning rate."),
    source=QT_TRANSLATE_NOOP("Experiments", "Ioffe & Szegedy 2015, Batch Normalization, §4.2 and Figure 2 (Inception reaches 72.2% in "
           "14× fewer steps; BN-x5 with a 5× learning rate)"),
    metric=QT_TRANSLATE_NOOP("Experiments", "epochs until validation accuracy reaches 90%; with BN must be fewer"),
    data={"source": "digits"}, input_shape=(1, 16, 16),
    training={**_SGD, "epochs": 8, "batch_size": 32, "lr": 0.01},
    variants=(Variant(name="plain", label=QT_TRANSLATE_NOOP("Experiments", "no BN"), params={"depth": 10, "width": 8, "bn": False}, init="kaiming"),
              Variant(name="bn", label=QT_TRANSLATE_NOOP("Experiments", "BN"), params={"depth": 10, "width": 8, "bn": True}, init="kaiming"),
              Variant(name="bn_high_lr", label=QT_TRANSLATE_NOOP("Experiments", "BN, 5× learning rate"), params={"depth": 10, "width": 8, "bn": True},
                      init="kaiming", training={"lr": 0.05})),
    verdict="batchnorm", options={"val_acc": 0.9}))

_add(Experiment(
    name="small-kernels", title=QT_TRANSLATE_NOOP("Experiments", "Stacked 3×3 convolutions instead of one large kernel"),
    claim=QT_TRANSLATE_NOOP("Experiments", "Two stacked 3×3 convolutions see the same 5×5 field as one 5×5 (three see 7×7) with fewer "
          "parameters, and the network is at least as accurate."),
    source=QT_TRANSLATE_NOOP("Experiments", "Simonyan & Zisserman 2015, Very Deep Convolutional Networks (VGG), §2.3; with BatchNorm as in "
           "torchvision's vgg*_bn (Ioffe & Szegedy 2015)"),
    metric=QT_TRANSLATE_NOOP("Experiments", "for each pair, in each setting (without and with BatchNorm): parameters (must be fewer) and best "
           "validation accuracy (at most 1 point lower)"),
    data={"source": "digits"}, input_shape=(1, 16, 16),
    training={"optimizer": "adam", "scheduler": "none", "epochs": 6, "batch_size": 32, "lr": 2e-3},
    variants=(Variant(name="3x3x2", label=QT_TRANSLATE_NOOP("Experiments", "two 3×3"), builder="kernel_net", params={"stack": 2}),
              Variant(name="5x5", label=QT_TRANSLATE_NOOP("Experiments", "one 5×5"), builder="kernel_net", params={"stack": 2, "big": True}),
              Variant(name="3x3x3", label=QT_TRANSLATE_NOOP("Experiments", "three 3×3"), builder="kernel_net", params={"stack": 3}),
              Variant(name="7x7", label=QT_TRANSLATE_NOOP("Experiments", "one 7×7"), builder="kernel_net", params={"stack": 3, "big": True}),
              Variant(name="3x3x2_bn", label=QT_TRANSLATE_NOOP("Experiments", "two 3×3, BN"), builder="kernel_net", params={"stack": 2, "bn": True}),
              Variant(name="5x5_bn", label=QT_TRANSLATE_NOOP("Experiments", "one 5×5, BN"), builder="kernel_net",
                      params={"stack": 2, "big": True, "bn": True}),
              Variant(name="3x3x3_bn", label=QT_TRANSLATE_NOOP("Experiments", "three 3×3, BN"), builder="kernel_net", params={"stack": 3, "bn": True}),
              Variant(name="7x7_bn", label=QT_TRANSLATE_NOOP("Experiments", "one 7×7, BN"), builder="kernel_net",
                      params={"stack": 3, "big": True, "bn": True})),
    verdict="small_kernels", budget_s=300,
    options={"tolerance": 0.01, "pairs": [["3x3x2", "5x5"], ["3x3x3", "7x7"], ["3x3x2_bn", "5x5_bn"],
                                          ["3x3x3_bn", "7x7_bn"]]},
    notes=QT_TRANSLATE_NOOP("Experiments", "Why the setting matters: a stack of small kernels is a deeper network (two or three ReLU layers "
          "for one). Without normalisation, and in 6 epochs, the deeper stack trains slower than the one "
          "large kernel, so it ends less accurate; VGG trained 74 epochs and initialised its deeper nets from "
          "shallower ones. With BatchNorm after each convolution the stack trains as fast, and the saved "
          "parameters cost no accuracy. The parameter saving itself holds in every setting.")))

_add(Experiment(
    name="degradation", title=QT_TRANSLATE_NOOP("Experiments", "Deeper plain nets train worse; residual nets do not"),
    claim=QT_TRANSLATE_NOOP("Experiments", "A deeper plain network has a higher training error than a shallower one (degradation, not "
          "overfitting), and the residual version of the deep network does not; with BatchNorm the deep "
          "plain net's gradients stay healthy, so this is not vanishing gradients."),
    source=QT_TRANSLATE_NOOP("Experiments", "He, Zhang, Ren, Sun 2016, Deep Residual Learning, Figure 1 and Figure 4 (CIFAR-10: plain-56 "
           "above plain-20; ResNets below), §4.1 on gradients with BN"),
    metric=QT_TRANSLATE_NOOP("Experiments", "final training loss: deep plain > shallow plain, deep residual < deep plain; grad-norm ratio "
           "of the deep plain net (last/first layer) near 1"),
    data={"source": "digits"}, input_shape=(1, 16, 16),
    training={**_SGD, "epochs": 6, "batch_size": 64, "lr": 0.05},
    variants=(Variant(name="shallow", label=QT_TRANSLATE_NOOP("Experiments", "plain, 8 layers"), params={"depth": 8, "width": 8, "bn": True},
                      init="kaiming"),
              Variant(name="deep", label=QT_TRANSLATE_NOOP("Experiments", "plain, 44 layers"), params={"depth": 44, "width": 8, "bn": True},
                      init="kaiming"),
              Variant(name="residual", label=QT_TRANSLATE_NOOP("Experiments", "residual, 44 layers"),
                      params={"depth": 44, "width": 8, "bn": True, "residual": True}, init="kaiming")),
    verdict="degradation", options={"healthy_ratio": 10.0}, stats_every=20,
    decided_at=QT_TRANSLATE_NOOP("Experiments", "the end of training for the training losses; the gradient ratio at the first step, before "
               "any update (a property of the architecture and initialisation).")))

_add(Experiment(
    name="vanishing-gradients", title=QT_TRANSLATE_NOOP("Experiments", "Vanishing gradients in deep nets without BatchNorm"),
    claim=QT_TRANSLATE_NOOP("Experiments", "In a 20-layer plain network without normalisation, with sigmoid (or tanh) units, the gradient "
          "at the first layer is many orders of magnitude smaller than at the last; BatchNorm brings the "
          "ratio near 1, and so does ReLU with He initialisation (not with PyTorch's default initialisation)."),
    source=QT_TRANSLATE_NOOP("Experiments", "Glorot & Bengio 2010, Understanding the difficulty of training deep feedforward networks, §4.2; "
           "He et al. 2015, Delving Deep into Rectifiers, §2.2 (He initialisation); Ioffe & Szegedy 2015 §3; "
           "Hochreiter 1991"),
    metric=QT_TRANSLATE_NOOP("Experiments", "gradient norm of the last layer ÷ that of the first, at the first step: sigmoid ≥ 1000, "
           "ReLU + BN and ReLU + He init within 10× of 1"),
    decided_at=QT_TRANSLATE_NOOP("Experiments", "the first training step, before any weight update: the ratio is a property of the "
               "architecture and the initialisation, so more epochs do not change the verdict (the curves "
               "show what training does afterwards)."),
    data={"source": "digits"}, input_shape=(1, 16, 16),
    training={**_SGD, "epochs": 2, "batch_size": 32, "lr": 0.01},
    variants=(Variant(name="sigmoid", label=QT_TRANSLATE_NOOP("Experiments", "sigmoid, no BN"), params={"depth": 20, "width": 8, "act": "Sigmoid",
                                                                     "bn": False}),
              Variant(name="tanh", label=QT_TRANSLATE_NOOP("Experiments", "tanh, no BN"), params={"depth": 20, "width": 8, "act": "Tanh", "bn": False}),
              Variant(name="relu", label=QT_TRANSLATE_NOOP("Experiments", "ReLU, no BN (PyTorch's default init)"),
                      params={"depth": 20, "width": 8, "act": "ReLU", "bn": False}),
              Variant(name="relu_he", label=QT_TRANSLATE_NOOP("Experiments", "ReLU + He init, no BN"),
                      params={"depth": 20, "width": 8, "act": "ReLU", "bn": False}, init="kaiming"),
              Variant(name="relu_bn", label=QT_TRANSLATE_NOOP("Experiments", "ReLU + BN"), params={"depth": 20, "width": 8, "act": "ReLU", "bn": True}),
              Variant(name="residual_bn", label=QT_TRANSLATE_NOOP("Experiments", "residual ReLU + BN"),
                      params={"depth": 20, "width": 8, "act": "ReLU", "bn": True, "residual": True})),
    verdict="vanishing", options={"vanishing_ratio": 1000.0, "healthy_ratio": 10.0}, stats_every=10))

_add(Experiment(
    name="exploding-gradients", title=QT_TRANSLATE_NOOP("Experiments", "Exploding gradients: a NaN loss, and what BatchNorm does"),
    claim=QT_TRANSLATE_NOOP("Experiments", "In a deep plain network without normalisation, too high a learning rate makes the gradients and "
          "weights grow step after step until the loss is NaN/Inf; the same network with BatchNorm trains at "
          "that learning rate, and without BatchNorm it needs a lower one."),
    source=QT_TRANSLATE_NOOP("Experiments", "Pascanu, Mikolov, Bengio 2013, On the difficulty of training recurrent neural networks, §2–3 "
           "(exploding gradients; clipping); Ioffe & Szegedy 2015 §3.3 (BN allows higher learning rates)"),
    metric=QT_TRANSLATE_NOOP("Experiments", "the first variant's loss becomes NaN/Inf; the BatchNorm, the "
                             "lower-learning-rate and the clipped variants keep a finite loss to the end (for the "
                             "clipped one the report adds how much it learned)"),
    decided_at=QT_TRANSLATE_NOOP("Experiments", "the step where the loss becomes NaN/Inf (the run of that variant stops there; the others "
               "train to the end)."),
    data={"source": "digits"}, input_shape=(1, 16, 16),
    training={**_SGD, "epochs": 2, "batch_size": 32, "lr": 0.5},
    variants=(Variant(name="plain", label=QT_TRANSLATE_NOOP("Experiments", "no BN, lr 0.5"), init="kaiming", may_diverge=True,
                      params={"depth": 12, "width": 8, "act": "LeakyReLU", "bn": False}),
              Variant(name="bn", label=QT_TRANSLATE_NOOP("Experiments", "BN, lr 0.5"), init="kaiming", may_diverge=True,
                      params={"depth": 12, "width": 8, "act": "LeakyReLU", "bn": True}),
              Variant(name="low_lr", label=QT_TRANSLATE_NOOP("Experiments", "no BN, lr 0.05"), init="kaiming", may_diverge=True,
                      params={"depth": 12, "width": 8, "act": "LeakyReLU", "bn": False}, training={"lr": 0.05}),
              Variant(name="clipped", label=QT_TRANSLATE_NOOP("Experiments", "no BN, lr 0.5, clipped to norm 1"),
                      init="kaiming", may_diverge=True, training={"grad_clip": 1.0},
                      params={"depth": 12, "width": 8, "act": "LeakyReLU", "bn": False})),
    verdict="exploding", stats_every=2, budget_s=120,
    notes=QT_TRANSLATE_NOOP("Experiments", "LeakyReLU rather than ReLU: with plain ReLU a too-high learning "
          "rate kills the units (all gradients 0) before anything explodes; a small negative slope keeps them "
          "alive, so the gradients grow instead (measured: the first layer's gradient norm goes 0.16 → 24 → "
          "1.4e7 → NaN within 30 steps at lr 0.5). Gradient clipping (Pascanu et al.'s fix; the training setting "
          "grad_clip) at norm 1 keeps the same net at lr 0.5 finite, but it stays at chance (training accuracy "
          "10.7% after 2 epochs, 8.9% after 6): clipping scales a too-large gradient down to the limit, so no "
          "single step can throw the weights to infinity, but it does not make lr 0.5 a good learning rate. It "
          "is meant for rare spikes in an otherwise stable run.")))
_TRANSFER_NET = {"width": 16, "hidden": 64, "convs": 2, "fcs": 1}
_NEW = {"classes": [5, 6, 7, 8, 9], "per_class": 5}
_add(Experiment(
    name="transfer", title=QT_TRANSLATE_NOOP("Experiments", "Features learnt on other classes help with few images"),
    claim=QT_TRANSLATE_NOOP("Experiments", "A network pretrained on other classes and fine-tuned on a few images per new class is more "
          "accurate than the same network trained from scratch on those images; with its feature layers "
          "frozen it is nearly as good."),
    source=QT_TRANSLATE_NOOP("Experiments", "Yosinski, Clune, Bengio, Lipson 2014, How transferable are features in deep neural networks?, "
           "§4 (transfer to a new task split; fine-tuning helps); Donahue et al. 2014, DeCAF"),
    metric=QT_TRANSLATE_NOOP("Experiments", "best validation accuracy on digits 5–9 with 5 training images per class: the better of frozen "
           "and fine-tuned must beat from scratch by ≥ 5 points"),
    data={"source": "digits", "val_fraction": 0.3, "test_fraction": 0.1}, input_shape=(1, 16, 16),
    training={"optimizer": "adam", "scheduler": "none", "epochs": 20, "batch_size": 16, "lr": 2e-3},
    variants=(Variant(name="pretrain", label=QT_TRANSLATE_NOOP("Experiments", "pretrain on digits 0–4"), builder="mlp_head_net",
                      params=_TRANSFER_NET, data={"classes": [0, 1, 2, 3, 4]},
                      training={"epochs": 6, "batch_size": 32}),
              Variant(name="frozen", label=QT_TRANSLATE_NOOP("Experiments", "pretrained, features frozen"), builder="mlp_head_net",
                      params=_TRANSFER_NET, data=_NEW, weights_from="pretrain",
                      training={"freeze": "conv1,conv2"}),
              Variant(name="finetune", label=QT_TRANSLATE_NOOP("Experiments", "pretrained, all layers fine-tuned"), builder="mlp_head_net",
                      params=_TRANSFER_NET, data=_NEW, weights_from="pretrain",
                      training={"lr_mult": "conv1=0.3,conv2=0.3"}),
              Variant(name="scratch", label=QT_TRANSLATE_NOOP("Experiments", "from scratch"), builder="mlp_head_net", params=_TRANSFER_NET,
                      data=_NEW)),
    verdict="transfer", options={"margin": 0.05}, budget_s=120,
    notes=QT_TRANSLATE_NOOP("Experiments", "Digits 0–4 pretrain a small CNN (6 epochs); the new task is digits 5–9 with 5 training images "
          "per class (25 in all) and ~270 validation images. The head is re-initialised for the new classes.")))


def names() -> list[str]:
    return list(EXPERIMENTS)


def get_experiment(name: str) -> Experiment:
    e = EXPERIMENTS.get(name)
    if e is None:
        import difflib

        near = difflib.get_close_matches(name, names(), 1)
        hint = f"did you mean {near[0]!r}? " if near else ""
        raise StudioError(f"unknown experiment {name!r}: {hint}see `cnn-studio experiments` for the list "
                          f"({', '.join(names())})")
    return e
