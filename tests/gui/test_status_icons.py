"""The status icons are drawn when first shown, at the size shown, with the style's selected look."""

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


def test_a_selected_or_disabled_icon_is_the_styles_variant(qtbot: QtBot) -> None:
    icon = status_icons()[StepStatus.SKIPPED]
    normal = icon.pixmap(QSize(24, 24)).toImage()
    for mode in (QIcon.Mode.Selected, QIcon.Mode.Disabled):
        variant = icon.pixmap(QSize(24, 24), mode).toImage()
        assert variant.size() == normal.size()
        assert variant != normal
