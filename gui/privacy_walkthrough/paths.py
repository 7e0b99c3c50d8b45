"""Where this app keeps the person's files: resolved once at start-up and passed in."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "privacy-walkthrough"


@dataclass(frozen=True)
class AppPaths:
    data: Path  # progress files and their backups
    logs: Path

    @classmethod
    def resolve(cls, data_dir: Path | None) -> AppPaths:
        if data_dir is not None:
            return cls(data=data_dir, logs=data_dir / "logs")
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def guides(self) -> Path:
        """The person's own guides folder (a trainer can add guides here)."""
        return self.data / "guides"

    @property
    def progress_folder(self) -> Path:
        """The default profile's progress files (other profiles live under profiles/)."""
        return self.data / "progress"

    def progress_file(self, guide_id: str) -> Path:
        return self.progress_folder / f"{guide_id}.json"

    def ensure(self) -> None:
        """Create the folders, private to this user (0700)."""
        for folder in (self.data, self.progress_folder, self.logs):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
