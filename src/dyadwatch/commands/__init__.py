"""Command-line commands, one module per group; each registers itself on `app`."""

# Registration order is the order in --help.
from . import (  # noqa: F401
    code,
    demo,
    evaluate,
    speed,
    store,
    watch,
    web,
)
from .root import app

__all__ = ["app"]
