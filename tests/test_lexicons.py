"""Lexicons as settings: a component reads resource files given in its config instead of the packaged ones."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import spacy

from extract.config import RunConfig
from extract.models import Qualifier
from extract.parsing import SPAN_KEY, quantity_of
from extract.resources import load_json, use_lexicons
from extract.run import FactCache


@pytest.fixture
def numbers_with_a_new_qualifier(tmp_path: Path):
    lexicon = json.loads(json.dumps(load_json("numbers.json")))
    lexicon["qualifiers"]["approximate"].append("give or take")
    path = tmp_path / "numbers.json"
    path.write_text(json.dumps(lexicon), "utf-8")
    yield path
    use_lexicons({})  # the setting is the process's: back to the packaged lexicons for the other tests


def _qualifier(config: dict[str, object], text: str) -> Qualifier:
    nlp = spacy.blank("en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no tagger or parser here: the qualifier is read from the text alone
        nlp.add_pipe("quantities", config=config)
    doc = nlp(text)
    [span] = doc.spans[SPAN_KEY]
    return quantity_of(span).qualifier


def test_a_lexicon_file_in_the_config_replaces_the_packaged_one(numbers_with_a_new_qualifier: Path):
    text = "They fed give or take 300 people."
    assert _qualifier({}, text) is Qualifier.EXACT
    assert _qualifier({"lexicons": {"numbers.json": str(numbers_with_a_new_qualifier)}}, text) is Qualifier.APPROXIMATE
    use_lexicons({})
    assert _qualifier({}, text) is Qualifier.EXACT


def test_unknown_names_and_missing_files_are_refused(tmp_path: Path):
    with pytest.raises(ValueError, match="unknown resource"):
        use_lexicons({"nonsense.json": tmp_path / "x.json"})
    with pytest.raises(FileNotFoundError):
        use_lexicons({"numbers.json": tmp_path / "absent.json"})


def test_the_cache_key_follows_the_lexicons(tmp_path: Path, numbers_with_a_new_qualifier: Path):
    plain = FactCache.open(tmp_path / "cache", RunConfig())
    lexicons = (("numbers.json", str(numbers_with_a_new_qualifier)),)
    custom = FactCache.open(tmp_path / "cache", RunConfig(lexicons=lexicons))
    no_quantulum = FactCache.open(tmp_path / "cache", RunConfig(quantulum_units=False))
    assert len({plain.version, custom.version, no_quantulum.version}) == 3


def test_the_cli_names_a_bad_lexicon_option(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "extract", "run", "--lexicon", "numbers.json=missing.json", "--out", "f.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "--lexicon 'numbers.json=missing.json'" in done.stderr
