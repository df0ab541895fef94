"""The admin's audit trail page: filters by user, entity and dates, and pagination."""

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from readiness.audit.repository import AuditFilter
from readiness.audit.service import audit_page
from readiness.errors import Invalid
from readiness.web.auth import AdminActor
from readiness.web.deps import SessionDep
from readiness.web.i18n import gettext as _
from readiness.web.templating import render

router = APIRouter()


@router.get("/admin/audit", name="admin_audit")
def audit_trail(request: Request, actor: AdminActor, session: SessionDep, user: str = "",
                entity: str = "", since: str = "", until: str = "", page: int = 1):
    # Empty filter fields arrive as "" from the form and mean "any".
    filters = AuditFilter(user_id=_number(user), entity=entity or None, since=_day(since), until=_day(until))
    result = audit_page(session, actor=actor, filters=filters, page=page)
    context = {"result": result, "filters": filters, "query": _query_without_page(filters)}
    return render(request, "admin/audit.html", context, block="entries")


def _number(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise Invalid(_("Choose a user from the list."))
    return int(text)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise Invalid(_("Enter dates as YYYY-MM-DD.")) from None


def _query_without_page(filters: AuditFilter) -> str:
    """The filters as a query string, for the pagination links."""
    values = {"user": filters.user_id, "entity": filters.entity, "since": filters.since,
              "until": filters.until}
    return urlencode({key: value for key, value in values.items() if value is not None})
