"""Claims about the right thing: each knows its subject, legal statuses keep their
conditions, and a batch about several substances compares claims only within one."""

import pandas as pd
import pytest

from analysis import analyse
from analysis.extract.subjects import build_lexicon
from analysis.topics import load_topics
from tests.conftest import claims


def _rows(text, topic, subjects=frozenset({"kratom"})):
    rows = claims(text, topic, subjects=subjects)
    return [(r.subject, r.value, getattr(r, "jurisdiction", "")) for r in rows.itertuples()]


# ------------------------------------------------------------------ the lexicon
@pytest.mark.parametrize("text, name", [
    ("I took two Advil for my headache.", "ibuprofen"),
    ("Stromectol is a brand of the drug.", "ivermectin"),
    ("She takes 2,000 IU of vitamin D3 daily.", "vitamin d"),
    ("St. John’s Wort interacts with many drugs.", "st john's wort"),
    ("Delta-8 THC is sold in gas stations.", "delta-8 thc"),
    ("Kava kava is a Pacific plant.", "kava"),
    ("Ashwagandha (Withania somnifera) is an adaptogen.", "ashwagandha"),
    ("Lithium is a naturally occurring element.", "lithium"),
    ("Testosterone gels are prescribed to older men.", "testosterone"),
    ("Paxlovid cut hospital stays.", "nirmatrelvir"),
    ("Unlike psilocybin, Amanita muscaria is federally legal.", "amanita muscaria"),
    ("Salvia divinorum is a Schedule I drug in Delaware.", "salvia divinorum"),
    ("Take 200 mg of magnesium bisglycinate at night.", "magnesium"),
    ("Tongkat ali and maca are sold as libido boosters.", "tongkat ali"),
    # brands only MedlinePlus names, cut to their generic (or kept whole as a combination)
    ("Botox is FDA-approved for chronic migraine.", "botulinum toxin"),
    ("Subutex is prescribed for opioid dependence.", "buprenorphine"),
    ("Entresto lowered deaths in heart failure.", "sacubitril/valsartan"),
    ("Intrarosa (a vaginal insert) eases painful sex.", "dhea"),
    # combination brands only Wikipedia names, kept where every part is a known drug
    ("Truvada is the only drug approved in Europe for PrEP.", "emtricitabine/tenofovir"),
    ("Suboxone films are taken under the tongue.", "buprenorphine/naloxone"),
])
def test_substances_are_found_by_brand_generic_and_herbal_names(text, name):
    lexicon = build_lexicon(load_topics().tables["substances"])
    assert name in {m.name for m in lexicon.mentions(text)}


def test_words_that_only_look_like_names_are_not_substances():
    lexicon = build_lexicon(load_topics().tables["substances"])
    found = {m.name for m in lexicon.mentions(
        "Today we focus on balance, energy and relief; opioid receptors respond.")
        if m.kind == "substance"}
    assert found == set()
    assert not lexicon.mentions("Telomeres, the caps on the ends of chromosomes, shrink; "
                                "Sarah Palin spoke of DACA, modus operandi and Tetris.")


# ------------------------------------------------------------------ whose claim
def test_a_status_of_a_drug_named_beside_the_subject_is_that_drugs():
    rows = _rows("Kratom is legal in Texas, but oxycodone requires a prescription.",
                 "legal_status")
    assert ("kratom", "legal", "Texas") in rows
    assert all(r[0] != "kratom" or r[1] != "regulated" for r in rows)
    assert any(r[0] == "oxycodone" and r[1] == "regulated" for r in rows)


@pytest.mark.parametrize("text", [
    "The governor banned gatherings of more than ten people in Ohio.",
    "Travel bans are in place across Europe.",
    "The state banned smoking in bars in 2006.",
    "Opioids are banned in many countries without a prescription.",
])
def test_bans_on_other_things_give_no_status_row(text):
    assert _rows(text, "legal_status") == []


def test_a_claim_naming_no_substance_in_a_batch_about_nothing_gives_no_row():
    rows = claims("Take 2 g daily. It is legal in Ohio.", subjects=frozenset())
    assert rows.empty


def test_it_and_the_herb_carry_the_subject_from_the_sentence_before():
    rows = _rows("Ashwagandha is widely sold. It is banned in Denmark.", "legal_status",
                 subjects=frozenset())
    assert rows == [("ashwagandha", "banned", "Denmark")]


def test_a_class_of_drugs_is_no_subject_in_an_article_about_something_else():
    rows = _rows("Kratom users say opioids are highly addictive.", "addiction_risk")
    assert rows == []


# ------------------------------------------------------------------ conditions
@pytest.mark.parametrize("text, value, detail", [
    ("Kratom is legal to buy in Utah, but not for anyone under 21.", "regulated", "age limit"),
    ("In Germany kava is available only with a prescription.", "regulated", "prescription only"),
    ("Ibuprofen is sold over the counter in the UK.", "legal", "over the counter"),
    ("Licensed retailers may sell kratom in Arizona.", "regulated", "licence"),
])
def test_a_legal_status_keeps_its_condition(text, value, detail):
    rows = claims(text, "legal_status", subjects=frozenset())
    got = [(r.value, r.detail) for r in rows.itertuples()]
    assert (value, detail) in got
    assert ("banned", "") not in got and ("legal", "") not in got


