"""Allow ``python -m dyadwatch``."""

from dyadwatch.cli import app

app(prog_name="dyadwatch")
