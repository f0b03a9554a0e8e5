"""The Qt-free core: dataclasses and pure functions. No Qt, no network, no hidden disk I/O."""