def test_taken_off_the_controlled_list_is_legal():
    rows = claims("In 2018 CBD was removed from the list of controlled substances.",
                  "legal_status", subjects=frozenset())
    assert list(rows["value"]) == ["legal"]


@pytest.mark.parametrize("text", [
    "Lawmakers proposed a bill that would ban kratom in Ohio.",
    "The DEA proposed placing kratom in Schedule I.",
    "Is kratom legal in Texas?",
    "People often ask whether kratom is legal.",
])
def test_proposals_and_questions_are_not_statuses(text):
    assert claims(text, "legal_status").empty


@pytest.mark.parametrize("text, value", [
    ("The FDA approved Epidiolex for seizures in 2018.", "approved"),
    ("The FDA has not approved ivermectin for COVID-19.", "unapproved"),
    ("The FDA granted an emergency use authorization for the Pfizer vaccine.", "authorized"),
    ("The FDA revoked the emergency use authorization for hydroxychloroquine.", "revoked"),
])
def test_regulatory_statuses_of_medicines(text, value):
    rows = claims(text, "legal_status", subjects=frozenset())
    assert value in set(rows["value"])
    assert set(rows["jurisdiction"]) == {"US federal"}


def test_an_approval_keeps_what_it_is_for():
    rows = claims("The FDA approved Epidiolex for seizures in 2018.", "legal_status",
                  subjects=frozenset())
    assert rows.iloc[0]["detail"].startswith("for seizures")


# ------------------------------------------------------------------ several subjects
NEWS = {
    "vitd_a": "Vitamin D: how much? Experts say adults should take 600 IU of vitamin D a "
              "day. Vitamin D is sold over the counter.",
    "vitd_b": "Vitamin D advice. Most adults need 600 IU of vitamin D daily, and vitamin D "
              "supplements are cheap.",
    "zinc_a": "Zinc for colds. Adults often take 75 mg of zinc a day at the first sign of a "
              "cold. Zinc lozenges are sold everywhere.",
    "zinc_b": "More zinc news. Zinc doses of 600 mg a day are typical for colds, says one "
              "seller of zinc.",
}


def test_a_multi_subject_batch_compares_claims_only_within_a_subject():
    run = analyse(pd.DataFrame({"id": list(NEWS), "text": list(NEWS.values())}))
    doses = run.assertions[run.assertions["topic"] == "dose"]
    assert set(doses["subject"]) == {"vitamin d", "zinc"}
    conflicts = run.conflicts[run.conflicts["topic"] == "dose"]
    assert len(conflicts) == 1  # 600 IU vs 600 IU agree; 75 mg vs 600 mg of zinc do not
    row = conflicts.iloc[0]
    assert row["subject"] == "zinc" and set(row["articles"].split(";")) == {"zinc_a", "zinc_b"}
    assert set(run.articles["subject"]) == {"vitamin d", "zinc"}


def test_compare_groups_by_subject_when_a_batch_has_several():
    run = analyse(pd.DataFrame({"id": list(NEWS), "text": list(NEWS.values())}))
    table = run.compare("dose")
    assert list(table.columns[:2]) == ["subject", "article"]
    assert set(zip(table["subject"], table["article"])) == {
        ("vitamin d", "vitd_a"), ("vitamin d", "vitd_b"), ("zinc", "zinc_a"),
        ("zinc", "zinc_b")}


def test_the_user_names_the_subject_of_a_batch_that_never_does():
    frame = pd.DataFrame({"id": ["a", "b"], "text": ["Take 1-2 g daily.", "Take 8-12 g daily."]})
    run = analyse(frame, subjects=["phenibut"])
    assert set(run.assertions["subject"]) == {"phenibut"}
    assert len(run.conflicts[run.conflicts["topic"] == "dose"]) == 1


# ------------------------------------------------------------------ dose consensus
def test_a_dose_outside_what_the_others_say_is_one_row_with_every_source():
    texts = {f"s{i}": f"Kratom: most people take 2-4 g daily. Source {i}." for i in range(5)}
    texts["odd"] = "Kratom: most people take 20 g daily."
    run = analyse(pd.DataFrame({"id": list(texts), "text": list(texts.values())}))
    doses = run.conflicts[run.conflicts["topic"] == "dose"]
    assert len(doses) == 1
    row = doses.iloc[0]
    assert set(row["articles"].split(";")) == set(texts)
    assert "odd says 20 g" in row["summary"] and "2–4 g" in row["summary"]
    assert row["folded"] == 4  # the five pairs it stands for, less itself


def test_a_beginner_dose_is_not_compared_with_a_strong_dose():
    texts = {"a": "Beginners should start with 1 g of kratom.",
             "b": "Experienced users take 12 g of kratom for strong sedation."}
    run = analyse(pd.DataFrame({"id": list(texts), "text": list(texts.values())}))
    assert run.conflicts[run.conflicts["topic"] == "dose"].empty


