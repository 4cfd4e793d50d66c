"""`extract explain FILE`: every number of a report with its decision, reason, rule and place."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extract.checks.explain import explain
from extract.cli import app

REPORT = (
    "Field update\n\n"
    "Flash Update #4, issued on 2023-05-14.\n\n"
    "More than 1,200 families received food; children under 5 were screened.\n\n"
    "A girl at a distribution.\n\n"
    "Photo: J. Doe 2023\n"
)
PAGE = (
    "<html><body><nav><a href='/'>Home</a> 12 items</nav><main><h1>Update</h1>"
    "<p>Teams repaired <b>45</b> water points.</p></main></body></html>"
)


def _decisions(tmp_path: Path, name: str, text: str) -> dict[str, tuple[str, str | None]]:
    """Number text -> (decision, rule)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {d.text: (d.decision, d.rule) for d in explain(path)}


def test_text_report_every_number_decided(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    decisions = explain(path)
    by_text = {d.text: d for d in decisions if d.decision != "boilerplate"}
    assert by_text["1,200"].decision == "figure"
    figure = by_text["1,200"]
    assert (figure.value, figure.qualifier, figure.unit) == (1200, "more_than", "families")
    assert (by_text["4"].decision, by_text["4"].reason, by_text["4"].rule) == ("rejected", "reference", "number-sign")
    assert (by_text["5"].reason, by_text["5"].rule) == ("category label", "age-under")
    assert [by_text[n].reason for n in ("2023", "05", "14")] == ["date"] * 3
    for d in decisions:
        assert REPORT[d.start : d.end] == d.text
        assert d.line == REPORT[: d.start].count("\n") + 1
    assert [d.start for d in decisions] == sorted(d.start for d in decisions)


def test_boilerplate_numbers_are_dropped_with_the_segment_reason(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [credit] = [d for d in explain(path) if d.line == 9]
    assert (credit.decision, credit.reason) == ("boilerplate", "dropped: photo credit")


def test_html_page(tmp_path: Path) -> None:
    decisions = _decisions(tmp_path, "page.html", PAGE)
    assert decisions == {"45": ("figure", None)}  # the navigation is not read at all


def test_cli_json_and_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    as_json = runner.invoke(app, ["explain", str(path), "--json"])
    assert as_json.exit_code == 0
    rows = json.loads(as_json.stdout)
    assert {"start", "end", "line", "text", "decision", "reason", "rule", "value", "qualifier", "unit"} <= set(rows[0])
    assert any(r["decision"] == "figure" and r["unit"] == "families" for r in rows)
    as_text = runner.invoke(app, ["explain", str(path)])
    assert as_text.exit_code == 0 and "number-sign" in as_text.stdout and "unit=families" in as_text.stdout
    missing = runner.invoke(app, ["explain", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1
