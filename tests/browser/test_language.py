"""Switching the interface to French and back, in a real browser."""

from playwright.sync_api import expect


def test_a_user_switches_to_french_and_the_choice_follows_them(page, live_server, sign_in):
    sign_in("force_generation")
    page.get_by_label("Language").select_option("fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Vue d'ensemble")
    page.get_by_role("link", name="Unités").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Langue").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Units").first).to_be_visible()


def test_a_visitor_chooses_french_on_the_sign_in_page(page, live_server):
    page.goto(f"{live_server}/login")
    page.get_by_role("link", name="Français").click()
    expect(page.locator("h1")).to_have_text("Se connecter")
    expect(page.get_by_label("Mot de passe")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
