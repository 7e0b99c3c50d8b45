"""The thin Qt layer: one window, a generic step page and a few special pages."""
