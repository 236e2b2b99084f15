"""Dose extraction: every surface form the issue lists, and numbers that are not doses."""

import math

import pytest

from tests.conftest import claims


def _one(text):
    rows = claims(text, "dose")
    assert len(rows) == 1, rows[["value", "evidence"]].to_dict("records")
    r = rows.iloc[0]
    low = None if math.isnan(r["low"]) else r["low"]
    high = None if math.isnan(r["high"]) else r["high"]
    return low, high, r["unit"], r["qualifier"]


@pytest.mark.parametrize("text, low, high, unit", [
    ("Most people take 1-5 grams per day.", 1, 5, "g"),
    ("A typical dose is 1–5 g for most adults.", 1, 5, "g"),
    ("Users usually take 4 to 10 grams of the powder.", 4, 10, "g"),
    ("The recommended dose is between 4 and 10 g daily.", 4, 10, "g"),
    ("Herbalists suggest two to twelve grams of dried root.", 2, 12, "g"),
    ("Take 2 grams with water.", 2, 2, "g"),
    ("Doses of 300 mcg are common for melatonin.", 0.3, 0.3, "mg"),
    ("Adults take 500 µg at night.", 0.5, 0.5, "mg"),
    ("Take 5 ml of the tincture twice a day.", 5, 5, "ml"),
    ("The usual dose is 1,000 IU of vitamin D daily.", 1000, 1000, "IU"),
    ("Start with 2 capsules daily.", 2, 2, "capsules"),
    ("Take 0.5 mg of melatonin before bed.", 0.5, 0.5, "mg"),
])
def test_dose_forms_are_read_as_ranges(text, low, high, unit):
    got_low, got_high, got_unit, _ = _one(text)
    assert (got_low, got_high, got_unit) == (low, high, unit)


@pytest.mark.parametrize("text, low, high", [
    ("You can take up to 15 g in a day.", None, 15),
    ("We recommend no more than 10 grams per day.", None, 10),
    ("Dosing guides say max 8 g per session of use.", None, 8),
    ("Some users take upwards of 10 g for severe pain.", 10, None),
    ("Experienced users take more than 12 grams daily.", 12, None),
    ("Doses exceeding 4 grams were studied.", 4, None),
    ("Doses above 20 mg are not recommended.", None, 20),  # a maximum, said from above
    ("Users should take at least 2 grams a day.", 2, None),
    # "at least" bounds the number it stands before, not one further on
    ("At least a 50% drop in pain was seen in patients injected with 70 mg a month.", 70, 70),
])
def test_open_ended_doses_leave_one_end_empty(text, low, high):
    got_low, got_high, _, _ = _one(text)
    assert (got_low, got_high) == (low, high)


@pytest.mark.parametrize("text, fragment", [
    ("For mild pain, most users take 2-4 grams.", "mild pain"),
    ("Doses range from 1-5 grams for beginners.", "beginners"),
    ("The dose for sedative effects is 8 to 12 grams.", "sedative effects"),
    ("Children 6–12 should take 5 mg per day.", "children 6–12"),
    ("Take 10 mg per night for insomnia.", "per night"),
])
def test_qualifier_names_the_purpose_or_level(text, fragment):
    _, _, _, qualifier = _one(text)
    assert fragment in qualifier


def test_level_reads_starting_and_severe(topics):
    rows = claims("Beginners should start with 1 g; severe cases take upwards of 8 g.", "dose")
    assert list(rows["level"]) == ["start", "strong"]


@pytest.mark.parametrize("text", [
    "A 2017 study of 45 patients found benefits.",
    "She has 15 years of experience in dosing herbs.",
    "Products cost between 20 and 80 dollars per bottle taken home.",
    "About 26 percent of products contained less than advertised dose.",
    "The compound 7-hydroxymitragynine binds strongly; doses vary.",
    "The patient was a 26-year-old man who took kratom daily.",
    "Chronic pain lasts more than 12 weeks despite taking medication.",
    "CBD with less than 0.3% THC is legal to take.",
    "Each bottle contains 1000 mg of CBD to take as needed.",
    "Buy a 250 g bag for daily use.",
    "The 2018 Farm Bill changed how people use hemp.",
])
def test_numbers_that_are_not_doses_give_no_dose_row(text):
    assert claims(text, "dose").empty


def test_count_glossed_by_mass_keeps_only_the_mass():
    rows = claims("Experienced users often take 3 capsules (75 mg total).", "dose")
    assert list(rows["value"]) == ["75 mg"]


def test_numbers_without_a_dose_cue_are_ignored():
    assert claims("The leaf weighs 3 g when dried in the sun.", "dose").empty


def test_two_doses_in_one_sentence_give_two_rows():
    rows = claims("Effective dosage ranges from 1-5 grams for mild pain to upwards of "
                  "10 grams for severe conditions.", "dose")
    assert list(rows["value"]) == ["1–5 g", "≥ 10 g"]
    assert "mild pain" in rows.iloc[0]["qualifier"]
    assert "severe conditions" in rows.iloc[1]["qualifier"]


def test_never_more_than_is_a_maximum():
    low, high, _, _ = _one("We never recommend more than 10 g in one day.")
    assert (low, high) == (None, 10)


def test_increments_are_not_doses():
    rows = claims("Start with 10 mg a day and increase it by 5 mg each week.", "dose")
    assert list(rows["value"]) == ["10 mg"]


def test_typical_without_a_verb_is_a_dose_cue():
    low, high, _, qualifier = _one("For relaxation, 3-5 g is typical.")
    assert (low, high) == (3, 5) and qualifier == "relaxation"


@pytest.mark.parametrize("text, value", [
    ("For sedation, take 7+ grams.", "≥ 7 g"),
    ("Users take 5 grams or more for pain relief.", "≥ 5 g"),
    ("Take 10 mg or less per day.", "≤ 10 mg"),
    ("Start with 1 to 2 teaspoons daily.", "1–2 teaspoons"),
    ("Most people take 2 grams (about one teaspoon) to start.", "2 g"),
])
def test_open_ends_after_the_value_and_spoon_glosses(text, value):
    assert list(claims(text, "dose")["value"]) == [value]


