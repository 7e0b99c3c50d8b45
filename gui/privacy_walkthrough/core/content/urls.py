"""The sources' web addresses: what makes one usable, and when two name the same page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from privacy_walkthrough.core.i18n import tr

_HOST_LABEL = re.compile(r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?")  # letters and digits, inner hyphens


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a usable https address, or None when it is."""
    if any(ch.isspace() for ch in url):
        return tr("the address contains a space")
    parts = urlsplit(url)
    if parts.scheme != "https":
        return tr("the address must start with https://")
    if "@" in parts.netloc:
        return tr("the address must not contain a user name or password (@)")
    host = parts.hostname or ""
    labels = host.split(".")
    if "." not in host:
        return tr("the host '{host}' has no dot; write the full address", host=host)
    if not all(_HOST_LABEL.fullmatch(label) for label in labels):
        return tr("the host '{host}' is not a valid host name", host=host)
    if labels[-1].isdigit():
        return tr("the host '{host}' is a bare IP address; link to a named site", host=host)
    try:
        _ = parts.port
    except ValueError:
        return tr("the address has an invalid port number")
    return None


def same_page(url: str) -> str:
    """The address with its host in lower case and no final slash: two sources on one page match."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.lower(), path=parts.path.rstrip("/")).geturl()
