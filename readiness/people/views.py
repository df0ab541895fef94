"""Pages: people search (active search) and a person's page, for the roles that may see people."""

from fastapi import APIRouter, Request

from readiness.completions import service as completions
from readiness.people import service
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import PageRequest
from readiness.web.templating import render

router = APIRouter()


@router.get("/people", name="people")
def people_page(request: Request, actor: CurrentActor, session: SessionDep, q: str = "", page: int = 1):
    result = service.search_people(session, actor=actor, text=q.strip() or None, paging=PageRequest(page, 50))
    return render(request, "people/index.html", {"result": result, "q": q.strip()}, block="results")


@router.get("/people/{person_id}", name="person")
def person_page(person_id: int, request: Request, actor: CurrentActor, session: SessionDep):
    person = service.get_person(session, actor=actor, person_id=person_id)
    history = completions.completions_of(session, actor=actor, person_id=person_id)
    return render(request, "people/show.html", {"person": person, "completions": history})
