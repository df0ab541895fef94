"""Importing a completions file in a real browser: read the problems, fix the file, import it."""

import sqlalchemy as sa
from playwright.sync_api import expect

from readiness.models import Completion, Course, Person

BAD_DAY = "2019-02-11"


def a_ghanaian_service_number(demo_engine) -> str:
    with demo_engine.connect() as connection:
        return connection.execute(sa.select(Person.service_number).where(Person.country_code == "GHA")
                                  .order_by(Person.id).limit(1)).scalar_one()


def completions_on(demo_engine, service_number: str, day: str) -> list:
    with demo_engine.connect() as connection:
        query = (sa.select(Completion.source, Course.code).join(Person, Person.id == Completion.person_id)
                 .join(Course, Course.id == Completion.course_id)
                 .where(Person.service_number == service_number, Completion.completed_on == sa.func.date(day)))
        return [tuple(row) for row in connection.execute(query)]


def completions_file(tmp_path, rows: list[str]):
    path = tmp_path / "kaiptc.csv"
    path.write_text("country;service_number;course_code;completed_on;result\n" + "\n".join(rows) + "\n",
                    encoding="utf-8-sig")
    return path


def test_a_centre_reads_the_problems_of_a_file_fixes_it_and_imports_it(page, live_server, sign_in, demo_engine, tmp_path):
    number = a_ghanaian_service_number(demo_engine)
    sign_in("training_centre", "/imports/completions")

    page.get_by_label("File (CSV or XLSX)").set_input_files(completions_file(tmp_path, [
        f"GHA;{number};NOPE-9;{BAD_DAY};passed", f"GHA;{number};CPTM-1.2;{BAD_DAY};pass"]))
    page.get_by_role("button", name="Check the file").click()

    errors = page.locator("#import-errors tbody tr")
    expect(errors).to_have_count(2)
    expect(errors.first).to_contain_text("unknown course code `NOPE-9`")
    expect(errors.nth(1)).to_contain_text("result `pass` is not one of")
    expect(page.get_by_role("button", name="Import these rows")).to_have_count(0)
    assert page.url == f"{live_server}/imports/completions"  # the report came without a page load

    page.get_by_label("File (CSV or XLSX)").set_input_files(completions_file(tmp_path, [
        f"GHA;{number};CPTM-1.1;{BAD_DAY};passed", f"GHA;{number};CPTM-1.2;{BAD_DAY};completed"]))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("#import-summary")).to_contain_text("2 to create")
    assert completions_on(demo_engine, number, BAD_DAY) == []

    page.get_by_role("button", name="Import these rows").click()
    expect(page.locator("#import-summary")).to_contain_text("2 created")
    assert sorted(completions_on(demo_engine, number, BAD_DAY)) == [("csv", "CPTM-1.1"), ("csv", "CPTM-1.2")]
