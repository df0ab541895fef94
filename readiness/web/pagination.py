"""One page of a list: the rule for page sizes and counts, shared by every list."""

import math
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

Item = TypeVar("Item")
MAX_PER_PAGE = 200


@dataclass(frozen=True)
class PageRequest:
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        object.__setattr__(self, "page", max(1, self.page))
        object.__setattr__(self, "per_page", min(max(1, self.per_page), MAX_PER_PAGE))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    page: int
    per_page: int
    total: int
    pages: int

    @classmethod
    def of(cls, items: list, request: PageRequest, total: int) -> "Page":
        pages = max(1, math.ceil(total / request.per_page))
        return cls(items=items, page=request.page, per_page=request.per_page, total=total, pages=pages)
