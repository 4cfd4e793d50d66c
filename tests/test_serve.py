"""`extract serve`: the review page's API (Starlette's TestClient), its writer under concurrency, and a real browser
(headless Chromium through Selenium) reviewing three facts by keyboard, then audit and export agreeing with it."""

from __future__ import annotations

import json
import multiprocessing
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from extract.checks.reviews import Decision, ReviewState, append_review, load_reviews, make_decision, summarise
from extract.checks.serve import ReviewSettings, create_app, highlight
from extract.models import FactRecord

from .conftest import FIXTURES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# Starlette asks for httpx2, which the package index does not have; httpx works.
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

CORPUS_FILES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    FIXTURES / "html/hx01_sahel_detention_2023.html",
    FIXTURES / "pdf/pf01_kenya_floods_2023.pdf",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two text seeds, an HTML page and a PDF, extracted once: sources/ and outputs/facts.jsonl."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "sources").mkdir()
    for path in CORPUS_FILES:
        shutil.copy(path, folder / "sources" / path.name)
    done = subprocess.run(
        [sys.executable, "-m", "extract", "run", "sources", "--out", "outputs/facts.jsonl", "--no-cache", "-q"],
        cwd=folder, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def work(corpus: Path, tmp_path: Path) -> Path:
    """A fresh copy of the corpus (no reviews yet) for one test."""
    shutil.copytree(corpus / "sources", tmp_path / "sources")
    (tmp_path / "outputs").mkdir()
    shutil.copy(corpus / "outputs/facts.jsonl", tmp_path / "outputs/facts.jsonl")
    return tmp_path


def settings_for(work: Path) -> ReviewSettings:
    return ReviewSettings(
        facts=work / "outputs/facts.jsonl", reviews=work / "outputs/reviews.jsonl", root=work, reviewer="tester"
    )


def facts_of(work: Path) -> list[FactRecord]:
    lines = (work / "outputs/facts.jsonl").read_text("utf-8").splitlines()
    return [FactRecord.model_validate_json(line) for line in lines]


def client_for(work: Path):
    from starlette.testclient import TestClient

    return TestClient(create_app(settings_for(work), hosts=("testserver",)))


def test_page_shows_each_document_as_read_with_every_figure_highlighted(work: Path) -> None:
    facts = facts_of(work)
    html = client_for(work).get("/").text
    marked = re.findall(r'<mark class="fig" data-fact="([^"]+)">([^<]*)</mark>', html)
    assert {fact_id for fact_id, _ in marked} == {f.id for f in facts}
    html_fact = next(f for f in facts if f.source.endswith(".html") and "<" in f.quote and "&" not in f.quote)
    # the HTML page is shown as its read text: the figure without its tags, and no tag of the page escaped in
    documents = html.split('<div id="side">')[0]
    assert "".join(t for i, t in marked if i == html_fact.id) == re.sub(r"<[^>]+>", "", html_fact.quote)
    assert "&lt;strong&gt;" not in documents and "&lt;p&gt;" not in documents
    text_fact = next(f for f in facts if f.source.endswith(".txt"))
    assert "".join(t for i, t in marked if i == text_fact.id) == text_fact.quote
    pdf_facts = [f for f in facts if f.source.endswith(".pdf")]
    assert pdf_facts and all(f.page for f in pdf_facts)
    listed = {f["id"]: f for f in client_for(work).get("/api/facts").json()}
    assert all(listed[f.id]["page"] == f.page for f in pdf_facts)


def test_the_page_shows_figures_that_disagree_side_by_side(work: Path) -> None:
    """Two reports giving different values for the same indicator, place and period are listed together, each with
    its source and sentence; figures of different things are not."""
    facts = facts_of(work)
    fact = next(f for f in facts if f.location and f.period and f.quantity.value and f.subject)
    other = fact.model_copy(
        update={
            "id": "other_report:0-10",
            "doc_id": "other_report",
            "source": "sources/other_report.txt",
            "quantity": fact.quantity.model_copy(update={"value": fact.quantity.value + 100}),
        }
    )
    lines = (work / "outputs/facts.jsonl").read_text("utf-8")
    (work / "outputs/facts.jsonl").write_text(lines + other.model_dump_json() + "\n", "utf-8")
    html = client_for(work).get("/").text
    section = html.split('<section id="disagreements">')[1].split("</section>")[0]
    [group] = [g for g in section.split("<h3>")[1:] if other.id in g]
    rows = re.findall(r'<tr class="disagreement-row" data-fact="([^"]+)">', group)
    assert fact.id in rows and other.id in rows
    assert fact.sentence in group and "sources/other_report.txt" in group


def test_highlight_follows_source_offsets_not_reading_order() -> None:
    fact = SimpleNamespace(id="d:10-13", span=SimpleNamespace(start=10, end=13))
    # a table row read figure first: the characters of "abc 12" come from offsets 20..22, 23, 10, 11
    pieces = highlight("abc 12", [20, 21, 22, 23, 10, 11], [fact])  # type: ignore[list-item]
    assert [(p.text, p.fact_id) for p in pieces] == [("abc ", None), ("12", "d:10-13")]


def test_review_three_facts_then_reload_shows_the_decisions(work: Path) -> None:
    facts = facts_of(work)
    a, b, c = facts[0], facts[1], next(f for f in facts[2:] if f.quantity.kind.value == "count")
    client = client_for(work)
    answers = [
        client.post("/api/reviews", json={"fact_id": a.id, "decision": "accept"}),
        client.post("/api/reviews", json={"fact_id": b.id, "decision": "reject", "note": "a date"}),
        client.post(
            "/api/reviews", json={"fact_id": c.id, "decision": "correct", "figure": "200-300 families", "note": "x"}
        ),
    ]
    assert [r.status_code for r in answers] == [200, 200, 200]
    assert [r.json()["review"] for r in answers] == ["accepted", "rejected", "corrected"]
    assert answers[2].json()["corrected"] == {
        "value": None, "low": 200, "high": 300, "qualifier": "range", "unit": "families"
    }  # fmt: skip
    reloaded = {f["id"]: f for f in client_for(work).get("/api/facts").json()}  # a new app: what is on disk
    assert [reloaded[f.id]["review"] for f in (a, b, c)] == ["accepted", "rejected", "corrected"]
    assert reloaded[b.id]["note"] == "a date" and reloaded[a.id]["reviewer"] == "tester"
    page = client_for(work).get("/").text
    assert f'<tr class="fact-row accepted" data-fact="{a.id}">' in page
    assert f'<tr class="fact-row rejected" data-fact="{b.id}">' in page
    decisions, errors = load_reviews(work / "outputs/reviews.jsonl")
    assert errors == [] and [d.decision for d in decisions] == [Decision.ACCEPT, Decision.REJECT, Decision.CORRECT]
    correction = decisions[2]
    assert (correction.corrected_low, correction.corrected_high, correction.corrected_unit) == (200, 300, "families")
    summary = summarise(facts, decisions)
    assert summary.state(c.id).state == ReviewState.CORRECTED


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"decision": "correct", "figure": "1,5"}, 400, "does not read as one figure"),
        ({"decision": "correct", "figure": "-5 people"}, 400, "cannot be negative"),
        ({"decision": "correct", "figure": "300", "low": "-1"}, 400, "cannot be negative"),
        ({"decision": "correct", "figure": "300 and 400"}, 400, "more than one figure"),
        ({"decision": "correct", "figure": "many"}, 400, "no figure"),
        ({"decision": "correct", "figure": ""}, 400, "give the corrected figure"),
        ({"decision": "correct", "figure": "300", "qualifier": "roughly"}, 400, "unknown qualifier"),
        ({"decision": "correct", "figure": "", "low": "500", "high": "100"}, 400, "above upper bound"),
        ({"decision": "maybe"}, 400, "decision must be"),
        ({"decision": "accept", "note": {"x": 1}}, 400, "fields are text"),
        ({"decision": "accept", "fact_id": "nope:1-2"}, 404, "unknown fact id"),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_written(work: Path, body: dict, status: int, message: str) -> None:
    fact = next(f for f in facts_of(work) if f.quantity.kind.value == "count")
    answer = client_for(work).post("/api/reviews", json={"fact_id": fact.id, **body})
    assert answer.status_code == status and message in answer.json()["error"]
    assert not (work / "outputs/reviews.jsonl").exists()


