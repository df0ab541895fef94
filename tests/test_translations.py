"""Every user-facing string in the templates goes through gettext."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readiness.config import get_settings

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
TEXT_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "summary"}
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
TEMPLATES = sorted(get_settings().templates_dir.rglob("*.html"))


class _LiteralText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in TEXT_ATTRIBUTES and value and LETTERS.search(value):
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and LETTERS.search(data):
            self.found.append(data.strip())


def literal_text(source: str) -> list[str]:
    """Text a user would read that is written in the template instead of going through _()."""
    parser = _LiteralText()
    parser.feed(JINJA.sub("", source))
    return parser.found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.name))
def test_the_template_has_no_untranslated_text(template: Path):
    assert literal_text(template.read_text(encoding="utf-8")) == []


def test_the_check_catches_literal_text_and_labels():
    source = '<p>{{ _("Fine") }}</p><p>Not fine</p><input aria-label="Search" placeholder="{{ _(\'ok\') }}">'
    assert literal_text(source) == ["Not fine", '<input aria-label="Search">']