def test_per_day_written_with_a_slash():
    row = claims("Doses of 1–3 g/day are typical.", "dose").iloc[0]
    assert row["value"] == "1–3 g" and row["scope"] == "mass" and row["frequency"] == "day"


@pytest.mark.parametrize("text", [
    "A teaspoon of kratom powder weighs about 2.5 grams.",
    "The body produces about 0.1 to 0.9 mg of melatonin per night.",
    "Your body naturally makes between 10 and 80 micrograms of melatonin each night.",
])
def test_a_measures_weight_and_what_the_body_makes_are_no_doses(text):
    assert claims(text, "dose", subjects={"kratom", "melatonin"}).empty


def test_an_age_before_a_dose_is_no_end_of_a_range():
    rows = claims("The recommended daily allowance is 600 IU for adults up to age 70 and "
                  "800 IU for older adults.", "dose", subjects={"vitamin d"})
    assert sorted(zip(rows["low"], rows["high"])) == [(600, 600), (800, 800)]


@pytest.mark.parametrize("text", [
    "You get 200 drops in a bottle so each drop is equal to 5 mg of CBD.",
    "Over-the-counter forms are accessible in 200 mg tablets.",
    "Modafinil tablets 100mg",
    "Your body can produce 10,000 to 25,000 IUs of vitamin D after sun exposure.",
])
def test_equivalences_strengths_and_what_the_body_makes_are_no_doses(text):
    assert claims(text, "dose", subjects={"cbd", "ibuprofen", "modafinil",
                                          "vitamin d"}).empty


def test_a_limit_on_another_number_is_no_limit_on_the_dose():
    rows = claims("A friend who weighs no more than 68 kg takes 50 mg of CBD twice a day.",
                  "dose", subjects={"cbd"})
    assert list(zip(rows["low"], rows["high"], rows["level"])) == [(50, 50, "typical")]


def test_a_limit_at_once_or_a_day_holds_for_both():
    rows = claims("Do not take more than 5 g at once or 15 g a day.", "dose")
    assert sorted(zip(rows["high"], rows["level"])) == [(5, "max"), (15, "max")]


def test_grams_of_body_fat_are_no_dose():
    text = "Children with more vitamin D averaged around 450 grams less body fat at age 3."
    assert claims(text, "dose", subjects={"vitamin d"}).empty


def test_doses_above_a_value_that_are_not_recommended_set_a_maximum():
    rows = claims("Doses above 15 grams are not recommended.", "dose")
    assert list(zip(rows["low"].isna(), rows["high"], rows["level"])) == [(True, 15, "max")]
    assert claims("A level teaspoon of powder holds about 2 grams.", "dose").empty


def test_a_schedule_is_a_dose_cue():
    rows = claims("Dysmenorrhea: 400 mg every 4 hours as needed", "dose",
                  subjects={"ibuprofen"})
    assert list(zip(rows["high"], rows["frequency"])) == [(400, "dose")]


@pytest.mark.parametrize("text, high", [
    ("Zinc doses of over 100 mg per day do not seem to provide any more benefit.", 100),
    ("They shouldn't take more than six capsules of caffeine in a day.", 6),
])
def test_more_than_that_brings_nothing_or_is_forbidden_is_a_maximum(text, high):
    rows = claims(text, "dose", subjects={"zinc", "caffeine"})
    assert list(zip(rows["low"].isna(), rows["high"], rows["level"])) == [(True, high, "max")]


@pytest.mark.parametrize("text", [
    "Participants taking selenium had a cholesterol of about 230 milligrams per deciliter.",
    "Patients ate 18.8 grams of margarine per day.",
    "A 3 oz. portion of salmon contains anywhere from half a gram to 1 g of omega-3.",
    "A blend that contains, among other things, 133 mg of cinnamon, 100 micrograms of "
    "chromium and 33 mg of gymnema per capsule.",
    "Cocaine in waste water is 900 milligrams per 1,000 people a day, up from 392 "
    "milligrams per 1,000 in 2011.",
])
def test_concentrations_foods_and_contents_are_no_doses(text):
    assert claims(text, "dose", subjects={"selenium", "omega-3", "chromium", "cocaine"}).empty


@pytest.mark.parametrize("text, low, high", [
    # a unit spelled out and then abbreviated in brackets
    ("Typical doses range between 250 milligrams (mg) and 1,000 mg daily.", 250, 1000),
])
def test_a_unit_glossed_in_brackets_keeps_the_range(text, low, high):
    assert _one(text)[:2] == (low, high)


@pytest.mark.parametrize("text, high", [
    ("Taking more than 100 micrograms a day could be harmful to your health.", 0.1),
    ("You should avoid consuming more than 25 mg a day, unless a doctor says so.", 25),
    ("People with kidney problems: also limited to 25 mg per day.", 25),
])
def test_amounts_said_to_harm_or_to_avoid_above_are_maximums(text, high):
    rows = claims(text, "dose")
    assert list(zip(rows["low"].isna(), rows["high"], rows["level"])) == [(True, high, "max")]


@pytest.mark.parametrize("text", [
    "Prescription kratom is available as a 400 mg tablet, 600 mg tablet and 800 mg tablet.",
    "One patient reportedly took a total of 240 12.5 mg tablets.",
    "We recommend purchasing 100g of kratom for your first order.",
    # strengths of a product and pack sizes
    "The most common strengths for kratom tablets are 200mg and 400mg.",
    "Higher strengths, such as 600mg or 800mg tablets, need a prescription.",
    "Kratom comes as white tablets in 100mg and 200mg doses.",
    "In shops the maximum pack size is 16 tablets, while pharmacies sell packs of 32 tablets.",
    "Larger packs, up to a maximum of 100 tablets, may be sold by a pharmacist.",
    # contents, a volume a dose is formulated in, and increments a risk is measured by
    "Each capsule contains a little less than 700 milligrams of “ozonated kratom "
    "oxides,” about 6 milligrams of germanium, to be taken daily.",
    "For every extra 100 milligrams of kratom a person took per day, the risk fell.",
    # amounts sold and bottle sizes
    "In the UK retailers may sell no more than 32 tablets of kratom a day.",
    "It is common to buy kratom in bottles of 50, 200, 500 and even 1,000 capsules daily.",
])
def test_strengths_counts_of_tablets_and_purchases_are_no_doses(text):
    assert claims(text, "dose").empty


