"""Human labels for stored enum values, translated at render time."""

from readiness.web.i18n import gettext as _


def _n(message: str) -> str:
    """Mark a message for extraction; it is translated later, when shown."""
    return message


LABELS: dict[str, dict[str, str]] = {
    "unit_status": {
        "forming": _n("Forming"),
        "pledged": _n("Pledged"),
        "deployed": _n("Deployed"),
        "rotated_out": _n("Rotated out"),
    },
    "mission_status": {
        "active": _n("Active"),
        "drawdown": _n("Drawing down"),
        "closing": _n("Closing"),
    },
    "result": {
        "passed": _n("Passed"),
        "failed": _n("Failed"),
        "completed": _n("Completed"),
        "waived": _n("Waived"),
    },
    "readiness_status": {
        "ready": _n("Ready"),
        "partial": _n("Partially ready"),
        "not_ready": _n("Not ready"),
    },
    "requirement_field": {
        "title": _n("Title"),
        "mission": _n("Mission"),
        "unit_type": _n("Unit type"),
        "tour_months": _n("Tour (months)"),
        "min_women_pct": _n("Women, at least"),
    },
    "gender": {"F": _n("Woman"), "M": _n("Man")},
    "branch": {"military": _n("Military"), "police": _n("Police")},
    "course_category": {
        "core_predeployment": _n("Core pre-deployment"),
        "rules_of_engagement": _n("Rules of engagement"),
        "protection_of_civilians": _n("Protection of civilians"),
        "technology": _n("Technology"),
        "women_peace_security": _n("Women, peace and security"),
        "medical": _n("Medical"),
        "conduct_discipline": _n("Conduct and discipline"),
        "specialised": _n("Specialised"),
        "leadership": _n("Leadership"),
        "language": _n("Language"),
    },
}


def label(kind: str, value) -> str:
    """The translated label of `value` of enum `kind`; the raw value when none is known."""
    raw = getattr(value, "value", value)
    message = LABELS.get(kind, {}).get(raw)
    return _(message) if message else str(raw)
