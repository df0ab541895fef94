"""Evidence packs: the printable page and the XLSX workbook."""

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from readiness.errors import Invalid
from readiness.evidence import service, xlsx
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.exports import XLSX_TYPE
from readiness.web.i18n import gettext as _
from readiness.web.templating import render

router = APIRouter()


@router.get("/units/{code}/evidence", name="evidence_pack")
def evidence_page(code: str, request: Request, actor: CurrentActor, session: SessionDep,
                  requirement: str = "", as_of: str = ""):
    pack = service.evidence_pack(session, actor=actor, unit_code=code, requirement_code=requirement or None,
                                 as_of=_day(as_of), output="page")
    return render(request, "evidence/show.html", {"pack": pack})


@router.get("/units/{code}/evidence.xlsx", name="evidence_pack_xlsx")
def evidence_workbook(code: str, actor: CurrentActor, session: SessionDep, requirement: str = "",
                      as_of: str = ""):
    pack = service.evidence_pack(session, actor=actor, unit_code=code, requirement_code=requirement or None,
                                 as_of=_day(as_of), output="xlsx")
    filename = f"{pack.unit}-evidence-{pack.as_of.isoformat()}.xlsx"
    return Response(xlsx.workbook(pack), media_type=XLSX_TYPE,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise Invalid(_("Enter dates as YYYY-MM-DD.")) from None
