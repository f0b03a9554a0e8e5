"""What the window's actions do, one area per module: ask the user, call the controller, show the outcome.

A flow reads the selection from the views, asks what it must (a dialog, a question), hands the
work to the :class:`~modmanager.gui.controller.Controller` and shows what only it can show (a
summary, the next dialog). It never redraws a view: the controller announces what changed.
"""
