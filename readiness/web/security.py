"""Security headers on every response, the session cookie's delivery, and the auth error pages."""

from fastapi import FastAPI, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from readiness.config import get_settings
from readiness.web import auth

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
])


def security_headers(*, https: bool) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers


def error_headers() -> dict[str, str]:
    """The headers for a response built outside the middleware (the 500 page)."""
    return {**security_headers(https=get_settings().cookie_secure), "Cache-Control": "no-store"}


class SecurityHeadersMiddleware:
    """Adds the headers above, `no-store` on pages (they hold personal data), and the session cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = security_headers(https=get_settings().cookie_secure)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._decorate(scope, MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _decorate(self, scope: Scope, headers: MutableHeaders) -> None:
        for name, value in self.headers.items():
            if name not in headers:
                headers[name] = value
        if not scope["path"].startswith("/static/") and "cache-control" not in headers:
            headers["Cache-Control"] = "no-store"
        cookie = scope.get(auth.OUTGOING_COOKIE)
        if cookie:
            headers.append("set-cookie", cookie)


def install(app: FastAPI) -> None:
    """Add the middleware, the sign-in redirect, and the schema (behind login like the rest)."""
    app.add_middleware(SecurityHeadersMiddleware)

    @app.exception_handler(auth.NotAuthenticated)
    async def not_authenticated(request: Request, exc: auth.NotAuthenticated):
        return auth.not_authenticated_response(request, exc)

    def openapi_schema() -> dict:
        """The OpenAPI description of /api/v1, for signed-in users and token holders."""
        return app.openapi()

    app.add_api_route("/openapi.json", openapi_schema, methods=["GET"], include_in_schema=False)