def test_a_status_that_changed_is_dated_on_both_sides():
    rows = claims("CBD was a Schedule I drug until the 2018 Farm Bill made hemp-derived CBD "
                  "federally legal.", "legal_status", subjects=frozenset())
    assert {(r.value, r.as_of) for r in rows.itertuples()} == {
        ("controlled", "until 2018"), ("legal", "2018")}
    run = analyse(pd.DataFrame({"id": ["a"], "text": [
        "Thailand banned kratom in 1943. Thailand legalized kratom in 2021."]}))
    assert list(run.conflicts["kind"]) == ["changed-over-time"]


# ------------------------------------------------------------------ found in review
@pytest.mark.parametrize("text, expected", [
    ("Kratom isn't banned in Texas.", ("legal", "Texas")),
    ("Kratom isn't legal in Vermont.", ("banned", "Vermont")),
    ("Kratom is no longer legal in Ohio.", ("banned", "Ohio")),
    ("Kratom is unregulated in the United States.", ("unregulated", "US federal")),
    ("Kratom is legal with a prescription in Canada.", ("regulated", "Canada")),
])
def test_negations_written_with_nt_and_no_longer(text, expected):
    rows = claims(text, "legal_status", subjects=frozenset())
    assert [(r.value, r.jurisdiction) for r in rows.itertuples()] == [expected]


@pytest.mark.parametrize("text", [
    "Florida is considering a ban on kratom.",
    "Lawmakers in Ohio want to ban kratom.",
    "It is illegal to drive under the influence of kratom in Texas.",
])
def test_considered_bans_and_bans_on_doing_something_are_no_status(text):
    assert claims(text, "legal_status", subjects=frozenset()).empty


def test_a_dose_of_zero_or_an_endless_number_does_not_stop_the_run():
    run = analyse(pd.DataFrame({"id": ["a", "b"], "text": [
        "Kratom guide. Participants received 0 mg (placebo) or 100 mg of kratom daily.",
        "Kratom guide. Take 2 g of kratom daily, or " + "9" * 400 + " mg."]}))
    assert "kratom" in set(run.assertions["subject"])


def test_a_long_list_of_numbers_before_a_dose_is_read_quickly():
    import time
    started = time.process_time()
    claims("Kratom doses: " + "1," * 40 + "1 then 5 mg daily.", "dose")
    assert time.process_time() - started < 2  # backtracking here once took 17 s for 26


@pytest.mark.parametrize("text, value", [
    ("Take 5 mg and 10 mg of melatonin on alternate days.", ["5 mg", "10 mg"]),
    ("Take two 500 mg tablets of ibuprofen daily.", ["1000 mg"]),  # two tablets of 500 mg
    ("The dose of ivermectin is 200 micrograms per kilogram.", ["0.2 mg/kg"]),
    ("Over 80 kg: 200 mcg/kg of ivermectin orally once.", ["0.2 mg/kg"]),
])
def test_dose_lists_tablets_and_doses_per_kilogram(text, value):
    assert list(claims(text, "dose", subjects=frozenset())["value"]) == value


def test_a_lethal_amount_is_not_compared_with_advice():
    row = claims("The lethal dose of caffeine is about 10 grams.", "dose",
                 subjects=frozenset()).iloc[0]
    assert row["level"] == "toxic"


@pytest.mark.parametrize("text, level", [
    ("Caffeine can cause physical dependence.", "possible"),
    ("Kratom is not only addictive but dangerous.", "high"),
    ("Kratom is not without addictive potential.", "possible"),
])
def test_physical_dependence_not_only_and_not_without(text, level):
    assert list(claims(text, "addiction_risk", subjects=frozenset())["value"]) == [level]


def test_they_after_a_class_of_drugs_is_about_the_class():
    assert claims("Melatonin is a hormone, unlike benzodiazepines. They are addictive.",
                  "addiction_risk", subjects=frozenset()).empty


def test_names_keep_their_offsets_after_characters_that_grow_in_lower_case():
    text = "İ" * 40 + " Kava guide.\n\nKratom is banned in Texas. Take 2 g of kava daily."
    rows = claims(text, subjects=frozenset())
    assert {(r.subject, r.value) for r in rows.itertuples()} >= {("kratom", "banned"),
                                                                ("kava", "2 g")}


# ------------------------------------------------------------------ ingredients
def test_an_ingredient_named_in_a_claim_is_not_its_subject():
    text = ("Kratom is a tropical tree. Kratom is sold as powder. Long-term use can lead to "
            "dependence, particularly with strains high in mitragynine.")
    rows = _rows(text, "addiction_risk")
    assert rows and {r[0] for r in rows} == {"kratom"}


def test_a_ban_on_products_containing_an_ingredient_is_the_articles_substances():
    text = ("CBD oil is popular. CBD is sold everywhere. "
            "Idaho still bans any product containing THC.")
    rows = _rows(text, "legal_status", subjects=frozenset())
    assert ("cbd", "banned", "Idaho") in rows


