"""Numbers typed by people, parsed in one place (issue 18): ASCII digits only, the length checked
before int(), every refusal naming the option and an example."""
from __future__ import annotations

import argparse

import pytest

from studio.core.errors import StudioError
from studio.core.number_text import float_arg, int_arg, parse_float, parse_int


@pytest.mark.parametrize("text, value", [("10", 10), (" 7 ", 7), ("+4", 4), ("-3", -3), ("0", 0),
                                         ("9223372036854775807", 2**63 - 1)])
def test_whole_numbers(text, value):
    assert parse_int(text, "--n") == value


@pytest.mark.parametrize("text, says", [
    ("٣", "is not a whole number"), ("3²", "is not a whole number"), ("①", "is not a whole number"),
    ("1.5", "is not a whole number"), ("", "is not a whole number"), ("1 2", "is not a whole number"),
    ("1" * 5000, "(a 5000-digit number) is far too large"), ("1" * 20, "(a 20-digit number)")])
def test_refused_whole_numbers_name_the_option(text, says):
    with pytest.raises(StudioError) as exc:
        parse_int(text, "--epochs")
    msg = str(exc.value)
    assert msg.startswith("--epochs ") and says in msg and "e.g. --epochs 10" in msg and len(msg) < 200


def test_ranges():
    assert parse_int("1", "--k", lo=1, hi=3) == 1
    with pytest.raises(StudioError, match="at least 1"):
        parse_int("0", "--k", lo=1)
    with pytest.raises(StudioError, match="at most 3"):
        parse_int("4", "--k", hi=3)
    with pytest.raises(StudioError, match="at least 0.25"):
        parse_float("0.1", "--scale", lo=0.25)


@pytest.mark.parametrize("text, value", [("0.003", 0.003), ("1e-3", 1e-3), (".5", 0.5), ("3.", 3.0), ("-2E2", -200.0)])
def test_decimals(text, value):
    assert parse_float(text, "--lr") == value


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e999", "١", "0x10", "1_000", "x" * 5000])
def test_refused_decimals(text):
    with pytest.raises(StudioError) as exc:
        parse_float(text, "--lr")
    assert str(exc.value).startswith("--lr ") and len(str(exc.value)) < 200


def test_argparse_types_refuse_with_the_parsers_one_line():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int_arg("--epochs", lo=1))
    p.add_argument("--lr", type=float_arg("--lr"))
    assert p.parse_args(["--epochs", "3", "--lr", "0.1"]).epochs == 3
    for bad in (["--epochs", "٣"], ["--epochs", "0"], ["--lr", "nan"]):
        with pytest.raises(SystemExit):
            p.parse_args(bad)
