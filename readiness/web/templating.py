"""Jinja2 rendering: a whole page on a normal request, one named block on an htmx request."""

from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from readiness.config import get_settings
from readiness.web import i18n
from readiness.web.labels import label


def _format_date(value: date | None, style: str = "medium") -> str:
    return format_date(value, format=style, locale=i18n.current_locale.get()) if value else ""


def _format_number(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=i18n.current_locale.get())


def _format_percent(value: float | None) -> str:
    """A percentage with one decimal, in the locale's own pattern (e.g. 12.5% / 12,5 %)."""
    if value is None:
        return ""
    locale = Locale.parse(i18n.current_locale.get())
    pattern = locale.percent_formats[None].pattern.replace("#,##0", "#,##0.0", 1)
    return format_percent(value / 100, format=pattern, locale=locale)


@lru_cache
def environment() -> Environment:
    """The one Jinja2 environment, with gettext bound to the request's locale."""
    env = Environment(
        loader=FileSystemLoader(str(get_settings().templates_dir)),
        autoescape=select_autoescape(["html", "xml", "svg"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
    env.filters.update(date=_format_date, number=_format_number, percent=_format_percent)
    # The product's name is a name: it is not translated.
    env.globals.update(label=label, language_names=i18n.LANGUAGE_NAMES, product_name="Readiness")
    return env


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def wants_fragment(request: Request) -> bool:
    """An htmx request that swaps part of a page (not a boosted navigation or a history restore)."""
    headers = request.headers
    return (
        is_htmx(request)
        and headers.get("HX-Boosted") != "true"
        and headers.get("HX-History-Restore-Request") != "true"
    )


def render(
    request: Request,
    template_name: str,
    context: dict | None = None,
    *,
    block: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page; on an htmx request with `block`, render only that block."""
    template = environment().get_template(template_name)
    values = {"request": request, "locale": i18n.current_locale.get(), **(context or {})}
    if block and wants_fragment(request):
        body = "".join(template.blocks[block](template.new_context(values)))
    else:
        body = template.render(values)
    return HTMLResponse(body, status_code=status_code)
