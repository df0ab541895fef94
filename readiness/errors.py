"""Business errors carry their HTTP status; one handler renders them for pages and the API."""


def _n(message: str) -> str:
    """Mark a title for translation; the error handler translates it when it is shown."""
    return message


class ReadinessError(Exception):
    status_code = 400
    title = _n("Request refused")

    def __init__(self, message: str, *, details: list[dict] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFound(ReadinessError):
    status_code = 404
    title = _n("Not found")


class Forbidden(ReadinessError):
    status_code = 403
    title = _n("Not allowed")


class Conflict(ReadinessError):
    status_code = 409
    title = _n("Conflict")


class Invalid(ReadinessError):
    status_code = 422
    title = _n("Invalid input")
