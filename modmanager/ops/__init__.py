"""Use cases with side effects: refresh, backup/restore, the update transaction, recovery."""
