"""Rules for the classes fresh14 found on real14's fresh documents (issue #12): a bare "$" in a document whose
dollar is not the US one. Made-up sentences, with cases where each rule must not fire."""

from __future__ import annotations

from pathlib import Path

from extract.checks.audit import audit
from extract.jsonl import write_jsonl
from extract.parsing import shared_pipeline
from extract.parsing.dollars import document_dollar, local_dollar
from extract.run import extract_document

from .helpers import figure_values as _figures
from .helpers import read_figures
from .helpers import rejections_in as _rejected


def _units(path: Path) -> dict[str, str | None]:
    return {r.quote: r.quantity.unit for r in extract_document(path) if r.quantity.kind.value == "money"}


def test_a_document_marking_one_other_dollar_means_it_by_a_bare_sign():
    assert document_dollar("The fund raised C$ 4 million. Each family gets $500.") == "CAD"
    assert document_dollar("Grants of $300 (all amounts in Australian dollars).") == "AUD"
    assert document_dollar("A total of 12 million NZD; each school received $40,000.") == "NZD"


def test_a_document_named_for_a_dollar_country_publisher_means_its_dollar():
    assert document_dollar("The Canadian Red Cross gives $250 to each evacuated household.") == "CAD"
    assert document_dollar("The Australian Government pledged $8 million to the appeal.") == "AUD"


def test_a_us_mark_anywhere_or_two_countries_keep_the_us_dollar():
    assert document_dollar("The Canadian Red Cross sent US$ 2 million; a further $1 million came later.") is None
    assert document_dollar("Australian Red Cross volunteers joined. The appeal, in USD, reached $9 million.") is None
    assert document_dollar("C$ 3 million from Ottawa and A$ 2 million from Canberra; $1 million from others.") is None
    assert document_dollar("The Canadian government and the Australian government gave $5 million each.") is None
    assert document_dollar("The American Red Cross and the Canadian Red Cross raised $7 million.") is None


def test_a_country_named_alone_or_a_lower_case_code_is_no_evidence():
    assert document_dollar("Canada and Australia pledged $5 million each at the conference.") is None
    assert document_dollar("Rescuers dug through the debris; cad and aud files were lost. $2 million was sent.") is None
    assert document_dollar("An ICAD programme spent $3 million.") is None  # CAD inside a longer word


def test_only_a_figure_read_from_a_bare_sign_or_name_takes_the_local_dollar():
    nlp = shared_pipeline()
    text = "Families got $600 each, more than a million dollars a day, and 5,000 blankets."
    figures = dict(read_figures(nlp, text))
    units = {quote: local_dollar(q, text, "CAD").unit for quote, q in figures.items()}
    assert units["$600"] == "CAD"
    assert units["more than a million dollars"] == "CAD"
    assert units["5,000 blankets"] == "blankets"
    assert {quote: local_dollar(q, text, None).unit for quote, q in figures.items()}["$600"] == "USD"
    euros = "The grant was EUR 600."
    assert [local_dollar(q, euros, "CAD").unit for _, q in read_figures(nlp, euros)] == ["EUR"]


