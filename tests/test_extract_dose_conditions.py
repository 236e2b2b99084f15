"""Dose ranges and numbers the way writers state them, and the conditions a dose holds
under (level, purpose, population, route, frequency)."""

import math

import pandas as pd
import pytest

from tests.conftest import claims


def _values(text: str) -> list[tuple]:
    rows = claims(text, "dose")
    return [(None if math.isnan(r.low) else r.low, None if math.isnan(r.high) else r.high,
             r.unit) for r in rows.itertuples()]


@pytest.mark.parametrize("text, expected", [
    ("A maximum dose of eight grams should never be exceeded.", [(None, 8, "g")]),
    ("The maximum daily dose is 3,200 mg for adults.", [(None, 3200, "mg")]),
    ("Adults should not exceed 4,000 IU per day.", [(None, 4000, "IU")]),
    ("The tolerable upper intake level is 100 mcg daily.", [(None, 0.1, "mg")]),
    ("Take at least 2 grams for any effect.", [(2, None, "g")]),
    ("Use more than 3 and less than 6 grams per day.", [(3, 6, "g")]),
    ("Take at least 2 g but no more than 4 g daily.", [(2, 4, "g")]),
    ("Take ½ g to start.", [(0.5, 0.5, "g")]),
    ("Start with 1/4 mg at bedtime.", [(0.25, 0.25, "mg")]),
    ("Take 1 1/2 grams with food.", [(1.5, 1.5, "g")]),
    ("Take 1½ g twice a day.", [(1.5, 1.5, "g")]),
    ("A dose of .5 mg is enough for most people.", [(0.5, 0.5, "mg")]),
    ("Doses range from 250 micrograms to 2 mg daily.", [(0.25, 2, "mg")]),
    ("Doses range from 500 mg to 2 g daily.", [(0.5, 2, "g")]),
    ("Take one and a half grams.", [(1.5, 1.5, "g")]),
    ("Most people take half a gram.", [(0.5, 0.5, "g")]),
    ("Take two to three grams daily.", [(2, 3, "g")]),
])
def test_ranges_and_numbers_as_writers_state_them(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    "You can take your phone on 5G networks while you use it.",
    "The new 4G LTE model is used daily by millions.",
    "Use the 5G band to take calls.",
    "The Galaxy S5 G900 phone is used by many.",
])
def test_unit_like_tokens_that_are_not_quantities_are_never_doses(text):
    assert claims(text, "dose").empty


@pytest.mark.parametrize("text, level", [
    ("Beginners should start with 1 g.", "start"),
    ("Most people take 2-4 g daily.", "typical"),
    ("Experienced users take 8-12 g for strong sedation.", "strong"),
    ("The maximum dose is 12 g per day.", "max"),
    ("Never take more than 12 g in a day.", "max"),
])
def test_dose_level(text, level):
    assert list(claims(text, "dose")["level"]) == [level]


@pytest.mark.parametrize("text, column, value", [
    ("For pain, take 400 mg every 6 hours.", "purpose", "pain"),
    ("For insomnia, take 300 mg before bed.", "purpose", "sleep"),
    ("For anxiety, take 250 mg daily.", "purpose", "anxiety"),
    ("Children aged 6-12 should take 100 mg per day.", "population", "children"),
    ("Pregnant women should take no more than 200 mg a day.", "population", "pregnancy"),
    ("Adults take 200-400 mg a day.", "population", "adults"),
    ("Patients were given 0.2 mg/kg intravenously.", "route", "iv"),
    ("Take 20 mg orally once a day.", "route", "oral"),
    ("Take 200 mg twice a day.", "frequency", "dose"),
    ("Take 400 mg a day.", "frequency", "day"),
    ("Take 5 mg per week.", "frequency", "week"),
    ("Take 300 mg of a standardized root extract a day.", "form", "extract"),
    ("Powder: 3-6 grams per day", "form", "whole herb"),
    ("Take 2-4 grams of dried leaf powder or extract each morning.", "form", "whole herb"),
    ("Take 2-4 grams each morning.", "form", ""),
])
def test_dose_conditions_are_columns(text, column, value):
    rows = claims(text, "dose")
    assert list(rows[column]) == [value]


