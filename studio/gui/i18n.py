"""The window's language: Qt's translation system (``tr()``, ``.ts`` → ``.qm``).

* :func:`tr` translates a string of the window. Pass a literal (``lupdate`` collects it, under
  the empty context); text with values is a template filled in after: ``tr("{n} layers")
  .format(n=n)``. Never an f-string, never a sentence glued from translated pieces.
* :func:`tr_core` translates a string that a package without Qt marked with
  ``QT_TRANSLATE_NOOP(context, text)`` (studio/core/i18n.py).
* :func:`choose_language` picks the language: ``gui --lang``, else View → Language (remembered),
  else the system locale. :func:`install` loads the studio's ``.qm`` and Qt's own
  (``qtbase_zh_CN.qm``, for the standard dialogs' buttons) before the window is built.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from studio.core.i18n import I18N_DIR, LANGUAGES

log = logging.getLogger(__name__)

#: Simplified Chinese font families, best first: the app font falls back to the first one present
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
                "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN",
                "Microsoft YaHei", "PingFang SC", "Noto Sans CJK JP", "Noto Sans CJK TC")

_installed: list[QTranslator] = []
_current = ["en"]


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the window's language."""
    return QCoreApplication.translate("", text, disambiguation)


def tr_core(context: str, text: str) -> str:
    """A string marked with ``QT_TRANSLATE_NOOP(context, text)`` in the window's language."""
    return QCoreApplication.translate(context, text)


def language() -> str:
    """The language the window speaks now (``"en"`` or ``"zh_CN"``)."""
    return _current[0]


def normalise(lang: str | None) -> str | None:
    """``zh``, ``zh_CN``, ``zh-CN``, ``zh_Hans_CN``... → ``"zh_CN"``; ``en*`` → ``"en"``; else None."""
    if not lang:
        return None
    low = lang.replace("-", "_").lower()
    if low.startswith("zh"):
        return "zh_CN"
    if low.startswith(("en", "c", "posix")):
        return "en"
    return None


def system_language() -> str:
    """The system locale's language: Chinese for any ``zh*`` locale, else English."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def choose_language(cli: str | None = None, saved: str | None = None) -> str:
    """``gui --lang`` first, then the remembered choice, then the system locale."""
    return normalise(cli) or normalise(saved) or system_language()


def install(app, lang: str) -> str:
    """Load ``lang``'s translations into ``app`` (the studio's and Qt's own); returns the
    language installed (English where the file is missing)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "en"
    _current[0] = lang
    if lang == "en":  # a CJK fallback added earlier stays: Latin text keeps the first family
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return lang
    ours = QTranslator(app)
    if not ours.load(str(I18N_DIR / f"studio_{lang}.qm")):
        log.warning("no compiled translation %s: the window stays English (run make i18n)",
                    I18N_DIR / f"studio_{lang}.qm")
        _current[0] = "en"
        return "en"
    use_cjk_font(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        t = QTranslator(app)
        if t.load(f"{name}_{lang}", qt_dir):
            app.installTranslator(t)
            _installed.append(t)
            break
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(lang))
    return lang


def cjk_family() -> str | None:
    """The first of :data:`CJK_FAMILIES` the font database has, or None."""
    have = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in have), None)


def use_cjk_font(app) -> str | None:
    """Make the app font fall back to a Simplified Chinese family (Latin text keeps the app's own
    font); logs a warning naming the package to install when the system has none."""
    family = cjk_family()
    if family is None:
        log.warning("no Chinese font found (looked for %s): Chinese text may show as boxes; "
                    "install one, e.g. sudo apt-get install fonts-noto-cjk", ", ".join(CJK_FAMILIES[:3]))
        return None
    font = app.font()
    have = font.families() or [font.family()]
    if family not in have:  # set once, before the window is built (a font change re-lays out every widget)
        font.setFamilies([*have, family])
        app.setFont(font)
    return family
