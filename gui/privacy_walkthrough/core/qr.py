"""QR codes drawn on this computer (no network), so a phone can open a step's source page."""

from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=256)
def qr_svg(url: str) -> str:
    """An SVG QR code for ``url`` (medium error correction, a quiet zone of 2 modules)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", scale=1, border=2, xmldecl=False, svgns=True, dark="#000000", light="#ffffff"
    )
    return buffer.getvalue().decode("utf-8")