def test_a_claim_about_a_kind_of_thing_named_by_example_is_about_no_substance():
    text = ("Ashwagandha is an adaptogen. Ashwagandha is sold as powder. Physical dependence "
            "can occur even with non-addictive substances, such as caffeine or certain "
            "prescribed medications.")
    assert _rows(text, "addiction_risk", subjects=frozenset()) == []


def test_a_yardstick_after_the_claim_is_not_its_subject():
    text = "Kratom is a tree. It is sold as powder. Dependence can develop, much like caffeine."
    assert {r[0] for r in _rows(text, "addiction_risk")} <= {"kratom"}


def test_a_term_named_only_as_a_contrast_is_no_claim():
    text = ("CBD is a cannabinoid. CBD can become habit-forming as people learn to rely on "
            "it, which is different from physical addiction.")
    values = {r[1] for r in _rows(text, "addiction_risk", subjects=frozenset())}
    assert "high" not in values and "possible" in values


def test_the_food_and_drug_administration_is_no_food():
    rows = claims("The U.S. Food and Drug Administration (FDA) has approved Lomaira "
                  "(phentermine hydrochloride) tablets for weight loss.", "legal_status",
                  subjects={"phentermine"})
    assert list(zip(rows["subject"], rows["value"])) == [("phentermine", "approved")]


def test_an_unapproved_treatment_is_a_status():
    rows = claims("Ketamine is finding new life as an unapproved treatment for depression.",
                  "legal_status", subjects={"ketamine"})
    assert list(rows["value"]) == ["unapproved"]


def test_subjects_the_user_names_replace_guessing_from_frequent_words():
    # no known substance is the main one of most articles; "zorblax" is dosed in each
    texts = [f"Zorblax is a herb. Users take {n} g of zorblax powder a day. Zorblax "
             f"sales to minors are banned in Utah." for n in (1, 2, 4)]
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": texts})
    guessed = set(analyse(frame).assertions["subject"].dropna())
    given = set(analyse(frame, subjects=["kratom"]).assertions["subject"].dropna())
    assert "zorblax" in guessed  # the fallback this guards against
    assert "zorblax" not in given


def test_a_batch_about_an_epidemic_is_about_no_word_of_it():
    # the virus and the day are named throughout, but never as a substance is
    texts = [f"The coronavirus spread fast this day. Coronavirus cases rose {n} times in a "
             f"day. The vaccine is given in two doses of 30 micrograms, every day counts."
             for n in (2, 3, 4)]
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": texts})
    rows = analyse(frame).assertions
    assert not set(rows["subject"].dropna()) & {"coronavirus", "day", "cases"}
    assert rows[rows["topic"] == "dose"].empty


@pytest.mark.parametrize("text, expected", [
    ("The FDA issued an emergency use authorization for hydroxychloroquine in March, then "
     "revoked it in June.", {("hydroxychloroquine", "authorized"),
                             ("hydroxychloroquine", "revoked")}),
    ("Molnupiravir is authorized in the UK.", {("molnupiravir", "authorized")}),
])
def test_authorizations_said_plainly_and_revoked_later(text, expected):
    rows = claims(text, "legal_status", subjects={"hydroxychloroquine", "molnupiravir"})
    assert set(zip(rows["subject"], rows["value"])) == expected


@pytest.mark.parametrize("text, subjects, expected", [
    ("A trial of vitamin E and selenium stopped after men taking 400 international units "
     "of the vitamin had more cancers.", {"vitamin e", "selenium"}, [("vitamin e", "400 IU")]),
    ("Alcohol cravings fell. Heavy alcohol drinkers joined. They received a 2-mg dose "
     "of Chantix before drinks.", {"alcohol", "varenicline"}, [("varenicline", "2 mg")]),
    # a route word between "of" and the name keeps the amount bound to that name
    ("Women were randomized to 80 micrograms of abaloparatide or open-label 20 "
     "micrograms of subcutaneous teriparatide.", {"abaloparatide", "teriparatide"},
     [("abaloparatide", "0.08 mg"), ("teriparatide", "0.02 mg")]),
    # "of a kind of thing called X" binds the amount to X
    ("The men received injections of 200 milligrams of a long-acting progestogen called "
     "norethisterone enanthate and 1,000 milligrams of a long-acting androgen called testosterone.",
     {"norethisterone", "testosterone"},
     [("norethindrone enanthate", "200 mg"), ("testosterone", "1000 mg")]),
    # two named amounts joined by a slash
    ("Children took once-daily ledipasvir 45 mg/sofosbuvir 200 mg for 12 weeks.",
     {"ledipasvir", "sofosbuvir"}, [("ledipasvir", "45 mg"), ("sofosbuvir", "200 mg")]),
])
def test_a_dose_of_a_named_drug_or_of_the_vitamin_is_that_ones(text, subjects, expected):
    rows = claims(text, "dose", subjects=subjects)
    assert list(zip(rows["subject"], rows["value"])) == expected


