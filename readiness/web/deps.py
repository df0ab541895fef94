"""Request dependencies: the unit of work (one transaction per request)."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from readiness.db import unit_of_work


def get_session(request: Request) -> Iterator[Session]:
    """The request's session: committed when the route returns, rolled back when it raises."""
    with unit_of_work(request.app.state.engine) as session:
        yield session


# scope="function": the commit happens before the response goes out, so a failed
# commit becomes an error response instead of a silently lost write.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