def test_a_run_and_its_audit_agree_on_the_local_dollar(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = Path("release.txt")
    source.write_text(
        "Canadian Red Cross opens registration\n\nThe Canadian Red Cross will give $600 to each adult evacuee.\n"
    )
    records = extract_document(source)
    assert {r.quote: r.quantity.unit for r in records} == {"$600": "CAD"}
    facts = tmp_path / "facts.jsonl"
    write_jsonl(facts, records)
    report = audit(facts, root=tmp_path)
    assert report.clean, report.summary()


def test_a_document_without_evidence_keeps_the_us_dollar(tmp_path: Path):
    source = tmp_path / "news.txt"
    source.write_text("Donors pledge aid\n\nCanada pledged $600 million on Monday, officials said.\n")
    assert _units(source) == {"$600 million": "USD"}


_PHONE = ("phone", "telephone-number")
_SHORT_CODE = ("phone", "sms-short-code")


def test_a_north_american_telephone_number_is_a_phone_not_a_figure():
    text = "To register, evacuees can call 1-888-350-6070 or (250) 555-0142 between 8 am and 8 pm."
    rejected = _rejected(text)
    assert rejected["1-888"] == _PHONE
    assert rejected["350-6070"] == _PHONE
    assert rejected["555-0142"] == _PHONE
    assert _figures(text) == {}
    assert _rejected("For help, dial 1-800-HELP-NOW from any phone.")["1-800"] == _PHONE


def test_a_keyword_texted_to_a_short_code_is_a_phone_not_a_figure():
    text = "Give $10 by texting FLOOD to 20222, or SMS 'AID' to 30333."
    rejected = _rejected(text)
    assert rejected["20222"] == _SHORT_CODE
    assert rejected["30333"] == _SHORT_CODE
    assert "20222" not in " ".join(_figures(text))


def test_counts_and_ranges_like_digit_groups_stay_figures():
    assert _figures("The team handed out 4,500 kits to 12000 families in 3 days.") == {
        "4,500 kits": 4500,
        "12000 families": 12000,
        "3 days": 3,
    }
    assert _figures("Between 300-400 families and 150-200 children were moved.")  # ranges, no phone
    assert "20000" in " ".join(_figures("Volunteers text messages to 20000 people each week."))


def test_a_bare_year_before_plural_events_dates_them():
    assert _rejected("Families who lost homes in the 2019 bushfires were helped.")["2019"] == (
        "year",
        "year-before-events",
    )
    assert _rejected("Schools reopened after the 2017 hurricanes.")["2017"] == ("year", "year-before-events")
    assert _figures("Families who lost homes in the 2019 bushfires were helped.") == {}


def test_a_count_of_events_or_a_year_before_people_stays_a_figure():
    assert _figures("Crews fought more than 2000 bushfires that summer.") == {"more than 2000 bushfires": 2000}
    assert _figures("Crews fought 2,000 bushfires that summer.") == {"2,000 bushfires": 2000}
    assert _figures("The 2000 people who fled were housed in schools.") == {"2000 people": 2000}


_POINT = ("category label", "intensity-point")
_SIZE = ("category label", "scale-size")


def test_a_point_of_an_intensity_scale_and_a_scale_size_are_labels():
    text = "Residents felt intensity 6 shaking, measured on the 12-level seismic intensity scale."
    rejected = _rejected(text)
    assert rejected["6"] == _POINT
    assert rejected["12"] == _SIZE
    assert _figures(text) == {}
    assert _rejected("Needs were ranked on a 5-point scale.")["5"] == _SIZE


def test_amounts_near_intensity_words_or_step_words_stay_figures():
    assert _figures("The intensity of 300 attacks rose in the north.") == {"300 attacks": 300}
    assert _figures("Shaking of intensity 4 damaged 30 villages.") == {"30 villages": 30}
    assert "40 rooms" in _figures("The 3-level building had 40 rooms.")


def _units_of(text: str) -> dict[str, str | None]:
    return {q.number: q.unit for _, q in read_figures(shared_pipeline(), text)}


def test_a_plural_noun_written_after_a_list_of_modifiers_is_each_items_noun():
    text = "The partners ran 12 nutrition, 8 water and 5 health and hygiene projects last year."
    assert _units_of(text) == {"12": "projects", "8": "projects", "5": "health and hygiene projects"}
    assert _units_of("Volunteers handed out 300 food, 200 hygiene and 150 shelter kits.") == {
        "300": "kits",
        "200": "kits",
        "150": "shelter kits",
    }


def test_a_list_whose_items_name_their_own_nouns_keeps_them():
    assert _units_of("The clinic had 3 doctors, 2 nurses and 4 drivers.") == {
        "3": "doctors",
        "2": "nurses",
        "4": "drivers",
    }
    assert _units_of("The floods killed 20 (including 6 man, 4 women and 10 boys).")["6"] == "men"  # not "women"


def test_a_number_word_of_the_plural_counts_that_plural():
    assert _units_of("Three of the evacuees were taken to hospital.") == {"Three": "evacuees"}
    assert _units_of("One of the evacuees was taken to hospital.") == {}  # picks one out: no count


def test_a_part_out_of_the_whole_counts_the_wholes_noun():
    assert _units_of("Floods were reported in 14 out of the 25 districts.") == {"14": "districts", "25": "districts"}
    shares = [
        (q.kind.value, q.unit) for _, q in read_figures(shared_pipeline(), "Two out of the three wells dried up.")
    ]
    assert shares == [("ratio", "wells")]


def test_an_article_doubled_before_half_a_scale_is_one_amount():
    figures = read_figures(shared_pipeline(), "Nearly a half a million children were vaccinated.")
    assert [(q.value, q.qualifier.value, q.unit) for _, q in figures] == [(500000, "approximate", "children")]
    assert _figures("A half of the wells were dry.") == {"A half of the wells": 0.5}


def test_a_scale_word_glued_to_an_image_label_ends_the_figure():
    assert _figures("2 billionPeople icon") == {"2 billion": 2_000_000_000}
    assert 3_000_000 not in _figures("He planted 3 MillionTrees saplings.").values()
    assert _figures("We reached 4 million people.") == {"4 million people": 4_000_000}
