"""The panes of the main window, each with one job: it owns its models and widgets, emits its own
signals and redraws itself from the controller's :class:`~modmanager.gui.changes.Changes`."""
