"""Author credentials: bylines, bio blocks, reviewer lines, and the plausibility flags."""

import pytest

from tests.conftest import claims

BIO = """Some article text about melatonin.

About the Author
Dr. Maria Lopez is a sleep researcher with over 12 years of experience. She holds a Master's \
degree in Nutrition Science and is board-certified in Internal Medicine. Dr. Lopez is a \
contributing author to The Journal of Sleep Health.
"""


def test_bio_block_gives_name_degrees_certifications_years_affiliations():
    row = claims(BIO, "author_credentials").iloc[0]
    assert row["name"] == "Maria Lopez"
    assert "Nutrition Science" in row["degrees"]
    assert "board-certified in Internal Medicine" in row["certifications"]
    assert row["years_experience"] == 12
    assert "Journal of Sleep Health" in row["affiliations"]
    assert row["evidence"].startswith("Dr. Maria Lopez is a sleep researcher")
    assert row["evidence"].endswith("The Journal of Sleep Health.")


def test_board_certification_without_medical_degree_is_flagged():
    row = claims(BIO, "author_credentials").iloc[0]
    assert "no medical degree" in row["flags"]


def test_board_certification_with_md_is_not_flagged():
    text = ("About the Author\nDr. Ken Ito, MD, is a physician. He is board-certified in "
            "Internal Medicine.")
    row = claims(text, "author_credentials").iloc[0]
    assert row["degrees"] == "MD"
    assert row["flags"] == ""


def test_byline_and_reviewer_lines():
    text = ("By Sam Reed, certified nutritionist with 8 years of experience\n\n"
            "Medically reviewed by Ana Gray, PharmD, a licensed pharmacist.\n\n"
            "Melatonin is a hormone.")
    rows = claims(text, "author_credentials")
    by_name = {r["name"]: r for _, r in rows.iterrows()}
    assert set(by_name) == {"Sam Reed", "Ana Gray"}
    assert by_name["Sam Reed"]["role"] == "author"
    assert by_name["Sam Reed"]["years_experience"] == 8
    assert by_name["Ana Gray"]["role"] == "reviewer"
    assert by_name["Ana Gray"]["degrees"] == "PharmD"


def test_people_in_anecdotes_are_not_authors():
    text = "For years, Sarah Thompson suffered from back pain. Sarah Thompson tried kratom."
    assert claims(text, "author_credentials").empty


def test_two_people_on_one_byline_line():
    rows = claims("Medically reviewed by Dan Wu, PharmD — Written by Rae Green on July 4, 2023\n\n"
                  "CBD is a compound.", "author_credentials")
    roles = dict(zip(rows["name"], rows["role"]))
    assert roles == {"Dan Wu": "reviewer", "Rae Green": "author"}


def _people(text):
    rows = claims(text, "author_credentials")
    for start, end, evidence in zip(rows["start"], rows["end"], rows["evidence"]):
        assert text[start:end] == evidence
    return {n: d for n, d in zip(rows["name"], rows["degrees"].fillna(""))}


def test_each_person_on_a_byline_line_keeps_only_their_own_degrees():
    text = ("Kratom: uses and risks\n\nMedically reviewed by Jane Smith, PharmD — Written by "
            "Tom Brown on March 3, 2023\n\nKratom is a tree.")
    assert _people(text) == {"Jane Smith": "PharmD", "Tom Brown": ""}


def test_a_person_named_with_degrees_beside_a_byline_is_read_too():
    text = ("Ashwagandha dosage\n\nJonathan Ritter, PharmD, PhD (Pharmacology) | Written by "
            "Puya Yazdi, MD | Last updated:\n\nAshwagandha is an herb.")
    assert _people(text) == {"Jonathan Ritter": "PharmD; PhD", "Puya Yazdi": "MD"}


def test_a_flag_holds_against_everything_the_article_says_of_the_person():
    text = ("Melatonin dosage\n\nBy Dr. Laura Jenkins, MD | Reviewed by Mark Olsen, RPh\n\n"
            "Melatonin is a hormone.\n\nDr. Laura Jenkins is a board-certified sleep medicine "
            "physician with 12 years of experience.")
    rows = claims(text, "author_credentials")
    flags = dict(zip(rows["name"], rows["flags"].fillna("")))
    assert flags["Laura Jenkins"] == ""  # her MD is in the byline
    assert _people(text)["Mark Olsen"] == "RPh"


@pytest.mark.parametrize("text, name", [
    ("Allergy season\n\nKim Painter\n\nSpecial to USA TODAY\n\nSpring has barely sprung.",
     "Kim Painter"),
    ("Study: Multivitamins\n\nMarilynn Marchione, AP\n\nAmerica likes pills.",
     "Marilynn Marchione"),
    ("Phenibut ban\n\n- JANE ROE jane.roe@news.com.au\n\nThe drug is banned.", "JANE ROE"),
])
def test_news_bylines_without_a_cue_word_name_the_author(text, name):
    rows = claims(text, "author_credentials")
    assert list(rows["name"]) == [name]


