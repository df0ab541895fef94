"""A list as the URL states it: filters, sort and page, so a view can be shared and its links keep it."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from readiness.web.pagination import Page, PageRequest


@dataclass(frozen=True)
class ListQuery:
    """Filters (name -> value, empty ones dropped from links), a sort key among `sort_keys`, a direction, a page."""

    filters: dict[str, str] = field(default_factory=dict)
    sort: str = ""
    descending: bool = False
    page: int = 1

    @classmethod
    def read(cls, filters: dict[str, str], sort: str, dir: str, page: int, *, sort_keys: Iterable[str],
             default_sort: str) -> "ListQuery":
        keys = tuple(sort_keys)
        cleaned = {name: value.strip() for name, value in filters.items()}
        return cls(filters=cleaned, sort=sort if sort in keys else default_sort, descending=dir == "desc",
                   page=max(1, page))

    def query(self, **changes) -> str:
        """This view's query string, with `changes` (sort=, dir=, page=) applied."""
        values: dict[str, Any] = {**self.filters, "sort": self.sort, "page": self.page}
        if self.sort:  # a list without sorting has no direction either
            values = {**self.filters, "sort": self.sort, "dir": "desc" if self.descending else "asc",
                      "page": self.page}
        values.update(changes)
        kept = {key: value for key, value in values.items() if value not in (None, "", 1) or (key == "sort" and value)}
        return urlencode(kept)

    def paged(self, items: list, sort_by: dict[str, Callable[[Any], Any]], per_page: int = 50) -> Page:
        """One page of `items` (already filtered), sorted in memory by this view's sort key."""
        ordered = sorted(items, key=sort_by[self.sort], reverse=self.descending)
        request = PageRequest(self.page, per_page)
        return Page.of(ordered[request.offset:request.offset + request.per_page], request, len(ordered))
