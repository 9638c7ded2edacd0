"""The HTML page of the dyad report: charts with the Vega JavaScript inlined, and the event table.

The page loads nothing from the network: the vega-embed bundle (Vega, Vega-Lite and
vega-embed) comes from ``vl_convert`` and is written into the page once; each chart is one
``vegaEmbed`` call on its own div.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..analysis.dyad import DyadView
from ..analysis.timeline import span_words
from ..errors import DyadwatchError
from .charts import QUAD_NAMES, all_specs

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35rem; vertical-align: top; text-align: left; }
blockquote { margin: 0; color: #444; } .q1, .q2 { color: #1b6e3a; } .q3, .q4 { color: #b8322a; }
.stats { display: flex; gap: 2rem; } .stats div { background: #f4f4f4; padding: 0.5rem 1rem; }
"""


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """The vega-embed JavaScript bundle, safe to place inside a <script> element."""
    try:
        import vl_convert as vlc
        from altair.utils._importers import vl_version_for_vl_convert

        bundle: str = vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())
    except (ImportError, ValueError) as e:
        raise DyadwatchError(f"cannot build the inline chart bundle ({e})") from e
    return bundle.replace("</script", "<\\/script")


def _script_json(value: Any) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return json.dumps(value).replace("</", "<\\/")


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def link_url(value: Any) -> str | None:
    """``value`` if it is an http(s) address with a host, else None (never a ``javascript:``)."""
    if not isinstance(value, str) or any(c in value for c in "\x00\t\r\n"):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value.strip()


def _sources_cell(rec: dict[str, Any]) -> str:
    parts = []
    for s in rec.get("sources") or []:
        label = _esc(s.get("outlet") or s.get("doc_id"))
        url = link_url(s.get("url"))
        if url:
            parts.append(f'<a href="{_esc(url)}">{label}</a>')
        else:
            parts.append(label)
    return "<br>".join(parts)


def _evidence_cell(rec: dict[str, Any]) -> str:
    quotes = [s.get("evidence") for s in rec.get("sources") or [] if s.get("evidence")]
    if not quotes and rec.get("evidence"):
        quotes = [rec["evidence"].get("text")]
    reasons = [r["text"] for r in rec.get("stated_reasons") or []]
    out = "".join(f"<blockquote>“{_esc(q)}”</blockquote>" for q in dict.fromkeys(quotes))
    if reasons:
        out += "<div>stated reasons: " + "; ".join(_esc(r) for r in reasons) + "</div>"
    return out


def event_table(view: DyadView) -> str:
    """The events as an HTML table with quoted evidence and source links."""
    rows = []
    for rec in view.events:
        q = rec.get("quad_code") or 0
        rows.append(
            f'<tr id="{_esc(rec["id"])}"><td>{_esc(rec.get("date"))}<br>'
            f"<small>{_esc(rec.get('date_precision'))}</small></td>"
            f"<td>{_esc(rec.get('direction'))}{_via(rec)}</td>"
            f'<td class="q{q}">{_esc(rec.get("event"))}<br><small>{_esc(QUAD_NAMES.get(q, ""))}</small></td>'
            f"<td>{_esc(rec.get('intensity'))}</td>"
            f"<td>{_evidence_cell(rec)}</td><td>{_sources_cell(rec)}</td></tr>"
        )
    head = "<tr><th>date</th><th>direction</th><th>event</th><th>intensity</th><th>evidence</th><th>sources</th></tr>"
    return f'<table id="events">{head}{"".join(rows)}</table>'


def _via(rec: dict) -> str:
    """ "via CIS" under the direction of an act toward (or by) a bloc one side belongs to."""
    return f"<br><small>via {_esc(rec['via'])}</small>" if rec.get("via") else ""


def _summary(view: DyadView) -> str:
    explicit = sum(1 for link in view.links if link.kind == "explicit")
    inferred = len(view.links) - explicit
    bits = [
        f"<div>{view.total_events} events</div>",
        f"<div>{explicit} explicit and {inferred} inferred response links</div>",
        f"<div>{len(view.alerts)} escalation alerts</div>",
    ]
    return '<div class="stats">' + "".join(bits) + "</div>"


def reciprocity_list(view: DyadView) -> str:
    """Each direction's reciprocity as a sentence."""
    items = [f"<li>{_esc(v['summary'])}</li>" for v in view.reciprocity.values()
             if isinstance(v, dict) and v.get("summary")]  # fmt: skip
    return f"<ul>{''.join(items) or '<li>no weekly series to compare</li>'}</ul>"


def undrawn_list(view: DyadView) -> str:
    """Events and response links the timeline leaves out because a date is too coarse."""
    by_id = {e["id"]: e for e in view.events}
    items = [
        f'<li><a href="#{_esc(i)}">{_esc(by_id[i].get("event"))} '
        f"{_esc(by_id[i].get('direction'))}</a>, dated {_esc(span_words(by_id[i].get('date'), by_id[i].get('date_precision')))}</li>"
        for i in view.timeline.listed if i in by_id
    ]  # fmt: skip
    label = {e["id"]: f"{e.get('event')} {e.get('direction')}" for e in view.events}
    items += [
        f'<li>{_esc(link.kind)} response link: <a href="#{_esc(link.source)}">'
        f"{_esc(label.get(link.source))}</a>, dated {_esc(link.source_when)}, responds to "
        f'<a href="#{_esc(link.target)}">{_esc(label.get(link.target))}</a>, dated '
        f"{_esc(link.target_when)}</li>"
        for link in view.timeline.links if not link.drawn
    ]  # fmt: skip
    return f"<ul>{''.join(items) or '<li>none</li>'}</ul>"


def render_report(view: DyadView) -> str:
    """The whole page as a string."""
    a, b = view.dyad
    specs = all_specs(view)
    divs = "".join(f'<div class="chart" id="{name}"></div>' for name in specs)
    calls = "\n".join(
        f"vegaEmbed('#{name}', {_script_json(spec)}, {{\"actions\": false}}).catch(console.error);"
        for name, spec in specs.items()
    )
    alerts = "".join(f"<li>{_esc(al['explanation'])}</li>" for al in view.alerts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_esc(a)} and {_esc(b)}: dyad report</title>
<style>{STYLE}</style>
<script type="text/javascript">
{vega_bundle()}
</script></head>
<body><h1>{_esc(a)} and {_esc(b)}</h1>
{_summary(view)}
<h2>Reciprocity</h2>{reciprocity_list(view)}
<h2>Timeline and series</h2>{divs}
<h3>Not drawn: dated too coarsely</h3>{undrawn_list(view)}
<h2>Escalation alerts</h2><ul>{alerts or "<li>none</li>"}</ul>
<h2>Events</h2>{event_table(view)}
<script type="text/javascript">
{calls}
</script></body></html>
"""


def write_report(view: DyadView, path: Path) -> Path:
    """Write the page to ``path`` and return it."""
    path.write_text(render_report(view), encoding="utf-8")
    return path