def test_one_substance_of_a_few_articles_is_no_default_for_a_many_subject_batch():
    # three articles on alcohol among many on other drugs: an article that names no known
    # drug ("MK-4305") has no subject, so its doses are nobody's
    texts = ["Alcohol harms the liver. Drinking alcohol raises risk."] * 3 + [
        f"{drug} is a drug. {drug} works." for drug in (
            "Aspirin", "Ibuprofen", "Naproxen", "Metformin", "Lorcaserin", "Ketamine",
            "Fluoxetine", "Sertraline", "Lithium", "Insulin", "Caffeine", "Kava", "Modafinil",
            "Ivermectin", "Testosterone", "Zinc", "Naltrexone", "Ashwagandha")] + [
        "The drug MK-4305 was tested at 10 mg and 40 mg doses against a placebo."]
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "text": texts})
    doses = analyse(frame).assertions.query("topic == 'dose'")
    assert doses.empty


@pytest.mark.parametrize("text, expected", [
    ("Approved to help smokers quit in 2006, Chantix (varenicline) is a pill.",
     {("varenicline", "approved")}),
    ("Orlistat and lorcaserin are the only drugs approved in the United States for "
     "long-term treatment of obesity.", {("orlistat", "approved"), ("lorcaserin", "approved")}),
    ("A prescription medication developed to treat epilepsy, zonisamide helped.",
     {("zonisamide", "regulated")}),
    # a hope, a plan or a review pending says it is not approved yet
    ("The company hopes to win FDA approval to market lorcaserin.",
     {("lorcaserin", "unapproved")}),
    # the population an approval is for is no age limit
    ("Fluoxetine is the only antidepressant approved by the FDA to treat depression in "
     "people under 18.", {("fluoxetine", "approved")}),
    ("Orlistat may interact with anti-seizure medications approved for epilepsy.", set()),
])
def test_approvals_in_news_wording(text, expected):
    rows = claims(text, "legal_status", subjects={"varenicline", "orlistat", "lorcaserin",
                                                  "zonisamide", "fluoxetine"})
    assert set(zip(rows["subject"], rows["value"])) == expected


def test_a_company_named_for_drugs_is_no_class_of_them():
    lexicon = build_lexicon(load_topics().tables["substances"])
    assert not lexicon.mentions("It was sponsored by Arena Pharmaceuticals, of San Diego.")
    assert {m.name for m in lexicon.mentions("Unlike Opioids, kratom is mild.")} == {
        "opioids", "kratom"}


def test_the_drug_placed_in_a_class_is_the_articles_drug():
    text = ("Lorcaserin cut weight in a trial. The report was sponsored by Arena "
            "Pharmaceuticals. The drug is one of three new anti-obesity drugs being considered "
            "for approval by the FDA.")
    rows = claims(text, "legal_status", subjects={"lorcaserin"})
    assert list(zip(rows["subject"], rows["value"])) == [("lorcaserin", "unapproved")]


@pytest.mark.parametrize("text, expected", [
    ("Fenfluramine was taken off the market in 1997 after heart valve problems.",
     {("fenfluramine", "revoked")}),
    ("Vioxx was pulled from the U.S. market in 2004.", {("rofecoxib", "revoked")}),
    ("An FDA advisory panel is expected to review Qnexa on Thursday.",
     {("phentermine-topiramate", "unapproved")}),
    ("Fenfluramine makers expect the market to grow.", set()),
    # approvals told in news wording
    ("Vioxx has also been approved as a treatment for certain types of arthritis.",
     {("rofecoxib", "approved")}),
    ("In 2008, the FDA granted Vioxx what's known as accelerated approval.",
     {("rofecoxib", "approved")}),
    ("Vioxx, first approved as a pain treatment in 1999, is sold by Merck.",
     {("rofecoxib", "approved")}),
    ("Vioxx is currently licensed in the EU for the treatment of arthritis.",
     {("rofecoxib", "approved")}),
    ("The company now plans to apply for a U.S. approval of fenfluramine.",
     {("fenfluramine", "unapproved")}),
    ("We found fenfluramine, which is already on the market, helped patients.",
     {("fenfluramine", "legal")}),
    # not yet approved, told four ways; the drug an approval is an alternative to
    ("Rofecoxib would not be marketed for cancer prevention until the FDA approves it.",
     {("rofecoxib", "unapproved")}),
    ("Though fenfluramine is still considered investigational, it looks promising.",
     {("fenfluramine", "unapproved")}),
    ("Fenfluramine was rejected by U.S. regulators earlier this year.",
     {("fenfluramine", "unapproved")}),
    ("On Oct. 19, FDA approved another alternative to Coumadin, Boehringer's Pradaxa.",
     {("dabigatran", "approved")}),
    ("Xarelto is also a prescription medicine used to treat deep vein thrombosis.",
     {("rivaroxaban", "regulated")}),
])
def test_market_withdrawals_and_pending_reviews(text, expected):
    rows = claims(text, "legal_status", subjects={"fenfluramine", "rofecoxib",
                                                  "phentermine-topiramate"})
    assert set(zip(rows["subject"], rows["value"])) == expected


