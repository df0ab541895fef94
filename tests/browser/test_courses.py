"""The course catalogue in a real browser: live search and category chips, kept in the URL."""


from playwright.sync_api import expect



def test_a_user_searches_the_catalogue_and_filters_it_by_category(page, live_server, sign_in, screenshot):
    sign_in("training_centre", "/courses")
    rows = page.locator("#courses-table tbody tr")
    everything = rows.count()
    screenshot("courses")

    page.get_by_label("Search by code or title").fill("CPTM")
    expect(page).to_have_url(f"{live_server}/courses?q=CPTM&category=")
    assert 0 < rows.count() < everything
    assert all(text.startswith("CPTM") for text in rows.locator("th").all_inner_texts())

    page.get_by_label("Search by code or title").fill("")
    page.get_by_text("Medical", exact=True).click()
    expect(page).to_have_url(f"{live_server}/courses?q=&category=medical")
    expect(rows.first).to_contain_text("Medical")
    assert all(text == "Medical" for text in rows.locator("td:nth-of-type(1)").all_inner_texts())
