"""The walkthrough flow: pages in order, where the person is, what fits them, and the session
that saves every change."""
