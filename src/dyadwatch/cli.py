"""The `dyadwatch` command line: parse arguments, call the library, print."""

from .commands import app
from .spacy_import import defer_spacy_cli

defer_spacy_cli()  # the commands never use spaCy's own command line; its import is slow

__all__ = ["app"]

if __name__ == "__main__":  # pragma: no cover
    app()
