"""The constructor arguments of a block class: what differs between its instances.

Each keyword of each layer (and each argument of each sub-block call) in the class template
is a *slot*; its values over the instances are either one constant (written literally), an
expression of arguments that already exist (``in_channels``, ``planes * self.expansion``,
``in_channels * expand_ratio``, ``in_channels // 4``, ``kernel_size // 2``), or a new
argument named for what it holds: ``in_channels`` / ``out_channels`` when it carries the
block's input / output channel count, ``hidden_channels`` (``planes`` once something is a
fixed multiple of it), ``expand_ratio``, ``branch2_channels``, ``drop_rate``, the torch keyword
otherwise. Optional parts get a condition on these arguments when one fits every instance
(``stride != 1``, ``expand_ratio != 1``, ``in_channels == out_channels``), else a boolean
argument. No torch here.
"""
from __future__ import annotations

from itertools import combinations

from .classes import MISSING, Arg, BlockClass, kwarg_default, leaf_types, slots
from .names import Namespace

CHANNEL_KW = frozenset({"in_channels", "out_channels", "num_features", "channels", "in_features",
                        "out_features", "groups", "planes"})


def _family(kw: str) -> str:
    return "ch" if kw in CHANNEL_KW or kw.endswith("channels") else kw


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


class _Arg:
    def __init__(self, name: str, values: list, family: str, role: str = ""):
        self.name, self.values, self.family, self.role = name, values, family, role
        self.used = False


class _Term:
    """An argument (``id``) or ``a * k``, ``a // k``, ``a * r`` (``ratio``: r an argument)."""

    def __init__(self, kind: str, a: _Arg, k: int = 0, r: _Arg | None = None):
        self.kind, self.a, self.k, self.r = kind, a, k, r

    def value(self, i: int):
        a = self.a.values[i]
        if self.kind == "id":
            return a
        if a is MISSING:
            return MISSING
        if self.kind == "mul":
            return a * self.k
        if self.kind == "div":
            return a // self.k
        r = self.r.values[i]
        return MISSING if r is MISSING else a * r

    def text(self, attrs: dict) -> str:
        a = self.a.name
        if self.kind == "id":
            return a
        if self.kind == "mul":
            return f"{a} * self.expansion" if attrs.get("expansion") == self.k and a == "planes" else f"{a} * {self.k}"
        if self.kind == "div":
            return f"{a} // {self.k}"
        return f"{a} * {self.r.name}"

    def fills(self, vec: list) -> dict | None:
        """The argument values this term needs to give ``vec`` (None: it cannot)."""
        out: dict = {}
        for i, x in enumerate(vec):
            if x is MISSING:
                continue
            a = self.a.values[i]
            if self.kind == "id":
                if a is MISSING:
                    out[(self.a, i)] = x
                elif type(a) is not type(x) or a != x:
                    return None
                continue
            if not _is_int(x):
                return None
            if a is MISSING:
                if self.kind == "mul" and x % self.k == 0:
                    out[(self.a, i)] = x // self.k
                    continue
                return None
            if self.kind == "ratio" and self.r.values[i] is MISSING:
                if a and x % a == 0:
                    out[(self.r, i)] = x // a
                    continue
                return None
            if self.value(i) != x:
                return None
        return out


