"""Conflict rules per kind, including the agreements that must not be reported."""

import pandas as pd

from analysis import analyse
from analysis.compare import dose_severity


def _run(texts: dict[str, str]):
    """The texts as one batch about kratom (most of them never name it)."""
    frame = pd.DataFrame({"id": list(texts), "text": list(texts.values())})
    return analyse(frame, subjects=["kratom"])


def _conflicts(texts, topic):
    c = _run(texts).conflicts
    return c[c["topic"] == topic]


def test_disjoint_dose_ranges_conflict_and_overlapping_ones_do_not():
    c = _conflicts({"a": "The usual dose is 1-3 grams.", "b": "The usual dose is 4-10 grams.",
                    "c": "The usual dose is 2-5 grams."}, "dose")
    pairs = {frozenset(x.split(";")) for x in c["articles"]}
    assert frozenset({"a", "b"}) in pairs
    assert frozenset({"a", "c"}) not in pairs
    assert frozenset({"b", "c"}) not in pairs


def test_dose_conflict_quotes_both_sides():
    c = _conflicts({"a": "The usual dose is 1-3 grams.", "b": "The usual dose is 6-10 grams."},
                   "dose")
    row = c.iloc[0]
    assert "1-3 grams" in row["evidence"] and "6-10 grams" in row["evidence"]
    assert " ‖ " in row["evidence"]
    assert 0 < row["severity"] <= 1


def test_doses_for_different_levels_or_units_do_not_conflict():
    c = _conflicts({"a": "Beginners should start with 1 gram.",
                    "b": "For severe pain, take upwards of 10 grams.",
                    "c": "The usual dose is 5 ml daily."}, "dose")
    assert c.empty


def test_same_dose_in_grams_and_milligrams_agrees():
    assert dose_severity({"low": 1, "high": 2, "unit": "g"},
                         {"low": 1000, "high": 2000, "unit": "mg"}) == 0


def test_opposite_ends_of_the_risk_scale_conflict():
    c = _conflicts({"a": "Kratom is not addictive.", "b": "Kratom is highly addictive.",
                    "c": "Kratom has a lower risk of addiction than opioids."},
                   "addiction_risk")
    pairs = {frozenset(x.split(";")) for x in c["articles"]}
    assert frozenset({"a", "b"}) in pairs
    assert frozenset({"a", "c"}) not in pairs  # none vs low: neighbours, not a conflict


def test_article_contradicting_itself_is_within_source():
    c = _conflicts({"a": "Kratom is not addictive. Later: kratom can lead to addiction."},
                   "addiction_risk")
    assert list(c["kind"]) == ["within-source"]
    assert c.iloc[0]["articles"] == "a"


def test_agreeing_articles_give_no_conflict():
    c = _run({"a": "Kratom is not addictive.", "b": "Kratom is non-addictive.",
              "c": "The usual dose is 2-4 grams.", "d": "The usual dose is 2-4 grams.",
              "e": "Kratom is banned in Alabama.", "f": "Alabama bans kratom."}).conflicts
    assert c.empty


def test_status_conflict_needs_the_same_jurisdiction():
    c = _conflicts({"a": "Kratom is banned in Alabama.", "b": "Kratom is legal in Alaska.",
                    "c": "Kratom is federally legal."}, "legal_status")
    assert c.empty


def test_same_jurisdiction_different_status_conflicts():
    c = _conflicts({"a": "CBD is federally legal in the United States.",
                    "b": "CBD remains a Schedule I controlled substance under federal law."},
                   "legal_status")
    assert len(c) == 1 and c.iloc[0]["scope"] == "US federal"


def test_all_states_claim_conflicts_with_a_state_ban():
    c = _conflicts({"a": "CBD is legal in all 50 states.", "b": "Idaho bans CBD products."},
                   "legal_status")
    assert len(c) == 1 and set(c.iloc[0]["articles"].split(";")) == {"a", "b"}


def test_copied_bio_under_two_names_conflicts():
    bio = ("About the Author\n{name} is a renowned healthcare professional with over 15 years "
           "of experience. She holds a Master's degree in {field} and is board-certified in "
           "Anesthesiology. {short} has published research on pain and is active on LinkedIn.")
    c = _conflicts({
        "a": "Text.\n\n" + bio.format(name="Dr. Ann Lee", short="Dr. Lee", field="Pharmacology"),
        "b": "Text.\n\n" + bio.format(name="Dr. Bea Fox", short="Dr. Fox", field="Medicine"),
    }, "author_credentials")
    cross = c[c["kind"] == "cross-source"]
    assert len(cross) == 1 and set(cross.iloc[0]["articles"].split(";")) == {"a", "b"}
    assert (c["kind"] == "within-source").sum() == 2  # board-certified without an MD, twice


