"""The status icons are drawn when first shown, at the size shown; a selected row keeps the
icon's own colours (it faded into the highlight), a disabled one gets the style's look.
They read as status, not as tick boxes: round badges, none of them a square."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.qt.look import status_icons


def opaque_pixels(image: QImage) -> int:
    width, height = image.width(), image.height()
    return sum(image.pixelColor(x, y).alpha() > 0 for x in range(width) for y in range(height))


def test_each_status_icon_is_drawn_at_the_size_asked_for(qtbot: QtBot) -> None:
    icons = status_icons()
    assert set(icons) == set(StepStatus)
    for size in (16, 24, 40):
        pixmap = icons[StepStatus.DONE].pixmap(QSize(size, size))
        assert (pixmap.width(), pixmap.height()) == (size, size)
        assert opaque_pixels(pixmap.toImage()) > size  # something is drawn


def test_a_selected_icon_keeps_its_colours_and_a_disabled_one_is_the_styles_variant(qtbot: QtBot) -> None:
    icon = status_icons()[StepStatus.SKIPPED]
    normal = icon.pixmap(QSize(24, 24)).toImage()
    assert icon.pixmap(QSize(24, 24), QIcon.Mode.Selected).toImage() == normal
    disabled = icon.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    assert disabled.size() == normal.size()
    assert disabled != normal


def test_no_status_icon_looks_like_a_tick_box(qtbot: QtBot) -> None:
    """A tick box is a square: its corners are drawn. Every status icon leaves them empty."""
    for status, icon in status_icons().items():
        image = icon.pixmap(QSize(48, 48)).toImage()
        for x, y in ((4, 4), (43, 4), (4, 43), (43, 43)):
            assert image.pixelColor(x, y).alpha() == 0, (status, x, y)
