"""Identity links files: which LMS account or mailbox (an xAPI actor) is which person.

Matched on the actor, normalised as xAPI statements are (readiness/xapi/actors.py): a link
that names another person is moved to the file's person.
"""

from dataclasses import dataclass

from readiness.errors import Forbidden
from readiness.imports import cells, columns, repository
from readiness.imports.plan import ChunkPlan, FirstSeen, ImportContext, write_records
from readiness.models import IdentityLink
from readiness.web.i18n import gettext as _
from readiness.xapi.actors import ActorUnreadable, key_of_text

KIND = "identity_links"
COLUMNS = columns.IDENTITY_LINKS
CHUNK_SIZE = 2000


@dataclass(slots=True)
class LinkRow:
    line: int
    country: str
    service_number: str
    actor_key: str


def parse(row: cells.RowCells) -> LinkRow | None:
    """The row's typed values, or None when a cell is refused (the errors are on `row`)."""
    values = LinkRow(
        line=row.line,
        country=row.take("country", cells.required_text, max_length=3),
        service_number=row.take("service_number", cells.required_text, max_length=40),
        actor_key=row.take("actor", _actor_key),
    )
    return None if row.errors else values


def _actor_key(value: cells.Cell) -> str:
    try:
        key = key_of_text(cells.required_text(value, max_length=590))
    except ActorUnreadable as unreadable:
        raise cells.CellRefused(str(unreadable)) from None
    return key


class IdentityLinksImport:
    def __init__(self, context: ImportContext, present: set[str]) -> None:
        self.context = context
        self.first_seen = FirstSeen()

    def authorise(self) -> None:
        """Links tie people to completions: they are kept by those who log completions."""
        actor = self.context.actor
        if not (actor.is_admin or actor.can_write_completions_of(actor.country_code or "")):
            raise Forbidden(_("Only training centres and administrators may import identity links."))

    def plan(self, rows: list[LinkRow]) -> ChunkPlan:
        plan = ChunkPlan()
        rows = [row for row in rows if self._acceptable(row, plan)]
        people = repository.person_ids(self.context.session, {(r.country, r.service_number) for r in rows})
        stored = repository.links_by_key(self.context.session, {r.actor_key for r in rows})
        for row in rows:
            person_id = people.get((row.country, row.service_number))
            if person_id is None:
                plan.refuse(row.line, "service_number", row.service_number,
                            _("person `%(person)s` not on any roster (no person with that country and "
                              "service number)", person=f"{row.country}/{row.service_number}"))
            else:
                self._classify(plan, stored.get(row.actor_key), row.actor_key, person_id)
        return plan

    def _acceptable(self, row: LinkRow, plan: ChunkPlan) -> bool:
        actor = self.context.actor
        if not actor.can_write_completions_of(row.country):
            plan.refuse(row.line, "country", row.country,
                        _("country `%(value)s` is not the actor's own: %(actor)s may link people only of "
                          "%(own)s", value=row.country, actor=actor.email, own=actor.country_code or _("no country")))
            return False
        earlier = self.first_seen.earlier_line(row.actor_key, row.line)
        if earlier is not None:
            plan.refuse(row.line, "actor", row.actor_key,
                        _("duplicate row within the file: actor `%(key)s` is already on line %(line)d",
                          key=row.actor_key, line=earlier))
        return earlier is None

    def _classify(self, plan: ChunkPlan, stored: IdentityLink | None, key: str, person_id: int) -> None:
        if stored is None:
            plan.created += 1
            plan.creates.append(IdentityLink(actor_key=key, person_id=person_id, centre_id=self.context.actor.centre_id,
                                             created_by=self.context.actor.email))
        elif stored.person_id != person_id:
            plan.updated += 1
            plan.updates.append((stored, {"person_id": person_id}))
        else:
            plan.unchanged += 1

    def close(self) -> None:
        """Nothing to release: this kind keeps its keys in memory (links are few per centre)."""

    def write(self, plan: ChunkPlan) -> None:
        write_records(self.context.session, plan)

