"""`extract report`: one self-contained, escaped HTML page; clicking a figure shows its record (headless Chromium)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.checks.report import disagreements, indicator_key, pieces, render
from extract.checks.reviews import Decision, make_decision, summarise
from extract.models import FactRecord

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
EVIL = 'Intro <script>alert(1)</script> then "><img src=x onerror=alert(1)> and 300 people were helped.\n'


@pytest.fixture(scope="module")
def facts() -> list[FactRecord]:
    text = (ROOT / "outputs/facts.jsonl").read_text("utf-8")
    return [FactRecord.model_validate_json(line) for line in text.splitlines()]


def evil_fact(folder: Path) -> FactRecord:
    path = folder / "evil.txt"
    path.write_text(EVIL, "utf-8")
    start = EVIL.index("300 people")
    end = start + len("300 people")
    return FactRecord.model_validate(
        {
            "id": f"evil:{start}-{end}",
            "doc_id": "evil",
            "source": "evil.txt",
            "source_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "encoding": "utf-8",
            "span": {"start": start, "end": end},
            "quote": "300 people",
            "quantity": {
                "number": "300", "value": 300, "low": None, "high": None, "qualifier": "exact", "kind": "count",
                "unit": "people", "start": start, "end": end, "number_start": start, "number_end": start + 3,
            },
            "subject": "</script><script>alert(2)</script>",
            "sentence": EVIL.strip(),
            "section": None,
            "entities": [],
            "period": None,
            "location": None,
            "topics": ["<b>x</b>"],
            "anchor": {"exact": "300 people", "prefix": EVIL[start - 32 : start], "suffix": EVIL[end:], "start": start},
        }
    )  # fmt: skip


def test_document_text_and_data_are_escaped(tmp_path: Path) -> None:
    fact = evil_fact(tmp_path)
    html = render([fact], summarise([fact], []), root=tmp_path)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "alert(2)</script>" not in html  # the subject inside the JSON block cannot close the script
    assert html.count("<script") == 2  # the data block and the page's own script, nothing else
    data = re.search(r'<script id="fact-data" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert data and json.loads(data.group(1))[fact.id]["subject"] == fact.subject


def test_page_is_self_contained(facts: list[FactRecord]) -> None:
    html = render(facts, summarise(facts, []), root=ROOT)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html
    assert html.count('class="fact-row"') >= len(facts)
    assert all(f'data-fact="{f.id}"' in html for f in facts)


def test_pieces_cover_the_text_exactly_and_mark_each_figure(facts: list[FactRecord]) -> None:
    doc = [f for f in facts if f.doc_id == facts[0].doc_id]
    text = (ROOT / doc[0].source).read_text("utf-8")
    cut = pieces(text, doc)
    assert "".join(p.text for p in cut) == text
    for fact in doc:
        assert "".join(p.text for p in cut if p.fact_id == fact.id) == fact.quote
    assert any(p.label == "ORG" for p in cut)


def test_disagreeing_figures_are_grouped(facts: list[FactRecord]) -> None:
    base = next(f for f in facts if f.quote == "Nearly 3,000 people")
    other = base.model_copy(
        update={"id": "other:1-2", "doc_id": "other", "subject": "the People", "quantity": base.quantity.model_copy(
            update={"value": 2500, "high": None, "qualifier": "exact"})}
    )  # fmt: skip
    same = base.model_copy(update={"id": "same:1-2", "doc_id": "same"})
    assert indicator_key(other) == indicator_key(base) == "person"
    groups = disagreements([base, other, same])
    assert [(g.indicator, sorted(g.fact_ids)) for g in groups] == [("person", sorted([base.id, other.id, same.id]))]
    assert disagreements([base, same]) == []


def test_report_shows_reviews_needing_rereview(facts: list[FactRecord]) -> None:
    stale = make_decision(facts[0], Decision.ACCEPT, reviewer="ann").model_copy(update={"value": 99})
    gone = make_decision(facts[1], Decision.REJECT, reviewer="bob").model_copy(update={"fact_id": "vanished:1-2"})
    html = render(facts, summarise(facts, [stale, gone]), root=ROOT)
    assert "Reviews needing re-review (2)" in html
    assert "vanished:1-2" in html and "fact no longer exists" in html and "fact changed since review" in html


def test_cli_writes_report(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "outputs").mkdir()
    shutil.copy(ROOT / "outputs/facts.jsonl", tmp_path / "outputs/facts.jsonl")
    done = subprocess.run([sys.executable, "-m", "extract", "report"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "outputs/report.html").read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver are not installed")
def test_clicking_a_figure_shows_its_record_in_headless_chromium(facts: list[FactRecord], tmp_path: Path) -> None:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    target = next(f for f in facts if f.quote == "around 357 home visits")
    page = tmp_path / "report.html"
    page.write_text(render(facts, summarise(facts, []), root=ROOT), "utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.get(page.as_uri())
        panel_value = driver.find_element(By.CSS_SELECTOR, '#panel dd[data-field="value"]')
        assert not panel_value.is_displayed()
        mark = driver.find_element(By.CSS_SELECTOR, f'mark.fig[data-fact="{target.id}"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", mark)
        mark.click()
        assert panel_value.text == "357"
        assert driver.find_element(By.CSS_SELECTOR, '#panel dd[data-field="qualifier"]').text == "approximate"
        assert driver.find_element(By.CSS_SELECTOR, '#panel dd[data-field="unit"]').text == "home visits"
        assert "selected" in mark.get_attribute("class")
        kind = driver.find_element(By.CSS_SELECTOR, 'select[data-filter="kind"]')
        Select(kind).select_by_visible_text("duration")
        visible = [r for r in driver.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr") if r.is_displayed()]
        assert visible and len(visible) == sum(f.quantity.kind.value == "duration" for f in facts)
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 1000
    finally:
        driver.quit()


def _made_up(
    base: FactRecord, doc: str, value: float, subject: str, unit: str, place: str, year: int, kind: str = "count"
) -> FactRecord:
    import datetime as dt

    from extract.models import Kind, Period, Qualifier

    quantity = base.quantity.model_copy(
        update={
            "value": value,
            "low": None,
            "high": None,
            "qualifier": Qualifier.EXACT,
            "unit": unit,
            "kind": Kind(kind),
        }
    )
    period = Period(text=str(year), start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), origin="document")
    return base.model_copy(
        update={"id": f"{doc}:1-2", "doc_id": doc, "subject": subject, "quantity": quantity, "location": place,
                "period": period}
    )  # fmt: skip


def test_only_figures_measuring_the_same_thing_are_compared(facts: list[FactRecord]) -> None:
    base = facts[0]
    deaths_a = _made_up(base, "a", 120, "deaths", "deaths", "Sudan", 2024)
    deaths_b = _made_up(base, "b", 340, "deaths", "deaths", "Chad", 2024)
    assert disagreements([deaths_a, deaths_b]) == []  # two countries
    appeal = _made_up(base, "c", 5_000_000, "appeal", "CHF", "Sudan", 2024, "money")
    gap = _made_up(base, "d", 2_000_000, "funding gap", "CHF", "Sudan", 2024, "money")
    assert disagreements([appeal, gap]) == []  # not the same noun
    earlier = _made_up(base, "e", 90, "deaths", "deaths", "Sudan", 2022)
    assert disagreements([deaths_a, earlier]) == []  # periods do not overlap
    share = _made_up(base, "f", 12, "deaths", "deaths", "Sudan", 2024, "percentage")
    assert disagreements([deaths_a, share]) == []  # another kind
    again = _made_up(base, "g", 150, "Deaths", "deaths", "sudan", 2024)
    groups = disagreements([deaths_a, deaths_b, again, appeal, gap, earlier, share])
    assert [(g.indicator, g.fact_ids) for g in groups] == [("death", ["a:1-2", "g:1-2"])]
    html = render([deaths_a, again], summarise([deaths_a, again], []), root=ROOT)
    section = html[html.index('id="disagreements"') : html.index('id="facts"')]
    assert deaths_a.sentence in section and deaths_a.source in section and "a:1-2" in section and "g:1-2" in section
