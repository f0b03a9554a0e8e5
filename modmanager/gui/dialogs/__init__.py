"""Modal dialogs: add/edit a PBX (with certificate trust), application settings."""
