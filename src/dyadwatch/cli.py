"""The `dyadwatch` command line: parse arguments, call the library, print."""

from .commands import app

__all__ = ["app"]

if __name__ == "__main__":  # pragma: no cover
    app()
