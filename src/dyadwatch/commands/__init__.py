"""Command-line commands, one module per group; each registers itself on `app`."""

import typer

app = typer.Typer(
    name="dyadwatch",
    help="Verifiable political event data from news text, and how each bilateral relation moves.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Registration order is the order in --help.
from . import code, demo  # noqa: E402,F401
from . import evaluate  # noqa: E402,F401
from . import speed  # noqa: E402,F401
from . import store  # noqa: E402,F401