def test_different_bios_do_not_conflict():
    c = _conflicts({
        "a": "About the Author\nDr. Ann Lee, MD, is a cardiologist in Boston.",
        "b": "About the Author\nTom Fox is a journalist who covers food policy and farming.",
    }, "author_credentials")
    assert c.empty


def test_few_side_effects_against_serious_ones():
    c = _conflicts({"a": "Kratom has fewer side effects than opioids.",
                    "b": "Reported side effects include nausea and liver damage."},
                   "side_effects")
    assert len(c) == 1 and c.iloc[0]["kind"] == "cross-source"


def test_conflicts_are_sorted_by_severity():
    c = _run({"a": "Kratom is not addictive. The usual dose is 1-2 grams.",
              "b": "Kratom is highly addictive. The usual dose is 2.5-3 grams."}).conflicts
    assert list(c["severity"]) == sorted(c["severity"], reverse=True)


def test_a_crawl_sized_dose_group_gives_one_row_per_camp_with_a_bounded_summary():
    # more claims than LARGE_GROUP: the consensus is computed once, outliers held against it
    from analysis.compare.quantity import LARGE_GROUP, SAID_MAX

    texts = {f"n{i:04d}": "The usual dose is 2-4 grams." for i in range(LARGE_GROUP + 50)}
    texts |= {f"out{i:02d}": "The usual dose is 40-50 grams." for i in range(SAID_MAX + 4)}
    c = _conflicts(texts, "dose")
    assert len(c) == 1
    row = c.iloc[0]
    assert set(f"out{i:02d}" for i in range(SAID_MAX + 4)) <= set(row["articles"].split(";"))
    assert "2-4 g" in row["summary"] or "2–4 g" in row["summary"]
    assert "and 4 more" in row["summary"]
    assert row["evidence"].count(" ‖ ") < 10  # a few quotes per side, not hundreds


def test_a_name_reused_across_many_articles_lists_each_degree_once():
    bio = ("The usual dose is 2-4 grams.\n\nAbout the Author\nJane Roe is a herbal writer "
           "with over {y} years of experience. She holds a {deg} in {field}.\n")
    texts = {f"p{i:02d}": bio.format(y=5 + i, deg=deg, field=field) for i, (deg, field) in
             enumerate([("Master's degree", "Nutrition Science")] * 6
                       + [("Bachelor's degree", "Journalism")] * 5)}
    c = _conflicts(texts, "author_credentials")
    degrees = c[c["summary"].str.contains("different degrees")]
    assert len(degrees) == 1
    summary = degrees.iloc[0]["summary"]
    assert summary.count("Nutrition Science") == 1 and summary.count("Journalism") == 1
    assert degrees.iloc[0]["evidence"].count(" ‖ ") == 1  # one quote per degree


def test_vitamin_d_in_iu_and_micrograms_is_one_scale():
    same = {"subject": "vitamin d"}
    assert dose_severity({**same, "low": 4000, "high": 4000, "unit": "IU"},
                         {**same, "low": 0.1, "high": 0.1, "unit": "mg"}) == 0
    assert dose_severity({**same, "low": 10000, "high": 10000, "unit": "IU", "level": "max"},
                         {**same, "low": 0.1, "high": 0.1, "unit": "mg", "level": "max"}) > 0
    # an IU of another substance is no mass
    assert dose_severity({"subject": "kratom", "low": 4000, "high": 4000, "unit": "IU"},
                         {"subject": "kratom", "low": 0.1, "high": 0.1, "unit": "mg"}) == 0


def test_a_value_orders_of_magnitude_from_the_rest_is_a_misread_not_a_conflict():
    c = _conflicts({"a": "The usual dose is 2-4 grams.", "b": "The usual dose is 3 grams.",
                    "c": "The usual dose is 2.5 grams.",
                    "d": "The usual dose of kratom is 40,000 grams."}, "dose")
    assert not any("d" in x.split(";") for x in c["articles"])


def test_one_disagreement_over_many_places_is_one_row():
    c = _conflicts({"a": "Kratom is banned in Alabama, Arkansas, Indiana and Vermont.",
                    "b": "Kratom is legal in all 50 states."}, "legal_status")
    assert len(c) == 1
    row = c.iloc[0]
    assert set(row["scope"].split("; ")) == {"Alabama", "Arkansas", "Indiana", "Vermont"}
    assert row["folded"] == 3 and "(4 places)" in row["summary"]
    assert row["evidence"].count(" ‖ ") == 1  # each sentence quoted once