@pytest.mark.parametrize("text, subject", [
    ("Participants were given a dose of 2,400 milligrams of aged garlic extract every day.",
     "garlic"),
    ("Volunteers took 40 milligrams of resveratrol a day.", "resveratrol"),
    ("The volunteers consumed 520 mg of cocoa flavanols every day.", "cocoa flavanols"),
    ("A mild dose of sceletium is 50-100 mg.", "kanna"),
    ("HHC is legal in Iowa, like delta-10 THC.", "hhc"),
    ("A bergamot extract was effective at a dose of 500 milligrams a day.", "bergamot"),
    ("In 2012, France began treating Stablon as a controlled substance.", "tianeptine"),
])
def test_supplements_and_brands_the_drug_list_lacks_are_subjects(text, subject):
    rows = claims(text, subjects=set())
    assert set(rows[rows["topic"] != "side_effects"]["subject"]) == {subject}


def test_an_amount_of_sodium_is_no_dose_of_the_article_subject():
    assert claims("Adults should eat less than 1.5 g of sodium per day.", "dose",
                  subjects={"alginate"}).empty


@pytest.mark.parametrize("before", [
    "Part of its off-label use is easing withdrawal symptoms from alcohol and cocaine.",
    "Doctors also give it for cocaine addiction.",
])
def test_it_after_a_sentence_on_what_the_drug_weans_people_off_is_the_drug(before):
    text = (f"Gabapentin withdrawal\n\nGabapentin is used to control seizures. {before} "
            "It is classified as a Schedule V controlled substance in some states.")
    rows = claims(text, "legal_status", subjects={"gabapentin"})
    assert set(rows["subject"]) == {"gabapentin"}


def test_it_after_a_sentence_naming_another_drug_is_still_that_drug():
    text = ("Gabapentin withdrawal\n\nGabapentin is used to control seizures. Pregabalin is "
            "a related drug. It is classified as a Schedule V controlled substance.")
    rows = claims(text, "legal_status", subjects={"gabapentin"})
    assert set(rows["subject"]) == {"pregabalin"}


@pytest.mark.parametrize("text", [
    "Tramadol is an opioid and can be addictive.",
    "Tramadol is a synthetic opioid that can cause dependence.",
    "Tramadol is clearly in the class of opioids and should be considered to have habit "
    "forming potential.",
])
def test_a_claim_after_the_class_a_drug_is_placed_in_is_about_the_drug(text):
    rows = claims(text, "addiction_risk", subjects={"tramadol"})
    assert list(zip(rows["subject"], rows["value"])) == [("tramadol", "possible")]


def test_a_claim_about_the_class_itself_stays_the_classs():
    rows = claims("Kratom is not an opioid, and opioids are highly addictive.",
                  "addiction_risk", subjects={"kratom"})
    assert "kratom" not in set(rows["subject"])


def test_hpv_vaccines_by_brand_and_by_name_are_one_subject():
    rows = claims("Two HPV vaccines are now approved by the FDA: Cervarix and Gardasil. "
                  "Gardasil has also received FDA approval for genital warts.",
                  "legal_status", subjects=set())
    assert set(rows["subject"]) == {"hpv vaccine"}


def test_a_dose_said_of_two_names_joined_by_and_is_a_claim_about_each():
    rows = claims("Eliquis and Pradaxa require two pills a day.", "dose",
                  subjects={"apixaban", "dabigatran"})
    assert sorted(rows["subject"]) == ["apixaban", "dabigatran"]
    rows = claims("Take 400 mg of ibuprofen and 500 mg of acetaminophen together.", "dose",
                  subjects={"ibuprofen", "acetaminophen"})
    assert sorted(zip(rows["subject"], rows["low"])) == [("acetaminophen", 500),
                                                         ("ibuprofen", 400)]


def test_a_status_of_a_name_and_another_drug_glossed_by_name_is_about_each():
    rows = claims("Both raloxifene and another drug, tamoxifen, are approved to prevent breast "
                  "cancer in women at high risk.", "legal_status",
                  subjects={"raloxifene", "tamoxifen"})
    assert sorted(zip(rows["subject"], rows["value"])) == [("raloxifene", "approved"),
                                                           ("tamoxifen", "approved")]


@pytest.mark.parametrize("text, subjects", [
    ("The DEA classifies Modafinil, along with its R-enantiomer Armodafinil, as a Schedule "
     "IV controlled substance.", ["armodafinil", "modafinil"]),
    ("Kratom, as well as kava, is banned in Poland.", ["kava", "kratom"]),
    ("Delta 8-THC and Delta 10-THC are federally legal.", ["delta-10 thc", "delta-8 thc"]),
])
def test_a_status_said_of_names_joined_by_along_with_or_as_well_as_is_about_each(text, subjects):
    rows = claims(text, "legal_status", subjects={"modafinil", "kratom", "delta-8 thc"})
    assert sorted(rows["subject"]) == subjects


