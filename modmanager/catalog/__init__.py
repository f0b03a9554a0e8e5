"""Catalog sources: building catalogs from vendor folders, fetching, caching and downloading."""
