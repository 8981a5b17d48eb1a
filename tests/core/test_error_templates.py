"""Errors as templates with their values apart (issue #23): the English text is the template filled
in (str(error), the CLI, files), a front end may translate the template before the values go in;
validation problems and their fixes carry their template the same way."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studio.core.errors import Message, StudioError, fill

ZH = {  # a stand-in catalogue: what a translation does to a template
    "{layer} parameter '{param}' is {value}": "层 {layer} 的参数 '{param}' 为 {value}",
    "{field} is {value}": "“{field}”为 {value}",
    " (e.g. {name} = {value})": "（例如 {name} = {value}）",
    "{where}: {error}": "{where}：{error}",
}


def zh(text: str) -> str:
    return ZH.get(text, text)


def test_a_template_is_filled_in_english_and_translated_before_its_values():
    e = StudioError("{layer} parameter '{param}' is {value}", args={"layer": "Conv2d 'c1'", "param": "stride",
                                                                     "value": 0})
    assert e.message == str(e) == "Conv2d 'c1' parameter 'stride' is 0"
    assert e.args == ("Conv2d 'c1' parameter 'stride' is 0",)  # Exception.args keeps its meaning
    assert e.template == "{layer} parameter '{param}' is {value}" and e.message_args["param"] == "stride"
    assert e.render(translate=zh) == "层 Conv2d 'c1' 的参数 'stride' 为 0"


def test_the_field_and_the_hint_are_worded_by_the_front_end_after_the_translation():
    e = StudioError("{field} is {value}", field="training.lr", hint="example", value=0.001, args={"value": 0})
    assert str(e) == "training.lr is 0 (e.g. training.lr = 0.001)"
    names = {"training.lr": "学习率"}.get
    assert e.render(names, translate=zh) == "“学习率”为 0（例如 学习率 = 0.001）"


def test_values_are_filled_in_once_and_unknown_braces_stay():
    e = StudioError("{a} and {b} {c}", field="x.y", args={"a": "{b}", "b": "{field}"})
    assert str(e) == "{b} and {field} {c}"  # a value holding braces is not read again
    assert fill("{a} {{a}} {9}", {"a": 1}) == "1 {1} {9}"


def test_a_message_without_args_is_shown_as_it_is_unless_the_whole_text_is_known():
    e = StudioError("{field} 'x': unknown data set", field="dataset.source")
    assert e.template is None and str(e) == "dataset.source 'x': unknown data set"
    assert e.render(translate=zh) == "dataset.source 'x': unknown data set"
    known = StudioError("{field} is {value}", field="a.b")
    assert known.render(translate=zh) == "“a.b”为 {value}"


def test_an_error_inside_an_error_is_worded_alike():
    inner = StudioError("{layer} parameter '{param}' is {value}", args={"layer": "L", "param": "p", "value": 1})
    outer = StudioError("{where}: {error}", args={"where": "f.cnnproj: node 'n'", "error": inner})
    assert str(outer) == "f.cnnproj: node 'n': L parameter 'p' is 1"
    assert outer.render(translate=zh) == "f.cnnproj: node 'n'：层 L 的参数 'p' 为 1"


def test_a_message_is_an_english_str_that_keeps_its_template():
    m = Message("skipped {n} of {total}", n=2, total=5)
    assert m == "skipped 2 of 5" and isinstance(m, str) and json.dumps([m]) == '["skipped 2 of 5"]'
    assert m.render(lambda t: t.replace("skipped", "已跳过")) == "已跳过 2 of 5"


def _broken_graphs():
    from studio.core.graph import Graph
    from studio.templates import build_project

    for name in ("lenet5", "resnet18"):
        for h, w in ((2, 2), (7, 3), (32, 32)):
            g = build_project(name).graph
            g.set_param("input", "height", h)
            g.set_param("input", "width", w)
            yield g
    g = build_project("lenet5").graph
    g.remove_node("flatten")
    yield g
    yield Graph()


def test_every_problem_and_fix_of_validation_is_its_template_filled_in():
    from studio.core.validate import validate

    seen = 0
    for g in _broken_graphs():
        for issue in validate(g, 7).issues:
            assert issue.template, f"no template: {issue.message}"
            assert fill(issue.template, issue.args) == issue.message
            if issue.fix is not None:
                assert issue.fix.template and fill(issue.fix.template, dict(issue.fix.args)) == issue.fix.label
            seen += 1
    assert seen >= 8


def test_the_window_messages_of_the_training_settings_have_templates():
    from studio.training.settings import TrainSettings

    for bad in ({"epochs": 0}, {"batch_size": 0}, {"lr": -1.0}, {"optimizer": "x"}, {"momentum": 2.0},
                {"seed": -1}, {"amp": 3}, {"lr_mult": "a=b"}):
        with pytest.raises(StudioError) as info:
            TrainSettings.from_dict(bad)
        e = info.value
        assert e.template and e.field == "training." + next(iter(bad))
        assert fill(e.template, {**e.message_args}) == e.message


TS = Path(__file__).resolve().parents[2] / "studio" / "resources" / "i18n" / "studio_zh_CN.ts"


def test_the_translations_keep_every_placeholder():
    """Each translation holds the placeholders of its English text (it may add {field}: the
    widget's name, which the window fills in for an error about a setting)."""
    ph = re.compile(r"\{(\w+)\}")
    from studio.resources.make_translations import read_ts

    entries = [{"source": src, "translation": t} for (ctx, src, _c), t in read_ts(TS).items() if ctx == "Errors"]
    assert len(entries) > 150
    for e in entries:
        src, tr = set(ph.findall(e["source"])), set(ph.findall(e["translation"]))
        assert src <= tr and tr - src <= {"field"}, e["source"]
        assert e["translation"].strip() and e["translation"] != e["source"] or e["source"] == "Nesterov"