def test_delta_9_thc_written_with_its_hyphen_after_the_number_is_thc():
    rows = claims("Delta 9-THC is illegal in most states.", "legal_status",
                  subjects={"delta-8 thc"})
    assert list(rows["subject"]) == ["thc"]


@pytest.mark.parametrize("text, subject, value", [
    ("Phages aren't approved for use in the U.S.", "bacteriophages", "unapproved"),
    ("FluMist, an FDA-approved flu vaccine delivered through a nasal spray, is back.",
     "influenza vaccine", "approved"),
    ("IVIG isn't approved for Alzheimer's disease.", "immune globulin", "unapproved"),
])
def test_vaccines_phages_and_immune_globulin_are_subjects_by_their_common_names(
        text, subject, value):
    rows = claims(text, "legal_status", subjects=set())
    assert (subject, value) in set(zip(rows["subject"], rows["value"]))


@pytest.mark.parametrize("text", [
    "The company runs several FDA-approved clinical trials using stem cells.",
    "The protocol was reviewed and approved as exempt by the Air Force Research Laboratory "
    "Institutional Review Board.",
])
def test_a_trials_or_protocols_approval_is_no_status(text):
    assert claims(text, "legal_status", subjects={"stem cells"}).empty


def test_a_lead_clause_after_a_label_is_its_own_and_a_source_plant_is_no_subject():
    rows = claims("Delta 8 THC: While legal at the federal level if derived from hemp, several "
                  "states have explicitly banned or restricted its sale, including Alaska, "
                  "Arizona, and Arkansas.", "legal_status", subjects={"delta-8 thc"})
    assert sorted(zip(rows["subject"], rows["value"], rows["scope"])) == [
        ("delta-8 thc", "banned", "Alaska"), ("delta-8 thc", "banned", "Arizona"),
        ("delta-8 thc", "banned", "Arkansas"), ("delta-8 thc", "legal", "US federal")]


@pytest.mark.parametrize("text", [
    "Because it is derived from the hemp plant, not the marijuana plant, it is accepted as "
    "legal under federal law.",
    "Because it is derived from hemp, it is legal in Texas.",
])
def test_what_it_is_made_from_or_set_against_is_not_what_it_refers_to(text):
    rows = claims("Delta 8 THC is a cannabinoid. Delta 8 THC is popular. " + text,
                  "legal_status", subjects={"delta-8 thc"})
    assert set(rows["subject"]) == {"delta-8 thc"}


def test_a_status_of_a_substance_including_another_is_about_both():
    rows = claims("In Idaho, all forms of cannabis, including CBD, are illegal.", "legal_status",
                  subjects={"cbd"})
    assert sorted(zip(rows["subject"], rows["value"])) == [("cannabis", "banned"),
                                                           ("cbd", "banned")]


# ------------------------------------------------------------------ the law a status rests on
_CBD_PAGE = ("Is CBD legal?\nCBD oil is legal in all 50 states when it comes from hemp. "
             "Marijuana remains a Schedule I controlled substance under federal law. "
             "The 2018 Farm Bill legalized hemp. CBD products are sold online.")
_POT_PAGE = ("Marijuana news\nMarijuana is legal for adults in Colorado. Marijuana shops opened "
             "in 2014, and marijuana tourism grew.")


def _statuses(pages: dict, **kw) -> set[tuple[str, str, str]]:
    run = analyse(pd.DataFrame({"id": list(pages), "text": list(pages.values())}), **kw)
    rows = run.assertions[run.assertions["topic"] == "legal_status"]
    return set(zip(rows["article"], rows["subject"], rows["value"]))


def test_the_law_of_the_plant_on_a_page_about_cbd_gives_no_row():
    found = _statuses({"cbd": _CBD_PAGE})
    assert ("cbd", "cbd", "legal") in found
    assert {s for _, s, _ in found} == {"cbd"}  # no marijuana or hemp rows


def test_the_law_of_the_plant_is_kept_when_the_batch_is_about_the_plant_too():
    found = _statuses({"cbd": _CBD_PAGE, "pot": _POT_PAGE})
    assert ("cbd", "cannabis", "controlled") in found
    assert ("pot", "cannabis", "legal") in found


def test_the_law_of_the_plant_is_kept_when_the_user_tracks_the_plant():
    found = _statuses({"cbd": _CBD_PAGE}, subjects=["cbd", "cannabis"])
    assert ("cbd", "cannabis", "controlled") in found


def test_a_page_about_the_plant_keeps_what_it_says_of_cbd():
    found = _statuses({"pot": _POT_PAGE + " CBD is legal in Texas. Marijuana is not."})
    assert ("pot", "cbd", "legal") in found


def test_a_predicate_joined_by_but_is_about_the_sentences_subject_not_its_object():
    rows = _rows("CBD forms part of cannabis but is not psychoactive or habit-forming.",
                 "addiction_risk", subjects=frozenset({"cbd"}))
    assert [r[:2] for r in rows] == [("cbd", "none")]
    rows = _rows("Kratom is sold alongside kava but is banned in Alabama.", "legal_status")
    assert rows == [("kratom", "banned", "Alabama")]


