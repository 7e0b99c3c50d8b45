"""The first page: what the app does, the local-only promise, and how long it takes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from privacy_walkthrough.core.content_models import Guide
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel


class WelcomePage(QWidget):
    def __init__(self, guide: Guide, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        body = QWidget()
        body.setObjectName("welcomeBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(HeadingLabel(guide.info.title, level=1))
        layout.addWidget(WrappedLabel(guide.info.description, text_format=Qt.TextFormat.MarkdownText))
        layout.addWidget(HeadingLabel(tr("Nothing leaves this computer")))
        self.promise_label = WrappedLabel(
            tr(
                "This app never connects to the internet. Your answers and notes are kept only in "
                "this folder on this computer: {folder}. A link opens in your web browser only "
                "when you click it.",
                folder=data_folder,
            ),
            object_name="promiseLabel",
        )
        layout.addWidget(self.promise_label)
        layout.addWidget(HeadingLabel(tr("How it works")))
        layout.addWidget(
            WrappedLabel(
                tr(
                    "There are {count} steps. Allow about {minutes} minutes, with your iPhone, iPad or "
                    "Mac beside you. For each step you can mark it done, skip it, say it does not "
                    "apply, or leave it for later. Everything is saved as you go: you can stop at any "
                    "time and pick up where you left off. At the end you can print a checklist.",
                    count=len(guide.steps),
                    minutes=guide.info.minutes,
                )
            )
        )
        layout.addWidget(
            WrappedLabel(
                tr("This guide was last reviewed on {date}.", date=guide.info.reviewed.isoformat()),
                object_name="metaLabel",
            )
        )
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