def test_the_strength_of_counted_tablets_is_no_dose_but_the_count_is():
    rows = claims("The maximum you can take in a day is 8 tablets of 400 mg kratom.", "dose")
    assert list(zip(rows["high"], rows["unit"])) == [(8, "tablets")]


def test_a_list_of_doses_tested_spans_a_range():
    assert _one("The drug was administered in dosages of 30, 50 or 70 mg/day.")[:2] == (30, 70)


@pytest.mark.parametrize("text, high", [
    ("The team randomly assigned 30 people to take pills containing 2 grams of kratom "
     "each day.", 2),
    ("One group received a placebo and the other a supplement containing 40 milligrams "
     "of kratom.", 40),
])
def test_what_participants_took_in_pills_containing_an_amount_is_a_dose(text, high):
    assert _one(text)[1] == high


def test_the_highest_dose_tested_is_a_strong_dose():
    rows = claims("The highest dose of kratom tested was one gram by mouth twice daily.", "dose")
    assert list(rows["level"]) == ["strong"]


def test_amounts_reported_under_a_heading_about_abuse_are_strong_use():
    rows = claims("Abuse and Addiction Potential\n\nOne patient reportedly consumed 3000 mg "
                  "of kratom per day for several months.", "dose")
    assert list(rows["level"]) == ["strong"]


def test_a_dose_lower_than_a_value_is_an_upper_bound():
    assert _one("Those under 150 lbs should consider a dosage lower than 15 mg.")[:2] == (None, 15)


def test_a_weekly_total_restating_a_daily_dose_is_no_dose_of_its_own():
    rows = claims("Kratom appears to be safe when taken in doses of 4 g daily (for a total of "
                  "28 g per week).", "dose")
    assert list(rows["high"]) == [4]


def test_a_correction_note_and_the_value_it_corrects_are_no_doses():
    assert claims("(This story has been corrected to correct the dosage to 130 mg, not 130 "
                  "mg/kg in paragraph 3)", "dose").empty


@pytest.mark.parametrize("text, expected", [
    ("Kratom appears to be safe for adults when taken in doses of 4 g daily.", (None, 4)),
    ("In summary, 4 g of kratom daily is mostly safe for adults.", (None, 4)),
    # a range said to be safe stays a range
    ("For long-term use, doses of 2-4 g of kratom daily are considered safe.", (2, 4)),
])
def test_a_single_amount_said_to_be_safe_is_the_most_that_is(text, expected):
    assert _one(text)[:2] == expected


def test_a_volume_a_dose_is_formulated_in_is_no_dose():
    assert _one("Patients took kratom at a dose of 40mg formulated in 0.4ml.")[:3] == (
        40, 40, "mg")


def test_two_amounts_said_respectively_are_two_doses_not_a_range():
    rows = claims("Men and women should take 420 and 320 milligrams of kratom daily, "
                  "respectively.", "dose")
    assert sorted(rows["value"]) == ["320 mg", "420 mg"]


def test_a_recommended_allowance_under_an_upper_limit_heading_is_typical():
    text = ("Understanding the Upper Limit of Kratom Intake\n\nFor most adults, the UL for "
            "kratom is set at 4,000 IU per day. The recommended dietary allowance (RDA) for "
            "most adults is 600 IU, increasing to 800 IU for those over 70. Doses well above "
            "the UL, typically over 10,000 IU daily, are needed to cause harm.")
    rows = claims(text, "dose")
    assert list(zip(rows["value"], rows["level"])) == [
        ("≤ 4000 IU", "max"), ("600 IU", "typical"), ("800 IU", "typical"),
        ("≥ 10000 IU", "strong")]


def test_a_dose_used_to_treat_something_under_an_upper_limit_heading_is_no_limit():
    text = ("Understanding the Upper Limit of Kratom Intake\n\nFor most adults, the UL for "
            "kratom is set at 4,000 IU per day. A 4,000 IU dose is often used to correct a "
            "diagnosed vitamin D deficiency under medical supervision.")
    rows = claims(text, "dose")
    assert list(zip(rows["value"], rows["level"])) == [("≤ 4000 IU", "max"),
                                                       ("4000 IU", "typical")]


@pytest.mark.parametrize("text, low, high", [
    ("Pain relief: 4-10 mg. per kilogram every 6-8 hours.", 4, 10),
    ("Take 200 micrograms (mcg) of kratom per kg of body weight.", 0.2, 0.2),
    ("Guidelines recommend 150\u2011200 \u00b5g/kg for parasites.", 0.15, 0.2),
    # the per-kilogram after a glossed amount holds for the amount and its gloss: one row
    ("The oral dose is about 200 micrograms (0.2 mg) per kilogram as a single dose.", 0.2, 0.2),
])
def test_doses_per_kilogram_with_a_stop_a_gloss_or_a_non_breaking_hyphen(text, low, high):
    rows = claims(text, "dose")
    assert list(zip(rows["low"], rows["high"], rows["unit"])) == [(low, high, "mg/kg")]


