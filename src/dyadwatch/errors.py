"""One exception hierarchy for the whole package."""


class DyadwatchError(Exception):
    """Base class of every error dyadwatch raises on purpose."""


class InputError(DyadwatchError):
    """A document or input file that cannot be coded.

    ``doc`` names the document (its id, or file and line) so the message can say which.
    """

    def __init__(self, message: str, doc: str | None = None, line: int | None = None):
        self.doc = doc
        self.line = line
        where = doc or "?"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(_one_line(f"{where}: {message}"))
        self.reason = message


def _one_line(text: str) -> str:
    """``text`` with line breaks and other unprintable characters escaped ("0\\n"), so an
    error about a document with such an id is still one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class DataError(DyadwatchError):
    """A lexicon, actor list or other data file that does not follow its schema."""


class ModelError(DyadwatchError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(DyadwatchError):
    """The event store cannot be read or written."""


class OutputError(DyadwatchError):
    """An output path that cannot be written (a directory, or in a folder that is missing)."""