def test_doses_of_an_extract_and_of_the_whole_herb_are_not_compared():
    from analysis import analyse

    texts = {"a": "Take 100-200 mg of kratom extract daily.",
             "b": "Take 3-5 grams of kratom powder daily.",
             "c": "Take 3-4 grams of kratom daily.",
             "d": "Take 150 mg of a kratom extract daily."}
    run = analyse(pd.DataFrame({"id": list(texts), "text": list(texts.values())}),
                  subjects=["kratom"])
    pairs = [set(a.split(";")) for a in run.conflicts["articles"]]
    assert not any({"a", "b"} <= p or {"d", "b"} <= p for p in pairs)
    assert any("c" in p and ("a" in p or "d" in p) for p in pairs)  # unsaid: compared


def test_a_companion_herb_in_a_recipe_is_not_a_dose_of_the_subject():
    rows = claims("Kratom tea recipe: use 3 g of kratom powder and 2 grams of ginger in "
                  "250 ml of water.", "dose")
    assert [(r.subject, r.value) for r in rows.itertuples()] == [("kratom", "3 g")]


def test_a_dose_of_another_tracked_substance_is_about_that_substance():
    rows = claims("Kratom users often take 2-4 g; some add 200 mg of caffeine.", "dose")
    assert [(r.subject, r.value) for r in rows.itertuples()] == [
        ("kratom", "2–4 g"), ("caffeine", "200 mg")]


def test_a_name_right_before_an_amount_is_what_the_amount_is_of():
    rows = claims("Patients took 600 mg of hydroxychloroquine daily for 10 days, together "
                  "with azithromycin 500 mg on day one.", "dose",
                  subjects={"hydroxychloroquine"})
    assert sorted((r.subject, r.value) for r in rows.itertuples()) == [
        ("azithromycin", "500 mg"), ("hydroxychloroquine", "600 mg")]
    # a food named right before its weight is no dose of anything
    assert claims("Kratom users take 3 g with rice 100 g and nothing else.", "dose")[
        "value"].tolist() == ["3 g"]


def test_food_amounts_are_not_doses():
    assert claims("Take it with 100 g of rice or a glass of milk (250 ml) daily.",
                  "dose").empty


def test_a_maximum_said_once_holds_for_both_values_it_names():
    rows = claims("The maximum recommended dosage of ibuprofen for adults is 800 mg per dose "
                  "or 3200 mg per day.", "dose", subjects={"ibuprofen"})
    assert sorted(zip(rows["high"], rows["level"], rows["low"].isna())) == [
        (800, "max", True), (3200, "max", True)]


def test_a_start_dose_does_not_carry_past_other_words():
    rows = claims("Start with 200 mg or 400 mg, and take 400 mg every 6 hours for pain.",
                  "dose", subjects={"ibuprofen"})
    assert sorted(zip(rows["level"], rows["high"])) == [("start", 400), ("typical", 400)]


@pytest.mark.parametrize("text, population", [
    ("For adults and children 12 years and older, take 200 mg of ibuprofen.", "adults"),
    ("Children under 12 should take 10 mg/kg of ibuprofen.", "children"),
])
def test_children_twelve_and_older_take_the_adult_dose(text, population):
    rows = claims(text, "dose", subjects={"ibuprofen"})
    assert list(rows["population"]) == [population]


@pytest.mark.parametrize("text, expected", [
    ("The recommended dose is 200 mg once daily not to exceed 400 mg.",
     [("200 mg", "typical"), ("≤ 400 mg", "max")]),
    ("Take 2 g, but never more than 6 g a day.", [("2 g", "typical"), ("≤ 6 g", "max")]),
])
def test_a_limit_before_the_next_value_is_that_values(text, expected):
    rows = claims(text, "dose")
    assert list(zip(rows["value"], rows["level"])) == expected


def test_a_chart_under_a_lead_in_of_limits_lists_maxima_past_its_sub_headings():
    text = ("The safe upper limits for kratom intake are as follows:\n\nChildren:\n\n"
            "1-3 years: 2 g\n\n4-8 years: 3 g\n\n9-13 years: 4 g\n\nAdults:\n\n"
            "19-70 years: 5 g\n\n71 years and older: 6 g\n\nPregnant women:\n\n"
            "14-50 years: 7 g")
    rows = claims(text, "dose")
    assert list(rows["high"]) == [2, 3, 4, 5, 6, 7]
    assert set(rows["level"]) == {"max"}


def test_the_severity_of_pain_above_a_list_is_no_dose_level():
    text = ("Patients with severe pain were randomly assigned to receive\n\n"
            "400 mg kratom and 1,000 mg water")
    assert list(claims(text, "dose")["level"]) == ["typical"]


