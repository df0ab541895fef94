"""Reading requirement files (YAML): every problem is reported, nothing is half-read."""

from pathlib import Path

import yaml
from pydantic import ValidationError

from readiness.errors import Invalid
from readiness.requirements.schemas import RequirementIn


def parse_requirements(text: str, *, source: str) -> list[RequirementIn]:
    """The requirements in a YAML document (a list, or a single mapping)."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise Invalid(f"{source} is not valid YAML: {exc}") from exc
    items = [document] if isinstance(document, dict) else document
    if not isinstance(items, list) or not items:
        raise Invalid(f"{source} must hold a list of requirements")
    requirements, problems = [], []
    for position, item in enumerate(items, start=1):
        try:
            requirements.append(RequirementIn.model_validate(item))
        except ValidationError as exc:
            problems.extend(_describe(position, item, exc))
    if problems:
        raise Invalid(f"{source}: {len(problems)} problem(s); nothing was imported", details=problems)
    return requirements


def read_requirements_file(path: Path) -> list[RequirementIn]:
    return parse_requirements(path.read_text(encoding="utf-8"), source=path.name)


def _describe(position: int, item, exc: ValidationError) -> list[dict]:
    code = item.get("code") if isinstance(item, dict) else None
    where = f"requirement {position}" + (f" ({code})" if code else "")
    return [
        {
            "requirement": where,
            "field": ".".join(str(part) for part in error["loc"]) or "(whole entry)",
            "message": error["msg"],
        }
        for error in exc.errors()
    ]
