"""Reference data from the files in seed/ (see seed/README.md for their sources)."""

import csv
from collections import Counter
from pathlib import Path

from sqlmodel import Session

from readiness.models import Country, Course, Mission, Partner, TrainingCentre, UnitType
from readiness.parity import reference as parity_reference
from readiness.pledges import reference as pledges_reference
from readiness.requirements.files import read_requirements_file
from readiness.requirements.service import import_requirements
from readiness.seeding.upsert import upsert_by_key


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _optional(value: str) -> str | None:
    return value or None


def _optional_int(value: str) -> int | None:
    return int(value) if value else None


def _optional_float(value: str) -> float | None:
    return float(value) if value else None


def _boolean(value: str) -> bool:
    return value.lower() in {"true", "yes", "1", "y"}


def countries(rows: list[dict]) -> list[dict]:
    return [{"code": r["code"], "name": r["name"], "region": r["region"]} for r in rows]


def missions(rows: list[dict]) -> list[dict]:
    return [
        {
            "acronym": r["acronym"],
            "name": r["name"],
            "host_country_code": r["host_country"],
            "working_language": r["working_language"],
            "status": r["status"],
        }
        for r in rows
    ]


def unit_types(rows: list[dict]) -> list[dict]:
    return [
        {
            "slug": r["slug"],
            "name": r["name"],
            "branch": r["branch"],
            "typical_strength": int(r["typical_strength"]),
        }
        for r in rows
    ]


def centres(rows: list[dict]) -> list[dict]:
    return [{"code": r["code"], "name": r["name"], "country_code": r["country"]} for r in rows]


def partners(rows: list[dict]) -> list[dict]:
    return [
        {"code": r["code"], "name": r["name"], "kind": r["kind"], "country_code": _optional(r["country"])}
        for r in rows
    ]


def courses(rows: list[dict]) -> list[dict]:
    return [
        {
            "code": r["code"],
            "title": r["title"],
            "category": r["category"],
            "standard_ref": _optional(r["standard_ref"]),
            "duration_hours": _optional_float(r["duration_hours"]),
            "validity_months": _optional_int(r["validity_months"]),
            "assessed": _boolean(r["assessed"]),
            "version": r["version"] or "1",
        }
        for r in rows
    ]


# (file, model, natural key, row converter), in foreign-key order.
REFERENCE_TABLES = [
    ("countries.csv", Country, "code", countries),
    ("missions.csv", Mission, "acronym", missions),
    ("unit_types.csv", UnitType, "slug", unit_types),
    ("training_centres.csv", TrainingCentre, "code", centres),
    ("partners.csv", Partner, "code", partners),
    ("courses.csv", Course, "code", courses),
]


def load_reference_data(session: Session, seed_dir: Path) -> dict[str, int]:
    """Load every reference file; a second run changes nothing. Returns rows created or updated per file."""
    changes: dict[str, int] = {}
    for file_name, model, key, convert in REFERENCE_TABLES:
        counts = upsert_by_key(session, model, key, convert(read_csv(seed_dir / file_name)))
        changes[file_name] = _changed(counts)
    report = import_requirements(
        session, read_requirements_file(seed_dir / "requirements.yaml"), recorded_by="seed"
    )
    changes["requirements.yaml"] = report.created
    changes["ministerials.yaml"] = pledges_reference.load(session, seed_dir)
    changes["gender_parity_targets.csv"] = parity_reference.load(session, seed_dir)
    return changes


def _changed(counts: Counter) -> int:
    return counts["created"] + counts["updated"]
