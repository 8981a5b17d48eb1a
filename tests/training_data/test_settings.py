"""DataSettings: defaults, project-file round trip, validation messages, and --data parsing."""
import json

import pytest

from studio.core.errors import StudioError
from studio.core.project import Project, load_project, save_project
from studio.training.data import AugmentSettings, DataError, DataSettings, parse_data_arg


def test_defaults_round_trip_through_a_project_file(tmp_path):
    s = DataSettings(source="shapes", seed=7, val_fraction=0.2,
                     augment=AugmentSettings(random_crop_padding=4, hflip=True, rotation_deg=10, color_jitter=0.2))
    s.shapes.count = 300
    s.shapes.classes = ["circle", "star"]
    proj = Project(dataset=s.validate().to_dict())
    save_project(proj, tmp_path / "p.cnnproj")
    back = DataSettings.from_dict(load_project(tmp_path / "p.cnnproj").dataset)
    assert back == s
    assert back.augment.enabled and not DataSettings().augment.enabled
    json.dumps(s.to_dict())  # plain JSON values only


def test_empty_dict_gives_defaults():
    assert DataSettings.from_dict({}) == DataSettings()
    assert DataSettings.from_dict(None).source == "digits"


@pytest.mark.parametrize("data, words", [
    ({"val_fraction": 1.5}, ["val_fraction", "1.5"]),
    ({"val_fraction": "a lot"}, ["val_fraction", "number"]),
    ({"val_fraction": 0.5, "test_fraction": 0.5}, ["at least 5%"]),
    ({"source": "imagenet"}, ["imagenet", "digits", "cifar10"]),
    ({"source": "mnist"}, ["needs a folder", "set dataset.root"]),  # the CLI: --data mnist:DIR
    ({"seed": -1}, ["seed"]),
    ({"seed": 1.5}, ["seed", "whole number"]),
    ({"download": "yes"}, ["download", "true or false"]),
    ({"cache": "disk"}, ["cache", "stream"]),
    ({"colour": 1}, ["unknown setting", "'colour'", "val_fraction"]),
    ({"augment": {"rotation_deg": -5}}, ["augment.rotation_deg", "-5"]),
    ({"augment": {"random_crop_padding": 2.5}}, ["random_crop_padding", "whole number"]),
    ({"augment": {"hflip": 1}}, ["augment.hflip", "true or false"]),
    ({"augment": {"color_jitter": 3}}, ["color_jitter"]),
    ({"augment": {"flip": True}}, ["dataset.augment", "'flip'", "hflip"]),
    ({"augment": [1]}, ["dataset.augment", "mapping"]),
    ({"shapes": {"classes": ["circle", "hexagon"]}}, ["hexagon", "triangle"]),
    ({"shapes": {"classes": ["circle"]}}, ["at least two"]),
    ({"shapes": {"count": 3}}, ["shapes.count"]),
])
def test_bad_values_raise_clear_errors(data, words):
    with pytest.raises(DataError) as e:
        DataSettings.from_dict(data)
    assert isinstance(e.value, StudioError)
    for w in words:
        assert w in str(e.value)


def test_aliases_are_normalised():
    assert DataSettings.from_dict({"source": "CIFAR-10", "root": "x"}).source == "cifar10"
    assert DataSettings.from_dict({"source": "fashion_mnist", "root": "x"}).source == "fashion-mnist"


def test_parse_data_arg(tmp_path):
    assert parse_data_arg("digits").source == "digits"
    assert parse_data_arg(" shapes ").source == "shapes"
    s = parse_data_arg(f"mnist:{tmp_path}")
    assert (s.source, s.root) == ("mnist", str(tmp_path))
    assert parse_data_arg(f"Fashion-MNIST:{tmp_path}").source == "fashion-mnist"
    assert parse_data_arg(f"cifar10:{tmp_path}").source == "cifar10"
    assert parse_data_arg(f"folder:{tmp_path}").root == str(tmp_path)
    assert parse_data_arg(str(tmp_path)).source == "folder"  # a bare existing folder
    win = parse_data_arg("folder:C:\\data\\pets")  # only the first colon separates
    assert win.root == "C:\\data\\pets"


def test_parse_data_arg_keeps_base_settings(tmp_path):
    base = DataSettings.from_dict({"seed": 3, "val_fraction": 0.3, "augment": {"hflip": True}})
    s = parse_data_arg(f"folder:{tmp_path}", base=base)
    assert (s.source, s.seed, s.val_fraction, s.augment.hflip) == ("folder", 3, 0.3, True)
    assert base.source == "digits"  # not modified


@pytest.mark.parametrize("text, words", [
    ("", ["empty"]),
    ("mnist", ["mnist needs a folder", "mnist:"]),
    ("cifar10:", ["needs a folder"]),
    ("digits:/tmp", ["built in", "--data digits"]),
    ("imagenet:/x", ["unknown data set", "'imagenet'", "folder:DIR"]),
    ("no/such/dir", ["unknown data set"]),
])
def test_parse_data_arg_errors(text, words):
    from studio.commands.common import cli_message

    with pytest.raises(DataError) as e:
        parse_data_arg(text)
    assert e.value.field == "dataset.source" and "--" not in str(e.value)
    for w in words:  # as the command line words it: the field is its option, --data
        assert w in cli_message(e.value)
