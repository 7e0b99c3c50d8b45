"""Qt's side of the language: its own dialogs' words, and the direction of the layout.

The app's strings come from gettext (:mod:`privacy_walkthrough.core.i18n`); Qt's own (the
print and file dialogs, the buttons of message boxes) come from the ``qtbase_<lang>.qm``
catalog that ships inside PySide6, loaded with a :class:`QTranslator`.  A language written
right to left lays the whole window out right to left: the step list on the right, the
decision bar's buttons and the progress bar running from the right.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from privacy_walkthrough.core.i18n import current_language, is_right_to_left

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []  # Qt does not own an installed translator: keep it alive
_fonts: dict[str, QFont] = {}  # the app's font before a script's own face was put first

# Faces made for a script, put first in the app's font for languages written in it: Qt sizes
# list items and labels by the first face's line height, and Arabic's is taller than Latin's
# (with a Latin face first, a two-line step-list item is cut to one line).
SCRIPT_FACES = {
    "ar": ("Noto Sans Arabic", "Noto Naskh Arabic"),
    "fa": ("Noto Sans Arabic", "Noto Naskh Arabic"),
    "ur": ("Noto Sans Arabic", "Noto Naskh Arabic"),
}


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_language(app: QApplication, language: str | None = None) -> None:
    """Speak ``language`` (default: the active one) in Qt's dialogs, and lay out in its direction."""
    language = language or current_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    translator = QTranslator(app)
    if language != "en" and translator.load(f"qtbase_{language}", qt_translations_folder()):
        app.installTranslator(translator)
        _installed.append(translator)
    elif language != "en":
        log.info("Qt has no catalog for %s; its own dialogs stay in English", language)
    QLocale.setDefault(QLocale(language))
    _apply_script_faces(app, language)
    right_to_left = is_right_to_left(language)
    if right_to_left != QGuiApplication.isRightToLeft():
        # Qt's enums are reached only here: setting them up costs the first paint ~15 ms.
        from PySide6.QtCore import Qt

        direction = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        QGuiApplication.setLayoutDirection(direction)
        if app.styleSheet():  # the look is applied already: mirror it too
            from privacy_walkthrough.qt.look import style_sheet

            app.setStyleSheet(style_sheet(app))


def system_languages() -> list[str]:
    """The system's preferred languages, from Qt (on systems without gettext's variables)."""
    return list(QLocale.system().uiLanguages())


def _apply_script_faces(app: QApplication, language: str) -> None:
    """Put the faces made for ``language``'s script first in the app's font (or take them off)."""
    original = _fonts.setdefault("original", app.font())
    installed = set(QFontDatabase.families())
    faces = [face for face in SCRIPT_FACES.get(language.split("_")[0], ()) if face in installed]
    font = QFont(original)
    if faces:
        font.setFamilies([*faces, *original.families()])
    app.setFont(font)
