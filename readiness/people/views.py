"""Pages: people search (active search) and a person's page, for the roles that may see people."""

from fastapi import APIRouter, Request

from readiness.completions import service as completions
from readiness.errors import NotFound
from readiness.people import service
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.pagination import MAX_PER_PAGE, PageRequest
from readiness.web.templating import render

router = APIRouter()


@router.get("/people", name="people")
def people_page(request: Request, actor: CurrentActor, session: SessionDep, q: str = "", page: int = 1):
    result = service.search_people(session, actor=actor, text=q.strip() or None, paging=PageRequest(page, 50))
    return render(request, "people/index.html", {"result": result, "q": q.strip()}, block="results")


@router.get("/people.{fmt}", name="export_people")
def export_people(fmt: str, actor: CurrentActor, session: SessionDep, q: str = ""):
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("Exports are CSV or XLSX."))
    people = _all_matching(session, actor, q.strip() or None)  # refuses the roles that may not see people
    header = [_("Service number"), _("Family name"), _("Given name"), _("Country"), _("Gender"), _("Rank"),
              _("Role"), _("Unit")]
    rows = [[p.service_number, p.family_name, p.given_name, p.country, label("gender", p.gender), p.rank,
             p.role, p.unit] for p in people]
    if fmt == "csv":
        return csv_response("people.csv", header, rows)
    return xlsx_response("people.xlsx", header, rows, sheet=_("People"))


def _all_matching(session, actor, text: str | None) -> list:
    """Every person the search finds (all pages), under the same scope rule as the page."""
    people, page = [], 1
    while True:
        found = service.search_people(session, actor=actor, text=text, paging=PageRequest(page, MAX_PER_PAGE))
        people.extend(found.items)
        if page >= found.pages:
            return people
        page += 1


@router.get("/people/{person_id}", name="person")
def person_page(person_id: int, request: Request, actor: CurrentActor, session: SessionDep):
    person = service.get_person(session, actor=actor, person_id=person_id)
    history = completions.completions_of(session, actor=actor, person_id=person_id)
    return render(request, "people/show.html", {"person": person, "completions": history})