def test_bodies_that_are_not_json_objects_other_origins_and_other_hosts_are_refused(work: Path) -> None:
    client = client_for(work)
    assert client.post("/api/reviews", content=b"fact_id=x").status_code == 400
    assert client.post("/api/reviews", json=["accept"]).status_code == 400
    fact = facts_of(work)[0]
    evil = client.post(
        "/api/reviews", json={"fact_id": fact.id, "decision": "accept"}, headers={"Origin": "http://evil.example"}
    )
    assert evil.status_code == 403
    # a page whose own name resolves to 127.0.0.1 (DNS rebinding) still names itself in Host
    from starlette.testclient import TestClient

    rebound = TestClient(create_app(settings_for(work)), base_url="http://evil.example:8765")
    assert rebound.get("/").status_code == 400
    assert rebound.post("/api/reviews", json={"fact_id": fact.id, "decision": "accept"}).status_code == 400
    assert TestClient(create_app(settings_for(work)), base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert not (work / "outputs/reviews.jsonl").exists()


def _append_many(path: str, fact_json: str, reviewer: str, count: int) -> None:
    fact = FactRecord.model_validate_json(fact_json)
    for i in range(count):
        append_review(Path(path), make_decision(fact, Decision.ACCEPT, reviewer=reviewer, note="n" * (i % 7) * 500))


def test_two_concurrent_writers_keep_every_line(work: Path) -> None:
    """Two processes (the CLI's writer) and two tabs (threads posting to one server) at once: every line whole."""
    facts = facts_of(work)
    path = work / "outputs/reviews.jsonl"
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_append_many, args=(str(path), facts[0].model_dump_json(), name, 150))
        for name in ("proc-1", "proc-2")
    ]
    for process in writers:
        process.start()
    client = client_for(work)

    def tab(name: str) -> None:
        for fact in facts[:25]:
            answer = client.post("/api/reviews", json={"fact_id": fact.id, "decision": "reject", "reviewer": name})
            assert answer.status_code == 200

    tabs = [threading.Thread(target=tab, args=(name,)) for name in ("tab-1", "tab-2")]
    for thread in tabs:
        thread.start()
    for thread in tabs:
        thread.join()
    for process in writers:
        process.join(timeout=120)
        assert process.exitcode == 0
    decisions, errors = load_reviews(path)
    assert errors == []
    by_reviewer = {name: sum(d.reviewer == name for d in decisions) for name in ("proc-1", "proc-2", "tab-1", "tab-2")}
    assert by_reviewer == {"proc-1": 150, "proc-2": 150, "tab-1": 25, "tab-2": 25}
    assert len(path.read_text("utf-8").splitlines()) == 350


