"""The `dyadwatch` Typer application that every command module registers itself on."""

import typer

app = typer.Typer(
    name="dyadwatch",
    help="Verifiable political event data from news text, and how each bilateral relation moves.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
