"""Load the Python object that ``cnn-studio import MODULE:ATTR`` names, running as little as possible.

Only the named module is loaded, and only a model class, a Python function or a model instance is
accepted (``os:abort`` is refused before anything is called). An installed module is imported with
the current folder kept off ``sys.path``, so a stray ``accimage.py`` or ``gmpy2.py`` there is never
run by the installed package's optional imports; a module that is not installed is looked up in the
current folder, as ``python -c "import MODULE"`` would. This module imports torch only when a
target is loaded, so the command can keep the current folder off ``sys.path`` while torch loads.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import os
import sys

from studio.core.errors import StudioError
from studio.core.text import printable


class ImportModelError(StudioError):
    pass


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def load_target(spec: str):
    """(the object ``spec`` names, its attribute path), refusing before anything is called what
    is neither an ``nn.Module`` instance, a subclass of ``nn.Module``, nor a Python function.

    Only the named module is loaded. An installed module is imported with the current folder kept
    off ``sys.path`` (its own optional imports, e.g. torchvision's ``accimage``, are never looked
    up there); a module that is not installed is looked up in the current folder (``mynet:Net``
    for ``./mynet.py``), and ``path/to/file.py:Net`` loads that file."""
    if isinstance(spec, str) and ":" not in spec and _is_path(spec):
        _check_file(spec, os.getcwd())  # a file named like an installed module: say so first
    if not isinstance(spec, str) or ":" not in spec:
        raise ImportModelError(f"{printable(repr(spec))} is not MODULE:CALLABLE, e.g. torchvision.models:resnet18")
    mod_name, _, attr = spec.rpartition(":")
    if not attr or not all(p.isidentifier() for p in attr.split(".")):
        raise ImportModelError(f"{printable(spec)}: '{printable(attr)}' is not a Python name: write "
                               "MODULE:CALLABLE, e.g. torchvision.models:resnet18")
    from torch import nn

    mod = load_python_module(mod_name)
    obj = mod
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise ImportModelError(f"{printable(mod_name)!r} has no attribute {printable(attr)!r}") from None
    if isinstance(obj, nn.Module):
        return obj, attr
    if isinstance(obj, type):
        if issubclass(obj, nn.Module):
            return obj, attr
        raise ImportModelError(f"{printable(spec)} is the class {printable(obj.__name__)}, not a torch.nn.Module "
                               "subclass: name a model class or a function that builds the model")
    if inspect.isfunction(obj) or (inspect.ismethod(obj) and inspect.isfunction(obj.__func__)):
        return obj, attr
    kind = "a built-in function" if inspect.isbuiltin(obj) or callable(obj) else type(obj).__name__
    raise ImportModelError(f"{printable(spec)} is {kind}, not a model class or a Python function that builds "
                           "the model: it was not called")


#: the folder that holds the ``studio`` package
_STUDIO_ROOT = os.path.realpath(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def _is_path(text: str) -> bool:
    return text.endswith(".py") or os.sep in text or "/" in text


def _real(p: str) -> str:
    try:
        return os.path.realpath(p or ".")
    except (OSError, ValueError):
        return p


@contextlib.contextmanager
def sys_path_without(folder: str):
    """``sys.path`` without the entries that name ``folder`` ('' and '.' included) while the block
    runs; the old list is put back afterwards. The folder cnn-studio itself is loaded from stays
    (run from a source checkout, the current folder is that checkout)."""
    saved = list(sys.path)
    here = _real(folder)
    if here == _STUDIO_ROOT:
        yield
        return
    sys.path[:] = [p for p in saved if isinstance(p, str) and p not in ("", ".") and _real(p) != here]
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path[:] = saved


@contextlib.contextmanager
def _sys_path_with(folder: str):
    """``folder`` appended to ``sys.path`` (after the installed packages) while the block runs."""
    saved = list(sys.path)
    if folder not in sys.path:
        sys.path.append(folder)
    try:
        yield
    finally:
        sys.path[:] = saved


def load_python_module(name: str):
    """The module ``name`` (or the file ``path/to/x.py``), loaded as described in :func:`load_target`."""
    cwd = os.getcwd()
    if _is_path(name):
        return _load_file(name, cwd)
    if not all(p.isidentifier() for p in name.split(".")):
        raise ImportModelError(f"{printable(name)!r} is not a Python module name (write MODULE:CALLABLE or "
                               "path/to/file.py:CALLABLE)")
    top = name.split(".")[0]
    with sys_path_without(cwd):
        try:
            installed = top in sys.modules or importlib.util.find_spec(top) is not None
        except (ImportError, ValueError):
            installed = False
        if installed:
            return _import(name)
    local = os.path.join(cwd, top)
    if not (os.path.isfile(local + ".py") or os.path.isfile(os.path.join(local, "__init__.py"))):
        raise ImportModelError(f"cannot import the Python module {printable(name)!r}: no installed module and no "
                               f"{printable(top)}.py in the current folder")
    with _sys_path_with(cwd):  # your own module: found in the current folder, as `python -c` would
        return _import(name)


def _import(name: str):
    try:
        return importlib.import_module(name)
    except Exception as exc:  # any failure of the user's module
        raise ImportModelError(f"cannot import the Python module {printable(name)!r}: "
                               f"{type(exc).__name__}: {printable(first_line(exc))}") from None


def _load_file(path: str, cwd: str):
    """``path/to/model.py`` as module ``model`` (its folder on sys.path while it runs, after the
    installed packages), refused when an installed module of that name would be shadowed."""
    folder, name = _check_file(path, cwd)
    with _sys_path_with(folder):
        return _import(name)


def _check_file(path: str, cwd: str) -> tuple[str, str]:
    """(folder, module name) of a Python file given by path, or ImportModelError."""
    if not os.path.isfile(path):
        raise ImportModelError(f"{printable(path)}: no such Python file (write MODULE:CALLABLE or "
                               "path/to/file.py:CALLABLE)")
    full = os.path.abspath(path)
    folder, name = os.path.dirname(full), os.path.splitext(os.path.basename(full))[0]
    if not name.isidentifier():
        raise ImportModelError(f"{printable(path)}: '{printable(name)}' is not a Python module name: rename the file")
    with sys_path_without(cwd):
        try:
            found = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            found = None
    origin = getattr(found, "origin", None) or getattr(sys.modules.get(name), "__file__", None)
    if origin and _real(origin) != _real(full):
        raise ImportModelError(f"{printable(full)}: its module name '{printable(name)}' is taken by an installed "
                               f"module ({printable(origin)}): rename the file")
    return folder, name
