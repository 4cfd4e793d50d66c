from __future__ import annotations

from extract.schemas import render_schemas

from .conftest import ROOT


def test_committed_schemas_match_the_models():
    rendered = render_schemas()
    assert set(rendered) == {"fact", "gold"}
    for name, text in rendered.items():
        committed = (ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8")
        assert committed == text, f"schemas/{name}.schema.json is stale: run `extract schemas`"
