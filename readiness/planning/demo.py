"""Demo data for planning: upcoming course sessions at the demo countries' training centres.

Dates are days from the reference day, so the demo stays upcoming whenever it is loaded. The
places are set so that the demo tells both stories of a plan: Ghana's engagement platoon
(GHA-EP-04, deploying about 90 days out) can get every course line it lacks in time at KAIPTC,
while Ghana's formed police unit (GHA-FPU-02, about 245 days out) cannot: the ROE-MISSION
sessions before its deployment hold far fewer places than it needs, and no PSEA-ONL session is
planned. (Neither is ready overall: both rosters have too few women, which no training fixes.)
Other features (needs matching, evaluations) read these sessions too.
"""

from datetime import date, timedelta

from sqlmodel import Session, select

from readiness.models import Course, CourseSession, TrainingCentre

# (course, starts in days, lasts days, seats, of which held for women, language)
KAIPTC_SESSIONS = [
    ("CPTM-2.5", 56, 2, 30, 6, "en"),
    ("CPTM-3.3", 58, 2, 30, 6, "en"),
    ("UN-CPDT", 61, 5, 30, 6, "en"),
    ("EP-PDT", 66, 10, 20, 10, "en"),
    ("ROE-MISSION", 76, 3, 30, 5, "en"),
    ("LANG-EN", 79, 10, 10, 2, "en"),
    ("UNBFAC", 95, 5, 24, 6, "en"),
    ("CPOC-MIL", 105, 5, 12, 2, "en"),
    ("FPU-PDT", 112, 10, 40, 8, "en"),
    ("LANG-FR", 125, 30, 10, 2, "fr"),
    ("CPTM-2.5", 160, 2, 30, 6, "en"),
    ("CPTM-3.3", 162, 2, 30, 0, "en"),
    ("UN-CPDT", 166, 5, 30, 6, "en"),
    ("RTP-FP", 180, 5, 12, 0, "en"),
    ("ROE-MISSION", 200, 3, 30, 5, "en"),
    ("FPU-PDT", 210, 10, 40, 8, "en"),
    ("UNBFAC", 230, 5, 24, 6, "en"),
]
# Every other demo centre runs the same programme, a few days apart from one another. Their
# ROE-MISSION sessions come after GHA-FPU-02's deployment, so that its plan stays impossible.
CENTRE_SESSIONS = [
    ("CPTM-2.5", 75, 2, 40, 8, "en"),
    ("UNBFAC", 95, 5, 24, 6, "en"),
    ("FPU-PDT", 130, 10, 40, 8, "en"),
    ("UN-CPDT", 170, 5, 30, 6, "en"),
    ("FMAC", 190, 10, 16, 4, "en"),
    ("LANG-FR", 215, 30, 12, 3, "fr"),
    ("ROE-MISSION", 250, 3, 30, 5, "en"),
]
OTHER_CENTRES = ["RPA", "BPOTC", "BIPSOT", "CUNPK", "CIPS", "PMPP"]


def _programmes() -> list[tuple[str, list[tuple], int]]:
    """(centre code, sessions, days of stagger) for each demo centre."""
    return [("KAIPTC", KAIPTC_SESSIONS, 0)] + [
        (code, CENTRE_SESSIONS, 3 * index) for index, code in enumerate(OTHER_CENTRES)]


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo sessions of each demo centre that has none yet; returns how many were created."""
    centres = {centre.code: centre for centre in session.exec(select(TrainingCentre)).all()}
    courses = {course.code: course.id for course in session.exec(select(Course)).all()}
    created = 0
    for code, programme, stagger in _programmes():
        centre = centres.get(code)
        if centre is None or _has_sessions(session, centre.id):
            continue
        for course, starts_in, days, seats, for_women, language in programme:
            if course in courses:
                start = today + timedelta(days=starts_in + stagger)
                session.add(CourseSession(course_id=courses[course], centre_id=centre.id, start_on=start,
                                          end_on=start + timedelta(days=days - 1), language=language,
                                          seats=seats, seats_for_women=for_women))
                created += 1
    session.flush()
    return {"course_sessions": created}


def _has_sessions(session: Session, centre_id: int) -> bool:
    query = select(CourseSession.id).where(CourseSession.centre_id == centre_id).limit(1)
    return session.exec(query).first() is not None
