"""Privacy Walkthrough: a guided, local-only walkthrough of Apple Messages privacy settings."""

__version__ = "0.1.0"