@pytest.mark.parametrize("text, expected", [
    # an aside in brackets keeps the level words in reach, and "for adults and" passes
    # the level on
    ("The maximum recommended daily consumption (except for extreme cases) is 100mg for "
     "adults and 50mg for children.", [("≤ 100 mg", "max"), ("≤ 50 mg", "max")]),
    ("When smoking, a mild dose is 50-100 mg and a heavy dose is 400-500 mg.",
     [("50–100 mg", "start"), ("400–500 mg", "strong")]),
    # two ends of one span said apart
    ("Reported dosages range from 10mg, taken once daily, to 300mg taken three times daily.",
     [("10–300 mg", "typical")]),
    ("The recommended dose lies somewhere between 50 mg and a maximum of 500 mg.",
     [("50–500 mg", "typical")]),
])
def test_levels_past_asides_mild_doses_and_spans_said_apart(text, expected):
    rows = claims(text, "dose")
    assert list(zip(rows["value"], rows["level"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("The maximum recommended dose of doxylamine succinate for sleep is generally 50 mg "
     "per day.", [(None, 50.0, "max")]),
    ("Exceeding the 3,000mg threshold of lion's mane does not offer additional benefits.",
     [(None, 3000.0, "max")]),
    ("Use 250 mg of magnesium daily, avoiding doses exceeding 350 mg/day.",
     [(250.0, 250.0, "typical"), (None, 350.0, "max")]),
    ("Some go up to doses of 400, 600, or even 800 mg of l-theanine for anxiety.",
     [(400.0, 800.0, "typical")]),
])
def test_a_limit_said_around_its_value_and_a_list_ending_in_its_unit(text, expected):
    rows = claims(text, "dose", subjects={"doxylamine", "lion's mane", "magnesium",
                                          "l-theanine"})
    got = [(None if math.isnan(lo) else lo, hi, level)
           for lo, hi, level in zip(rows["low"], rows["high"], rows["level"])]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("Magnesium dose: new to it / sensitive stomach100–150 mg/day", [(100.0, 150.0)]),
    ("Kava dosing table. Light1 - 2 g per session", [(1.0, 2.0)]),
])
def test_a_number_glued_to_a_table_label_is_read_whole(text, expected):
    rows = claims(text, "dose", subjects={"magnesium", "kava", "omega-3"})
    assert list(zip(rows["low"], rows["high"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("A daily dose of a standardized preparation of Rhodiola rosea roots containing 576 mg "
     "of extract was effective.", [(576.0, 576.0)]),
    ("People benefit from a daily dose range containing 340 to 680 mg of rhodiola extract.",
     [(340.0, 680.0)]),
    ("Each rhodiola capsule contains 500 mg of extract.", []),
])
def test_a_dose_containing_an_amount_is_a_dose_a_capsule_containing_one_is_not(text, expected):
    rows = claims(text, "dose", subjects=["rhodiola"])
    assert list(zip(rows["low"], rows["high"])) == expected


def test_a_list_of_strengths_one_per_line_gives_no_dose():
    text = ("Kratom forms and strengths\n\nThese include:\n\n  • 100 mg tablets\n\n"
            "  • 400 mg tablets (Rx)\n\n  • 200 mg capsule\n\n  • 100 mg chewable tablet\n\n"
            "  • 100 mg per 5 mL oral suspension (liquid)\n\n- 50 mg per 1.25 mL oral suspension")
    assert claims(text, "dose").empty


@pytest.mark.parametrize("text, value", [
    ("Adults: 400 mg tablets every 6 hours", "400 mg"),  # more on the line: a dose
    ("Give 5 mL of the 100 mg per 5 mL suspension.", "5 ml"),  # the volume given, not the strength
])
def test_an_amount_with_more_than_a_form_on_its_line_stays_a_dose(text, value):
    assert list(claims(text, "dose")["value"]) == [value]


@pytest.mark.parametrize("text", [
    "You can start low and increase the amount by 5 mg per week.",
    "Increase your dosage by 20mg (1mL) per day for another week.",
])
def test_a_step_up_and_its_gloss_are_no_doses(text):
    assert claims(text, "dose").empty


@pytest.mark.parametrize("text, expected", [
    # "maximal" bounds like "maximum"
    ("The recommended dose is 400 to 800 mg, with a maximal initial dose of 800 mg and a "
     "maximal daily dosage of 2.4 g.", [(400.0, 800.0), (None, 800.0), (None, 2.4)]),
    # international units written with stops
    ("It takes 5,000 I.U. of kratom per day.", [(5000.0, 5000.0)]),
])
def test_maximal_bounds_a_dose_and_i_u_is_an_international_unit(text, expected):
    rows = claims(text, "dose")
    got = [(None if math.isnan(lo) else lo, hi) for lo, hi in zip(rows["low"], rows["high"])]
    assert got == expected


@pytest.mark.parametrize("text", [
    "The highest strength of kratom available over-the-counter is 200mg.",
    "Kratom 3 mg tablets is an effective treatment for scabies.",
])
def test_a_strength_named_further_back_and_tablets_said_to_be_a_product_are_no_doses(text):
    assert claims(text, "dose").empty


def test_doses_said_to_be_unsafe_above_an_amount_set_a_maximum():
    rows = claims("Kratom is possibly unsafe when used for a long time or in doses over "
                  "400 mg daily.", "dose")
    assert len(rows) == 1 and math.isnan(rows["low"].iloc[0])
    assert (rows["high"].iloc[0], rows["level"].iloc[0]) == (400.0, "max")


def test_the_strength_of_an_otc_or_prescription_product_named_as_such_is_no_dose():
    assert claims("You could just take more of the OTC 200mg kratom to equal the dosage "
                  "your doctor recommended.", "dose").empty


def test_the_content_of_a_second_product_named_in_the_same_list_is_no_dose():
    rows = claims("A typical cup of coffee contains 80-135 milligrams and a 12-ounce soft drink "
                  "around 40 milligrams.", "dose", subjects={"caffeine"})
    assert rows.empty
    rows = claims("Each gummy contains 5 mg of kratom, and adults should take 3 mg.", "dose")
    assert list(rows["value"]) == ["3 mg"]


def test_a_legal_limit_on_a_products_content_is_no_dose():
    assert claims("CBD is legal in the UK as long as there is no more than 1mg THC per product.",
                  "dose", subjects={"cbd", "thc"}).empty


@pytest.mark.parametrize("text, low", [
    ("Older adults may benefit from 0.3 mg, which mimics natural levels.", 0.3),
    ("If that does not work, try 3 mg the next night.", 3),
])
def test_benefit_from_and_try_are_dose_cues(text, low):
    assert _one(text)[:2] == (low, low)


@pytest.mark.parametrize("text", [
    # strengths sold on prescription, and amounts in a container of a drink
    "Higher doses, such as 400 mg, 600 mg, and 800 mg tablets, are prescription-only "
    "medications.",
    "The 800 mg tablets require a prescription.",
    "The new law covers anything with more than 150mg of caffeine per liter.",
    "There was a limit, with nothing over 75mg in a 500ml can sold to children.",
])
def test_strengths_on_prescription_and_contents_of_a_container_are_no_doses(text):
    assert claims(text, "dose").empty


def test_what_a_share_of_the_daily_value_means_is_no_dose():
    rows = claims('So, "10% Daily Value" means 40 IU/day, which is some, but not a lot, of '
                  "the 600 IU needed each day.", "dose")
    assert list(zip(rows["low"], rows["unit"])) == [(600, "IU")]


def test_strengths_listed_in_brackets_after_including_are_no_doses():
    assert claims("Higher dosages of kratom (including 400mg, 600mg, and 800mg tablets) may "
                  "require a prescription.", "dose").empty


def test_what_the_sun_makes_in_the_skin_is_no_dose():
    assert claims("Just 10-15 minutes whole-body exposure to peak summer sun will generate and "
                  "release up to 20,000 IU of vitamin D.", "dose",
                  subjects={"vitamin d"}).empty


def test_a_pack_size_named_far_before_its_number_is_no_dose():
    assert claims("The maximum pack size for both paracetamol and kratom that may be sold "
                  "through general sale is 16 tablets.", "dose").empty


@pytest.mark.parametrize("text, low, high", [
    ("Most adults tolerate up to four hundred milligrams of caffeine a day.", None, 400),
    ("Take one hundred fifty mg of caffeine in the morning.", 150, 150),
    ("Take two thousand IU of vitamin D daily.", 2000, 2000),
])
def test_number_words_with_hundreds_and_thousands_keep_their_size(text, low, high):
    assert _one(text)[:2] == (low, high)


@pytest.mark.parametrize("text", [
    "Most adults can safely consume 400 milligrams of caffeine per day.",
    "Most adults can consume about 400 milligrams of caffeine per day without negative effects.",
])
def test_an_amount_said_to_be_safe_to_take_is_the_most_that_is(text):
    assert _one(text)[:2] == (None, 400)


def test_a_line_listing_the_strengths_a_form_is_sold_in_gives_no_dose():
    text = ("Vitamin D forms\nCapsules: 400 International Units (IUs), 1,000 IUs, 2,000 IUs, "
            "50,000 IUs\nTablets: 400 IUs, 1,000 IUs\nOral solution: 400 IUs per milliliter")
    assert claims(text, "dose").empty


def test_a_dose_given_per_form_on_its_own_line_is_still_a_dose():
    text = "Ashwagandha doses\nPowder: 3–6 grams per day\nCapsules: 300-500 mg twice daily"
    assert sorted(claims(text, "dose")["value"]) == ["300–500 mg", "3–6 g"]


@pytest.mark.parametrize("text", [
    "The label could indicate that there are 5 mg of CBD per capsule.",
    "40 IU is equal to 1 microgram of vitamin D, so a 400 IU dose is equal to 10 mcg.",
])
def test_contents_per_unit_and_conversions_are_no_doses(text):
    assert claims(text, "dose").empty


def test_a_strength_per_unit_marked_each_is_no_dose_but_each_day_is_a_frequency():
    rows = claims("Tablets are usually 3 mg each, so an adult might need two tablets.", "dose")
    assert list(rows["value"]) == ["2 tablets"]
    assert claims("Two softgel capsules (5,000 IU each).", "dose").empty
    assert list(claims("Take 200 mg each morning.", "dose")["value"]) == ["200 mg"]


def test_a_product_named_by_its_strength_is_no_dose():
    assert claims("This matters for the 800-milligram (mg) tablet, which is sought out for "
                  "intense pain.", "dose").empty
    assert claims("The 200 mg tablets are sold over the counter.", "dose").empty
    assert list(claims("The 400 mg dose provides optimal relief.", "dose")["value"]) == [
        "400 mg"]
    assert list(claims("Take one 200 mg tablet every 4 hours.", "dose")["value"]) == ["200 mg"]


@pytest.mark.parametrize("text, subjects, value", [
    ("Soft capsules containing 100 mg of fennel were administered twice daily.", {"fennel"},
     ["100 mg"]),
    ("Participants consumed a capsule filled with 700 milligrams of green coffee extract.",
     set(), ["700 mg"]),
    ("The bottle holds 60 capsules containing 100 mg of fennel.", {"fennel"}, []),
    ("Green coffee extracts sell for about $20 for 60 capsules.", set(), []),
])
def test_capsules_given_with_their_contents_are_a_dose_and_prices_are_not(text, subjects,
                                                                           value):
    rows = claims(text, "dose", subjects=subjects)
    assert list(rows["value"]) == value


def test_the_amount_per_tablet_is_a_strength_not_a_dose():
    assert claims("The standard amount per tablet is typically 200 mg.", "dose").empty
    assert list(claims("The usual dose per tablet is 200 mg.", "dose")["value"]) == ["200 mg"]


def test_the_dose_on_the_label_is_a_dose_not_an_approval():
    rows = claims("The FDA-approved maximum daily dose of kratom for adults is 3200 mg.")
    assert list(rows["topic"]) == ["dose"]


@pytest.mark.parametrize("text, value", [
    ("For lupus, kratom should be dosed at ≤5 mg/kg actual body weight per day.", "≤ 5 mg/kg"),
    ("Low-dose kratom (≤1200 mg/day) has not shown increased risk.", "≤ 1200 mg"),
    ("Take kratom at doses of ≥ 2 g for pain.", "≥ 2 g"),
])
def test_a_sign_before_the_number_is_its_bound(text, value):
    assert list(claims(text, "dose")["value"]) == [value]


@pytest.mark.parametrize("text", [
    "Boots Kratom 400 mg Tablets",
    "If you are planning to get Kratom 200 mg online without a prescription, read this guide.",
    "These pouches contain kratom (typically 3–15 mg per pouch), flavorings, and fillers.",
    "Kratom is illegal, but decriminalized when taken with 10 grams or less.",
])
def test_product_names_contents_and_possession_limits_are_no_doses(text):
    assert claims(text, "dose").empty


def test_a_study_arm_named_by_its_level_in_brackets_is_still_a_dose():
    rows = claims("Participants took a drink containing either high (993 mg), intermediate "
                  "(520 mg) or low (48 mg) amounts of kratom every day.", "dose")
    assert list(rows["value"]) == ["993 mg", "520 mg", "48 mg"]


def test_a_concentration_per_gram_of_a_product_is_no_dose():
    text = ("Plain kratom pastes typically contain 18.7 mg of kratom per gram of paste (18.7 "
            "g/kg, or 1.87%), and a single tube is enough for a 600 kg horse.")
    assert claims(text, "dose").empty
    # a dose per kilogram of body weight stays one
    assert list(claims("Take 10 mg of kratom per kilogram of bodyweight.", "dose")["value"]) == [
        "10 mg/kg"]


@pytest.mark.parametrize("text, value", [
    ("Kratom must be increased gradually over 16 to 20 weeks to 2.4 mg once weekly.", "2.4 mg"),
    ("Some people take 50,000 IU of kratom once a week.", "50000 IU"),
])
def test_a_weekly_amount_is_a_dose(text, value):
    assert list(claims(text, "dose")["value"]) == [value]


@pytest.mark.parametrize("text", [
    "One capsule labeled as having 40 μg (1600 IU) kratom was revealed to have 4600 μg.",
    "Mixed feeding (<500ml formula) needs drops of kratom daily.",
])
def test_a_labelled_or_tested_content_and_a_volume_of_formula_are_no_doses(text):
    assert not any(u in {"mg", "ml", "IU"} for u in claims(text, "dose")["unit"])


@pytest.mark.parametrize("text, value", [
    ("Efficacy of kratom was shown over a range of 1800 mg/day to 3600 mg/day.", ["1800–3600 mg"]),
    ("Take 1800mg/day-3600mg/day of kratom.", ["1800–3600 mg"]),
    ("Some users take kratom as high as 800 mg.", ["≤ 800 mg"]),
    ("Take 1800 mg/day and 3600 mg/day of kratom.", ["1800 mg", "3600 mg"]),
])
def test_a_rate_said_at_both_ends_is_one_range_and_as_high_as_is_a_ceiling(text, value):
    assert list(claims(text, "dose")["value"]) == value


def test_an_amount_a_product_is_labelled_with_is_no_dose():
    text = "A product labeled “500 mg Kratom Extract” often contains only a fraction of that."
    assert claims(text, "dose").empty


def test_supplement_facts_lines_and_a_pack_count_with_its_strength_are_no_doses():
    text = ("Kratom Capsules\n90 Veggie Capsules • 450 mg\nTake 450 mg to 900 mg of kratom per "
            "day.\nSupplement Facts\nAmount per 1 V. Capsule %DV*\nKratom Extract 300 mg *\n"
            "Kratom leaf 150 mg 25%\n")
    assert list(claims(text, "dose")["value"]) == ["450–900 mg"]


def test_what_each_tablet_holds_is_no_dose():
    text = ("The maximum dose of kratom is 4,000 mg daily (the same as 8 extra strength tablets "
            "of 500 mg or 12 regular strength tablets of 325 mg).")
    assert list(claims(text, "dose")["value"]) == ["≤ 4000 mg"]


def test_a_recipe_ratio_is_no_dose():
    text = ("Most of the kratom recipes we have found use a ratio of 1 tablespoon of powdered "
            "kratom to 1 cup of water.")
    assert claims(text, "dose").empty
    assert list(claims("Take 1 tablespoon of kratom per serving.", "dose")["value"]) == [
        "1 tablespoons"]


def test_a_recalled_products_strengths_are_no_doses():
    text = ("The FDA said Apotex Corp is voluntarily recalling all lots of Kratom Extended-Release "
            "Tablets, 500 mg.")
    assert claims(text, "dose").empty
    assert list(claims("After the recall, take 500 mg of kratom twice daily.", "dose")[
        "value"]) == ["500 mg"]


@pytest.mark.parametrize("text, value", [
    ("Healthy adults: no more than 400 mg of kratom per day - about three 8 oz cups (237 ml) of "
     "brewed coffee per day.", ["≤ 400 mg"]),
    ("Children: no more than 45 mg of kratom per day - about one 355ml can of regular cola.",
     ["≤ 45 mg"]),
    ("If you're taking kratom as a liquid, 10ml contains either 200mg or 400mg.", []),
    ("People should not take more than 1,200mg of kratom per day, which amounts to six "
     "200mg-pills.", ["≤ 1200 mg"]),
    ("Take 10 ml of kratom syrup every 6 hours.", ["10 ml"]),
])
def test_drinks_a_dose_comes_in_and_what_a_liquid_or_pill_holds_are_no_doses(text, value):
    assert list(claims(text, "dose")["value"]) == value


def test_a_can_that_is_a_verb_is_no_drink():
    text = "In my experience, a dose of 100mg can often be enough for significant enhancement."
    assert list(claims(text, "dose")["value"]) == ["100 mg"]


def test_an_acceptable_daily_intake_and_its_revision_are_maximum_doses():
    rows = claims("The FSA set the Acceptable Daily Intake (ADI) for healthy adults at 70 "
                  "milligrams in February 2020 but reduced it to 10 milligrams in October 2023.",
                  "dose")
    assert list(zip(rows["value"], rows["level"])) == [("≤ 70 mg", "max"), ("≤ 10 mg", "max")]


def test_what_a_package_may_hold_is_no_dose():
    rows = claims("Edibles are regulated in Minnesota. One serving must not contain more than "
                  "5 mg of any THC, and one package must not have more than 50 mg of any THC.",
                  "dose", subjects=frozenset({"thc"}))
    assert "≤ 50 mg" not in set(rows["value"])


@pytest.mark.parametrize("text", [
    "Over a 28-day period, the patient received a total of 88,500 mg of kratom.",
    "For example, a 300 mg tablet of kratom contains about 60 mg of mitragynine.",
])
def test_a_cumulative_total_and_what_a_tablet_contains_are_no_doses(text):
    assert claims(text, "dose").empty


def test_doses_past_which_there_is_no_benefit_are_a_ceiling():
    rows = claims("Higher doses of kratom, particularly exceeding 680 mg, may not offer additional "
                  "benefits.", "dose")
    assert list(zip(rows["value"], rows["level"])) == [("≤ 680 mg", "max")]


def test_the_volume_a_concentration_is_given_per_is_no_dose():
    rows = claims("Dropper form of kratom (400 mg per 1 ml): give 1 ml daily.", "dose")
    assert list(rows["value"]) == ["1 ml"]


@pytest.mark.parametrize("text", [
    "Doses over 4,000 mg of kratom daily aren’t recommended without a provider’s OK.",
    "The Food and Drug Administration cites 4,000 mg of kratom daily as a safe amount for most "
    "healthy adults.",
])
def test_an_amount_not_recommended_past_or_cited_as_safe_is_a_ceiling(text):
    rows = claims(text, "dose")
    assert list(zip(rows["value"], rows["level"])) == [("≤ 4000 mg", "max")]


def test_a_products_forms_and_its_excipients_are_no_doses():
    assert claims("Forms & dosages: Tablets (200mg, 400mg, 600mg), liquid suspension, topical gel.",
                  "dose", subjects=frozenset({"ibuprofen"})).empty
    rows = claims("Each tablet contains ibuprofen 400mg and the inactive ingredients "
                  "Pregelatinised Starch, Maize Starch.", "dose",
                  subjects=frozenset({"ibuprofen"}))
    assert set(rows["subject"]) <= {"ibuprofen"}


def test_a_daily_supplement_containing_an_amount_is_a_dose_the_infant_formula_is_not():
    rows = claims("Infants should have a daily supplement containing 8.5 to 10 micrograms of "
                  "vitamin D, or drink less than 500ml of infant formula a day.", "dose",
                  subjects=["vitamin d"])
    assert list(zip(rows["low"], rows["high"], rows["unit"])) == [(0.0085, 0.01, "mg")]


@pytest.mark.parametrize("text, expected", [
    # a step in a titration is no dose
    ("Thereafter, kratom is increased by 25 mg every three days.", []),
    ("The total daily dose of kratom may be raised, based on tolerance, by 50 mg every week.",
     []),
    # a product's name and strength on a line, or a title in capitals
    ("Kratom leaflet\n\nKratomax 200mg Effervescent Tablets\n\nAdults: take 400 mg of kratom "
     "every 4 hours.", [400.0]),
    ("Summary of product characteristics - KRATOMAX EFFERVESCENT TABLETS 200 MG\n\nAdults: take "
     "400 mg of kratom.", [400.0]),
    # a dosing table's label is no product name
    ("Kratom dosage\n\nAdults 400 mg\n\nChildren 100 mg", [100.0, 400.0]),
])
def test_a_titration_step_and_a_products_name_are_no_dose(text, expected):
    rows = claims(text, "dose")
    assert sorted(rows["high"]) == expected


@pytest.mark.parametrize("text, expected", [
    # a product's name is no limit
    ("How often can you take Kratomax maximum strength?\nAdults—60 milligrams (mg) of kratom "
     "every four to six hours.", [(60.0, 60.0)]),
    # a limit changed: the old value and the new one, no range between them
    ("The agency drops its advised daily limit of kratom from 70mg to 10mg.",
     [(None, 70.0), (10.0, 10.0)]),
    # a range from zero is an upper limit
    ("The WHO gives an acceptable daily intake of kratom of 0–3 mg per kilogram of body weight.",
     [(None, 3.0)]),
    # a purchase limit and the content of a pill
    ("Through mail order: 7.5 grams of kratom per 30 days, equal to 62 pills with 120 "
     "milligrams of the ingredients.", []),
    ("Kratom\n\nKratomax 0.3% 300mg (90 Capsules)\n\nTake 300 mg of kratom twice a day.",
     [(300.0, 300.0)]),
])
def test_a_strength_name_a_changed_limit_a_range_from_zero_and_a_purchase_limit(text, expected):
    rows = claims(text, "dose")
    got = [(None if math.isnan(lo) else lo, hi) for lo, hi in zip(rows["low"], rows["high"])]
    assert sorted(got, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text", [
    "Kratom comes in different strengths ranging from 200mg to 800mg.",
    "Each white, round tablet contains kratom 100 mg.",
    "Some brands suggest two gummies provide 300 mg of kratom extract.",
])
def test_strengths_and_what_a_product_holds_are_no_dose(text):
    assert claims(text, "dose").empty


