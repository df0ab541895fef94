"""Courses files: the catalogue, matched on course code."""

from dataclasses import dataclass

from readiness.courses import repository as courses_repository
from readiness.errors import Forbidden
from readiness.imports import cells, columns, repository
from readiness.imports.plan import (
    ChunkPlan,
    FirstSeen,
    ImportContext,
    classify_record,
    write_records,
)
from readiness.models import Course, CourseCategory
from readiness.web.i18n import gettext as _

KIND = "courses"
COLUMNS = columns.COURSES
CHUNK_SIZE = 1000
CATEGORIES = [category.value for category in CourseCategory]


@dataclass(slots=True)
class CourseRow:
    line: int
    values: dict  # the Course fields this row sets (optional columns only when in the file)


def parse(row: cells.RowCells) -> CourseRow | None:
    """The row's typed values, or None when a cell is refused (the errors are on `row`)."""
    values = {
        "code": row.take("code", cells.required_text, max_length=30),
        "title": row.take("title", cells.required_text, max_length=200),
        "category": row.take("category", cells.choice, CATEGORIES, what=_("category")),
        "validity_months": row.take("validity_months", cells.integer, minimum=1),
        "assessed": row.take("assessed", cells.boolean),
    }
    if row.has("duration_hours"):
        values["duration_hours"] = row.take("duration_hours", cells.number, low=0, what=_("duration"))
    if row.has("standard_ref"):
        values["standard_ref"] = row.take("standard_ref", cells.text, max_length=200)
    if row.has("version"):
        values["version"] = row.take("version", cells.text, max_length=20) or "1"
    if row.has("xapi_activity_id"):
        values["xapi_activity_id"] = row.take("xapi_activity_id", cells.text, max_length=500)
    return None if row.errors else CourseRow(row.line, values)


class CoursesImport:
    def __init__(self, context: ImportContext, present: set[str]) -> None:
        self.context = context
        self.first_seen = FirstSeen()
        self.first_activity = FirstSeen()

    def authorise(self) -> None:
        """Keeping the catalogue is for training centres and administrators."""
        if not self.context.actor.can_keep_courses():
            raise Forbidden(_("Only training centres and administrators may import courses."))

    def plan(self, rows: list[CourseRow]) -> ChunkPlan:
        plan = ChunkPlan()
        stored = courses_repository.courses_by_code(self.context.session, (r.values["code"] for r in rows))
        activities = repository.courses_by_activity_id(
            self.context.session, (r.values["xapi_activity_id"] for r in rows if r.values.get("xapi_activity_id")))
        for row in rows:
            code = row.values["code"]
            earlier = self.first_seen.earlier_line(code, row.line)
            if earlier is not None:
                plan.refuse(row.line, "code", code, _("duplicate row within the file: course `%(code)s` "
                                                      "is already on line %(line)d", code=code, line=earlier))
            elif self._activity_free(row, activities, plan):
                classify_record(plan, stored.get(code), row.values, Course)
        return plan

    def _activity_free(self, row: CourseRow, activities: dict[str, Course], plan: ChunkPlan) -> bool:
        """An xAPI activity id names one course only: in the file and in the catalogue."""
        activity, code = row.values.get("xapi_activity_id"), row.values["code"]
        if not activity:
            return True
        earlier = self.first_activity.earlier_line(activity, row.line)
        holder = activities.get(activity)
        if earlier is not None:
            plan.refuse(row.line, "xapi_activity_id", activity,
                        _("duplicate xAPI activity id within the file: already on line %(line)d", line=earlier))
        elif holder is not None and holder.code != code:
            plan.refuse(row.line, "xapi_activity_id", activity,
                        _("xAPI activity id `%(id)s` already belongs to course %(code)s", id=activity, code=holder.code))
        return earlier is None and (holder is None or holder.code == code)

    def close(self) -> None:
        """Nothing to release: this kind keeps its few keys in memory."""

    def write(self, plan: ChunkPlan) -> None:
        write_records(self.context.session, plan)
