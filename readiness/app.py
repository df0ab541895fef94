"""create_app(): routers, static files, locale, compression and error pages."""

import logging

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from readiness.accounts import api as accounts_api
from readiness.accounts import views as accounts_views
from readiness.audit import views as audit_views
from readiness.completions import api as completions_api
from readiness.completions import views as completions_views
from readiness.config import get_settings
from readiness.course_sessions import api as course_sessions_api
from readiness.course_sessions import views as course_sessions_views
from readiness.courses import api as courses_api
from readiness.courses import views as courses_views
from readiness.db import database_answers, get_engine
from readiness.errors import ReadinessError
from readiness.imports import api as imports_api
from readiness.imports import views as imports_views
from readiness.missions import api as missions_api
from readiness.missions import views as missions_views
from readiness.overview import api as overview_api
from readiness.overview import views as overview_views
from readiness.people import api as people_api
from readiness.people import views as people_views
from readiness.readiness import api as readiness_api
from readiness.requirements import api as requirements_api
from readiness.requirements import views as requirements_views
from readiness.units import api as units_api
from readiness.units import views as units_views
from readiness.caveats import api as caveats_api
from readiness.caveats import views as caveats_views
from readiness.pcrs import api as pcrs_api
from readiness.pcrs import views as pcrs_views
from readiness.evaluations import api as evaluations_api
from readiness.evaluations import views as evaluations_views
from readiness.partnerships import api as partnerships_api
from readiness.partnerships import views as partnerships_views
from readiness.pledges import api as pledges_api
from readiness.pledges import views as pledges_views
from readiness.needs import api as needs_api
from readiness.needs import views as needs_views
from readiness.planning import api as planning_api
from readiness.planning import views as planning_views
from readiness.parity import api as parity_api
from readiness.parity import views as parity_views
from readiness.evidence import api as evidence_api
from readiness.evidence import views as evidence_views
from readiness.web import auth, i18n, language, security
from readiness.web.templating import render
from readiness.xapi import api as xapi_api
from readiness.xapi import views as xapi_views

log = logging.getLogger("readiness")


def create_app(engine: Engine | None = None) -> FastAPI:
    """The web application on `engine` (default: the configured database)."""
    settings = get_settings()
    app = FastAPI(
        title="Readiness",
        summary="Training and readiness of UN peacekeeping units against mission requirements",
        version="0.1.0",
        # Login by default: every route added to this app, now or later, requires a signed-in
        # actor unless its path is in auth.PUBLIC_PATHS. Swagger/ReDoc are off: they load
        # scripts from a CDN and inline, which the Content-Security-Policy forbids;
        # /openapi.json is served behind the login by security.install().
        dependencies=[Depends(auth.require_login)],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.engine = engine or get_engine()
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.middleware("http")(_bind_locale)
    security.install(app)
    app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")
    app.include_router(overview_views.router)
    app.include_router(overview_api.router)
    app.include_router(accounts_views.router)
    app.include_router(accounts_api.router)
    app.include_router(audit_views.router)
    app.include_router(readiness_api.router)
    app.include_router(requirements_api.router)
    app.include_router(imports_api.router)
    app.include_router(language.router)
    app.include_router(units_api.router)
    app.include_router(people_api.router)
    app.include_router(units_views.router)
    app.include_router(people_views.router)
    app.include_router(completions_api.router)
    app.include_router(imports_views.router)
    app.include_router(completions_views.router)
    app.include_router(course_sessions_views.router)
    app.include_router(course_sessions_api.router)
    app.include_router(xapi_api.router)
    app.include_router(xapi_views.router)
    app.include_router(missions_views.router)
    app.include_router(requirements_views.router)
    app.include_router(courses_views.router)
    app.include_router(missions_api.router)
    app.include_router(courses_api.router)
    app.include_router(caveats_views.router)
    app.include_router(caveats_api.router)
    app.include_router(pcrs_views.router)
    app.include_router(pcrs_api.router)
    app.include_router(evaluations_views.router)
    app.include_router(evaluations_api.router)
    app.include_router(partnerships_views.router)
    app.include_router(partnerships_api.router)
    app.include_router(pledges_views.router)
    app.include_router(pledges_api.router)
    app.include_router(needs_views.router)
    app.include_router(needs_api.router)
    app.include_router(planning_views.router)
    app.include_router(planning_api.router)
    app.include_router(parity_views.router)
    app.include_router(parity_api.router)
    app.include_router(evidence_views.router)
    app.include_router(evidence_api.router)
    app.add_api_route("/healthz", healthz, methods=["GET"], tags=["health"])
    _register_error_handlers(app)
    return app


async def _bind_locale(request: Request, call_next):
    locale = i18n.negotiate_locale(
        request.cookies.get("locale"), request.headers.get("accept-language")
    )
    token = i18n.current_locale.set(locale)
    try:
        response = await call_next(request)
    finally:
        i18n.current_locale.reset(token)
    response.headers.setdefault("Content-Language", locale)
    return response


def healthz(request: Request) -> JSONResponse:
    """Whether the application and its database answer."""
    if database_answers(request.app.state.engine):
        return JSONResponse({"status": "ok", "database": "ok"})
    return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get(
        "accept", "text/html"
    )


def _error_response(request: Request, status_code: int, title: str, message: str, details=None):
    if _wants_json(request):
        body = {"error": title, "detail": message}
        if details:
            body["errors"] = details
        return JSONResponse(body, status_code=status_code)
    context = {"status_code": status_code, "title": title, "message": message, "details": details}
    return render(request, "error.html", context, status_code=status_code)


def _register_error_handlers(app: FastAPI) -> None:
    _ = i18n.gettext

    @app.exception_handler(ReadinessError)
    async def readiness_error(request: Request, exc: ReadinessError):
        return _error_response(request, exc.status_code, _(exc.title), exc.message, exc.details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            message = _("There is no page at this address. Check the link, or start from the home page.")
            return _error_response(request, 404, _("Page not found"), message)
        return _error_response(request, exc.status_code, _("Request refused"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        details = [
            {"field": ".".join(str(p) for p in error["loc"]), "message": error["msg"]}
            for error in exc.errors()
        ]
        return _error_response(request, 422, _("Invalid input"), _("Some values are not valid."), details)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        message = _("Something went wrong on our side. The error was logged; please try again.")
        response = _error_response(request, 500, _("Server error"), message)
        # Starlette answers unexpected errors outside every middleware, the security headers'
        # included, so this response carries them itself.
        response.headers.update(security.error_headers())
        return response