@pytest.mark.parametrize("text, expected", [
    ("Our suggested dose is 0.25 mg of kratom multiplied by your body weight in pounds.",
     [(0.55, 0.55, "mg/kg")]),
    ("Take 1 mg per pound of body weight.", [(2.2, 2.2, "mg/kg")]),
    ("Take 5 mg per kg of body weight daily.", [(5, 5, "mg/kg")]),
])
def test_a_dose_per_unit_of_body_weight_is_per_kilogram(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    "Children whose mothers took kratom supplements had a 395 grams higher total mass.",
    "With as little as one teaspoon of saliva, a test can tell who will take kratom.",
])
def test_a_body_measure_or_sample_is_no_dose(text):
    assert claims(text, "dose").empty


@pytest.mark.parametrize("text, expected", [
    ("Kratom was given at 800 mg on the first day, followed by 400 mg daily for six days.",
     [("800 mg", "start"), ("400 mg", "typical")]),
    ("Kratom is given as a 200 mg loading dose, then 100 mg daily for up to 10 days.",
     [("200 mg", "start"), ("100 mg", "typical")]),
])
def test_a_loading_dose_then_a_daily_one(text, expected):
    rows = claims(text, "dose")
    assert list(zip(rows["value"], rows["level"])) == expected


def test_a_count_bought_is_a_package_not_a_dose():
    assert claims("You can buy 50 capsules of kratom extract for about $10.", "dose").empty


@pytest.mark.parametrize("text, value", [
    ("The study gave participants 50,000 IU of vitamin D weekly.", "50000 IU"),
    ("Patients were randomized to 2,000 IU of vitamin D or placebo.", "2000 IU"),
])
def test_amounts_a_study_gave_are_doses(text, value):
    assert claims(text, "dose", subjects={"vitamin d"})["value"].tolist() == [value]


def test_an_instruction_goes_on_about_the_substance_dosed_before_it():
    text = ("Vitamin C Protects Against Viruses\n\nVitamin C: 3,000 mg daily. Vitamin D3: "
            "2,000 IU daily. Start with 5,000 IU/day for two weeks.")
    rows = claims(text, "dose", subjects={"vitamin c", "vitamin d"})
    assert sorted(zip(rows["subject"], rows["value"])) == [
        ("vitamin c", "3000 mg"), ("vitamin d", "2000 IU"), ("vitamin d", "5000 IU")]


@pytest.mark.parametrize("text, expected", [
    ("A daily intake of 4000 IU is generally considered the upper tolerable intake level.",
     [(None, 4000.0, "max")]),
    ("For this reason, 4000 IU daily should not be exceeded.", [(None, 4000.0, "max")]),
    # one span said in two values, each with its own unit and frequency
    ("In studies, amounts vary from as low as 20 milligrams per day to up to 1,500 "
     "milligrams per day.", [(20.0, 1500.0, "typical")]),
])
def test_upper_limits_and_spans_said_in_two_values(text, expected):
    rows = claims(text, "dose", subjects={"vitamin d"})
    got = [(None if math.isnan(r.low) else r.low, r.high, r.level) for r in rows.itertuples()]
    assert got == expected


def test_a_clause_about_toxicity_gives_a_toxic_amount_not_a_strong_dose():
    rows = claims("Vitamin D toxicity is typically associated with much higher doses (above "
                  "10,000 IU daily), not with the usual amounts.", "dose",
                  subjects={"vitamin d"})
    assert rows["level"].tolist() == ["toxic"]
    # a limit set to avoid harm stays a maximum
    rows = claims("To avoid toxicity, take no more than 4,000 IU of vitamin D a day.", "dose",
                  subjects={"vitamin d"})
    assert rows["level"].tolist() == ["max"]


def _doses(text, subjects=frozenset({"loperamide"})):
    rows = claims(text, "dose", subjects=subjects)
    return [(r.subject, r.value, r.level) for r in rows.itertuples()]


def test_a_drug_taken_for_withdrawal_from_another_is_the_dose_subject():
    assert _doses("Some are taking upwards of 60 milligrams in order to deal with opioid "
                  "withdrawal symptoms.") == [("loperamide", "≥ 60 mg", "typical")]


@pytest.mark.parametrize("text", [
    "The maximum dose is 8 mg per day OTC or 16 mg per day with a prescription.",
    "The maximum approved dose is 8 mg per day for OTC use and 16 mg per day for "
    "prescription use.",
])
def test_a_maximum_goes_on_to_the_prescription_amount_after_it(text):
    assert [v for _, v, _ in _doses(text)] == ["≤ 8 mg", "≤ 16 mg"]
    assert {lvl for _, _, lvl in _doses(text)} == {"max"}