def test_a_line_left_unfinished_does_not_swallow_the_next_decision(work: Path) -> None:
    fact = facts_of(work)[0]
    path = work / "outputs/reviews.jsonl"
    path.write_text('{"fact_id": "half a line', "utf-8")
    append_review(path, make_decision(fact, Decision.ACCEPT, reviewer="ann"))
    decisions, errors = load_reviews(path)
    assert [d.reviewer for d in decisions] == ["ann"] and len(errors) == 1


@pytest.mark.slow
def test_cli_review_correct_reads_figures_with_the_quantity_parser(work: Path) -> None:
    fact = next(f for f in facts_of(work) if f.quantity.kind.value == "count")

    def review(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "extract", "review", fact.id, "--reviewer", "ann", *args]
        return subprocess.run(command, cwd=work, capture_output=True, text=True)

    assert review("--correct", "1.2 million").returncode == 0
    assert review("--correct", "about 300", "--unit", "households").returncode == 0
    refused = review("--correct", "1,5")
    assert refused.returncode == 2 and "does not read as one figure" in refused.stderr
    assert review("--correct", "-5").returncode == 2
    assert review("--accept", "--unit", "people").returncode == 2
    decisions, _ = load_reviews(work / "outputs/reviews.jsonl")
    assert [(d.corrected_value, d.corrected_qualifier, d.corrected_unit) for d in decisions] == [
        (1_200_000, "exact", None),
        (300, "approximate", "households"),
    ]


