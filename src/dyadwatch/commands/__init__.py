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
from . import (  # noqa: F401
    code,
    demo,
    evaluate,
    speed,
    store,
    watch,
)
