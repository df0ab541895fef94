"""Human labels for stored enum values, translated at render time."""

from readiness.web.i18n import gettext as _


def _n(message: str) -> str:
    """Mark a message for extraction; it is translated later, when shown."""
    return message


LABELS: dict[str, dict[str, str]] = {
    # The names of seed/unit_types.csv, so that a unit type reads in the user's language.
    "unit_type": {
        "aviation_unit": _n("Aviation unit (utility helicopters)"),
        "engagement_platoon": _n("Engagement platoon"),
        "engineering_company": _n("Engineering company"),
        "female_engagement_team": _n("Female engagement team"),
        "formed_police_unit": _n("Formed police unit"),
        "infantry_battalion": _n("Infantry battalion"),
        "level1_hospital": _n("Level 1 hospital"),
        "level2_hospital": _n("Level 2 hospital"),
        "level3_hospital": _n("Level 3 hospital"),
        "logistics_company": _n("Logistics company"),
        "military_police_company": _n("Military police company"),
        "quick_reaction_force": _n("Quick reaction force company"),
        "reconnaissance_company": _n("Reconnaissance company"),
        "riverine_unit": _n("Riverine unit"),
        "signals_company": _n("Signals company"),
        "uas_unit": _n("Unmanned aircraft systems (UAS) unit"),
    },
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
    "caveat_kind": {
        "geographic": _n("Geographic"),
        "task": _n("Task"),
        "time_night": _n("Time or night"),
        "use_of_force": _n("Use of force"),
        "movement": _n("Movement"),
        "other": _n("Other"),
    },
    "caveat_record": {
        "mou": _n("Memorandum of understanding"),
        "sur_variation": _n("Variation of the statement of unit requirements"),
        "none": _n("Not recorded"),
    },
    "evaluation_instrument": {
        "fc_unit_eval": _n("Force commander's unit evaluation"),
        "fhq_eval": _n("Force headquarters evaluation"),
        "fpu_paer": _n("FPU performance assessment and evaluation report"),
        "ipo_appraisal": _n("Individual police officer appraisal"),
        "so_mo_appraisal": _n("Staff officer or military observer appraisal"),
    },
    # The areas an evaluation rates, after the AAV checklist (SOP 2020.10) plus conduct and
    # mandate tasks; the UN's own unit-evaluation categories are not published (illustrative).
    "evaluation_area": {
        "command_and_control": _n("Command and control"),
        "training": _n("Training"),
        "protection_of_civilians": _n("Protection of civilians"),
        "conduct_discipline": _n("Conduct and discipline"),
        "medical": _n("Medical"),
        "equipment": _n("Equipment"),
        "logistics": _n("Logistics"),
        "safety_security": _n("Safety and security"),
    },
    "support_category": {
        "training": _n("Training"),
        "mentoring": _n("Mentoring"),
        "advise_and_assist": _n("Advise and assist"),
        "equipment": _n("Equipment"),
        "infrastructure": _n("Infrastructure"),
        "logistics": _n("Logistics"),
        "financial": _n("Financial"),
        "lessons_learned": _n("Lessons learned"),
    },
    "partnership_status": {
        "planned": _n("Planned"),
        "active": _n("Active"),
        "completed": _n("Completed"),
        "suspended": _n("Suspended"),
    },
    "pledge_category": {
        "units": _n("Units"),
        "training": _n("Training"),
        "technology": _n("Technology"),
        "medical": _n("Medical"),
        "wps": _n("Women, peace and security"),
        "safety": _n("Safety and security"),
        "funding": _n("Funding"),
        "other": _n("Other"),
    },
    "pledge_status": {
        "announced": _n("Announced"),
        "in_progress": _n("In progress"),
        "fulfilled": _n("Fulfilled"),
        "withdrawn": _n("Withdrawn"),
    },
    "need_status": {"open": _n("Open"), "met": _n("Met"), "withdrawn": _n("Withdrawn")},
    "parity_category": {
        "military_contingent": _n("Military contingents"),
        "staff_officer_observer": _n("Staff officers and military observers"),
        "formed_police_unit": _n("Formed police units"),
        "individual_police": _n("Individual police officers"),
    },
    "parity_colour": {
        "green": _n("Meets the target"),
        "yellow": _n("Below the target, with women"),
        "red": _n("No women"),
    },
}

# The areas an evaluation may rate, in the order forms show them.
EVALUATION_AREAS = tuple(LABELS["evaluation_area"])


def label(kind: str, value) -> str:
    """The translated label of `value` of enum `kind`; the raw value when none is known."""
    raw = getattr(value, "value", value)
    message = LABELS.get(kind, {}).get(raw)
    return _(message) if message else str(raw)
