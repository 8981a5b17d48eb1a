"""Batch augmentation: train batches change reproducibly; val/test never do."""
import torch

from studio.training.data import AugmentSettings, DataSettings, augment_batch, load_data


def _gen(seed=0):
    return torch.Generator().manual_seed(seed)


def test_augmentation_changes_train_batches_but_not_val():
    plain = load_data({"source": "digits"}, (1, 16, 16))
    aug = load_data({"source": "digits", "augment": {"random_crop_padding": 2, "rotation_deg": 15,
                                                        "color_jitter": 0.3, "hflip": True}}, (1, 16, 16))
    assert aug.augments and not plain.augments
    # the stored splits are identical: augmentation happens per batch, for training only
    assert torch.equal(aug.val.X, plain.val.X) and torch.equal(aug.train.X, plain.train.X)
    xb = aug.train.X[:64]
    out = aug.augment(xb, _gen(1))
    assert out.shape == xb.shape and not torch.equal(out, xb)
    assert torch.equal(out, aug.augment(xb, _gen(1)))  # reproducible with a seeded generator
    assert not torch.equal(out, aug.augment(xb, _gen(2)))
    assert plain.augment(xb, _gen(1)) is xb  # nothing enabled: a no-op


def test_random_crop_is_a_shift_with_zero_padding():
    x = torch.arange(4 * 1 * 6 * 6, dtype=torch.float32).view(4, 1, 6, 6) + 1
    out = augment_batch(x, AugmentSettings(random_crop_padding=2), _gen(0))
    xp = torch.nn.functional.pad(x, (2, 2, 2, 2))
    for i in range(4):
        shifts = [(dy, dx) for dy in range(5) for dx in range(5) if torch.equal(xp[i, :, dy:dy + 6, dx:dx + 6], out[i])]
        assert shifts
    many = augment_batch(x.repeat(16, 1, 1, 1), AugmentSettings(random_crop_padding=2), _gen(0))
    assert (many == 0).any()  # some crops reach into the padding


def test_hflip_flips_about_half():
    x = torch.randn(200, 3, 5, 7)
    out = augment_batch(x, DataSettings(augment=AugmentSettings(hflip=True)), _gen(0))
    flipped = [torch.equal(out[i], x[i].flip(-1)) for i in range(200)]
    kept = [torch.equal(out[i], x[i]) for i in range(200)]
    assert all(f or k for f, k in zip(flipped, kept)) and 60 < sum(flipped) < 140


def test_rotation_keeps_centre_and_size():
    x = torch.zeros(8, 1, 33, 33)
    x[:, :, 16, 16] = 1.0
    out = augment_batch(x, AugmentSettings(rotation_deg=30), _gen(0))
    assert out.shape == x.shape and torch.allclose(out[:, :, 16, 16], torch.ones(8, 1), atol=1e-5)
    bar = torch.zeros(1, 1, 33, 33)
    bar[:, :, 16, 4:29] = 1.0
    rot = augment_batch(bar.repeat(8, 1, 1, 1), AugmentSettings(rotation_deg=45), _gen(3))
    assert (rot[:, :, 16, 4:29].sum((1, 2)) < bar[:, :, 16, 4:29].sum() - 1).any()


def test_color_jitter_stays_in_the_valid_range_on_normalised_rgb():
    mean, std = (0.5, 0.4, 0.3), (0.2, 0.25, 0.3)
    raw = torch.rand(32, 3, 8, 8)
    x = (raw - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)
    out = augment_batch(x, AugmentSettings(color_jitter=0.8), _gen(0), mean, std)
    back = out * torch.tensor(std).view(1, 3, 1, 1) + torch.tensor(mean).view(1, 3, 1, 1)
    assert back.min() >= -1e-5 and back.max() <= 1 + 1e-5
    assert not torch.allclose(back, raw)
    assert torch.equal(augment_batch(x, AugmentSettings(), _gen(0), mean, std), x)
