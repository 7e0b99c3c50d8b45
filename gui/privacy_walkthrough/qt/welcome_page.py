"""The first page: what the app does, the local-only promise, and how long it takes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.translation import review_text
from privacy_walkthrough.core.i18n import ltr, ntr, tr
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel, fill_with_scrolling


def breakable_path(path: str) -> str:
    """The path with a zero-width space after each separator, so that a narrow line breaks it
    between folder names rather than in the middle of one."""
    return path.replace("/", "/\u200b").replace("\\", "\\\u200b")


class WelcomePage(QWidget):
    def __init__(self, guide: Guide, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        body = QWidget()
        body.setObjectName("welcomeBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(HeadingLabel(guide.info.title, level=1))
        self.freshness_label = WrappedLabel(object_name="cautionLabel")
        self.freshness_label.hide()
        layout.addWidget(self.freshness_label)
        layout.addWidget(WrappedLabel(guide.info.description, text_format=Qt.TextFormat.MarkdownText))
        layout.addWidget(HeadingLabel(tr("Nothing leaves this computer")))
        self.promise_label = WrappedLabel(
            tr(
                "This app never connects to the internet. Your answers and notes are kept only in "
                "this folder on this computer: {folder}. A link opens in your web browser only "
                "when you click it.",
                folder=ltr(breakable_path(data_folder)),
            ),
            object_name="promiseLabel",
        )
        layout.addWidget(self.promise_label)
        layout.addWidget(HeadingLabel(tr("How it works")))
        if f"{guide.info.minutes} minutes" in guide.info.description:  # said once is enough
            how_long = ntr("There is {n} step.", "There are {n} steps.", len(guide.steps))
        else:
            how_long = tr(
                "{steps} {time}",
                steps=ntr("There is {n} step.", "There are {n} steps.", len(guide.steps)),
                time=ntr(
                    "Allow about {n} minute, with your iPhone, iPad or Mac beside you.",
                    "Allow about {n} minutes, with your iPhone, iPad or Mac beside you.",
                    guide.info.minutes,
                ),
            )
        layout.addWidget(
            WrappedLabel(
                tr(
                    "{how_long} For each step you can mark it done, skip it, say it does not apply, or "
                    "leave it for later. Everything is saved as you go: you can stop at any time and "
                    "pick up where you left off. At the end you can print a checklist.",
                    how_long=how_long,
                )
            )
        )
        reviewed = tr("This guide was last reviewed on {date}.", date=ltr(guide.info.reviewed.isoformat()))
        if guide.info.newest_versions is not None:
            reviewed = tr(
                "{reviewed} It was checked against iOS and iPadOS up to {ios} and macOS up to {macos}.",
                reviewed=reviewed,
                ios=guide.info.newest_versions.ios,
                macos=guide.info.newest_versions.macos,
            )
        layout.addWidget(WrappedLabel(reviewed, object_name="metaLabel"))
        if guide.translation is not None:  # the translation's review state, until signed off and after
            self.translation_label = WrappedLabel(
                review_text(guide.translation.review), object_name="translationReviewLabel"
            )
            layout.addWidget(self.translation_label)
        layout.addStretch(1)
        fill_with_scrolling(self, body)

    def show_freshness(self, warnings: list[str]) -> None:
        """Warn when the guide may be out of date for this person's devices."""
        text = "\n\n".join(warnings)
        self.freshness_label.setText(text)
        self.freshness_label.setAccessibleName(text)
        self.freshness_label.setVisible(bool(warnings))