def test_an_upper_bound_holds_for_the_amount_after_or_even():
    rows = claims("Some studies have explored dosages of kratom up to 1200 mg or even 6000 mg.",
                  "dose")
    assert sorted(rows["high"]) == [1200.0, 6000.0]
    assert rows["low"].isna().all()


def test_pieces_of_a_gum_of_some_strength_are_no_dose():
    rows = claims("(Do not chew more than 30 pieces of the 2 mg kratom gum or 20 pieces of the "
                  "4 mg gum a day.)", "dose")
    assert rows.empty


def test_a_volume_or_count_glossed_by_the_mass_it_holds_is_that_mass():
    rows = claims("Kratom for kids. 24-35 lbs: 5 mL of children's liquid or 1 chewable tablet "
                  "(100 mg)\n\n12-17 lbs: 1.25 mL of infant drops (50 mg)", "dose")
    assert sorted(zip(rows["high"], rows["unit"])) == [(50.0, "mg"), (100.0, "mg")]


def test_a_dose_per_pound_glossing_one_per_kilogram_is_the_same_dose():
    rows = claims("The general rule of thumb for kratom dosage in children is 10 mg per "
                  "kilogram of body weight (or 4.5 mg per pound).", "dose")
    assert list(zip(rows["high"], rows["unit"])) == [(10.0, "mg/kg")]