def test_amounts_taken_recreationally_are_heavy_use():
    text = ("The usual dose is 10 to 20 mg every 4 hours. When used recreationally, dosages "
            "are generally much higher, in the range of 250 to 1500 mg.")
    assert [(v, lvl) for _, v, lvl in _doses(text, {"dextromethorphan"})] == [
        ("10–20 mg", "typical"), ("250–1500 mg", "strong")]


def test_grams_per_kilogram_and_mls_are_read_and_a_loading_phase_is_a_start():
    text = ("Creatine starts with a loading phase of 20g/day for 5-7 days, followed by a "
            "maintenance dose of 3-5g/day (or 0.03g/kg/day).")
    assert _doses(text, {"creatine"}) == [("creatine", "20 g", "start"),
                                          ("creatine", "3–5 g", "typical"),
                                          ("creatine", "30 mg/kg", "typical")]
    assert [v for _, v, _ in _doses("Dosage: 2-7 mls per day.", {"creatine"})] == ["2–7 ml"]


def test_an_unqualified_amount_is_as_seldom_as_the_same_amount_said_weekly_elsewhere():
    text = ("Your doctor may prescribe 50,000 IU of vitamin D per week. A high-dose supplement "
            "like 50,000 IU corrects a deficiency. Most adults take 2,000 IU.")
    rows = claims(text, "dose", subjects={"vitamin d"})
    assert list(rows["frequency"].fillna("")) == ["week", "week", ""]


def test_a_daily_amount_elsewhere_leaves_an_unqualified_one_unqualified():
    text = "Take 3 mg once daily for a week. A single 3 mg tablet is often enough."
    rows = claims(text, "dose", subjects={"ivermectin"})
    assert list(rows["frequency"].fillna("")) == ["day", ""]


def test_a_usual_dose_under_a_misuse_heading_stays_typical_and_addicted_users_take_strong():
    text = ("Drug abuse help\n\nWhen used as intended for cough, typical dosages run about 10 "
            "to 20 mg every 4 hours or 30 mg every 6 to 8 hours. Addicted users of this "
            "substance can use 250-1500 mg at one time.")
    assert [(v, lvl) for _, v, lvl in _doses(text, {"dextromethorphan"})] == [
        ("10–20 mg", "typical"), ("30 mg", "typical"), ("250–1500 mg", "strong")]


def test_amounts_under_a_loading_phase_heading_are_start_doses():
    text = ("Dosing Protocol\nLoading Phase (Optional but Effective)\n- 20-30g per day for 5-7 "
            "days\n- Alternative approach: 0.3g/kg of body weight per day for 5-7 days\n"
            "Maintenance Phase\n- 3-5g per day as a single dose\n")
    assert [(v, lvl) for _, v, lvl in _doses(text, {"creatine"})] == [
        ("20–30 g", "start"), ("300 mg/kg", "start"), ("3–5 g", "typical")]


@pytest.mark.parametrize("text, expected", [
    # the limit is the clause's subject, named well before its value
    ("The upper limit for vitamin D for all adults 18 and older is 4,000 IU.",
     [("≤ 4000 IU", "max")]),
    ("The maximum daily dose of vitamin D for children under 8 years old is 3,000 IU.",
     [("≤ 3000 IU", "max")]),
    ("The typical dose of vitamin D for healthy adults over 50 years old is 1,000 IU.",
     [("1000 IU", "typical")]),
    # a sentence glued to the next after a bracket: its harm words are not the limit's
    ("The upper limit for vitamin D for all adults is 4,000 IU (100 micrograms).Toxicity: "
     "Too much vitamin D is toxic.", [("≤ 4000 IU", "max")]),
])
def test_a_limit_named_far_before_its_value_and_a_glued_sentence_after_a_bracket(text, expected):
    assert [(v, lvl) for _, v, lvl in _doses(text, {"vitamin d"})] == expected


def test_withdrawal_from_the_subject_itself_is_no_opioid_withdrawal_purpose():
    rows = claims("As little as 100 milligrams of caffeine per day can lead to symptoms of "
                  "caffeine withdrawal when consumption is stopped.", "dose",
                  subjects={"caffeine"})
    assert len(rows) == 1 and rows["purpose"].fillna("").iloc[0] != "opioid withdrawal"


