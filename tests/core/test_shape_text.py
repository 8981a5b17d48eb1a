"""Shapes typed by people: one parser for the CLI's --input and the window's import dialog."""
import pytest

from studio.core.errors import StudioError
from studio.core.shape_text import parse_shape


@pytest.mark.parametrize("text", ["3x224x224", "3×224×224", " 3 X 224 * 224 ", "3, 224, 224", "3 224 224"])
def test_written_forms(text):
    assert parse_shape(text) == (3, 224, 224)


def test_none_stays_none():
    assert parse_shape(None) is None


@pytest.mark.parametrize("text, says", [("3x224", "is not C×H×W: write it like 3x224x224"),
                                        ("ax2x2", "is not C×H×W"), ("-1x2x2", "is not C×H×W"),
                                        ("0x28x28", "every dimension must be at least 1")])
def test_errors_name_the_field_and_the_fix(text, says):
    with pytest.raises(StudioError) as exc:
        parse_shape(text, "--input")
    assert str(exc.value).startswith(f"--input {text!r}") and says in str(exc.value)