def test_one_sentence_that_qualifies_its_own_denial_is_no_contradiction():
    c = _conflicts({"a": "While kratom isn't considered addictive, some people may become "
                         "psychologically dependent on it."}, "addiction_risk")
    assert c.empty
    c = _conflicts({"a": "Kratom is not addictive. Regular use can lead to dependence."},
                   "addiction_risk")
    assert list(c["kind"]) == ["within-source"]


def test_one_sentence_quoting_two_parties_that_disagree_is_a_contradiction():
    c = _conflicts({"a": '"Regular use can lead to dependence," said one counselor, while a '
                         "trade group insists the compound carries no addiction risk."},
                   "addiction_risk")
    assert list(c["kind"]) == ["within-source"]


def test_a_dose_that_names_no_form_takes_the_form_its_article_names():
    frame = pd.DataFrame({"id": ["a", "b"], "text": [
        "Ashwagandha dosage\n\nThe recommended dosage is 3–12 g daily of ashwagandha root "
        "powder.",
        "Ashwagandha dosage\n\nStudies used 250–600 mg/day of a root extract. In general, it "
        "is best to take between 300 and 500 mg of ashwagandha once a day."]})
    run = analyse(frame, subjects=["ashwagandha"])
    forms = run.assertions[run.assertions["article"] == "b"]["form"]
    assert set(forms) == {"extract"}
    assert run.conflicts[run.conflicts["topic"] == "dose"].empty


def test_two_single_amounts_a_third_apart_are_the_same_rounded_advice():
    assert dose_severity({"low": 150, "high": 150, "unit": "mg"},
                         {"low": 200, "high": 200, "unit": "mg"}) == 0
    assert dose_severity({"low": 100, "high": 100, "unit": "mg"},
                         {"low": 200, "high": 200, "unit": "mg"}) > 0


def test_an_outlets_staff_byline_is_no_copied_bio():
    frame = pd.DataFrame({"id": ["a", "b"], "text": [
        "Kratom news\n\nAlice Park is a health writer at TIME.com. Find her on Twitter.",
        "Kratom news\n\nMaia Szalavitz is a health writer at TIME.com. Find her on Twitter."]})
    run = analyse(frame, subjects=["kratom"])
    assert set(run.assertions[run.assertions["topic"] == "author_credentials"]["role"]) == {
        "author"}
    assert run.conflicts[run.conflicts["topic"] == "author_credentials"].empty


def test_statuses_of_two_sources_of_the_product_do_not_conflict():
    c = _conflicts({
        "a": "At the federal level, marijuana-derived kratom is a Schedule 1 substance and is "
             "illegal. Kratom derived from hemp is federally legal in the United States.",
        "b": "Hemp-derived kratom is federally legal in the United States."}, "legal_status")
    assert c.empty


def test_a_status_of_one_source_still_conflicts_with_one_said_of_no_source():
    c = _conflicts({"a": "Hemp-derived kratom is federally legal in the United States.",
                    "b": "Kratom remains a Schedule I controlled substance under federal law."},
                   "legal_status")
    assert len(c) == 1 and c.iloc[0]["scope"] == "US federal"


def test_one_article_refining_a_status_by_product_form_is_no_contradiction():
    c = _conflicts({"a": "Kratom is legal in Idaho, Ohio and Texas. Full spectrum kratom, "
                         "however, is illegal in the state of Idaho."}, "legal_status")
    assert c.empty
    # two articles, one refining, still disagree
    c = _conflicts({"a": "Kratom is legal in Idaho, Ohio and Texas.",
                    "b": "Full spectrum kratom is illegal in the state of Idaho."},
                   "legal_status")
    assert len(c) == 1 and c.iloc[0]["scope"] == "Idaho"


def test_a_denial_beside_a_hedged_possibility_is_the_article_weighing_evidence():
    c = _conflicts({"a": "Kratom is not addictive. Long-term use may lead to dependence."},
                   "addiction_risk")
    assert c.empty
    c = _conflicts({"a": "Kratom is not addictive. Some users may become highly addicted."},
                   "addiction_risk")
    assert list(c["kind"]) == ["within-source"]  # the top level still contradicts it


def test_a_weekly_dose_is_not_held_against_an_amount_that_names_no_frequency():
    texts = {"a": "Adults should take 600 IU of vitamin D.",
             "b": "A doctor may prescribe 50,000 IU of vitamin D weekly for deficiency."}
    assert _conflicts(texts, "dose").empty
    texts["a"] = "Adults should take 600 IU of vitamin D a week for deficiency."
    assert len(_conflicts(texts, "dose")) == 1


