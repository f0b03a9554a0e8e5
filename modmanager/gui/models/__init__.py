"""Qt item models over the core dataclasses: the fleet tree, module tables, backups.

Views never hold data of their own: every list in the main window is a model here adapting
``PbxRecord``/``PbxSnapshot``, ``ModulePlan``, ``AvailableModule`` or ``BackupInfo``, so
sorting and filtering go through ``QSortFilterProxyModel`` and tests read what is shown
without touching widgets.
"""
