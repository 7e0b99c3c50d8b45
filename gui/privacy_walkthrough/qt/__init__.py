"""The thin Qt layer: one window, a generic step page and a few special pages."""

from privacy_walkthrough.qt.source_scan import stop_source_scan

stop_source_scan()  # before the Qt layer's own imports: see source_scan's docstring
