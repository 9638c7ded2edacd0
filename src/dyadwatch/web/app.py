"""The web app: HTML pages and a JSON API under ``/api/`` over one read-only store.

Each route parses its parameters and calls :mod:`dyadwatch.web.pages`; the HTML route
renders the same dictionary the API route returns. The store is opened read-only once and
queried under a lock (a DuckDB connection serves one query at a time).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from ..actors.names import resolve_side
from ..errors import DyadwatchError, InputError
from ..store.reader import StoreReader
from . import pages
from .limits import LimitsMiddleware, RateLimiter
from .render import render
from .schemas import DocumentPage, DyadPage, EventPage, Overview, Problem, Resolved, SearchPage

T = TypeVar("T")
Side = Annotated[str, PathParam(min_length=1, max_length=64)]
EventId = Annotated[str, PathParam(min_length=1, max_length=128)]
Kind = Annotated[str | None, Query(alias="type", pattern=r"^[A-Za-z]{2,16}$")]
Quad = Annotated[int | None, Query(ge=1, le=4)]
Fact = Annotated[str | None, Query(pattern="^(" + "|".join(pages.FACTUALITIES) + ")$")]
Day = Annotated[dt.date | None, Query()]
Limit = Annotated[int, Query(ge=1, le=2000)]
NOT_FOUND = {404: {"model": Problem}}


class Site:
    """The store, the lock that serialises queries on it, and the pages built lately.

    The store is read-only while it is served (DuckDB lets no writer in meanwhile), so a
    page built once stays true: the last ``CACHED`` pages are kept and served again.
    """

    CACHED = 32

    def __init__(self, db: Path):
        self.reader = StoreReader(db)
        self.lock = threading.Lock()
        self.cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def run(self, build: Callable[..., T], *args: Any) -> T:
        key = (build.__name__, *args)
        with self.lock:
            if key in self.cache:
                self.cache.move_to_end(key)
                return self.cache[key]  # type: ignore[no-any-return]
            page = build(self.reader, *args)
            self.cache[key] = page
            if len(self.cache) > self.CACHED:
                self.cache.popitem(last=False)
            return page


def _problem(exc: DyadwatchError, html: bool) -> HTMLResponse | JSONResponse:
    status = 404 if isinstance(exc, InputError) else 500
    if html:
        return HTMLResponse(render("error.html", message=str(exc)), status_code=status)
    return JSONResponse({"detail": str(exc)}, status_code=status)


def create_app(db: Path | str, rate: float = 30.0, burst: int = 120) -> FastAPI:
    """The app over the store at ``db`` (opened read-only at once)."""
    site = Site(Path(db))
    app = FastAPI(title="dyadwatch", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", redirect_slashes=False,
                  description="Political events between states, from news text: "
                  "pages and a JSON API over a read-only event store.")  # fmt: skip
    app.state.site = site

    @app.exception_handler(DyadwatchError)
    async def _dyadwatch_error(request: Request, exc: DyadwatchError) -> Any:
        return _problem(exc, not request.url.path.startswith("/api/"))

    _api_routes(app, site)
    _html_routes(app, site)
    app.add_middleware(LimitsMiddleware, limiter=RateLimiter(rate, burst))
    return app


def _filters(kind: str | None, quad: int | None, fact: str | None, start: dt.date | None,
             end: dt.date | None) -> pages.DyadFilters:  # fmt: skip
    return pages.DyadFilters(kind, quad, fact, start, end)


def _api_routes(app: FastAPI, site: Site) -> None:
    @app.get("/api/dyads", response_model=Overview)
    def api_overview(limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Any:
        """The most active dyads, each with its monthly counts over the last twelve months."""
        return site.run(pages.overview, limit)

    @app.get("/api/dyads/{a}/{b}", response_model=DyadPage, responses=NOT_FOUND)
    def api_dyad(a: Side, b: Side, kind: Kind = None, quad: Quad = None, factuality: Fact = None,
                 start: Annotated[dt.date | None, Query(alias="from")] = None,
                 end: Annotated[dt.date | None, Query(alias="to")] = None,
                 limit: Limit = 300) -> Any:  # fmt: skip
        """A dyad's page: sides by name, demonym or code; filters apply to the listed events."""
        return site.run(pages.dyad_page, a, b, _filters(kind, quad, factuality, start, end), limit)

    @app.get("/api/events/{event_id}", response_model=EventPage, responses=NOT_FOUND)
    def api_event(event_id: EventId) -> Any:
        """A merged event with every source's evidence in its article."""
        return site.run(pages.event_page, event_id)

    @app.get("/api/documents/{doc_id:path}", response_model=DocumentPage, responses=NOT_FOUND)
    def api_document(doc_id: Annotated[str, PathParam(min_length=1, max_length=512)]) -> Any:
        """A document with each coded event's evidence marked in its text."""
        return site.run(pages.document_page, doc_id)

    @app.get("/api/search", response_model=SearchPage)
    def api_search(q: Annotated[str, Query(max_length=200)] = "",
                   limit: Annotated[int, Query(ge=1, le=200)] = 50) -> Any:  # fmt: skip
        """Mentions whose evidence holds every word of ``q``."""
        return site.run(pages.search_page, q, limit)

    @app.get("/api/resolve", response_model=Resolved, responses=NOT_FOUND)
    def api_resolve(name: Annotated[str, Query(min_length=1, max_length=64)]) -> Any:
        """The code of a country or organisation given by name, demonym or code."""
        return {"name": name, "code": resolve_side(name)}


def _html_routes(app: FastAPI, site: Site) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page() -> str:
        return render("overview.html", page=site.run(pages.overview, 20))

    @app.get("/dyad", include_in_schema=False)
    def dyad_form(a: Annotated[str, Query(max_length=64)] = "",
                  b: Annotated[str, Query(max_length=64)] = "") -> RedirectResponse:  # fmt: skip
        x, y = pages.resolve_dyad(a, b)
        return RedirectResponse(f"/dyad/{quote(x, safe='')}/{quote(y, safe='')}", status_code=303)

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_html(a: Side, b: Side, kind: Kind = None, quad: Quad = None, factuality: Fact = None,
                  start: Annotated[dt.date | None, Query(alias="from")] = None,
                  end: Annotated[dt.date | None, Query(alias="to")] = None) -> str:  # fmt: skip
        page = site.run(pages.dyad_page, a, b, _filters(kind, quad, factuality, start, end))
        return render("dyad.html", page=page, quads=pages.QUADS, factualities=pages.FACTUALITIES)

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_html(event_id: EventId) -> str:
        return render("event.html", page=site.run(pages.event_page, event_id))

    @app.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_html(doc_id: Annotated[str, PathParam(min_length=1, max_length=512)]) -> str:
        return render("document.html", page=site.run(pages.document_page, doc_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_html(q: Annotated[str, Query(max_length=200)] = "") -> str:
        return render("search.html", page=site.run(pages.search_page, q, 50))
