"""modmanager: a desktop module manager for STARFACE PBXs."""

__version__ = "0.1.0"
