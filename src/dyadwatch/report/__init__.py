"""The dyad report: one self-contained HTML page (charts inlined, opens offline)."""

from .html import render_report, write_report

__all__ = ["render_report", "write_report"]
