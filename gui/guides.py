"""Finding the shipped guide."""

from __future__ import annotations

from privacy_walkthrough import resources
from privacy_walkthrough.core.content_loader import load_guide
from privacy_walkthrough.core.content_models import Guide

DEFAULT_GUIDE = "imessage-privacy"
DEFAULT_LANGUAGE = "en"


def load_default_guide() -> Guide:
    """The shipped iMessage guide (raises ContentError when it is broken)."""
    return load_guide(resources.content_root() / DEFAULT_GUIDE / DEFAULT_LANGUAGE)
