"""Local state: data directory, settings, inventory (SQLite), credentials, backups, journal."""
