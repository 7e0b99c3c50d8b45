"""A section of a page that opens and closes: a heading button and the text under it.

The heading's arrow is a button, so it works by keyboard (Tab to it, Space or Enter).  A
screen reader hears its name, that it is a button that expands, whether it is expanded or
collapsed (not "checked"/"not checked", as Qt says of any toggle button: see
:class:`SectionToggleAccessible`), and what pressing it does.  The window remembers which
sections are open (core/view_settings.py).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAccessibleWidget, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.qt.widgets import ColumnWidget, HeadingLabel


class SectionToggle(QToolButton):
    """The arrow that opens and closes a section (checked: open)."""


class SectionToggleAccessible(QAccessibleWidget):
    """What assistive technology is told about a :class:`SectionToggle`.

    A button that is expandable and either expanded or collapsed (the states a screen reader
    reads as "expanded"/"collapsed", AT-SPI's ``expandable``/``expanded``), never checkable;
    its Press action opens or closes the section.
    """

    def __init__(self, toggle: SectionToggle) -> None:
        super().__init__(toggle, QAccessible.Role.Button)
        self.toggle = toggle

    def state(self) -> QAccessible.State:
        state = super().state()
        state.expandable = True
        state.expanded = self.toggle.isChecked()
        state.collapsed = not self.toggle.isChecked()
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self.toggle.click()
        else:
            super().doAction(name)


def _accessible_for(key: str, obj: QObject) -> QAccessibleWidget | None:
    return SectionToggleAccessible(obj) if isinstance(obj, SectionToggle) else None


@functools.cache
def _install_accessible_factory() -> None:
    """Once per process: Qt asks this factory first, and it only answers for SectionToggle."""
    QAccessible.installFactory(_accessible_for)


class CollapsibleSection(ColumnWidget):
    toggled = Signal(bool)  # open

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _install_accessible_factory()
        self.heading = heading
        self.toggle_button = SectionToggle(self)  # the arrow; the heading beside it wraps
        self.toggle_button.setObjectName("sectionToggle")
        self.toggle_button.setCheckable(True)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toggle_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle_button.setAccessibleName(heading)
        self.heading_label = HeadingLabel(heading)
        self.heading_label.setObjectName("sectionHeading")
        self.heading_label.installEventFilter(self)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.heading_label, 1)
        self.body = ColumnWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.body)
        self.toggle_button.toggled.connect(self.on_toggle_button_toggled)
        self._show(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.heading_label and event.type() == QEvent.Type.MouseButtonRelease:
            self.toggle_button.click()  # the heading opens and closes the section too
            return True
        return super().eventFilter(watched, event)

    def add(self, widget: QWidget) -> None:
        self.body_layout.addWidget(widget)

    def is_open(self) -> bool:
        return self.toggle_button.isChecked()

    def set_open(self, is_open: bool) -> None:
        """Open or close without telling anyone (the page shows the remembered state)."""
        self.toggle_button.blockSignals(True)
        self.toggle_button.setChecked(is_open)
        self.toggle_button.blockSignals(False)
        self._show(is_open)

    def _show(self, is_open: bool) -> None:
        changed = QAccessible.State()
        changed.expanded = changed.collapsed = True
        QAccessible.updateAccessibility(QAccessibleStateChangeEvent(self.toggle_button, changed))
        self.body.setVisible(is_open)
        # closed, the arrow points the way the heading reads: left under a right-to-left language
        closed = Qt.ArrowType.LeftArrow if self.isRightToLeft() else Qt.ArrowType.RightArrow
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if is_open else closed)
        self.toggle_button.setAccessibleDescription(
            tr("Open: press Space to hide it.") if is_open else tr("Closed: press Space to show it.")
        )

    def on_toggle_button_toggled(self, is_open: bool) -> None:
        self._show(is_open)
        self.toggled.emit(is_open)
