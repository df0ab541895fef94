"""Completions files: one row per person and course completed, matched on (person, course, date).

An identical stored completion is `unchanged` and keeps its provenance. One that differs in
result, score, centre or waiver reason is `updated` and takes this file's provenance (the
latest import is the record's source). Optional columns missing from the file are left as
stored; the centre defaults to the importing user's centre.
"""

from dataclasses import dataclass
from datetime import date

from readiness.completions import rules
from readiness.imports import cells, columns, repository
from readiness.imports.plan import ChunkPlan, ImportContext
from readiness.imports.report import RowError
from readiness.models import utcnow
from readiness.web.i18n import gettext as _

KIND = "completions"
COLUMNS = columns.COMPLETIONS
CHUNK_SIZE = 5000
RESULTS = list(rules.RESULTS)
# Fields an import sets on a completion, beside the key and the provenance.
RECORD_FIELDS = ("result", "score", "centre_id", "waiver_reason")


@dataclass(slots=True)
class CompletionRow:
    line: int
    country: str
    service_number: str
    course_code: str
    completed_on: date
    result: str
    score: float | None
    centre_code: str | None
    waiver_reason: str | None


def parse(row: cells.RowCells) -> CompletionRow | None:
    """The row's typed values, or None when a cell is refused (the errors are on `row`)."""
    values = CompletionRow(
        line=row.line,
        country=row.take("country", cells.required_text, max_length=3),
        service_number=row.take("service_number", cells.required_text, max_length=40),
        course_code=row.take("course_code", cells.required_text, max_length=30),
        completed_on=row.take("completed_on", cells.required_date),
        result=row.take("result", cells.choice, RESULTS, what=_("result")),
        score=row.take("score", cells.number, low=rules.SCORE_RANGE[0], high=rules.SCORE_RANGE[1], what=_("score")),
        centre_code=row.take("centre_code", cells.text, max_length=20),
        waiver_reason=row.take("waiver_reason", cells.text, max_length=500),
    )
    if problem := rules.waiver_problem(values.result, values.waiver_reason):
        row.errors.append(RowError(row.line, "waiver_reason", "", problem))
    return None if row.errors else values


class CompletionsImport:
    """Plans and writes completions chunk by chunk; the file's keys are remembered in the database."""

    def __init__(self, context: ImportContext, present: set[str]) -> None:
        self.context = context
        self.present = present
        # The file's keys so far live in a temporary table: memory stays flat however long the file.
        self.seen_keys = repository.create_seen_keys(context.session)
        self.course_ids: dict[str, int] = {}
        self.centre_ids: dict[str, int] = {}

    def authorise(self) -> None:
        """Every actor may try; rows outside the actor's countries are refused one by one."""

    def plan(self, rows: list[CompletionRow]) -> ChunkPlan:
        plan = ChunkPlan()
        rows = [row for row in rows if self._in_scope(row, plan)]
        people = repository.person_ids(self.context.session, {(r.country, r.service_number) for r in rows})
        self._learn_codes(rows)
        resolved = self._first_occurrences(
            [(row, key) for row in rows if (key := self._key(row, people, plan))], plan)
        existing = repository.existing_completions(self.context.session, {key for _row, key in resolved})
        for row, key in resolved:
            self._classify(row, key, existing.get(key), plan)
        return plan

    def close(self) -> None:
        repository.drop_seen_keys(self.context.session, self.seen_keys)

    def write(self, plan: ChunkPlan) -> None:
        repository.insert_completions(self.context.session, plan.creates)
        repository.update_completions(self.context.session, plan.updates)

    def _in_scope(self, row: CompletionRow, plan: ChunkPlan) -> bool:
        actor = self.context.actor
        if actor.can_write_completions_of(row.country):
            return True
        plan.refuse(row.line, "country", row.country,
                    _("country `%(value)s` is not the actor's own: %(actor)s may import completions "
                      "only for people of %(own)s", value=row.country, actor=actor.email,
                      own=actor.country_code or _("no country")))
        return False

    def _learn_codes(self, rows: list[CompletionRow]) -> None:
        """Courses and centres are few: look up each code once per file, in batches."""
        session = self.context.session
        new_courses = {r.course_code for r in rows} - self.course_ids.keys()
        self.course_ids |= {code: None for code in new_courses} | repository.course_ids(session, new_courses)
        new_centres = {r.centre_code for r in rows if r.centre_code} - self.centre_ids.keys()
        self.centre_ids |= {code: None for code in new_centres} | repository.centre_ids(session, new_centres)

    def _key(self, row: CompletionRow, people: dict, plan: ChunkPlan) -> tuple | None:
        person_id = people.get((row.country, row.service_number))
        course_id = self.course_ids.get(row.course_code)
        if person_id is None:
            plan.refuse(row.line, "service_number", row.service_number,
                        _("person `%(person)s` not on any roster (no person with that country and "
                          "service number)", person=f"{row.country}/{row.service_number}"))
        if course_id is None:
            plan.refuse(row.line, "course_code", row.course_code,
                        _("unknown course code `%(code)s`", code=row.course_code))
        if row.centre_code and self.centre_ids.get(row.centre_code) is None:
            plan.refuse(row.line, "centre_code", row.centre_code,
                        _("unknown training centre `%(code)s`", code=row.centre_code))
            return None
        if person_id is None or course_id is None:
            return None
        return person_id, course_id, row.completed_on

    def _first_occurrences(self, resolved: list[tuple], plan: ChunkPlan) -> list[tuple]:
        """The rows whose key the file has not had before; the others are refused as duplicates."""
        chunk_lines: dict[tuple, int] = {}
        for row, key in resolved:
            chunk_lines.setdefault(key, row.line)
        earlier = repository.first_lines(self.context.session, self.seen_keys, chunk_lines.keys())
        repository.remember_keys(self.context.session, self.seen_keys,
                                 {key: line for key, line in chunk_lines.items() if key not in earlier})
        first = chunk_lines | earlier
        for row, key in resolved:
            if first[key] != row.line:
                plan.refuse(row.line, None, None, _("duplicate row within the file: same person, course "
                                                    "and date as line %(line)d", line=first[key]))
        return [(row, key) for row, key in resolved if first[key] == row.line]

    def _classify(self, row: CompletionRow, key: tuple, stored, plan: ChunkPlan) -> None:
        values = self._record_values(row, stored)
        if stored is None:
            plan.created += 1
            plan.creates.append({**values, **self._key_values(key), **self._provenance(row)})
        elif any(values[name] != getattr(stored, name) for name in values):
            plan.updated += 1
            plan.updates.append({"id": stored.id, **values, **self._provenance(row)})
        else:
            plan.unchanged += 1

    def _record_values(self, row: CompletionRow, stored) -> dict:
        """The fields this row sets: optional columns absent from the file keep the stored value."""
        values = {"result": row.result, "score": row.score, "waiver_reason": row.waiver_reason,
                  "centre_id": self.centre_ids.get(row.centre_code) or self.context.actor.centre_id}
        for name, column in (("score", "score"), ("waiver_reason", "waiver_reason"), ("centre_id", "centre_code")):
            if stored is not None and column not in self.present:
                values[name] = getattr(stored, name)
        return values

    @staticmethod
    def _key_values(key: tuple) -> dict:
        person_id, course_id, completed_on = key
        return {"person_id": person_id, "course_id": course_id, "completed_on": completed_on}

    def _provenance(self, row: CompletionRow) -> dict:
        provenance = self.context.provenance
        return {"source": provenance.source.value, "source_ref": provenance.ref(row.line),
                "recorded_by": provenance.recorded_by, "recorded_at": utcnow()}