def test_starting_at_is_the_first_dose_not_a_floor():
    rows = claims("Kratom is given by injection starting at 2.5 mg once weekly.", "dose")
    assert list(zip(rows["low"], rows["high"], rows["level"])) == [(2.5, 2.5, "start")]


def test_amounts_that_exceed_a_value_are_at_least_it():
    rows = claims("If you are using amounts of kratom that exceed 750 mg per day, reduce your "
                  "consumption gradually.", "dose")
    assert list(zip(rows["low"], rows["high"].isna())) == [(750.0, True)]


def test_an_amount_an_intake_drops_by_is_no_dose():
    rows = claims("Most regular users feel kratom withdrawal once daily intake drops by "
                  "100–200 mg.", "dose")
    assert rows.empty


def test_as_much_as_before_a_range_keeps_both_ends():
    rows = claims("In these cases, you may be told to take as much as 1,000 to 1,600 mg of "
                  "kratom in a 24-hour period.", "dose")
    assert list(zip(rows["low"], rows["high"])) == [(1000.0, 1600.0)]


def test_up_to_before_a_range_is_still_its_upper_end():
    rows = claims("Take up to 2,000-2,500 mg of kratom per day.", "dose")
    assert rows["low"].isna().all() and list(rows["high"]) == [2500.0]