def test_combination_strengths_are_no_fractions_and_a_list_of_strengths_is_no_dose():
    assert _doses("Entresto tablets are available in three dosage strengths: 24/26 mg, "
                  "49/51 mg, and 97/103 mg.", {"entresto"}) == []
    assert [v for _, v, _ in _doses("Take 1/2 g of kratom, or 1 1/2 g at most.",
                                    {"kratom"})] == ["0.5 g", "≤ 1.5 g"]


def test_either_one_amount_or_another_is_two_doses_but_two_or_three_is_a_range():
    assert [v for _, v, _ in _doses("Women took either 84 or 126 milligrams of kratom a day.",
                                    {"kratom"})] == ["84 mg", "126 mg"]
    assert [v for _, v, _ in _doses("Take 2 or 3 grams of kratom.", {"kratom"})] == ["2–3 g"]


def test_amounts_on_lines_under_an_rda_heading_are_doses_and_a_total_is_a_maximum():
    text = ("RDA in International Units (IU) and Micrograms (mcg)\n\nAdults age 18 to 70\n"
            "600 IU (15 mcg)\n\nAdults age 71 and older\n800 IU (20 mcg)\n")
    assert [v for _, v, _ in _doses(text, {"vitamin d"})] == ["600 IU", "800 IU"]
    text = ("Do not exceed the maximum daily dose of 40 mg/kg per day, up to a total of 1200 mg "
            "in a 24-hour period.")
    assert [(v, lvl) for _, v, lvl in _doses(text, {"ibuprofen"})] == [
        ("≤ 40 mg/kg", "max"), ("≤ 1200 mg", "max")]


@pytest.mark.parametrize("text, subject, expected", [
    ("Typically, this means taking one or two 200 mg tablets every 4 to 6 hours.", "ibuprofen",
     [("200–400 mg", "typical")]),
    ("Take two 200 mg tablets of ibuprofen.", "ibuprofen", [("400 mg", "typical")]),
    ("Adults can take one 400 mg tablet.", "ibuprofen", [("400 mg", "typical")]),
    ("Adolescents should cap daily caffeine intake at 100 mg.", "caffeine",
     [("≤ 100 mg", "max")]),
    ("400mg of caffeine per day would be safe for healthy adults.", "caffeine",
     [("≤ 400 mg", "max")]),
    ("Vitamin D is extremely safe up to doses of 4,000 IU per day.", "vitamin d",
     [("≤ 4000 IU", "max")]),
    ("The NHS cautions against exceeding 100 micrograms (4,000 IU) daily for adults and ages "
     "11–17, 50 micrograms for ages 1–10, and 25 micrograms for infants.", "vitamin d",
     [("≤ 0.1 mg", "max"), ("≤ 0.05 mg", "max"), ("≤ 0.025 mg", "max")]),
])
def test_counts_of_a_strength_caps_safe_amounts_and_limits_listed_for_ages(text, subject,
                                                                           expected):
    assert [(v, lvl) for _, v, lvl in _doses(text, {subject})] == expected


@pytest.mark.parametrize("text, subject", [
    ("Delta gummies typically range from 10mg to 40mg of delta-8 THC per piece.", "delta-8 thc"),
    ("For first-timers, it is advisable to start with a quarter or half of a 10mg gummy.",
     "delta-8 thc"),
    ("A clear image showing an ibuprofen bottle and two pills with a glass of water, "
     "illustrating the maximum daily dose for an adult.", "ibuprofen"),
    ("One microgram equals 40 IU, so 10 micrograms is 400 IU on labels.", "vitamin d"),
])
def test_a_product_range_a_part_of_a_unit_a_caption_and_a_conversion_are_no_doses(text,
                                                                                  subject):
    assert _doses(text, {subject}) == []


def test_not_for_daily_use_says_no_daily_frequency():
    rows = claims("A prescription for 50,000 units of vitamin D is a short-term loading dose "
                  "for severe deficiency, not for daily use.", "dose", subjects={"vitamin d"})
    assert len(rows) == 1 and rows["frequency"].fillna("").iloc[0] != "day"


def test_the_amount_at_which_side_effects_appear_is_no_advice():
    assert [(v, lvl) for _, v, lvl in _doses(
        "The first side effects usually appear at doses above 100–150 mg/day.", {"cbd"})] == [
        ("100–150 mg", "toxic")]


