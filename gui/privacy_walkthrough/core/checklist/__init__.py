"""The printed checklist: plain data built from a guide and a person's progress (``model``),
then rendered as HTML, Markdown or JSON (``render``)."""