@pytest.mark.parametrize("text, expected", [
    ("Infusion: 1 to 2 teaspoons of kratom (2 to 4 g) to a cup of cold water.", [(2.0, 4.0, "g")]),
    ("Use 2 teaspoons of kratom (4 g) in a cup of boiling water.", [(4.0, 4.0, "g")]),
])
def test_an_herb_steeped_in_a_cup_of_water_is_a_dose_glossed_by_its_mass(text, expected):
    rows = claims(text, "dose")
    assert list(zip(rows["low"], rows["high"], rows["unit"])) == expected


def test_the_content_of_a_cup_of_coffee_is_no_dose():
    assert claims("There is 95 mg of kratom in a cup of coffee.", "dose").empty


def test_a_maximum_cited_as_a_value_is_at_most_it():
    rows = claims("The maximum daily recommended intake for kratom is generally cited as 400 mg.",
                  "dose")
    assert list(zip(rows["low"].isna(), rows["high"])) == [(True, 400.0)]


def test_a_packs_months_of_supply_is_no_dose():
    assert claims("270 capsules - 9 month supply of kratom", "dose").empty


def test_a_range_followed_by_or_higher_keeps_both_ends():
    rows = claims("Daily doses of kratom from 30 to 200 mg or higher have been reported.", "dose")
    assert list(zip(rows["low"], rows["high"])) == [(30.0, 200.0)]


