"""The local web app over the event store: pages and a JSON API, read-only."""

from .app import create_app

__all__ = ["create_app"]
