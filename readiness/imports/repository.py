"""Set-based queries for imports: each takes a batch of keys and answers in one statement."""

from collections.abc import Collection, Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, select

from readiness.models import (
    Assignment,
    Completion,
    Country,
    Course,
    IdentityLink,
    Mission,
    Person,
    TrainingCentre,
    Unit,
    UnitType,
)

COMPLETION = Completion.__table__


def country_codes(session: Session, codes: Iterable[str]) -> set[str]:
    return set(session.exec(select(Country.code).where(Country.code.in_(set(codes)))).all())


def courses_by_activity_id(session: Session, activity_ids: Iterable[str]) -> dict[str, Course]:
    rows = session.exec(select(Course).where(Course.xapi_activity_id.in_(set(activity_ids)))).all()
    return {course.xapi_activity_id: course for course in rows}


def links_by_key(session: Session, keys: Iterable[str]) -> dict[str, IdentityLink]:
    rows = session.exec(select(IdentityLink).where(IdentityLink.actor_key.in_(set(keys)))).all()
    return {link.actor_key: link for link in rows}


def course_ids(session: Session, codes: Iterable[str]) -> dict[str, int]:
    rows = session.exec(select(Course.code, Course.id).where(Course.code.in_(set(codes)))).all()
    return dict(rows)


def centre_ids(session: Session, codes: Iterable[str]) -> dict[str, int]:
    query = select(TrainingCentre.code, TrainingCentre.id).where(TrainingCentre.code.in_(set(codes)))
    return dict(session.exec(query).all())


def unit_type_ids(session: Session, slugs: Iterable[str]) -> dict[str, int]:
    return dict(session.exec(select(UnitType.slug, UnitType.id).where(UnitType.slug.in_(set(slugs)))).all())


def mission_ids(session: Session, acronyms: Iterable[str]) -> dict[str, int]:
    query = select(Mission.acronym, Mission.id).where(Mission.acronym.in_(set(acronyms)))
    return dict(session.exec(query).all())


def units_by_code(session: Session, codes: Iterable[str]) -> dict[str, Unit]:
    rows = session.exec(select(Unit).where(Unit.code.in_(set(codes)))).all()
    return {unit.code: unit for unit in rows}


def people_by_number(session: Session, keys: Collection[tuple[str, str]]) -> dict[tuple[str, str], Person]:
    """People by (country, service number)."""
    if not keys:
        return {}
    key = sa.tuple_(Person.country_code, Person.service_number)
    rows = session.exec(select(Person).where(key.in_(list(keys)))).all()
    return {(person.country_code, person.service_number): person for person in rows}


