"""Every number the scanner finds is a figure or a rejected number with a named reason and rule; one test per rule,
each on a short made-up sentence of its class."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import DocBin

from extract.parsing import REJECTED_KEY, SPAN_KEY, parse_quantities, shared_pipeline
from extract.resources import load_json

from .helpers import rejections_in as _rejected


def _figures(text: str) -> list[str]:
    return [q.number for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("text", "number", "reason", "rule"),
    [
        ("Kenya + 4 more", "4", "site furniture", "plus-n-more"),
        ("Views: 2,310. Some 300 families fled.", "2,310", "site furniture", "counter-label"),
        ("Download the brief (512.4 KB) today.", "512.4", "site furniture", "file-size"),
        ("The clip drew 45 downloads last week.", "45", "site furniture", "counter-noun"),
        ("The blast happened at 2140 GMT near the port.", "2140", "time", "time-zone"),
        ("The convoy left at 06.30 local time.", "06.30", "time", "time-zone"),
        ("See page 4 of 20 for the map.", "20", "page furniture", "page-of"),
        ("www.example.org 7 Annual Overview", "7", "page furniture", "after-url"),
        ("Flash Update #6 covers the floods.", "6", "reference", "number-sign"),
        ("Situation Report No. 9 was issued.", "9", "reference", "number-sign"),
        ("Round 2 of the survey began.", "2", "reference", "reference-word"),
        ("SitRep 14 covers the floods.", "14", "reference", "series-word"),
        ("Areas in IPC Phase 4 grew.", "4", "category label", "phase-or-category"),
        ("A Category 3 storm hit the coast.", "3", "category label", "phase-or-category"),
        ("The 1977 Additional Protocol applies.", "1977", "name", "year-in-name"),
        ("The 2019 assessment found gaps.", "2019", "year", "year-modifier"),
        ("Infants under six were vaccinated.", "six", "category label", "age-under"),
        ("A 34-year-old nurse was hurt.", "34", "category label", "age-of-person"),
        ("Screening of children 6-23 months continued.", "6-23", "category label", "group-age"),
        ("It helps 100,000 children under five years old.", "five", "category label", "age-under"),
        ("Some 428,269 Children <5 years are at risk.", "5", "category label", "group-age"),
        ("Children aged 6-59 months were screened.", "6-59", "category label", "aged-band"),
        ("He is a father of three from the north.", "three", "idiom", "parent-of-n"),
        ("Fighting rose in the first nine months of 2011.", "nine", "date", "period-phrase"),
        ("Six people were hurt in the first nine months of the year.", "nine", "date", "opening-period"),
        ("Sales were weaker than in the first six months.", "six", "date", "opening-period"),
        ("Flows rose in 2011. 3 Source: ministry data.", "3", "footnote", "note-number"),
        ("Flows rose sharply. 2 UNHCR reported more.", "2", "footnote", "after-sentence-end"),
        ("Returnees 2 41,000 35,000", "2", "footnote", "marker-before-figure"),
        ("It hosted refugees in camps 3 and in towns.", "3", "footnote", "marker-after-noun"),
        ("The office opened on 2019-04-17.", "2019", "date", "numeric-date"),
        ("The office opened on 17/04/2019.", "17", "date", "numeric-date"),
        ("Valid until 04.2019 only.", "04.2019", "date", "numeric-date"),
        ("Call +44 207 946 0000 for help.", "44", "phone", "plus-prefix"),
        ("The hosts won 3-1 on Sunday.", "3-1", "score", "score"),
        ("Their 2-0 victory came late.", "2-0", "score", "score"),
        ("Write to 17 Avenue de la Paix, 1202 Geneva.", "17", "address", "street-number"),
        ("Write to 17 Avenue de la Paix, 1202 Geneva.", "1202", "address", "postal-code"),
        ("The office is at 19 Avenue de la Paix, 1202 Geneva.", "19", "address", "street-number"),
        ("Our shop at 221 Baker Street closed.", "221", "address", "street-number"),
        ("Mail the form to Austin, TX 78701 by June.", "78701", "address", "postal-code"),
        ("The Nikkei 225 rose sharply.", "225", "name", "number-in-name"),
        ("Appeal DREF-2021-000042-KEN was launched.", "000042", "reference", "code-digits"),
        ("Showing 21–30 of 88 results", "21–30", "site furniture", "result-listing"),
        ("Viewing 412 items", "412", "site furniture", "result-listing"),
        ("It found 73 results for floods.", "73", "site furniture", "counter-noun"),
        ("SHELTER AND NFI 63", "63", "page furniture", "running-header"),
        ("204 | ANNUAL REPORT", "204", "page furniture", "running-header"),
        ("9 1) SOMALIA Situation Report", "9", "page furniture", "page-number-line-start"),
        ("3 Uganda at a glance", "3", "footnote", "marker-before-place"),
        ("12 Annual Review of the operation", "12", "page furniture", "page-number-line-start"),
        ("1234/567 07.2011 4,500", "4,500", "page furniture", "code-line"),
        ("• Posted by: the office • 3 • 7 • May 2021", "3", "page furniture", "lone-number"),
        ("Totals 3,400 2,900 2 Excludes returnees.", "2", "footnote", "note-number"),
        ("One nurse described the wards as full.", "One", "idiom", "one-speaker"),
        ("Girls under the age of twelve were enrolled.", "twelve", "category label", "age-under"),
        ("Youths below 21 years of age were listed.", "21", "category label", "age-under"),
        ("4 2) KENYA Situation Report", "2", "ordinal", "list-number"),
        ("Some 2 million people are in IPC 4 or worse.", "4", "category label", "phase-or-category"),
        ("Posted 5 hours ago by the editor", "5", "time", "time-ago"),
        ("Children aged nine months to 14 years were vaccinated.", "nine", "category label", "aged-band"),
        ("Children aged nine months to 14 years were vaccinated.", "14", "category label", "aged-band"),
        ("Photo 2 of 9", "9", "site furniture", "n-of-m"),
        ("Read more 31 comments", "31", "site furniture", "counter-noun"),
        ("... in the region. HEALTH 52 The teams visited 300 clinics.", "52", "page furniture", "running-header"),
        ("... affected. OPERATIONS 91 OPERATIONS Armed conflicts went on.", "91", "page furniture", "running-header"),
        ("Displaying 1 - 10 of 57", "57", "site furniture", "result-listing"),
        ("The backlog may reach six figures by June.", "six", "idiom", "n-figures"),
        ("The firm warned its 2024 profits would fall.", "2024", "year", "year-modifier"),
        ("Analysts cut 2019 exports forecasts again.", "2019", "year", "year-modifier"),
        ("The DAX 40 carmaker Volkswagen slipped.", "40", "name", "name-then-number"),
        ("The CAC 40-listed bank gained.", "40", "name", "name-then-number"),
        ("Output rose in the 52 weeks to 30 June.", "52", "date", "period-to-date"),
        ("Sales fell in the six months ended September.", "six", "date", "period-to-date"),
        ("Some 300 people were killed.[4] The UN said.", "4", "footnote", "bracket-marker"),
        ("More than 2,000 families fled [12].", "12", "footnote", "bracket-marker"),
        ("It is one of the three largest operations.", "three", "idiom", "ranked-set"),
        ("Involuntary Relocated Persons (IRPs) 2 850,000 IDPs 350,000", "2", "footnote", "marker-before-figure"),
        ("The method is set out (pp. 14-18) in the annex.", "14-18", "reference", "page-reference"),
        ("It ranks among the top 20 donors.", "20", "idiom", "top-n"),
        ("Since the 9/11 attacks, rules changed.", "9/11", "name", "slash-pair"),
        ("Reading time: 6 min", "6", "site furniture", "counter-label"),
        ("Intro.\n\n3.2 Protection of civilians\n\nThe teams went.", "3.2", "ordinal", "section-number"),
        ("Office of the Coordinator, Juba. Tel.: (211) 912 Fax: (211) 913", "211", "phone", "phone-label"),
        ("Write to P.O. Box 4021, 00100 Nairobi.", "00100", "address", "post-box-code"),
        ("Write to PO Box 77, 12345 Lusaka.", "12345", "address", "post-box-code"),
        ("Each five-member household received a kit.", "five", "category label", "household-size"),
        ("The profile is updated monthly. 3. The annex lists the camps.", "3", "ordinal", "list-number"),
        ("Annual review\n\n7 Introduction The year began.", "7", "page furniture", "page-number-line-start"),
        ("Annual review\n\n1 WORLD HEALTH ORGANIZATION", "1", "page furniture", "page-number-line-start"),
        ("Uploaded by admin\n\n3 download", "3", "site furniture", "counter-noun"),
        ("Citation\n\n  • View\n    12\n\n  • Download\n    0", "12", "site furniture", "counter-item"),
        ("• Upload others\n• View 12\n• Download 0", "12", "site furniture", "counter-item"),
        ("A snapshot of the top seven operations of last year.", "seven", "idiom", "top-n"),
    ],
)
def test_rule(text: str, number: str, reason: str, rule: str) -> None:
    decisions = [decision for span, decision in _rejected(text).items() if number in span]  # spans are whole tokens
    assert decisions[:1] == [(reason, rule)]
    assert number not in _figures(text)


def test_contents_sequence() -> None:
    text = "Table of contents Preface 3 Regional Overview 5 Health 9 Water and Sanitation 14 Protection 21 Annexes 30"
    rejected = _rejected(text)
    assert all(rejected.get(n) == ("page furniture", "contents-sequence") for n in ["3", "5", "9", "14", "21", "30"])
    assert _figures(text) == []


def test_lone_number_segment() -> None:
    assert _rejected("• 0") == {"0": ("page furniture", "lone-number")}


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Some 300 families fled to 12 camps.", "300"),
        ("In 2021, 2000 Syrian refugees returned.", "2000"),
        ("Under 40 people were evacuated.", "40"),
        ("Fewer than 5 per cent were reached.", "5"),
        ("It took under two weeks.", "two"),
        ("Aid arrived over three months.", "three"),
        ("Returnees 2,400 Refugees 1,900", "2,400"),
        ("Schools 4 Hospitals 9 Clinics 12 Camps 15 Shelters 20", "4"),
        ("One person was killed in the blast.", "One"),
        ("One child told us 40 families had fled.", "40"),
        ("Ages 2-5 were screened; 1-3 days later 300 left.", "300"),
        ("In 2021, 2000 Syrian refugees returned.", "2000"),
        ("289 mt of food assistance distributed", "289"),
        ("Two of the detainees were released.", "Two"),
        ("Fighting killed 3 people in the town of Jowhar.", "3"),
        ("SOMALIA 52,000 REFUGEES", "52,000"),
        ("The team of 12 Red Cross volunteers left.", "12"),
        ("Supplies for 5 000 households arrived at 12 Rue ends.", "5 000"),
        ("KEY FIGURES 300 Detainees visited", "300"),
        ("She was one of 4 survivors.", "4"),
        ("It took 3 days to reach the camp.", "3"),
        ("Children aged 5 to 17 attended school.", "5 to 17"),
        ("MSF sent 30 staff to the clinic.", "30"),
        ("WFP 200 trucks crossed at dawn.", "200"),
        ("Some 1800 households were counted in 2024.", "1800"),
        ("Aid reached them within 27 weeks.", "27"),
        ("It took six months to rebuild.", "six"),
        ("Prices rose over the past six months.", "six"),
        ("Aid reached 300 families in the last ten weeks.", "ten"),
        ("Of the 10 largest camps, 4 are full.", "10"),
        ("The three largest donors gave 50 per cent.", "three"),
        ("Some 5 000 households and 1 234, 5 678 people.", "1 234"),
        ("Some 7/10 of the wells were dry.", "7/10"),
        ("A 3/4 majority voted.", "3/4"),
        ("Intro.\n\n2.5 tonnes of food arrived.", "2.5"),
        ("Intro.\n\n2.1 Million people need aid.", "2.1 Million"),
        ("The death toll rose to 12. The ministry said so.", "12"),
        ("Volunteers visited 300 four-person families.", "300"),
        ("Intro.\n\n3 Red Cross volunteers were injured.", "3"),
        ("Intro.\n\n1 child died in the flood.", "1"),
        ("Teams answered 120 calls on the phone line.", "120"),
        ("45 Js l", "45"),
    ],
)
def test_figures_kept(text: str, number: str) -> None:
    assert number in _figures(text)


def test_swiss_thousands_separator() -> None:
    [quantity] = parse_quantities("Delegates registered 352'118 detainees.")
    assert (quantity.number, quantity.value, quantity.unit) == ("352'118", 352118, "detainees")


def test_every_number_is_decided() -> None:
    text = "On 12 March, 1,200 people (Flash Update #3) fled; 40% were children under 5, see page 2 of 9."
    doc = shared_pipeline()(text)
    decided = [span.text for key in (SPAN_KEY, REJECTED_KEY) for span in doc.spans[key]]
    for number in ["12", "1,200", "3", "40%", "5", "2", "9"]:
        assert any(number in d for d in decided), number


def test_rejections_are_plain_and_round_trip() -> None:
    nlp = shared_pipeline()
    doc = nlp("Situation Report No. 9: 300 households received kits.")
    payload = [span._.rejection for span in doc.spans[REJECTED_KEY]]
    assert json.loads(json.dumps(payload)) == payload == [{"reason": "reference", "rule": "number-sign"}]
    restored = next(iter(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)))
    assert [span._.rejection for span in restored.spans[REJECTED_KEY]] == payload


def test_reasons_are_named_in_resources() -> None:
    reasons = set(load_json("rejections.json")["reasons"])
    text = (
        "Kenya + 4 more. On 2019-04-17 at 2140 GMT, Flash Update #6: children under 5 and a father of three; "
        "the 2019 assessment. 3 Source: x. A 34-year-old, 9 years old, call +44 207 946 0000. One of them left."
    )
    found = {reason for reason, _ in _rejected(text).values()}
    assert found and found <= reasons
