"""Page: the identity links (LMS accounts and mailboxes) of a centre's people."""

from fastapi import APIRouter, Request

from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.templating import render
from readiness.xapi import service

router = APIRouter()


@router.get("/identity-links", name="identity_links")
def identity_links_page(request: Request, actor: CurrentActor, session: SessionDep):
    links = service.identity_links(session, actor=actor)
    return render(request, "imports/identity_links.html", {"links": links})