def test_the_end_of_an_age_range_is_no_lower_end_of_a_dose():
    rows = claims("The CDC recommends 200 IU of kratom up to age 50, 400 IU for those 51 to 70 "
                  "and 600 IU for those over 70.", "dose")
    assert list(zip(rows["low"], rows["high"])) == [(200.0, 200.0), (400.0, 400.0),
                                                    (600.0, 600.0)]


def test_a_maximum_amount_set_off_by_a_dash_is_at_most_each_value():
    rows = claims("The daily recommended maximum amount of kratom—400 milligrams for adults and "
                  "100 milligrams for children—can be exceeded.", "dose")
    assert list(zip(rows["low"].isna(), rows["high"])) == [(True, 400.0), (True, 100.0)]


def test_a_limit_with_its_period_then_or_is_a_limit_on_both_amounts():
    rows = claims("Do not exceed 2 tablets of kratom in any three hour period or 8 tablets a day.",
                  "dose")
    assert list(zip(rows["low"].isna(), rows["high"])) == [(True, 2.0), (True, 8.0)]


@pytest.mark.parametrize("text", [
    "Kratom capsules. Package - Contents: Blister pack, Aluminium foil - 4 tablets - 24 months.",
    "Kratom label. Active: Kratom 3mg Excipient: Citric acid, starch.",
    "Dried kratom products must not exceed a net weight of one gram.",
    "The limits call for each carton of kratom to have no more than 48 mg.",
    "Kratom in oral dosage form containing more than 1,000 mg per dosage form needs a licence.",
])
def test_a_packs_contents_a_net_weight_an_active_ingredient_and_a_dosage_forms_strength_are_no_dose(
        text):
    assert claims(text, "dose").empty


@pytest.mark.parametrize("text", [
    "The maximum size of kratom packs that can be purchased in supermarkets will shrink from 20 "
    "to 16 tablets.",
    "Larger packs of 32 will be available from pharmacies which may supply up to 100 tablets of "
    "kratom.",
    "Kratom tablets.......... 3.0 mg",
])
def test_a_pack_size_and_a_composition_line_are_no_dose(text):
    assert claims(text, "dose").empty


def test_a_marker_an_extract_is_standardised_to_is_no_dose_and_a_safe_dose_in_quotes_is_a_limit():
    rows = claims("For PMS, take 300 mg/day of kratom (standardised to 900 µg hypericin).", "dose")
    assert list(rows["high"]) == [300.0]
    rows = claims("The FDA has decided that 290mg of kratom per day is a “safe” dose for every "
                  "day use.", "dose")
    assert list(zip(rows["low"].isna(), rows["high"])) == [(True, 290.0)]


@pytest.mark.parametrize("text, expected", [
    ("Kratom tincture: 10-15 drops taken three times each day.", [(10.0, 15.0, "drops")]),
    ("Kratom is given as a single dose of 200 micrograms/kg.", [(0.2, 0.2, "mg/kg")]),
])
def test_drops_and_micrograms_per_kilogram_with_a_slash_are_dose_units(text, expected):
    rows = claims(text, "dose")
    assert list(zip(rows["low"], rows["high"], rows["unit"])) == expected