def test_the_medication_is_not_the_hormone_it_mimics_nor_one_its_body_secretes():
    text = ("According to the FDA, Zepbound also mimics a gastric inhibitory polypeptide (GIP) "
            "which helps to stimulate insulin secretion in response to food. The medication is "
            "designed to increase dosage over time with a maximum dosage of 15 milligrams.")
    rows = claims(text, "dose", subjects=frozenset({"tirzepatide"}))
    assert list(zip(rows["subject"], rows["value"])) == [("tirzepatide", "≤ 15 mg")]


def test_impossible_to_get_addicted_is_no_risk():
    rows = claims("Since the body makes a similar substance, it is impossible to get addicted to "
                  "kratom.", "addiction_risk")
    assert list(rows["value"]) == ["none"]


def test_a_class_named_with_an_apostrophe_takes_its_own_claim():
    rows = claims("Kratom is a better treatment than the drugs known as SSRI’s, which are known "
                  "to be addictive.", "addiction_risk")
    assert "kratom" not in set(rows["subject"])


def test_its_is_the_substance_even_when_the_sentence_names_its_class():
    rows = claims("Loperamide is sold as Imodium. It's also an opioid — the only one available "
                  "without a prescription.", "legal_status", subjects={"loperamide"})
    assert list(zip(rows["subject"], rows["value"])) == [("loperamide", "legal")]


def test_a_name_spelled_without_its_hyphen_is_the_same_substance():
    rows = claims("5HTP dosage varies. The dosage can range from anywhere between 20 milligrams "
                  "to 300 milligrams every day.", "dose", subjects=frozenset())
    assert list(zip(rows["subject"], rows["low"], rows["high"])) == [("5-htp", 20.0, 300.0)]


def test_a_question_title_with_a_site_tail_is_no_claim():
    assert claims("How Much Kratom Causes Withdrawal Symptoms? | Quick Facts",
                  "addiction_risk").empty


def test_a_nickname_called_in_quotes_is_no_substance():
    rows = claims("Sometimes called “gas station heroin,” the products actually contain "
                  "tianeptine, which can be addictive.", "addiction_risk",
                  subjects={"tianeptine"})
    assert list(rows["subject"]) == ["tianeptine"]


@pytest.mark.parametrize("text", [
    "To say a substance is physically addictive means that a user may experience withdrawal "
    "symptoms when kratom use stops.",
    "Several studies examined the potential addictive qualities of kratom.",
    "Researchers believe kratom could help treat depression, PTSD and addiction.",
])
def test_a_definition_a_topic_studied_and_a_list_of_conditions_treated_are_no_claims(text):
    assert claims(text, "addiction_risk").empty


@pytest.mark.parametrize("text, expected", [
    ("Kratom doesn't have the kind of chemical composition that could promote dependence.",
     ["none"]),
    ("Being addicted to a substance, you're likely to experience withdrawal symptoms if you "
     "suddenly stop taking kratom.", []),
    ("Kratom has been a topic of concern regarding its potential for physical addiction.", []),
])
def test_not_the_kind_that_could_a_generic_addict_and_a_topic_of_concern(text, expected):
    assert list(claims(text, "addiction_risk")["value"]) == expected


def test_a_name_glossed_by_its_short_form_counts_once_for_what_the_article_is_about():
    text = ("Some products contain phenibut, which is related to the neurotransmitter "
            "gamma-aminobutyric acid (or GABA).\nPhenibut is sold online. Searches for "
            "phenibut return Russian drugs. A review found the drug is not approved for "
            "clinical use in the US.")
    rows = claims(text, "legal_status", subjects=frozenset())
    assert list(zip(rows["subject"], rows["value"])) == [("phenibut", "unapproved")]


def test_gas_station_heroin_is_a_nickname_not_heroin():
    rows = claims("Tianeptine news. Gas station heroin or products containing tianeptine are not "
                  "approved by the FDA. It poses overdose and dependency risks.",
                  subjects=frozenset())
    assert set(rows["subject"]) == {"tianeptine"}


def test_it_goes_on_about_the_name_the_sentence_before_opened_with():
    rows = claims("Xylazine, an animal tranquilizer found mixed with opioids, is sold in "
                  "Pennsylvania. It will be a Schedule III drug, meaning that it is considered a "
                  "substance with a low potential for dependence.", subjects=frozenset())
    assert set(rows["subject"]) == {"xylazine"}


def test_names_a_claim_is_contrasted_with_do_not_share_its_status():
    rows = claims("That is because unlike other opioids such as methadone and fentanyl, tramadol "
                  "is not internationally regulated.", "legal_status", subjects=frozenset())
    assert list(zip(rows["subject"], rows["value"])) == [("tramadol", "unregulated")]


def test_it_is_not_what_the_sentence_before_compared_its_subject_with():
    rows = claims("The DEA says that CBD is a Schedule I drug, the same category as heroin and "
                  "cocaine. It is considered an illegal substance under federal law.",
                  "legal_status", subjects=frozenset({"cbd"}))
    assert set(rows["subject"]) == {"cbd"}
