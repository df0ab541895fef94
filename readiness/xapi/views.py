"""Page: the identity links (LMS accounts and mailboxes) of a centre's people."""

from fastapi import APIRouter, Request

from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.listing import ListQuery
from readiness.web.pagination import PageRequest
from readiness.web.templating import render
from readiness.xapi import service

router = APIRouter()
PER_PAGE = 50


@router.get("/identity-links", name="identity_links")
def identity_links_page(request: Request, actor: CurrentActor, session: SessionDep, q: str = "", page: int = 1):
    listing = ListQuery.read({"q": q}, "", "", page, sort_keys=(), default_sort="")
    result = service.identity_links(session, actor=actor, paging=PageRequest(listing.page, PER_PAGE),
                                    text=listing.filters["q"] or None)
    return render(request, "imports/identity_links.html", {"result": result, "listing": listing}, block="results")
