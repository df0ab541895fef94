"""Business errors carry their HTTP status; one handler renders them for pages and the API."""


class ReadinessError(Exception):
    status_code = 400
    title = "Request refused"

    def __init__(self, message: str, *, details: list[dict] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFound(ReadinessError):
    status_code = 404
    title = "Not found"


class Forbidden(ReadinessError):
    status_code = 403
    title = "Not allowed"


class Conflict(ReadinessError):
    status_code = 409
    title = "Conflict"


class Invalid(ReadinessError):
    status_code = 422
    title = "Invalid input"
