"""Sending alerts from the outbox: printed, appended as JSON lines, POSTed to a webhook.

Each channel is marked in the store once it has the alert, so every alert reaches each
channel once; a channel that fails (the webhook is down) keeps the alert for the next
cycle. The webhook request carries the alert id as ``Idempotency-Key``: should the process
die between a successful POST and its mark, the receiver can tell the one resend.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import httpx

from ..store.watchstate import WatchStore
from .settings import USER_AGENT, AlertSettings

Printer = Callable[[dict[str, Any]], None]


def deliver(store: WatchStore, settings: AlertSettings, printer: Printer | None) -> list[str]:
    """Send every alert a channel has not had yet; returns the channel errors met."""
    errors: list[str] = []
    pending = store.undelivered()
    if not pending:
        return errors
    with httpx.Client(
        timeout=settings.webhook_timeout, headers={"User-Agent": USER_AGENT}
    ) as client:
        for ident, payload, done in pending:
            if not done["printed"]:
                if printer is not None:
                    printer(payload)
                store.mark_delivered(ident, "printed")
            if not done["jsonl"]:
                if settings.jsonl is not None:
                    _append(settings.jsonl, payload)
                store.mark_delivered(ident, "jsonl")
            if not done["webhook"] and (
                settings.webhook is None or _post(client, settings.webhook, ident, payload, errors)
            ):
                store.mark_delivered(ident, "webhook")
    return errors


def _append(path: os.PathLike[str], payload: dict[str, Any]) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(payload, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _post(client: httpx.Client, url: str, ident: str, payload: dict[str, Any],
          errors: list[str]) -> bool:  # fmt: skip
    try:
        resp = client.post(url, json=payload, headers={"Idempotency-Key": ident})
    except httpx.HTTPError as e:
        errors.append(f"webhook {url}: {type(e).__name__}: {e}")
        return False
    if resp.status_code >= 300:
        errors.append(f"webhook {url}: HTTP {resp.status_code} for alert {ident}")
        return False
    return True