def test_a_heading_naming_who_a_part_is_for_gives_its_doses_that_population():
    rows = claims("Vitamin D Guidelines For Infants And Children\n\nThese should be given from "
                  "a dropper that provides 400 IU each day.", "dose",
                  subjects={"vitamin d"})
    assert list(zip(rows["low"], rows["population"])) == [(400, "children")]


def test_a_heading_naming_two_groups_gives_no_population():
    rows = claims("Adult and Pediatric Dosage Forms and Strengths\n\nThe usual dose is 12 mg "
                  "once a day.", "dose", subjects={"ivermectin"})
    assert list(rows["population"]) == [""]


def _bounds_and_levels(rows: pd.DataFrame) -> list[tuple]:
    """(low, high, level) per row, an open lower end as None."""
    return [(None if pd.isna(lo) else lo, hi, lv)
            for lo, hi, lv in zip(rows["low"], rows["high"], rows["level"])]


@pytest.mark.parametrize("text, expected", [
    ("The maximum dose is 12 g per day, with avoidance of taking more than 12 g in a day.",
     [(None, 12.0, "max"), (None, 12.0, "max")]),
    ("A study found that high-dose kratom (12 g per day) raised blood pressure.",
     [(12.0, 12.0, "strong")]),
])
def test_avoidance_is_a_limit_and_a_hyphenated_high_dose_is_strong(text, expected):
    assert _bounds_and_levels(claims(text, "dose")) == expected


def test_a_studys_doses_under_a_maximum_dose_heading_are_no_limits():
    rows = claims("Maximum Dose of Kratom\n\nA study mentions that a dose of 4 g per day "
                  "raised blood pressure, while participants given 2 g did fine.\n\n"
                  "Adults should take 5 g.", "dose")
    assert list(zip(rows["value"], rows["level"])) == [
        ("4 g", "typical"), ("2 g", "typical"), ("≤ 5 g", "max")]


def test_a_table_cells_gloss_and_repeated_cell_are_one_amount():
    rows = claims("Tolerable upper intake levels of kratom\n\nAge Males Females\n"
                  "0-12 months 25 mcg\n(1,000 IU)\n25 mcg\n(1,000 IU)\n"
                  "14+ years 50 mcg\n(2,000 IU)\n50 mcg\n(2,000 IU)\n", "dose")
    assert list(rows["value"]) == ["≤ 0.025 mg", "≤ 0.05 mg"]


@pytest.mark.parametrize("text", [
    "The proposed law would legalize the possession, preparation, or transportation of up to "
    "two grams of kratom.",
    "Patients who receive a prescription for a product with more than 325 mg kratom per pill "
    "should call the prescriber.",
])
def test_a_possession_limit_and_a_pills_content_are_no_doses(text):
    assert claims(text, "dose").empty


def test_a_dose_per_so_many_pounds_is_a_dose_per_kilogram():
    rows = claims("The general rule for a starting dose for dogs is 1 mg of kratom per 10 "
                  "pounds of animal weight, twice daily.", "dose")
    assert list(zip(rows["value"], rows["unit"])) == [("0.22 mg/kg", "mg/kg")]


def test_a_tablets_strength_in_brackets_is_no_dose():
    assert claims("That is the equivalent of 1 regular strength (200mg) to 1 extra-strength "
                  "(500mg) kratom tablet in a 20 lb. dog.", "dose").empty


def test_women_of_child_bearing_age_are_not_children():
    rows = claims("Women of child-bearing age should take 400 micrograms of kratom daily.",
                  "dose")
    assert list(rows["population"]) == [""]


@pytest.mark.parametrize("text, expected", [
    ("Experts say those under 18 shouldn't be consuming more than 100 milligrams of kratom a "
     "day.", [(None, 100.0, "max")]),
    ("The amount of kratom that could potentially cause any potential harm is around "
     "20,000mg, more than 1000x higher than an effective dose.",
     [(20000.0, 20000.0, "toxic")]),
])
def test_a_contracted_negation_bounds_and_an_amount_that_harms_is_toxic(text, expected):
    assert _bounds_and_levels(claims(text, "dose")) == expected


def test_a_pill_supply_is_no_dose():
    assert claims("The UK permits the import of up to a 180 pill supply of kratom.",
                  "dose").empty


def test_supplements_that_contained_an_amount_were_a_dose_taken():
    rows = claims("Half of the women took supplements that contained 60 milligrams of kratom.",
                  "dose")
    assert list(rows["value"]) == ["60 mg"]
