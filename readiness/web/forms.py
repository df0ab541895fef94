"""Reading posted HTML forms."""

from typing import Annotated

from fastapi import Depends, Request


async def form_values(request: Request) -> dict[str, str]:
    """The posted form's text fields."""
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str)}


FormValues = Annotated[dict[str, str], Depends(form_values)]
