"""Web command: `serve`, the local web app over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import DyadwatchError
from .root import app

err = Console(stderr=True, highlight=False)


@app.command("serve")
def serve_command(
    db: Annotated[Path, typer.Option("--db", help="the DuckDB store (opened read-only)")] = Path("dyadwatch.duckdb"),
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    rate: Annotated[float, typer.Option("--rate", min=0.1, help="requests per second per client")] = 30.0,
) -> None:  # fmt: skip
    """Browse the store in a web browser: dyads, events, documents, search and a JSON API."""
    import uvicorn

    from ..web import create_app

    try:
        web_app = create_app(db, rate=rate)
    except DyadwatchError as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    err.print(f"serving {db} on http://{host}:{port}/ (API under /api/, schema at /openapi.json)",
              markup=False)  # fmt: skip
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
