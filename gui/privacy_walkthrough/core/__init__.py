"""The Qt-free core: content, progress, walkthrough flow and checklist rendering."""