def test_an_older_review_line_is_still_read(work: Path) -> None:
    fact = facts_of(work)[0]
    old = make_decision(fact, Decision.CORRECT, reviewer="ann", corrected_value=25).model_dump(mode="json")
    for key in ("corrected_low", "corrected_high", "corrected_qualifier", "corrected_unit"):
        del old[key]
    path = work / "outputs/reviews.jsonl"
    path.write_text(json.dumps(old) + "\n", "utf-8")
    [decision], errors = load_reviews(path)
    assert errors == [] and decision.corrected_value == 25
    corrected = summarise([fact], [decision]).state(fact.id).corrected_quantity(fact.quantity)
    assert corrected is not None and corrected.value == 25 and corrected.qualifier == fact.quantity.qualifier


# --- a real browser ----------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(work: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(settings_for(work)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path: Path):
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        f"--user-data-dir={tmp_path / 'chrome-profile'}", "--window-size=1400,1000",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.slow
def test_review_three_facts_by_keyboard_in_chromium(work: Path, server: str, browser) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.wait import WebDriverWait

    html_doc = next(f.doc_id for f in facts_of(work) if f.source.endswith(".html"))
    shown = sorted((f for f in facts_of(work) if f.doc_id == html_doc), key=lambda f: f.span.start)
    first, second, third = shown[:3]
    browser.get(server)
    Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="doc_id"]')).select_by_visible_text(html_doc)
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "tr.fact-row") if r.is_displayed()]
    assert len(visible) == len(shown)
    browser.find_element(By.TAG_NAME, "h1").click()  # the keys go to the page, not to the filter

    def keys(text: str) -> None:
        ActionChains(browser).send_keys(text).perform()

    def state_of(fact: FactRecord) -> str:
        return browser.find_element(By.CSS_SELECTOR, f'tr.fact-row[data-fact="{fact.id}"] td.state').text

    def wait_for(fact: FactRecord, state: str) -> None:
        WebDriverWait(browser, 10).until(lambda _: state_of(fact) == state)

    keys("ja")
    wait_for(first, "accepted")
    assert "selected" in browser.find_element(By.CSS_SELECTOR, f'mark.fig[data-fact="{first.id}"]').get_attribute(
        "class"
    )
    keys("jr")
    wait_for(second, "rejected")
    keys("jc")
    figure = browser.find_element(By.CSS_SELECTOR, '#form input[name="figure"]')
    assert figure.is_displayed() and browser.switch_to.active_element == figure
    figure.send_keys("1,5\n")
    error = browser.find_element(By.ID, "form-error")
    WebDriverWait(browser, 10).until(lambda _: "does not read as one figure" in error.text)
    figure.clear()
    figure.send_keys("about 300\n")
    wait_for(third, "corrected")
    assert not figure.is_displayed()

    browser.refresh()
    assert [state_of(f) for f in (first, second, third)] == ["accepted", "rejected", "corrected"]
    value = browser.find_element(By.CSS_SELECTOR, f'tr.fact-row[data-fact="{third.id}"] td.value').text
    assert value == "300 (approximate)"
    mark = browser.find_element(By.CSS_SELECTOR, f'mark.fig[data-fact="{second.id}"]')
    assert "rejected" in mark.get_attribute("class")

    audit = subprocess.run(
        [sys.executable, "-m", "extract", "audit", "--json"], cwd=work, capture_output=True, text=True
    )
    report = json.loads(audit.stdout)
    assert audit.returncode == 0 and report["clean"] and report["reviews"] == 3, audit.stdout
    export = subprocess.run(
        [sys.executable, "-m", "extract", "export", "--reviewed", "--format", "jsonl"],
        cwd=work, capture_output=True, text=True,
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    exported = {r["id"]: r for r in map(json.loads, export.stdout.splitlines())}
    assert len(exported) == len(facts_of(work)) - 1 and second.id not in exported
    assert exported[first.id]["quantity"] == first.quantity.model_dump(mode="json")
    assert exported[third.id]["quantity"]["value"] == 300
