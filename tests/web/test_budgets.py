"""The product stays light for slow links: small assets, compressed answers, no CDN."""

import re

from readiness.config import get_settings
from readiness.models import Role

BUDGET_BYTES = 100 * 1024


def test_all_javascript_and_css_together_stay_under_100_kb():
    static = get_settings().static_dir
    assets = [*static.rglob("*.js"), *static.rglob("*.css")]
    assert assets
    assert sum(asset.stat().st_size for asset in assets) <= BUDGET_BYTES


def test_no_template_loads_anything_from_another_host():
    remote = re.compile(r"""(src|href)=["']?(https?:)?//""")
    offenders = [path.name for path in get_settings().templates_dir.rglob("*.html")
                 if remote.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_pages_are_sent_compressed(login_as):
    client = login_as(Role.admin)
    response = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
