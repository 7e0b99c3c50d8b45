"""One person's session with one guide: loads progress, saves every change, starts over.

The app has one session for its whole life; opening another profile points it at that
profile's progress file (:meth:`Session.open`).  This is the single place where progress
reaches the disk.  A failed save keeps the
progress in memory, remembers the problem for the window to show, and can be retried.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.progress.other_guide import GuideTitles, no_titles, other_guide_problem
from privacy_walkthrough.core.progress.store import LoadResult, ProgressStore
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress, utc_now

log = logging.getLogger(__name__)


class Session:
    def __init__(
        self,
        guide: Guide,
        store: ProgressStore,
        clock: Callable[[], dt.datetime] = utc_now,
        titles: GuideTitles = no_titles,
    ) -> None:
        self.guide = guide
        self.titles = titles  # the installed guides' titles, for messages about another guide
        self.store = store
        self._clock = clock
        self.save_error: str | None = None
        self._unsaved: Progress | None = None
        self.load_result = self._load(store)
        progress = self.load_result.progress or new_progress(guide, clock())
        self.walkthrough = self._walkthrough_for(progress)

    def open(self, store: ProgressStore) -> None:
        """Use another progress file from now on (another profile's), and resume from it.

        A failed save of the current progress is tried once more first.  Raises
        :class:`~privacy_walkthrough.core.progress.store.NewerProgressError`, and changes
        nothing, for a file from a newer app.
        """
        self.retry_save()
        result = self._load(store)
        self.store = store
        self.load_result = result
        self.save_error = None
        self._unsaved = None
        self.walkthrough = self._walkthrough_for(result.progress or new_progress(self.guide, self._clock()))

    def _load(self, store: ProgressStore) -> LoadResult:
        """The store's progress; a file that holds another guide's progress is set aside."""
        result = store.load()
        found = result.progress
        if found is None or found.guide_id == self.guide.info.id:
            return result
        aside = store.set_aside("damaged")
        log.warning("A progress file held another guide's progress and was set aside")
        problem = other_guide_problem(tr("the progress file"), found.guide_id, self.guide, self.titles)
        return LoadResult(None, aside, problem)

    @property
    def set_aside_notice(self) -> LoadResult | None:
        """The load result when a damaged file was moved aside, for the window to explain."""
        return self.load_result if self.load_result.set_aside else None

    def _walkthrough_for(self, progress: Progress) -> Walkthrough:
        return Walkthrough(self.guide, progress, on_change=self.save, clock=self._clock)

    def save(self, progress: Progress) -> None:
        """Write the progress now; on failure keep it in memory and remember why."""
        try:
            self.store.save(progress)
        except (OSError, ValueError) as exc:
            self._unsaved = progress
            self.save_error = tr(
                "Your progress could not be saved ({reason}). It is kept while the app is open "
                "and saving will be tried again.",
                reason=getattr(exc, "strerror", None) or type(exc).__name__,
            )
            log.warning("Saving progress failed: %s", type(exc).__name__)
        else:
            self._unsaved = None
            self.save_error = None

    def retry_save(self) -> bool:
        """Try a failed save again; True when everything is on disk."""
        if self._unsaved is not None:
            self.save(self._unsaved)
        return self.save_error is None

    def replace_progress(self, progress: Progress) -> Path | None:
        """Use ``progress`` (an imported file) from now on; the old progress is kept as a backup."""
        backup = self.store.back_up()
        self.walkthrough = self._walkthrough_for(copy.deepcopy(progress))
        self.save(self.walkthrough.progress)
        return backup

    def start_over(self) -> Path | None:
        """Keep the old progress as a backup file, then begin again from the welcome page.

        Every decision and note goes; the person's devices and answers stay (they still have
        the same phone), and can be changed on the set-up page.
        """
        backup = self.store.back_up()
        old = self.walkthrough.progress
        fresh = replace(
            new_progress(self.guide, self._clock()),
            devices=list(old.devices),
            answers=old.answers,
            setup_done=old.setup_done,
        )
        self.walkthrough = self._walkthrough_for(fresh)
        self.save(self.walkthrough.progress)
        return backup
