"""The admin's audit trail page: filters by user, entity and dates, and pagination."""

import json
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from readiness.audit.repository import AuditFilter
from readiness.audit.service import audit_page
from readiness.errors import Invalid, NotFound
from readiness.web.auth import AdminActor
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
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


@router.get("/admin/audit.{fmt}", name="export_audit")
def export_audit(fmt: str, actor: AdminActor, session: SessionDep, user: str = "", entity: str = "",
                 since: str = "", until: str = ""):
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("Exports are CSV or XLSX."))
    filters = AuditFilter(user_id=_number(user), entity=entity or None, since=_day(since), until=_day(until))
    header = [_("When (UTC)"), _("Who"), _("Action"), _("Record kind"), _("Record"), _("Summary"), _("Before"),
              _("After")]
    rows = [[e.at.replace(tzinfo=None), e.actor, e.action, e.entity, e.entity_id, e.summary, _json(e.before),
             _json(e.after)] for e in _all_entries(session, actor, filters)]
    if fmt == "csv":
        return csv_response("audit.csv", header, rows)
    return xlsx_response("audit.xlsx", header, rows, sheet=_("Audit trail"))


def _all_entries(session, actor, filters: AuditFilter) -> list:
    """Every entry matching the filters (all pages), newest first; admins only, as on the page."""
    entries, page = [], 1
    while True:
        found = audit_page(session, actor=actor, filters=filters, page=page)
        entries.extend(found.entries)
        if page >= found.pages:
            return entries
        page += 1


def _json(values: dict | None) -> str | None:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str) if values else None


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