class _Analysis:
    def __init__(self, cls: BlockClass, entries: list, shapes: dict):
        self.cls, self.entries, self.n = cls, entries, len(entries)
        self.ns = Namespace({"in_channels", "out_channels"})
        self.args: list[_Arg] = []
        self.by_slot: dict[tuple, _Term] = {}
        self.leaves = leaf_types(cls.template)
        self.explicit = set(slots(cls.template))
        self.result: dict[tuple, object] = {}

        def channels(node):
            s = shapes.get(node)
            return s[0] if s else MISSING

        self.inp = _Arg("in_channels", [channels(e[0].input_node) for e in entries], "ch", "in")
        self.out = _Arg("out_channels", [channels(e[0].output) for e in entries], "ch", "out")

    # ---- slot vectors ---------------------------------------------------------
    def vectors(self) -> list[tuple[tuple, list]]:
        per = []
        for inst, pmap, _, _ in self.entries:
            inv = {ip: tp for tp, ip in pmap.items()}
            per.append(({(inv[p], k): v for (p, k), v in slots(inst).items()}, pmap))
        keys = list(dict.fromkeys([*slots(self.cls.template), *(k for s, _ in per for k in s)]))
        out = []
        for key in keys:
            vec = []
            for s, pmap in per:
                if key in s:
                    vec.append(s[key])
                elif key[0] in pmap and key[0] in self.leaves:
                    vec.append(kwarg_default(self.leaves[key[0]], key[1]))
                else:
                    vec.append(MISSING)
            out.append((key, vec))
        return out

    # ---- terms ----------------------------------------------------------------
    def candidates(self, key: tuple, vec: list) -> list[_Term]:
        fam = _family(key[1])
        present = [(i, x) for i, x in enumerate(vec) if x is not MISSING]
        if fam != "ch":
            out = [_Term("id", a) for a in self.args if a.family == fam]
            if key[1] == "padding":
                out += [_Term("div", a, 2) for a in self.args if a.family == "kernel_size"]
            return out
        chans = [a for a in [self.inp, *self.args] if a.family == "ch"]
        out = [_Term("id", a) for a in chans]
        out += [_Term("ratio", self.inp, r=r) for r in self.args if r.family == "ratio"]
        if all(_is_int(x) for _, x in present):
            for a in chans:
                pair = next(((a.values[i], x) for i, x in present if a.values[i] is not MISSING), None)
                if pair and pair[0] and pair[1] and pair[1] % pair[0] == 0 and pair[1] // pair[0] >= 2:
                    out.append(_Term("mul", a, pair[1] // pair[0]))
                if pair and pair[1] and pair[0] // pair[1] >= 2:
                    out.append(_Term("div", a, pair[0] // pair[1]))
        return out + [_Term("id", self.out)]

    def new_term(self, key: tuple, vec: list) -> _Term:
        path, kw = key
        fam = _family(kw)
        inp = self.inp.values
        if fam == "ch" and MISSING not in inp and all(_is_int(x) for x in vec if x is not MISSING):
            ratios = {x // inp[i] for i, x in enumerate(vec) if x is not MISSING and inp[i] and x % inp[i] == 0}
            if len(ratios) > 1 and all(x is MISSING or (inp[i] and x % inp[i] == 0) for i, x in enumerate(vec)):
                r = _Arg(self.ns.create("expand_ratio"),
                         [MISSING if x is MISSING else x // inp[i] for i, x in enumerate(vec)], "ratio")
                self.args.append(r)
                return _Term("ratio", self.inp, r=r)
        a = _Arg(self.ns.create(self.name_for(path, kw)), list(vec), fam,
                 "hidden" if fam == "ch" and len(path) == 1 and path in self.leaves else "")
        self.args.append(a)
        return _Term("id", a)

    def name_for(self, path: tuple, kw: str) -> str:
        kind = self.leaves.get(path)
        if kw == "p":
            return "stochastic_depth_prob" if kind == "StochasticDepth" else "drop_rate"
        if _family(kw) != "ch":
            return kw
        if len(path) == 1 and path in self.leaves:
            return "hidden_channels"
        top = self.cls.template.children[path[0]]
        last = top.kind != "seq" or path[1] == list(top.children)[-1]
        return f"{path[0]}_channels" if last else f"{path[0]}_hidden_channels"

    def slot(self, key: tuple, vec: list) -> None:
        present = [x for x in vec if x is not MISSING]
        if not present:
            return
        if all(type(x) is type(present[0]) and x == present[0] for x in present):
            path, kw = key
            value = present[0]
            if path not in self.leaves or key in self.explicit or value != kwarg_default(self.leaves[path], kw):
                self.result[key] = value
            return
        for term in self.candidates(key, vec):
            fills = term.fills(vec)
            if fills is not None:
                break
        else:
            term, fills = self.new_term(key, vec), {}
        for (a, i), v in fills.items():
            a.values[i] = v
        term.a.used = True
        if term.r is not None:
            term.r.used = True
        if term.kind == "mul" and term.a.role == "hidden" and "expansion" not in self.cls.attrs:
            term.a.name, term.a.role = "planes", "planes"
            self.cls.attrs["expansion"] = term.k
        self.by_slot[key] = term

    # ---- conditions of the optional parts -------------------------------------
    def atoms(self) -> list[tuple[str, list]]:
        used = [a for a in [self.inp, self.out, *self.args] if a.used and MISSING not in a.values]
        out = []
        for a in used:
            if a.family != "ch" and all(_is_int(v) for v in a.values):
                out += [(f"{a.name} != 1", [v != 1 for v in a.values]),
                        (f"{a.name} == 1", [v == 1 for v in a.values])]
        rank = {id(self.inp): 0, id(self.out): 1}
        ordered = sorted(self.by_slot.values(), key=lambda t: rank.get(id(t.a), 2))
        terms = {t.text(self.cls.attrs): t for t in ordered
                 if t.kind in ("id", "mul", "ratio") and t.a in used and (t.r is None or t.r in used)
                 and t.a.family == "ch"}
        for (ta, a), (tb, b) in combinations(terms.items(), 2):
            va, vb = [a.value(i) for i in range(self.n)], [b.value(i) for i in range(self.n)]
            out += [(f"{ta} != {tb}", [x != y for x, y in zip(va, vb)]),
                    (f"{ta} == {tb}", [x == y for x, y in zip(va, vb)])]
        return out

    def condition(self, want: list[bool]) -> str | None:
        atoms = self.atoms()
        for text, vec in atoms:
            if vec == want:
                return text
        for (ta, va), (tb, vb) in combinations(atoms, 2):
            if [x and y for x, y in zip(va, vb)] == want:
                return f"{ta} and {tb}"
            if [x or y for x, y in zip(va, vb)] == want:
                return f"{ta} or {tb}"
        return None

    def run(self) -> bool:
        vectors = self.vectors()
        for key, vec in sorted(vectors, key=lambda kv: MISSING in kv[1]):  # slots all instances have first
            self.slot(key, vec)
        for a in self.args:  # values only optional parts use: any value does
            if MISSING in a.values:
                fill = next((v for v in a.values if v is not MISSING), MISSING)
                a.values = [fill if v is MISSING else v for v in a.values]
        cls = self.cls
        flag_args = []
        for f in cls.flags:
            want = [self._present(e, f) for e in self.entries]
            f.cond = self.condition(want)
            if f.cond is None:
                flag_args.append(_Arg(self.ns.create(f.name), want, "flag"))
                f.name = flag_args[-1].name
        used = [a for a in [self.inp, self.out, *self.args] if a.used] + flag_args
        if any(MISSING in a.values for a in used):
            return False
        cls.args = [a.name for a in used]
        for i, (inst, *_rest) in enumerate(self.entries):
            cls.values[id(inst)] = {a.name: a.values[i] for a in used}
        texts = {key: t.text(cls.attrs) for key, t in self.by_slot.items()}
        for key, t in self.by_slot.items():  # a product used 3 times or more: a local (hidden_dim)
            if t.kind == "ratio" and list(texts.values()).count(texts[key]) >= 3 and not cls.locals:
                local = self.ns.create("hidden_dim")
                cls.locals[local] = texts[key]
                texts = {k: local if v == cls.locals[local] else v for k, v in texts.items()}
        for key, _ in vectors:  # template order
            value = Arg(texts[key]) if key in texts else self.result.get(key, MISSING)
            if value is not MISSING:
                cls.leaf_kwargs.setdefault(key[0], {})[key[1]] = value
        return True

    @staticmethod
    def _present(entry, flag) -> bool:
        _, pmap, _, through = entry
        m = flag.members[0]
        return m[1] in pmap if m[0] == "unit" else m[1] not in through


def analyse(cls: BlockClass, entries: list, shapes: dict) -> bool:
    """Fill ``cls``'s arguments, their values per instance, the template's keyword values and
    the conditions of its optional parts. False when the optional parts' values do not follow."""
    return _Analysis(cls, entries, shapes).run()
