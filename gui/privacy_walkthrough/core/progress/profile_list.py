"""``profiles.json`` as records: one entry per profile, and the whole list, checked whole.

:class:`~privacy_walkthrough.core.progress.profiles.ProfileRegistry` reads and writes it.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from privacy_walkthrough.core.content.fields import Slug
from privacy_walkthrough.core.content.records import rule

DEFAULT_ID = "default"
NAME_MAX_CHARS = 60
REGISTRY_FORMAT = "privacy-walkthrough-profiles"
REGISTRY_VERSION = 1

# str_max_length: every text is checked, so a lone surrogate is refused (see progress.models.Record)
_STRICT = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True, str_max_length=1000)


class ProfileEntry(BaseModel):
    model_config = _STRICT

    id: Slug
    name: Annotated[str, StringConstraints(max_length=NAME_MAX_CHARS)] = ""  # "": "Me", or a hidden name
    protected: bool = False  # its files are sealed with a passphrase
    name_hidden: bool = False  # listed as "Protected profile"; its name is not kept anywhere
    lock_after_minutes: Literal[0, 5, 15] = 0
    # The language chosen in the Language menu ("es"); "": follow the system's.
    language: Annotated[str, StringConstraints(max_length=20, pattern=r"^[A-Za-z_-]*$")] = ""


class ProfileList(BaseModel):
    model_config = _STRICT

    format: Literal["privacy-walkthrough-profiles"] = "privacy-walkthrough-profiles"
    schema_version: Literal[1] = 1  # REGISTRY_VERSION
    profiles: Annotated[list[ProfileEntry], Field(min_length=1)]
    last_used: Slug

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [p.id for p in self.profiles]
        if len(set(ids)) != len(ids):
            raise rule("profiles", "lists a profile id twice")
        if self.last_used not in ids:
            raise rule("last_used", "is not one of the profiles listed")
        if any(not p.name.strip() and p.id != DEFAULT_ID and not p.name_hidden for p in self.profiles):
            raise rule("profiles", "has a profile without a name")
        return self


def fresh_list() -> ProfileList:
    """The list with only the default profile: known good, so not checked (no validator built)."""
    return ProfileList.model_construct(
        profiles=[ProfileEntry.model_construct(id=DEFAULT_ID)], last_used=DEFAULT_ID
    )
