"""Help › Language: the profile's language, remembered in the list of profiles.

The choice belongs to the profile (a helper may walk one person through in Spanish and the
next in Arabic).  The window's words are made as it is built, so a new language takes effect
the next time the app opens; the app says so, in the language chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from privacy_walkthrough.core.i18n import N_, current_language, tr
from privacy_walkthrough.core.languages import own_name
from privacy_walkthrough.core.progress.profiles import ProfileError
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.translations import available_languages, load_translations, pick_language


class LanguageMenu:
    """The Language submenu: "System language", then every language that ships, in its own name."""

    def __init__(
        self,
        window: QWidget,
        parent_menu: QMenu,
        dialogs: Dialogs,
        saved: Callable[[], str | None],
        remember: Callable[[str | None], object],
    ) -> None:
        self.window = window
        self.dialogs = dialogs
        self._saved = saved
        self._remember = remember
        self.menu = parent_menu.addMenu(tr("&Language"))
        self.menu.setObjectName("languageMenu")
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        self.actions: dict[str | None, QAction] = {}
        choices: list[tuple[str | None, str]] = [(None, tr("System language"))]
        choices += [(code, own_name(code)) for code in available_languages()]
        for code, label in choices:
            action = QAction(label, window)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, chosen=code: self.on_language_chosen(chosen))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self.show_choice()

    def show_choice(self) -> None:
        """Check the current profile's choice (after opening another profile, say)."""
        saved = self._saved()
        self.actions.get(saved, self.actions[None]).setChecked(True)

    def on_language_chosen(self, code: str | None) -> None:
        try:
            self._remember(code)
        except ProfileError as exc:
            self.dialogs.warn(self.window, tr("The language was not changed"), str(exc))
            self.show_choice()
            return
        language = pick_language(None, code)
        if language == current_language():
            return
        # Said in the language chosen: that is the one the person can read.
        words = load_translations(language)
        self.dialogs.inform(
            self.window,
            words.gettext(N_("Language")),
            words.gettext(
                N_(
                    "Privacy Walkthrough will speak this language the next time you open it. "
                    "Your progress is kept."
                )
            ),
        )