@pytest.mark.parametrize("text, name, role", [
    ("Calcium\n\nKim Painter\n\nSpecial for USA TODAY\n\nConfused about calcium?",
     "Kim Painter", "author"),
    ("Powdered caffeine\n\nLondon Pickett\nAssociate Editor\n\nMost adults drink coffee.",
     "London Pickett", "author"),
    ("Ibuprofen warning\n\nLauren Haughey Lifestyle and Money Reporter\n\n05:30, 02 Dec 2025"
     "\n\nIbuprofen is widely used.", "Lauren Haughey", "author"),
    ("CBD guide\n\nMedically Reviewed by\nJason Crawford\n\nCBD is popular.",
     "Jason Crawford", "reviewer"),
    ("Sleep\n\nWritten by:\nDr. Ann Lee, MD\n\nSleep matters.", "Ann Lee", "author"),
    ("Ivermectin news\n\nThe Tennessee Conservative [By Jason Vaughn] – Ivermectin is sold "
     "over the counter.", "Jason Vaughn", "author"),
])
def test_bylines_laid_out_over_lines_or_in_brackets_name_the_author(text, name, role):
    rows = claims(text, "author_credentials")
    assert list(zip(rows["name"], rows["role"])) == [(name, role)]


def test_a_title_above_a_byline_with_a_job_is_no_author():
    rows = claims("Kava Tea\n\nJane Doe Senior Editor\n\nKava is calming.",
                  "author_credentials")
    assert list(rows["name"]) == ["Jane Doe"]


def test_a_line_ending_in_by_above_a_capitalised_phrase_is_no_byline():
    assert claims("Kava\n\nLower your risk by\nTaking Breaks\n\nKava is calming.",
                  "author_credentials").empty


def test_a_short_capitalised_line_alone_is_no_byline():
    assert claims("Getty Images\n\nKratom Dosage\n\nTake 2 g.", "author_credentials").empty


def test_the_editor_of_a_journal_described_in_the_article_is_no_byline():
    assert claims("Edited by Robert Orenstein, DO, it is the premier peer-reviewed journal "
                  "of the profession.", "author_credentials").empty
    assert list(claims("Edited by Robert Orenstein, DO", "author_credentials")["name"]) == [
        "Robert Orenstein"]


def test_a_company_described_like_a_person_is_no_author():
    assert claims("Kratom news\n\nJanssen Pharmaceuticals, Inc. is part of the Janssen "
                  "Pharmaceutical Companies of Johnson & Johnson.", "author_credentials").empty


@pytest.mark.parametrize("bio, name", [
    ("Sam Reyes writes for Health Desk Weekly.", "Sam Reyes"),
    ("Nora Vance has worked as a freelance writer and editor since 2009.", "Nora Vance"),
    ("Ola Brandt is the commentary editor at the Daily Ledger.", "Ola Brandt"),
])
def test_a_bio_naming_a_writing_job_makes_its_person_an_author(bio, name):
    text = f"Kava news\n\nKava is a drink from the South Pacific.\n\n{bio}"
    rows = claims(text, "author_credentials")
    assert list(rows["name"]) == [name]


def test_a_person_who_merely_wrote_something_is_no_author():
    text = ("Kava news\n\nKava is a drink.\n\nLena Holt wrote that kava is calming. "
            "Ben Ortiz is the owner of a kava bar.")
    assert claims(text, "author_credentials").empty


def test_a_sites_source_type_label_is_no_author():
    rows = claims("Source: Cato-at-liberty - Category: American Health Authors: Source Type: "
                   "blogs\n\nKratom is legal.", "author_credentials")
    assert "Source Type" not in set(rows.get("name", []))


@pytest.mark.parametrize("text, name", [
    ("Kratom helps.\n\n(Reporting by Ben Hirschler; editing by Jason Neely)", "Ben Hirschler"),
    (" date 2019-01-10 By Alan Mozes\n\nKratom helps.", "Alan Mozes"),
    ("A view shows the FDA headquarters in Silver SpringBy Toni Clarke (Reuters) - A panel "
     "met on kratom.", "Toni Clarke"),
])
def test_wire_credits_and_scraped_bylines_name_the_author(text, name):
    assert name in set(claims(text, "author_credentials")["name"])


def test_reporting_by_an_outlet_inside_a_sentence_is_no_byline():
    rows = claims("It partially inspired the original June 2017 reporting by Kaiser Health News, "
                   "and more.", "author_credentials")
    assert rows.empty


