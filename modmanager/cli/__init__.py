"""Command-line front end over ops/ and core/."""
