"""xAPI 1.0.3 statements as this product reads them: only the parts it needs, the rest ignored."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Verb(_Open):
    id: str


class StatementObject(_Open):
    id: str


class Score(_Open):
    scaled: float | None = None


class Result(_Open):
    success: bool | None = None
    completion: bool | None = None
    score: Score | None = None
    extensions: dict | None = None


class Statement(_Open):
    id: str | None = None
    actor: dict = Field(default_factory=dict)
    verb: Verb
    object: StatementObject
    result: Result | None = None
    timestamp: datetime | None = None


class StatementsAccepted(BaseModel):
    """What a batch did: every statement id of the batch, and what became of them."""

    ids: list[str]
    created: int
    updated: int
    unchanged: int