@pytest.mark.parametrize("text, names", [
    ("Vitamin D in children\nCATHERINE F. CASEY, MD, DAVID C. SLAWSON, MD, AND LINDSEY R. "
     "NEAL, MD\nKratom is a leaf.", ["CATHERINE F. CASEY", "DAVID C. SLAWSON",
                                     "LINDSEY R. NEAL"]),
    ("Kratom and weight\nAli Achira MD\nKratom is a leaf.", ["Ali Achira"]),
    ("Kratom news\nJanuary 28, 2013By Ricardo Carvajal –\nKratom is a leaf.",
     ["Ricardo Carvajal"]),
    # a degree that is also a word names no one without a comma
    ("Kratom and weight\nLiving With MS\nKratom is a leaf.", []),
])
def test_capitals_a_degree_without_a_comma_and_a_byline_glued_to_a_date(text, names):
    assert list(claims(text, "author_credentials")["name"]) == names


@pytest.mark.parametrize("text, names", [
    ("Kratom news\nWebMD Health News By Salynn Boyles\nKratom is a leaf.", ["Salynn Boyles"]),
    ("Kratom Q&A\nAnswered by: Kerry Hackett\nKratom is a leaf.", ["Kerry Hackett"]),
    ("Kratom news\nThe report was covered in the News by many outlets.\nKratom is a leaf.", []),
])
def test_a_byline_after_a_news_desk_and_an_answer_names_its_author(text, names):
    assert list(claims(text, "author_credentials")["name"]) == names


def test_a_company_opening_a_recall_notice_is_no_author():
    text = ("Marksans Pharma Limited, India, is voluntarily expanding its earlier recall to "
            "include 76 lots of kratom tablets.")
    assert claims(text, "author_credentials").empty


@pytest.mark.parametrize("text, names", [
    ("Kratom and sleep\nSally Satel, M.D.\nKratom is a leaf.", ["Sally Satel"]),
    ("Kratom wiki\nEditor-In-Chief: C. Michael Gibson, M.S., M.D.\nKratom is a leaf.",
     ["C. Michael Gibson"]),
    ("Kratom Q&A\nAnswer From Eric J. Olson, M.D.\nKratom is a leaf.", ["Eric J. Olson"]),
    ("Kratom blog\nPublished on May 21, 2015 by Justine Florence\nKratom is a leaf.",
     ["Justine Florence"]),
    ("Kratom blog\nLast Updated on 14/08/2025 by James Anderson\nKratom is a leaf.",
     ["James Anderson"]),
    ("Kratom news\nBy JONEL ALECCIA\nKratom is a leaf.", ["JONEL ALECCIA"]),
])
def test_dotted_degrees_a_leading_initial_a_dated_byline_and_a_capitals_byline(text, names):
    assert list(claims(text, "author_credentials")["name"]) == names


@pytest.mark.parametrize("text", [
    "Kratom news\nBy FDA STAFF\nKratom is a leaf.",
    "Kratom news\nBY THE NUMBERS\nKratom is a leaf.",
    "Kratom news\nImage of FDA Commissioner Stephen M. Hahn, M.D.\nKratom is a leaf.",
    "Research published in 2019 by John Smith showed that kratom is a leaf.",
])
def test_a_desk_in_capitals_a_caption_and_a_study_credit_name_no_author(text):
    assert claims(text, "author_credentials").empty


@pytest.mark.parametrize("text, names", [
    ("Kratom news\nBy Léa Legraien\nKratom is a leaf.", ["Léa Legraien"]),
    ("Kratom news\nBy José Álvarez, MD\nKratom is a leaf.", ["José Álvarez"]),
])
def test_a_byline_with_accented_letters_names_its_author(text, names):
    assert list(claims(text, "author_credentials")["name"]) == names


@pytest.mark.parametrize("text, names", [
    ("Kratom warning\nStock photo credit\nHenry Jom\nUpdated:\nKratom is a leaf.", ["Henry Jom"]),
    ("Kratom news\n\n18 April 2018 - 14:38 Samantha Koester\nKratom is a leaf.",
     ["Samantha Koester"]),
    ("Kratom research\n\nDr. Sharon Orrange\nDr. Orrange is an Associate Professor of Clinical "
     "Medicine at USC.\nKratom is a leaf.", ["Dr. Sharon Orrange"]),
    ("Kratom news\nKratom Is Legal\nUpdated:\nKratom is a leaf.", []),
    ("Kratom guide\nSleep Disorders\nMay 16, 2023\nKratom is a leaf.", []),
    ("Kratom forum\nLast updated: December 8, 2011\n  • Martin Reed\n    December 11, 2011, 1:46 pm"
     "\nI took kratom.", []),
])
def test_a_name_above_a_dateline_or_after_a_date_or_introduced_by_the_next_line_is_the_author(
        text, names):
    assert list(claims(text, "author_credentials")["value"]) == names