def person_ids(session: Session, keys: Collection[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Person ids by (country, service number), without loading the people."""
    if not keys:
        return {}
    if _is_postgresql(session):
        batch = _unnest("batch", country_code=(sa.String, [k[0] for k in keys]),
                        service_number=(sa.String, [k[1] for k in keys]))
        query = sa.select(Person.country_code, Person.service_number, Person.id).join(
            batch, sa.and_(Person.country_code == batch.c.country_code,
                           Person.service_number == batch.c.service_number))
    else:
        # Two plain IN lists compile far faster than a tuple IN; the few extra rows (a number
        # that exists in another country of the batch) are dropped below.
        query = sa.select(Person.country_code, Person.service_number, Person.id).where(
            Person.country_code.in_({country for country, _number in keys}),
            Person.service_number.in_({number for _country, number in keys}))
    found = {(country, number): person_id for country, number, person_id in session.execute(query)}
    return {key: found[key] for key in keys if key in found}


def open_assignments(session: Session, person_ids: Iterable[int]) -> dict[int, Assignment]:
    query = select(Assignment).where(Assignment.person_id.in_(set(person_ids)), Assignment.end_on.is_(None))
    return {assignment.person_id: assignment for assignment in session.exec(query).all()}


def existing_completions(session: Session, keys: Collection[tuple]) -> dict[tuple, sa.Row]:
    """Stored completions by (person_id, course_id, completed_on), with the fields an import sets."""
    table = COMPLETION
    columns = (table.c.id, table.c.person_id, table.c.course_id, table.c.completed_on,
               table.c.result, table.c.score, table.c.centre_id, table.c.waiver_reason)
    return _rows_by_completion_key(session, table, columns, keys)


def create_seen_keys(session: Session) -> sa.Table:
    """A temporary table of the completion keys a file has had so far, with the first line of each.

    It lets duplicates within a file be found without holding every key of the file in memory.
    """
    table = sa.Table(
        "import_seen_completion_key", sa.MetaData(),
        sa.Column("person_id", sa.Integer, primary_key=True),
        sa.Column("course_id", sa.Integer, primary_key=True),
        sa.Column("completed_on", sa.Date, primary_key=True),
        sa.Column("line", sa.Integer, nullable=False),
        prefixes=["TEMPORARY"],
    )
    table.create(session.connection())
    return table


def drop_seen_keys(session: Session, table: sa.Table) -> None:
    table.drop(session.connection(), checkfirst=True)


def first_lines(session: Session, seen: sa.Table, keys: Collection[tuple]) -> dict[tuple, int]:
    """The line of the file that first had each of `keys`, for those seen already."""
    rows = _rows_by_completion_key(session, seen, (seen.c.person_id, seen.c.course_id, seen.c.completed_on,
                                                   seen.c.line), keys)
    return {key: row.line for key, row in rows.items()}


def remember_keys(session: Session, seen: sa.Table, lines: dict[tuple, int]) -> None:
    rows = [{"person_id": p, "course_id": c, "completed_on": d, "line": line} for (p, c, d), line in lines.items()]
    _insert_rows(session, seen, rows)


def _rows_by_completion_key(session: Session, table, columns, keys: Collection[tuple]) -> dict[tuple, sa.Row]:
    """Rows of `table` whose (person_id, course_id, completed_on) is among `keys`, set-based."""
    if not keys:
        return {}
    query = sa.select(*columns)
    people, courses, days = (list(part) for part in zip(*keys))
    if _is_postgresql(session):
        batch = _unnest("batch", person_id=(sa.Integer, people), course_id=(sa.Integer, courses),
                        completed_on=(sa.Date, days))
        query = query.join(batch, sa.and_(*(table.c[name] == batch.c[name] for name in batch.c.keys())))
    else:
        # A superset (these people's rows for these courses in the batch's date range),
        # narrowed to the exact keys below: plain INs and a range compile and run fast.
        query = query.where(table.c.person_id.in_(set(people)), table.c.course_id.in_(set(courses)),
                            table.c.completed_on.between(min(days), max(days)))
    found = {(row.person_id, row.course_id, row.completed_on): row for row in session.execute(query)}
    return {key: found[key] for key in keys if key in found}


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _unnest(name: str, **columns: tuple) -> sa.TableValuedAlias:
    """A PostgreSQL row source of the batch's keys: one array parameter per column, not one per value."""
    arrays = [sa.bindparam(f"{name}_{column}", values, type_=postgresql.ARRAY(column_type))
              for column, (column_type, values) in columns.items()]
    return sa.func.unnest(*arrays).table_valued(*columns).render_derived(name=name)


def insert_completions(session: Session, rows: list[dict]) -> None:
    """Insert a batch of completions, bypassing the ORM."""
    _insert_rows(session, COMPLETION, rows)


def _insert_rows(session: Session, table: sa.Table, rows: list[dict]) -> None:
    """COPY on PostgreSQL, one executemany elsewhere."""
    if not rows:
        return
    if _is_postgresql(session):
        _copy_rows(session, table, rows)
    else:
        session.execute(sa.insert(table), rows)


def _copy_rows(session: Session, table: sa.Table, rows: list[dict]) -> None:
    names = list(rows[0])
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])


def update_completions(session: Session, rows: list[dict]) -> None:
    """UPDATE by id in one executemany; each dict has `id` and the new values."""
    if not rows:
        return
    names = [name for name in rows[0] if name != "id"]
    # Bind names must differ from column names in an UPDATE's SET clause.
    statement = (
        sa.update(COMPLETION)
        .where(COMPLETION.c.id == sa.bindparam("completion_id"))
        .values({name: sa.bindparam(f"new_{name}") for name in names})
    )
    parameters = [
        {"completion_id": row["id"], **{f"new_{name}": row[name] for name in names}} for row in rows
    ]
    session.connection().execute(statement, parameters)