def test_a_dose_a_study_gave_is_no_contradiction_of_the_articles_advice():
    texts = {"a": "Typical doses of kratom range from 10-75 mg/day. Available clinical data "
                  "cover a wide range: from a few mg/day in pilot studies to 1500 mg/day in "
                  "safety studies."}
    assert _conflicts(texts, "dose").empty
    texts = {"a": "Typical doses of kratom range from 10-75 mg/day. Some sites say the usual "
                  "dose of kratom is 1500 mg/day."}
    assert len(_conflicts(texts, "dose")) == 1


def test_over_the_counter_and_prescription_said_by_each_source_somewhere_is_no_conflict():
    texts = {"a": "In the US, kratom is sold over the counter. Higher doses require a "
                  "prescription.",
             "b": "In the US, higher doses of kratom require a prescription. Kratom is "
                  "sold over the counter."}
    assert _conflicts(texts, "legal_status").empty
    # one source each way, in the same country: a disagreement
    texts = {"a": "In the US, kratom is sold over the counter.",
             "b": "In the US, kratom requires a prescription."}
    assert len(_conflicts(texts, "legal_status")) == 1


def test_an_article_setting_a_low_dose_apart_on_purpose_does_not_contradict_itself():
    text = ("Naltrexone was approved by the FDA at a 50 mg dose for opioid addiction. At a much "
            "lower dose (1.75-4.5 mg), it has been gaining popularity for autoimmune disorders.")
    assert _conflicts({"a": "Naltrexone. " + text}, "dose").empty
    slip = ("Naltrexone was approved by the FDA at a 50 mg dose for opioid addiction. The "
            "usual dose is 1.75-4.5 mg.")
    assert list(_conflicts({"a": "Naltrexone. " + slip}, "dose")["kind"]) == ["within-source"]


def test_a_schedule_named_without_a_place_is_not_held_against_the_federal_status():
    text = ("This emergency regulation is necessary to designate kratom as a Schedule I "
            "controlled substance. Kratom is not approved by the FDA. Although kratom is not "
            "currently controlled under the federal Controlled Substances Act, it is being "
            "scheduled on a state-by-state basis.")
    c = _conflicts({"a": text}, "legal_status")
    assert c[c["kind"] == "within-source"].empty


def test_an_article_saying_over_the_counter_and_prescription_only_does_not_contradict_itself():
    text = ("Kratom is sold over the counter in the US. In the US, kratom also requires a "
            "prescription.")
    assert _conflicts({"a": text}, "legal_status").empty


def test_earlier_advice_a_page_says_was_replaced_is_held_against_no_one():
    texts = {
        "a": "Regulators now advise adults to limit kratom to 10 mg per day. Previous advice, "
             "dating from 2020, set the limit much higher at 70 mg per day.",
        "b": "Adults should limit kratom to 10 mg per day, far less than the 70 mg recommended "
             "in advice published by the agency in 2020.",
    }
    assert _conflicts(texts, "dose").empty
    rows = _run(texts).assertions
    doses = rows[rows.topic == "dose"]
    assert sorted(zip(doses["article"], doses["high"], doses["setting"])) == [
        ("a", 10.0, ""), ("a", 70.0, "superseded"), ("b", 10.0, ""), ("b", 70.0, "superseded")]


def test_current_advice_against_current_advice_still_conflicts():
    texts = {
        "a": "Regulators now advise adults to limit kratom to 10 mg per day.",
        "b": "Adults should limit kratom to 10 mg per day.",
        "c": "Adults should not take more than 70 mg of kratom a day.",
    }
    assert len(_conflicts(texts, "dose")) == 1


def test_an_over_the_counter_strength_and_a_prescription_strength_are_two_products():
    texts = {
        "a": "The FDA has approved an over-the-counter version of kratom in 60 mg capsules. "
             "Take one 60 mg capsule with each meal.",
        "b": "It has been sold by prescription as 120-mg kratom capsules since 1999.",
    }
    assert _conflicts(texts, "dose").empty
    doses = _run(texts).assertions
    doses = doses[doses.topic == "dose"]
    assert sorted(zip(doses["article"], doses["supply"])) == [
        ("a", "over the counter"), ("a", "over the counter"), ("b", "prescription")]


def test_the_arms_of_a_study_are_no_within_article_contradiction():
    texts = {"a": "Serious falls occurred more often in persons assigned to 4,000 IU of kratom "
                  "per day. Falls were rare in the control group, given 200 IU of kratom per "
                  "day."}
    assert _conflicts(texts, "dose").empty


def test_an_annual_dose_is_not_held_against_daily_ones():
    texts = {
        "a": "Take 400 IU of kratom per day.",
        "b": "Adults should take 400 IU of kratom per day.",
        "c": "Doctors gave a single annual dose of 500,000 IU of kratom.",
    }
    doses = _run(texts).assertions
    assert list(doses[doses.article == "c"]["frequency"]) == ["year"]
    assert _conflicts(texts, "dose").empty
