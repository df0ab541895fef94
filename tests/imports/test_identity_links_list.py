"""The identity links list: a text filter, pages and htmx fragments, all in the URL."""

from tests import factories

HTMX = {"HX-Request": "true"}


def keys_in(text):
    return [row.split("</code>")[0] for row in text.split("<tr><td><code>")[1:]]


def test_the_text_filter_narrows_the_rows(login_as):
    client = login_as("admin")
    factories.IdentityLinkFactory(actor_key="mbox:mailto:wanted@example.org")
    factories.IdentityLinkFactory(actor_key="mbox:mailto:other@example.org")
    page = client.get("/identity-links", params={"q": "WANTED"}, headers=HTMX)
    assert keys_in(page.text) == ["mbox:mailto:wanted@example.org"]


def test_page_two_keeps_the_filter_in_its_links(login_as):
    client = login_as("admin")
    person = factories.PersonFactory()
    for number in range(51):
        factories.IdentityLinkFactory(actor_key=f"mbox:mailto:many{number:02d}@example.org", person_id=person.id)
    page = client.get("/identity-links", params={"q": "many"}, headers=HTMX)
    assert len(keys_in(page.text)) == 50
    assert 'href="/identity-links?q=many&amp;page=2"' in page.text
    second = client.get("/identity-links", params={"q": "many", "page": 2}, headers=HTMX)
    assert keys_in(second.text) == ["mbox:mailto:many50@example.org"] and "Page 2 of 2" in second.text


def test_an_htmx_request_gets_only_the_results(login_as):
    client = login_as("admin")
    factories.IdentityLinkFactory(actor_key="mbox:mailto:frag@example.org")
    fragment = client.get("/identity-links", headers=HTMX)
    whole = client.get("/identity-links")
    assert "frag@example.org" in fragment.text and "<html" not in fragment.text
    assert 'id="link-filters"' not in fragment.text and 'id="link-filters"' in whole.text
