"""Page: the identity links (LMS accounts and mailboxes) of a centre's people."""

from fastapi import APIRouter, Request

from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.exports import download
from readiness.web.i18n import gettext as _
from readiness.web.listing import ListQuery
from readiness.web.pagination import MAX_PER_PAGE, PageRequest
from readiness.web.templating import render
from readiness.xapi import service

router = APIRouter()
PER_PAGE = 50


@router.get("/identity-links.{fmt}", name="export_identity_links")
def export_identity_links(fmt: str, actor: CurrentActor, session: SessionDep, q: str = ""):
    """The identity links the page lists (every page), as CSV or XLSX."""
    header = [_("Account or mailbox"), _("Country"), _("Service number"), _("Family name"), _("Given name"),
              _("Centre"), _("Added by")]
    rows = [[link["actor_key"], link["country"], link["service_number"], link["family_name"], link["given_name"],
             link["centre"], link["created_by"]] for link in _every_link(session, actor, q or None)]
    return download(fmt, "identity-links", header, rows, sheet=_("Identity links"))


def _every_link(session, actor, text: str | None) -> list:
    links, page = [], 1
    while True:
        result = service.identity_links(session, actor=actor, paging=PageRequest(page, MAX_PER_PAGE), text=text)
        links.extend(result.items)
        if page >= result.pages:
            return links
        page += 1


@router.get("/identity-links", name="identity_links")
def identity_links_page(request: Request, actor: CurrentActor, session: SessionDep, q: str = "", page: int = 1):
    listing = ListQuery.read({"q": q}, "", "", page, sort_keys=(), default_sort="")
    result = service.identity_links(session, actor=actor, paging=PageRequest(listing.page, PER_PAGE),
                                    text=listing.filters["q"] or None)
    return render(request, "imports/identity_links.html", {"result": result, "listing": listing}, block="results")
