"""Legal status: statuses, jurisdictions, one row per jurisdiction, clause pairing."""

import pytest

from tests.conftest import claims


def _pairs(text):
    rows = claims(text, "legal_status")
    return sorted(zip(rows["value"], rows["scope"]))


@pytest.mark.parametrize("text, expected", [
    ("CBD is legal in all 50 states.", [("legal", "all US states")]),
    ("Hemp CBD is federally legal in the United States.", [("legal", "US federal")]),
    ("Kratom is banned in Alabama.", [("banned", "Alabama")]),
    ("It is a controlled substance in many countries.", [("controlled", "international")]),
    ("The legal status of kratom varies by region.", [("varies", "general")]),
    ("The regulatory status of kratom in the United States is uncertain.",
     [("uncertain", "US federal")]),
    ("The FDA has not approved melatonin for insomnia.", [("unapproved", "US federal")]),
    ("In the UK, melatonin is prescription-only.", [("regulated", "United Kingdom")]),
    ("Kratom is illegal in Thailand.", [("banned", "Thailand")]),
    ("Kratom is banned in Sarasota County.", [("banned", "Sarasota County")]),
])
def test_status_and_jurisdiction(text, expected):
    assert _pairs(text) == expected


def test_a_list_of_jurisdictions_gives_one_row_each():
    got = _pairs("Kratom is banned in Alabama, Arkansas, Indiana and Wisconsin.")
    assert got == [("banned", "Alabama"), ("banned", "Arkansas"), ("banned", "Indiana"),
                   ("banned", "Wisconsin")]


def test_a_list_of_places_before_the_status_gives_one_row_each():
    got = _pairs("In many countries, including the United States, Canada, and the United "
                 "Kingdom, kratom is legal to buy.")
    assert {"US federal", "Canada", "United Kingdom"} <= {place for _, place in got}
    assert {value for value, _ in got} == {"legal"}


@pytest.mark.parametrize("text", [
    "A number of states have passed legislation specifically prohibiting kratom.",
    "These states now allow kratom to be sold over the counter.",
])
def test_an_unnamed_group_of_states_is_a_vague_scope_not_the_whole_country(text):
    # a vague scope contradicts nothing; 'general' would contradict every federal claim
    assert {scope for _, scope in _pairs(text)} == {"many US states"}


@pytest.mark.parametrize("text, expected", [
    ("Some skeptics argue that kratom legalization could worsen the epidemic.", []),
    ("There is a difference between illicit kratom use and legalized kratom use.", []),
    ("Pennsylvania became the 24th state to legalize kratom.", [("legal", "Pennsylvania")]),
    ("Thirty states have legalized kratom.", [("legal", "many US states")]),
])
def test_legalization_as_a_topic_is_no_status_and_legalized_as_a_verb_is(text, expected):
    assert _pairs(text) == expected


def test_clauses_pair_status_with_their_own_jurisdiction():
    got = _pairs("CBD remains a Schedule I controlled substance under federal law, although "
                 "many states now allow its sale.")
    assert got == [("controlled", "US federal"), ("legal", "many US states")]


@pytest.mark.parametrize("text", [
    "Individual responses vary widely.",
    "Is kratom legal?",
    "Always follow the legal guidelines on the label.",
    "The effects of kratom can vary among individuals.",
])
def test_sentences_without_a_status_claim_give_nothing(text):
    assert _pairs(text) == []


def test_legal_status_is_not_legal():
    assert _pairs("Kratom is not legal in Indiana.") == [("banned", "Indiana")]


def test_negated_status_reads_as_its_opposite():
    assert _pairs("At the federal level, kratom is not a controlled substance.") == [
        ("legal", "US federal")]


def test_proposals_are_not_the_law():
    assert _pairs("The DEA proposed placing kratom in Schedule I in 2016.") == []


def test_age_limited_ban_is_regulation():
    got = _pairs("Utah allows sales but bans sales to anyone under 21.")
    assert ("regulated", "Utah") in got and ("banned", "Utah") not in got


def test_places_in_a_dashed_aside_are_borrowed_by_the_status_clause():
    got = _pairs("Three states — Alabama, Indiana and Vermont — have banned kratom.")
    assert got == [("banned", "Alabama"), ("banned", "Indiana"), ("banned", "Vermont")]


@pytest.mark.parametrize("text, expected", [
    ("Kratom is not currently regulated by the FDA.", [("unregulated", "US federal")]),
    ("Kratom is legal at the federal level.", [("legal", "US federal")]),
    ("Thailand legalized kratom in 2021.", [("legal", "Thailand")]),
])
def test_more_status_phrasings(text, expected):
    assert _pairs(text) == expected


def test_a_heading_naming_where_it_is_illegal_introduces_its_list():
    text = ("Kratom legal status\n\nStates where kratom is illegal:\n\n- Alabama\n- Arkansas\n\n"
            "Kratom is legal in most other states.")
    assert _pairs(text) == [("banned", "Alabama"), ("banned", "Arkansas"),
                            ("legal", "many US states")]


def test_a_list_intro_gives_no_vague_row_of_its_own():
    text = ("Delta-8 laws\n\nStates that have banned kratom include:\n- Alaska\n- Colorado\n\n"
            "More below.")
    assert _pairs(text) == [("banned", "Alaska"), ("banned", "Colorado")]


@pytest.mark.parametrize("text", [
    "In 2016 the DEA announced its intent to place kratom in Schedule I.",
    "Find out which states have banned kratom and what it means for you.",
    "Here is a closer look at which states have banned kratom.",
])
def test_intentions_and_indirect_questions_are_no_status(text):
    assert claims(text, "legal_status").empty


def test_a_state_after_a_city_says_where_the_city_lies():
    text = "Some cities have banned kratom, including San Diego, California."
    assert ("banned", "California") not in _pairs(text)
    assert ("banned", "San Diego, California") in _pairs(text)
    assert _pairs("Kratom is banned in Alabama, Arkansas and Vermont.") == [
        ("banned", "Alabama"), ("banned", "Arkansas"), ("banned", "Vermont")]


def test_a_status_that_held_until_a_year_is_dated_before_the_new_one():
    rows = claims("Kratom was illegal in Thailand from 1943 until 2021, when the government "
                  "removed it from the narcotics list.", "legal_status")
    assert sorted(zip(rows["value"], rows["as_of"])) == [("banned", "until 2021"),
                                                         ("legal", "2021")]


@pytest.mark.parametrize("text, expected", [
    ("Kratom can only be prescribed by doctors who have a special waiver.",
     ("regulated", "prescription only")),
    ("Florida legalized medical kratom in 2016.", ("regulated", "medical use only")),
    ("Most states have legalized it for medical use, and kratom is popular.",
     ("regulated", "medical use only")),
])
def test_prescribing_and_medical_use_only_are_restrictions(text, expected):
    rows = claims(text, "legal_status")
    assert expected in set(zip(rows["value"], rows["detail"]))
    assert "legal" not in set(rows["value"])


@pytest.mark.parametrize("text, expected", [
    ("Unlike in the US, kratom is only available with a prescription in the UK.",
     [("regulated", "United Kingdom")]),
    ("Possession of kratom is a misdemeanor in Alabama.", [("banned", "Alabama")]),
    ("Kratom is legal in Canada but cannot be sold for human consumption.",
     [("regulated", "Canada")]),
    ("Kratom is not available over the counter in the United States.",
     [("regulated", "US federal")]),
    ("Germany overturned its ban on kava in 2014.", [("legal", "Germany")]),
    ("Kava remains legal in most states and territories across Australia.",
     [("legal", "Australia")]),
    ("Kava is sold over the counter in North America but only by prescription in Germany.",
     [("legal", "North America"), ("regulated", "Germany")]),
    ("The legal status of kratom at the federal level is disputed.",
     [("uncertain", "US federal")]),
])
def test_prescriptions_offences_and_sale_limits(text, expected):
    assert _pairs(text) == expected


def test_a_sentence_about_it_keeps_the_place_of_the_sentence_before():
    text = ("Kratom is not available over the counter in the United States. It is a "
            "prescription-only medication.")
    assert set(_pairs(text)) == {("regulated", "US federal")}


@pytest.mark.parametrize("text, expected", [
    ("Taking kratom without a prescription can lead to serious health issues.", []),
    ("You cannot buy kratom without a prescription in the UK.",
     [("regulated", "United Kingdom")]),
])
def test_without_a_prescription_is_a_restriction_only_when_the_law_says_so(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Outside the US, kratom is a controlled substance in Australia and Malaysia.",
     [("controlled", "Australia"), ("controlled", "Malaysia")]),
    ("Kratom is legal in all states except Alabama, Arkansas, Indiana, Rhode Island, "
     "Vermont and Wisconsin.", [("legal", "all US states")]),
    ("Except in Alabama, kratom is legal in every state.", [("legal", "all US states")]),
])
def test_places_named_as_exceptions_are_not_where_the_status_holds(text, expected):
    assert _pairs(text) == expected


def test_a_status_left_behind_holds_until_the_new_one():
    rows = claims("Thailand legalized kratom in 2021 after banning it for decades.",
                  "legal_status")
    assert sorted(zip(rows["value"], rows["as_of"])) == [("banned", "until 2021"),
                                                         ("legal", "2021")]


def test_a_possessive_names_the_substance():
    rows = claims("Kratom's legal status in France is unclear.", "legal_status",
                  subjects={"kratom", "kava"})
    assert list(zip(rows["subject"], rows["value"], rows["scope"])) == [
        ("kratom", "uncertain", "France")]


def test_bought_without_a_prescription_is_over_the_counter_and_meets_prescription_only():
    rows = claims("Kratom is legal to buy without a prescription in the UK.", "legal_status")
    assert list(zip(rows["value"], rows["detail"])) == [("legal", "over the counter")]


def test_a_prescription_drug_named_as_a_comparison_gives_the_subject_no_status():
    assert claims("Kratom does not cause withdrawal like many prescription sleep "
                  "medications.", "legal_status").empty


def test_requiring_a_doctors_prescription_is_prescription_only():
    rows = claims("Higher doses of kratom generally require a doctor's prescription.",
                  "legal_status")
    assert list(zip(rows["value"], rows["detail"])) == [("regulated", "prescription only")]


@pytest.mark.parametrize("text, subjects, expected", [
    ("Relatively few doctors are allowed to prescribe buprenorphine.", {"buprenorphine"},
     ("buprenorphine", "regulated")),
    ("The FDA had nixed the buprenorphine implant in 2013.", {"buprenorphine"},
     ("buprenorphine", "unapproved")),
    ("Oxycodone is legally prescribed for severe pain.", {"oxycodone"},
     ("oxycodone", "regulated")),
])
def test_prescribing_rules_and_rejections_in_news(text, subjects, expected):
    rows = claims(text, "legal_status", subjects=subjects)
    assert expected in set(zip(rows["subject"], rows["value"]))


def test_approvals_and_prescription_drugs_in_news():
    text = ("Metformin, a prescription drug sold as Glucophage, was approved for treatment "
            "of Type 2 diabetes in the United Kingdom in 1958. It took until 1995 to get "
            "approval in the United States.")
    got = set(zip(*(claims(text, "legal_status", subjects={"metformin"})[c]
                    for c in ("value", "scope"))))
    assert {("approved", "United Kingdom"), ("approved", "US federal")} <= got
    assert claims("Current FDA-approved treatments for depression fail many people.",
                  "legal_status", subjects={"ketamine"}).empty


def test_a_vow_never_to_legalize_is_no_status():
    assert claims("The Statehouse approved a resolution in 2013 vowing never to legalize "
                  "kratom for any purpose.", "legal_status").empty


def test_a_place_is_carried_only_within_its_section():
    text = ("Kratom in Thailand\n\nKratom was banned in Thailand for decades.\n\n"
            "Buying kratom\n\nIt is legal to buy online.")
    assert ("legal", "Thailand") not in _pairs(text)


@pytest.mark.parametrize("text, expected", [
    ("Kratom is banned in six states. These are Alabama, Arkansas and Indiana.",
     [("banned", "Alabama"), ("banned", "Arkansas"), ("banned", "Indiana")]),
    ("Kratom is legal federally, but some states have banned it. Those states include "
     "Vermont and Wisconsin.",
     [("banned", "Vermont"), ("banned", "Wisconsin"), ("legal", "US federal")]),
    # a naming sentence broken into pieces by stray full stops keeps going
    ("It has been banned in 5 states. These are Alaska, Iowa. Rhode Island, Utah. Ohio.",
     [("banned", "Alaska"), ("banned", "Iowa"), ("banned", "Ohio"), ("banned", "Rhode Island"),
      ("banned", "Utah")]),
    # a count with its places in the same clause: the places, not a vague "many states"
    ("Kratom is illegal in three states: Alabama, Indiana, and Vermont.",
     [("banned", "Alabama"), ("banned", "Indiana"), ("banned", "Vermont")]),
    # the sentence after names something else: no status for it
    ("Kratom is banned in six states. These are the facts you need. Ohio is nice.",
     [("banned", "many US states")]),
])
def test_the_sentence_after_a_count_of_places_names_them(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Several cities have banned kratom, including San Diego and Denver.",
     [("banned", "Denver"), ("banned", "San Diego")]),
    ("Kratom is banned in Denver, Colorado.", [("banned", "Denver, Colorado")]),
    # a list after "cities such as" names places our city list lacks
    ("Some cities, such as San Diego and Sarasota, have also banned kratom.",
     [("banned", "San Diego"), ("banned", "Sarasota")]),
    ("It is banned in some counties and cities, such as Jerseyville, Illinois, and Alton.",
     [("banned", "Alton"), ("banned", "Jerseyville, Illinois")]),
    # a state whose name ends in a capitalised word is no city of the state after it
    ("Kratom is banned in Rhode Island, South Carolina and Utah.",
     [("banned", "Rhode Island"), ("banned", "South Carolina"), ("banned", "Utah")]),
])
def test_named_cities_are_places_of_their_own(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("You must be 21 or older to buy kratom in Tennessee.", [("regulated", "Tennessee")]),
    ("In Florida, you have to be at least 21 years old to purchase kratom.",
     [("regulated", "Florida")]),
    ("Members must be 18 to post in the kratom forum.", []),
])
def test_an_age_to_buy_is_a_regulated_status(text, expected):
    assert _pairs(text) == expected


def test_a_ban_overturned_later_is_the_new_status_dated_after_the_old():
    rows = claims("Kratom was banned in Germany in 2002 over liver concerns. A court "
                  "overturned the ban in 2014.", "legal_status")
    assert sorted(zip(rows["value"], rows["scope"], rows["as_of"])) == [
        ("banned", "Germany", "2002"), ("legal", "Germany", "2014")]


@pytest.mark.parametrize("text, expected", [
    # decriminalized is not made legal: possession is no crime, sale may still be
    ("In Thailand, kratom was illegal from 1943 until 2021, when it was decriminalized.",
     [("banned", "Thailand"), ("regulated", "Thailand")]),
    ("Advocates lobbied lawmakers to decriminalize kratom in Thailand.", []),
    # a ban on something else, lifted, says nothing of the subject
    ("Kratom is sold in Ohio. The ban on indoor gatherings was lifted in Ohio.", []),
])
def test_decriminalized_and_lifted_bans(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "(OTC)" glosses the over-the-counter just said: not a second, opposite claim
    ("In the United States, kratom is not an over-the-counter (OTC) medication; it is a "
     "prescription-only drug.", [("regulated", "US federal")]),
    ("Kratom is sold over the counter (OTC) in Canada.", [("legal", "Canada")]),
    ("The FDA has yet to approve any drugs containing kratom.",
     [("unapproved", "US federal")]),
    ("The following states have barred its sale: Alaska, Arizona.",
     [("banned", "Alaska"), ("banned", "Arizona")]),
])
def test_more_status_wordings(text, expected):
    assert _pairs(text) == expected


def test_delta_8_thc_written_without_hyphen_is_one_substance():
    rows = claims("Delta 8 THC occupies a gray area in federal law.", "legal_status",
                  subjects={"delta-8 thc"})
    assert list(zip(rows["subject"], rows["value"])) == [("delta-8 thc", "uncertain")]


@pytest.mark.parametrize("text", [
    "Since kratom comes from a plant, many people argue that it is federally legal.",
    "The DEA issued a rule in 2020 that some interpreted as classifying kratom as a "
    "Schedule I substance.",
])
def test_a_view_argued_or_read_into_a_rule_is_no_status(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The brew itself is unregulated by the Peruvian government.",
     [("unregulated", "Peru")]),
    ("NEW YORK (Reuters) -- A prescription medication, kratom is now sold by doctors.",
     [("regulated", "general")]),
])
def test_country_adjectives_and_a_dateline_before_a_description(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The DEA has not yet scheduled kratom, although it lists it as a drug of concern.",
     [("legal", "US federal")]),
    ("Kratom is currently unscheduled in the United States.", [("legal", "US federal")]),
])
def test_a_substance_not_yet_scheduled_is_legal(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("India's health ministry approved the use of hydroxychloroquine for health workers.",
     [("approved", "India")]),
    ("Russia's health ministry has approved favipiravir for COVID-19 patients.",
     [("approved", "Russia")]),
    # a study's permission is no status of the drug
    ("The hospital ethics board approved the use of ivermectin in the trial.", []),
])
def test_a_ministry_approves_a_drug_but_an_ethics_board_approves_a_study(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one negation over both words: no "approved" beside the "unapproved"
    ("Ivermectin is not authorized or approved by the FDA for the treatment of COVID-19.",
     [("unapproved", "US federal")]),
    ("Merck withdrew Vioxx from the market in 2004.", [("revoked", "general")]),
])
def test_negated_pairs_of_approvals_and_withdrawals_by_a_maker(text, expected):
    assert _pairs(text) == expected


def test_vaccines_are_told_apart_by_maker():
    rows = claims("The FDA fully approved the Pfizer-BioNTech vaccine on Monday. The Moderna "
                  "vaccine remains under an emergency use authorization.", "legal_status",
                  subjects=set())
    assert sorted(zip(rows["subject"], rows["value"])) == [
        ("moderna covid-19 vaccine", "authorized"),
        ("pfizer-biontech covid-19 vaccine", "approved")]


def test_a_food_and_drug_agency_is_no_food():
    assert _pairs("Indonesia's food and drug agency said no approval had been given to "
                  "kratom.") == [("unapproved", "Indonesia")]


@pytest.mark.parametrize("text, expected", [
    ("Last week, the FDA approved an Emergency Use Authorization for the Moderna booster.",
     [("authorized", "US federal")]),
    ("The Pfizer vaccine has received emergency approval from several governments.",
     [("authorized", "general")]),
    ("Moderna has asked the FDA for emergency use authorization for its vaccine.",
     [("unapproved", "US federal")]),
    ("The Novavax vaccine is under rolling review by the EMA.",
     [("unapproved", "European Union")]),
    ("Ivermectin is still pending a final evaluation by the Food and Drug Administration.",
     [("unapproved", "US federal")]),
    # a company's forward-looking boilerplate states no status
    ("Development of ivermectin products is highly uncertain, and there is no guarantee "
     "that these products will receive regulatory approval.", []),
])
def test_emergency_authorizations_and_pending_requests(text, expected):
    assert _pairs(text.replace("ivermectin", "kratom")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom is not a narcotic or federally controlled substance.", [("legal", "US federal")]),
    ("Kratom is not currently a scheduled substance in its own right.", [("legal", "general")]),
    ("In Canada, kratom is not specifically included in the lists of controlled drugs.",
     [("legal", "Canada")]),
    # the schedules explained, a rule on two schedules, other drugs, a drug misused
    ("These range from Schedule I (the most restricted) to Schedule V.", []),
    ("Federal law limits the validity of a Schedule III or IV prescription to six months.", []),
    ("Kratom is also used to substitute or supplement over-the-counter drugs.", []),
    ("The DEA says kratom has been documented as an illicit drug of abuse.", []),
])
def test_negated_schedules_and_statuses_of_no_drug_in_particular(text, expected):
    assert _pairs(text) == expected


def test_a_maker_with_one_vaccine_names_it_under_its_heading():
    rows = claims("MODERNA\n\nThe vaccine has been approved for use in the EU.\n\n"
                  "Moderna has asked the FDA for emergency use authorization for its booster.",
                  "legal_status", subjects=set())
    assert set(zip(rows["subject"], rows["value"])) == {
        ("moderna covid-19 vaccine", "approved"), ("moderna covid-19 vaccine", "unapproved")}


@pytest.mark.parametrize("text, expected", [
    # a national regulator named in the clause says where the status holds
    ("BPOM's head told local media that no emergency approval had been given to kratom.",
     [("unapproved", "Indonesia")]),
    ("Kratom was approved by Swissmedic last year.", [("approved", "Switzerland")]),
    # a report called false states no status
    ("Local media reports said incorrectly that the authorities had granted kratom "
     "emergency approval.", []),
    # the status of part of a group, not of the subject
    ("Kratom was put on a list together with other drugs, two of which did have "
     "emergency approval.", []),
])
def test_national_regulators_false_reports_and_statuses_of_others_in_a_list(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("While it is not approved as a prescription drug by the FDA, it has not been "
     "classified as a controlled substance either.",
     [("legal", "US federal"), ("unapproved", "US federal")]),
    ("Bahrain has classified kratom a controlled substance.", [("controlled", "Bahrain")]),
    # sales called unapproved, outside a prescription: a prescription-only drug
    ("Unapproved sales of kratom outside of a prescription are considered illegal.",
     [("regulated", "general")]),
    # a ban restated, a ban that is itself illegal, a law not made
    ("The so-called kava ban was overturned in 2014 when it was determined that the ban "
     "was illegal.", [("legal", "general")]),
    ("Upon a closer look at that former “ban”, the policy was neither truly a ban.", []),
    ("Some states have not explicitly made this specific type of kratom illegal.", []),
    # a dose for over-the-counter use, products in unregulated forms
    ("The maximum daily dose with over-the-counter use is 1,200 mg per day.", []),
    ("Kratom has been linked to misuse when taken in unregulated forms.", []),
    ("In Bali, kratom tourism has spurred the creation of unregulated new lodges.", []),
])
def test_statuses_of_sales_uses_bans_and_forms_are_not_the_drugs(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Drug Enforcement Administration has made kratom a federally controlled substance.",
     [("controlled", "US federal")]),
    ("The Food and Drug Administration denied the request to approve kratom.",
     [("unapproved", "US federal")]),
    ("The regulators just gave a second thumbs down to the maker's kratom application.",
     [("unapproved", "general")]),
    ("Kratom is an experimental drug pending before the Food and Drug Administration.",
     [("unapproved", "US federal")]),
    ("The FDA has OK'd a drug, called kratom, to prevent preterm births.",
     [("approved", "US federal")]),
    # what a company or doctors expect is no status yet
    ("The maker expects kratom to be available by prescription later this year.", []),
    ("Doctors said they expect more over-the-counter kratom patches to hit the market.", []),
])
def test_rejections_pending_files_and_expectations_in_the_news(text, expected):
    assert _pairs(text) == expected


def test_the_source_of_the_product_is_kept_as_the_detail():
    rows = claims("Marijuana-derived kratom is illegal under federal law, while kratom derived "
                  "from hemp is federally legal.", "legal_status")
    assert sorted(zip(rows["value"], rows["detail"])) == [("banned", "marijuana-derived"),
                                                           ("legal", "hemp-derived")]


def test_cannot_be_marketed_or_sold_as_a_supplement_restricts_its_sale():
    assert _pairs("The FDA says kratom cannot be marketed or sold as a dietary supplement.") \
        == [("regulated", "US federal")]


def test_a_table_of_places_and_status_words_gives_a_status_per_place():
    rows = claims("Kratom legality\n\nState Legal Status of Kratom\nAlabama Illegal\n"
                  "Texas: Legal\nNew York – Gray area\nOhio Legal Guide\n\nIs it safe?",
                  "legal_status")
    assert sorted(zip(rows["jurisdiction"], rows["value"])) == [
        ("Alabama", "banned"), ("New York", "uncertain"), ("Texas", "legal")]


@pytest.mark.parametrize("text, expected", [
    ("Merck will present data on its sleep drug kratom, now before the U.S. Food and Drug "
     "Administration.", [("unapproved", "US federal")]),
    ("Abbott withdrew its application for approval of kratom from the U.S. Food and Drug "
     "Administration.", [("unapproved", "US federal")]),
    ("Kratom supplements vary because they are not tightly regulated.",
     [("unregulated", "general")]),
])
def test_drugs_before_the_agency_withdrawn_applications_and_loose_regulation(text, expected):
    assert _pairs(text) == expected


def test_ephedra_is_a_subject_of_its_own():
    rows = claims("The United States has banned the sale of ephedra products.", "legal_status",
                  subjects={"oseltamivir"})
    assert set(rows["subject"]) == {"ephedra"}


def test_an_unplaced_status_in_a_one_country_article_holds_there_but_compares_unplaced():
    rows = claims("Kratom is banned in Alabama and Indiana.\n\nKratom requires a prescription.",
                  "legal_status")
    unplaced = rows[rows["evidence"].str.startswith("Kratom requires")]
    assert list(zip(unplaced["jurisdiction"], unplaced["scope"])) == [("US federal", "general")]


def test_an_article_naming_places_in_several_countries_leaves_unplaced_statuses_general():
    rows = claims("Kratom is banned in Alabama and in Thailand.\n\nKratom requires a "
                  "prescription.", "legal_status")
    unplaced = rows[rows["evidence"].str.startswith("Kratom requires")]
    assert list(unplaced["jurisdiction"]) == ["general"]


def test_an_unplaced_status_holds_in_the_country_most_of_the_article_names():
    rows = claims("Ibuprofen in the UK\n\nBoots sells ibuprofen in the UK.\n\nIn the UK you "
                  "can buy packs of 16.\n\nIbuprofen is available over the counter.\n\nIn "
                  "Europe rules differ.", "legal_status", subjects={"ibuprofen"})
    unplaced = rows[rows["evidence"].str.startswith("Ibuprofen is available")]
    assert list(zip(unplaced["jurisdiction"], unplaced["scope"])) == [
        ("United Kingdom", "general")]


def test_an_article_naming_two_countries_alike_leaves_unplaced_statuses_general():
    rows = claims("Kratom is banned in Thailand.\n\nKratom is legal in Germany.\n\nIn "
                  "Thailand it grows wild.\n\nGermany imports it.\n\nKratom requires a "
                  "prescription.", "legal_status")
    unplaced = rows[rows["evidence"].str.startswith("Kratom requires")]
    assert list(unplaced["jurisdiction"]) == ["general"]


@pytest.mark.parametrize("text, expected", [
    ("This bill also removed kratom from the list of controlled substances.",
     [("legal", "general")]),
    # a description of places, not a status of the subject
    ("Others are much harsher toward kratom (especially those where marijuana is still "
     "entirely illegal).", []),
])
def test_removal_from_the_list_and_places_described(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The FDA granted kratom an emergency use authorization in March but revoked that "
     "authorization in June.", [("authorized", "US federal"), ("revoked", "US federal")]),
    ("Kratom, approved as a malarial preventative, is cheap.", [("approved", "general")]),
    ("Doctors use kratom despite FDA approval only for cancer.", [("approved", "US federal")]),
    # a worry about what an approval could do
    ("He worries that FDA approval of kratom could lead many to believe it is safe.", []),
])
def test_approvals_in_appositions_revocations_of_that_authorization_and_worries(text, expected):
    assert _pairs(text) == expected


def test_an_unplaced_status_in_an_article_about_one_foreign_country_holds_there():
    rows = claims("Japan begins booster shots.\n\nKratom has yet to be approved by the health "
                  "ministry.", "legal_status")
    assert list(zip(rows["jurisdiction"], rows["scope"])) == [("Japan", "general")]


@pytest.mark.parametrize("text, expected", [
    # a legal limit on a content is no status, and its "federally" no place
    ("Full spectrum kratom has the federally legal level of THC (0.3%) and is illegal in "
     "the state of Idaho.", [("banned", "Idaho")]),
    ("Some advocates are pushing for kratom to be legalized at the federal level.", []),
    ("Kratom is currently not explicitly listed as a controlled substance under the "
     "federal Controlled Substances Act.", [("legal", "US federal")]),
    ("The German ban on kratom was lifted in 2005.", [("legal", "Germany")]),
])
def test_legal_limits_advocacy_unlisted_substances_and_lifted_bans(text, expected):
    assert _pairs(text) == expected


def test_a_content_of_another_substance_is_not_the_status_subject():
    rows = claims("Possessing or selling kratom products, regardless of their THC content, is "
                  "a criminal offense in Nebraska.", "legal_status")
    assert list(zip(rows["subject"], rows["value"], rows["scope"])) == [
        ("kratom", "banned", "Nebraska")]


@pytest.mark.parametrize("text, expected", [
    # a likeness to a prescription drug is no prescription status
    ("Its activity is similar to that of a prescription strength sedative.", []),
    # sources or shops that are (not) regulated say nothing of the subject's status
    ("Buy kratom from regulated sources only.", []),
    ("Non-regulated sources of kratom are sold online.", []),
])
def test_likenesses_and_regulated_sources_are_no_statuses(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # prescription-only rules told as bans on sale without one
    ("A ban on the sale of the herbal product kratom, without prescription, is to be "
     "enforced from next week in Ireland.", [("regulated", "Ireland")]),
    ("The board is going ahead with a ban on non-prescription sales of kratom.",
     [("regulated", "general")]),
    # withdrawn from sale, still on sale, not allowed, a limit on how many tablets are sold
    ("Kratom has been withdrawn from sale in France and Portugal.",
     [("banned", "France"), ("banned", "Portugal")]),
    ("In Alaska, the sale or possession of kratom is not allowed.", [("banned", "Alaska")]),
    ("Kratom is not allowed to be sold to minors in Utah.", [("regulated", "Utah")]),
    ("It is illegal for retailers in the UK to sell more than 32 tablets of kratom.",
     [("regulated", "United Kingdom")]),
    # a place said before, and a request or a condition that is no status
    ("Kratom sales rose in Arkansas. Under state law, it is classified as a Schedule IV "
     "controlled substance.", [("controlled", "Arkansas")]),
    ("The board asked the ministry to modify the classification of kratom to include it in "
     "Schedule I.", []),
    ("If kratom is eventually approved for use, it would be the second such drug.", []),
])
def test_bans_on_sales_without_prescription_withdrawals_and_requests(text, expected):
    assert _pairs(text) == expected


def test_examples_named_for_a_status_are_its_subjects():
    rows = claims("Diclofenac is a topical painkiller. Some, including Vioxx and Celebrex, "
                  "were taken off the market.", "legal_status", subjects={"diclofenac"})
    assert set(zip(rows["subject"], rows["value"])) == {("rofecoxib", "revoked"),
                                                        ("celecoxib", "revoked")}



def test_what_an_approval_is_for_stops_before_the_verb():
    rows = claims("The only drugs approved to treat irritability in autism are risperidone "
                  "and aripiprazole.", "legal_status", subjects={"risperidone"})
    assert set(rows["detail"]) == {"for irritability in autism"}


@pytest.mark.parametrize("text, expected", [
    ("The state health department has not explicitly prohibited or allowed the sale of "
     "kratom products.", [("uncertain", "general")]),
    # the plants a product is made from are no subject of its status
    ("The sale of kratom products derived from hemp and marijuana is regulated.",
     [("regulated", "general")]),
])
def test_neither_prohibited_nor_allowed_and_what_a_product_is_made_from(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["scope"])) == expected
    assert set(rows["subject"]) == {"kratom"}


@pytest.mark.parametrize("text", [
    # over-the-counter things of another kind, and moves towards a law
    "Parents should first try the over-the-counter lice treatments because they are cheap.",
    "Lice resist widely used over-the-counter shampoos such as Nix, which contain permethrin.",
])
def test_other_over_the_counter_products_are_no_status_of_the_subject(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    # "OTC kratom" names which kratom a sentence is about; it claims no status
    ("The maximum recommended daily dose for OTC kratom is 12 g.", []),
    ("The most common strengths for OTC kratom tablets are 2 g and 4 g.", []),
    ("Prescription and over-the-counter kratom are the same product.", []),
    ("Over-the-counter kratom capsules often contain 500 mg.", []),
    # said as the predicate, it is one
    ("Kratom is sold over the counter and is also cheap.",
     [("legal", "general")]),
    ("Kratom has been sold over the counter since 2010.", [("legal", "general")]),
])
def test_over_the_counter_as_a_modifier_of_the_subject_is_no_status(text, expected):
    assert _pairs(text) == expected


def test_examples_after_a_status_said_of_it_leave_it_the_subject():
    rows = claims("In Arkansas, kratom sales rose. Under state law, it is classified as a "
                  "Schedule IV controlled substance alongside other alkaloids such as "
                  "delta-10 THC and HHC.", "legal_status")
    assert list(zip(rows["subject"], rows["value"])) == [("kratom", "controlled")]


@pytest.mark.parametrize("text, expected", [
    ("Doctors urged governor Andrew Cuomo to ban the sale of all kratom products.", []),
    ("Laws in more than half the number of states in the US prohibit kratom use.",
     [("banned", "many US states")]),
])
def test_urging_a_ban_and_half_the_states(text, expected):
    assert _pairs(text) == expected


def test_a_makers_covid_vaccine_said_with_a_possessive_is_that_makers():
    rows = claims("The FDA has approved Pfizer’s COVID-19 vaccine for children.",
                  "legal_status", subjects=set())
    assert list(rows["subject"]) == ["pfizer-biontech covid-19 vaccine"]


@pytest.mark.parametrize("text, expected", [
    ("Once it is authorized in Canada, kratom will be reviewed again.", []),
    ("Kratom is to be approved later this month.", [("unapproved", "general")]),
    ("In December, the FDA had approved kratom under an emergency-use authorization.",
     [("authorized", "US federal")]),
    ("Kratom was the first drug of its kind to be authorized for use last year.",
     [("authorized", "general")]),
    ("Now that kratom has been re-approved, doctors can use it.", [("approved", "general")]),
    ("In 2006 kratom got its license from the FDA.", [("approved", "US federal")]),
    ("Kratom is a class A drug in Britain.", [("controlled", "United Kingdom")]),
    ("Kratom is not illegal anywhere in the United States.", [("legal", "all US states")]),
])
def test_news_wording_of_authorizations_licences_and_classes(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The DEA lists kratom as a drug of concern but it is not federally scheduled.",
     [("legal", "US federal")]),
    ("Kratom has never been scheduled.", [("legal", "general")]),
    ("The vote on kratom is scheduled to take place in June.", []),
])
def test_not_scheduled_and_never_scheduled_are_legal(text, expected):
    assert _pairs(text) == expected


def test_a_prescription_medicine_in_a_release_naming_the_fda_is_shown_in_the_us():
    text = ("The FDA approved Xarelto for the prevention of stroke in 2011. Trials ran in "
            "Germany and Canada. Xarelto (rivaroxaban) is a prescription medicine used to treat "
            "blood clots.")
    rows = claims(text, "legal_status", subjects=["rivaroxaban"])
    row = rows[rows["value"] == "regulated"].iloc[0]
    # shown where the agency the article names rules, compared as unplaced: the sentence
    # itself names no place
    assert (row["jurisdiction"], row["scope"]) == ("US federal", "general")
    alone = claims("Xarelto (rivaroxaban) is a prescription medicine used to treat blood "
                   "clots.", "legal_status", subjects=["rivaroxaban"])
    assert list(alone["jurisdiction"]) == ["general"]


@pytest.mark.parametrize("text, expected", [
    ("Britain unveils a ban on e-cigarettes for under-18s.",
     [("regulated", "United Kingdom", "age limit")]),
    ("Utah has passed legislation banning e-cigarettes wherever smoking is prohibited.",
     [("regulated", "Utah", "place of use")]),
    ("India banned e-cigarettes in 2019.", [("banned", "India", "")]),
])
def test_a_ban_for_minors_or_on_where_it_is_used_is_regulation(text, expected):
    rows = claims(text, "legal_status", subjects=["e-cigarettes"])
    assert list(zip(rows["value"], rows["scope"], rows["detail"])) == expected


@pytest.mark.parametrize("text", [
    "The DEA will be reclassifying marijuana as a Schedule 2 drug in August.",
    "Rumors began to circulate on social media claiming that the DEA had legalized marijuana.",
    "“I just want this regulated, not banned,” said one marijuana user.",
])
def test_a_rumour_being_checked_is_no_status(text):
    assert claims(text, "legal_status", subjects=["cannabis"]).empty


def test_a_relative_clause_is_about_the_name_it_hangs_on():
    text = ("Unlike psilocybin mushrooms, which are classified as controlled substances, "
            "amanita muscaria is sold openly.")
    rows = claims(text, "legal_status", subjects=["amanita muscaria"])
    assert list(zip(rows["subject"], rows["value"])) == [("psilocybin", "controlled")]


@pytest.mark.parametrize("text, expected", [
    ("Salvia is not federally regulated nor is the plant banned in all states.",
     [("unregulated", "US federal"), ("varies", "many US states")]),
    ("Kratom is not legal in every state.", [("varies", "many US states")]),
])
def test_not_banned_in_all_states_says_it_varies_and_nor_starts_a_clause(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom is legal in Colorado and banned in Alabama.",
     [("banned", "Alabama"), ("legal", "Colorado")]),
    ("Kratom is banned in Alabama, Indiana and Wisconsin, and legal in Texas.",
     [("banned", "Alabama"), ("banned", "Indiana"), ("banned", "Wisconsin"),
      ("legal", "Texas")]),
])
def test_each_status_of_a_clause_keeps_its_own_places(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Washington state cannabis retailer opens in defiance of county ban.",
     [("banned", "cities and counties")]),
    ("Since Washington legalized recreational marijuana in 2012, scores of municipalities "
     "have passed laws curbing pot shops, from zoning to outright bans.",
     [("banned", "cities and counties"), ("legal", "Washington")]),
    ("Spicer answered a question about states that have legalized marijuana in defiance "
     "of federal law.", [("legal", "many US states")]),
])
def test_local_bans_and_state_laws_defying_federal_law_keep_their_level(text, expected):
    rows = claims(text, "legal_status", subjects=["cannabis"])
    assert sorted(zip(rows["value"], rows["scope"])) == expected


def test_a_reported_future_rescheduling_is_no_status():
    text = ("The DEA will reclassify marijuana as a Schedule Two drug on August 1, "
            "essentially legalizing medicinal cannabis in all 50 states.")
    assert claims(text, "legal_status", subjects=["cannabis"]).empty


@pytest.mark.parametrize("text, expected", [
    ("FDA approves dapagliflozin for type 2 diabetes\n\nThe pill lowers blood sugar.",
     [("dapagliflozin", "approved", "US federal")]),
    ("Biogen multiple sclerosis drug Tecfidera wins European approval.",
     [("dimethyl fumarate", "approved", "European Union")]),
    ("Legal status of dapagliflozin\n\nThe pill lowers blood sugar.", []),
])
def test_a_news_headline_states_an_approval_in_the_present_tense(text, expected):
    rows = claims(text, "legal_status", subjects=["dapagliflozin", "dimethyl fumarate"])
    assert list(zip(rows["subject"], rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Denver Post (based in Colorado, where marijuana is currently legal for recreational "
     "use) ran an editorial saying the DEA may keep it.", [("legal", "Colorado")]),
    ("Sales rose in Thailand and in the U.S., where marijuana is legal in some form.",
     [("legal", "US federal")]),
])
def test_a_status_in_a_where_clause_holds_in_the_place_it_hangs_on(text, expected):
    rows = claims(text, "legal_status", subjects=["cannabis"])
    assert list(zip(rows["value"], rows["scope"])) == expected


def test_a_would_far_before_the_status_still_makes_it_hypothetical():
    text = ("The article stated that marijuana would be rescheduled alongside “Percocet, "
            "Adderall, Oxycontin, Hydrocodone and other drugs that are common with a "
            "prescription” as a Schedule 2 drug.")
    assert claims(text, "legal_status", subjects=["cannabis"]).empty


@pytest.mark.parametrize("text, expected", [
    ("It is legal to possess and cultivate amanita in most of the country, with Louisiana "
     "being the only exception.", [("legal", "many US states", "")]),
    ("In Oregon (and soon-to-be Colorado), psilocybin is legal to use as long as you follow "
     "the state regulations.", [("regulated", "Oregon", "conditions")]),
])
def test_exceptions_places_to_come_and_conditions_of_use(text, expected):
    rows = claims(text, "legal_status", subjects=["amanita muscaria", "psilocybin"])
    assert list(zip(rows["value"], rows["scope"], rows["detail"])) == expected


@pytest.mark.parametrize("text, subject", [
    ("Testosterone is not currently approved for older men with age-related decline.",
     "testosterone"),
    ("The FDA had initially rejected dapagliflozin over concerns about cancer.",
     "dapagliflozin"),
    ("The panel voted 10 to 0 against approval of Xarelto for acute coronary syndrome.",
     "rivaroxaban"),
])
def test_not_currently_approved_rejected_and_voted_against_are_unapproved(text, subject):
    rows = claims(text, "legal_status", subjects=[subject])
    assert list(zip(rows["subject"], rows["value"])) == [(subject, "unapproved")]


@pytest.mark.parametrize("text, expected", [
    ("A DEA lawyer explained the difference between Schedule 1 and Schedule 2 "
     "classifications for marijuana.", []),
    ("Washington legalized marijuana in 2012, even as medical pot businesses flourish "
     "virtually unregulated.", [("legal", "Washington")]),
])
def test_schedules_compared_and_a_trade_left_unregulated_are_no_status(text, expected):
    rows = claims(text, "legal_status", subjects=["cannabis"])
    assert list(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fentanyl can legally be prescribed in the United States.",
     [("fentanyl", "regulated", "US federal", "prescription only")]),
    ("Gabapentin is not a controlled substance federally, but several states have "
     "scheduled it.", [("gabapentin", "legal", "US federal", ""),
                       ("gabapentin", "controlled", "many US states", "")]),
    ("Doctors have scheduled it for next week.", []),
])
def test_legally_prescribed_and_states_that_scheduled_it(text, expected):
    rows = claims(text, "legal_status", subjects=["fentanyl", "gabapentin"])
    assert list(zip(rows["subject"], rows["value"], rows["scope"], rows["detail"])) == expected


@pytest.mark.parametrize("text", [
    "These kratom capsules are manufactured in FDA-approved facilities to ensure quality.",
    "Of the men arrested, 80 percent tested positive for at least one illegal drug.",
    "Controlled substances are drugs or chemicals whose possession and use are regulated "
    "by the U.S. government.",
    "States can regulate pharmacist scope of practice and over-the-counter availability.",
])
def test_statuses_of_something_else_or_of_a_class_defined_give_no_row(text):
    assert _pairs(text) == []


def test_voters_approving_legislation_that_legalizes_it_make_it_legal_but_a_bill_does_not():
    assert _pairs("In November, voters in Colorado and Washington state approved legislation "
                  "legalizing kratom for adults.") == [("legal", "Colorado"),
                                                        ("legal", "Washington")]
    assert _pairs("The legislature passed a bill legalizing kratom.") == []


def test_a_non_breaking_hyphen_or_space_reads_as_typed_and_the_evidence_stays_as_written():
    text = "Kratom is an FDA\u2011approved treatment for\u00a0pain."
    rows = claims(text, "legal_status")
    assert list(zip(rows["value"], rows["scope"])) == [("approved", "US federal")]
    assert list(rows["evidence"]) == [text]
    assert (rows["start"].iloc[0], rows["end"].iloc[0]) == (0, len(text))


def test_an_uncontrolled_substance_is_legal_and_a_status_restated_gives_no_second_row():
    assert _pairs("Until recently, kratom had remained an uncontrolled substance.") == [
        ("legal", "general")]
    assert _pairs("Starting in 2014, kratom is a schedule IV controlled substance, and will be "
                  "regulated as such moving forward.") == [("controlled", "general")]


def test_a_maximum_dose_for_otc_use_is_no_status():
    assert _pairs("The maximum approved dose of kratom is 8 g per day for OTC use.") == []


def test_the_rules_that_apply_to_a_class_are_no_status_of_the_subject():
    assert _pairs("This means it does not have the federal restrictions on prescribing that "
                  "apply to controlled substances.") == []


@pytest.mark.parametrize("text, expected", [
    ("A designer drug first “synthesised” in Russia in the 1960s, kratom, also known as "
     "ketum, is a legal intoxicant with a poor safety profile.", [("legal", "general")]),
    ("It is classified as a nutritional supplement, not a drug, everywhere except Russia, the "
     "Ukraine and Latvia.", [("legal", "general")]),
    ("Kratom is available only via prescription from a licensed medical professional.",
     [("regulated", "general")]),
    ("Kratom is not FDA regulated.", [("unregulated", "US federal")]),
])
def test_statuses_said_as_kinds_of_thing_and_places_that_are_not_where_they_hold(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "Policies that legalize recreational kratom make the epidemic worse.",
    "The FDA-approved label for kratom says it should not be used in kidney disease.",
])
def test_a_kind_of_policy_and_an_approved_label_are_no_status(text):
    assert _pairs(text) == []


def test_laws_that_legalize_it_in_a_place_are_still_a_status():
    assert _pairs("Colorado passed laws that legalize kratom.") == [("legal", "Colorado")]


@pytest.mark.parametrize("text, expected", [
    # "never banned" is legal, and the place named after it is where: not one named before
    ("Anyway, the FDA never jumped on the German bandwagon and kratom was never banned in "
     "the United States.", [("legal", "US federal")]),
    # a ban on over-the-counter sale leaves a prescription: regulated, not legal and banned
    ("Users began stockpiling kratom ahead of the Government's ban on its over-the-counter "
     "sale.", [("regulated", "general")]),
    ("As a result, the legality of kratom varies across states.", [("varies", "many US states")]),
])
def test_never_banned_a_ban_on_otc_sale_and_variation_across_states(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    '"I believe kratom ought to be available over the counter, around the clock."',
    "His plan has two parts: allow kratom to be sold over-the-counter and cut its price.",
    "Udall said he supports allowing over-the-counter sales of kratom.",
    "The savings from moving kratom over-the-counter would not be realized.",
    "This article provides a state-by-state analysis of the legal status of kratom.",
])
def test_proposals_to_sell_it_over_the_counter_and_a_guide_to_the_laws_are_no_status(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("A panel backs kratom for approval.", [("unapproved", "general")]),
    ("Biogen will seek U.S. approval for kratom early next year.", [("unapproved", "US federal")]),
    ("The 2009 law gave the FDA authority to regulate kratom.", [("regulated", "US federal")]),
    ("The FDA lacks the authority to regulate kratom before it is sold.",
     [("unregulated", "US federal")]),
])
def test_backing_for_approval_a_plan_to_seek_it_and_the_power_to_regulate(text, expected):
    assert _pairs(text) == expected


def test_an_amendment_to_ban_something_is_a_proposal_not_a_status():
    assert _pairs("She voted against amendments to ban the federal government from "
                  "interfering with state kratom laws.") == []


@pytest.mark.parametrize("text, expected", [
    ("EU panel backs kratom for approval.", [("unapproved", "European Union")]),
    ("The Germans then banned kratom in 2002.", [("banned", "Germany")]),
])
def test_eu_without_its_article_and_a_people_named_for_their_country_are_places(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "He believes a cheaper alternative is to allow kratom to be sold over the counter.",
    'In bold type, the ad offers a visual saying, "Gardner: Ban kratom."',
])
def test_a_course_proposed_and_a_slogan_are_no_status(text):
    assert _pairs(text) == []


def test_a_ban_named_in_a_headline_is_still_a_status():
    assert _pairs("Ban on kratom takes effect in Alabama.") == [("banned", "Alabama")]


@pytest.mark.parametrize("text, expected", [
    ("Kratom is currently only approved for adults with chronic pain.", [("approved", "general")]),
    ("Kratom has been tested and approved for migraine.", [("approved", "general")]),
    ("It treats anxiety, for which kratom is approved.", [("approved", "general")]),
    ("The only approved drug, kratom, could have been mentioned.", [("approved", "general")]),
    ("Kratom was licensed last year for women with ovarian cancer.", [("approved", "general")]),
    ("While kratom is not yet on the market, it looks promising.", [("unapproved", "general")]),
    ("Kratom has not been approved for use on the NHS.", [("unapproved", "United Kingdom")]),
])
def test_approvals_said_without_an_agency_and_a_drug_not_yet_on_the_market(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no law made: the ban it names is not there
    ("Kratom was seized, even though the state hasn't yet passed any laws banning kratom.", []),
    ("In Iowa, kratom is likely legal as the state hasn't introduced any laws specifically "
     "addressing or prohibiting its use.", [("legal", "Iowa")]),
    # a question after an abbreviation's point is still a question
    ("Is kratom legal in the U.S.? No.", []),
    ("In Wales the ban on kratom was lifted in late 2002.", [("legal", "Wales")]),
])
def test_laws_not_passed_a_hedged_legal_and_a_question_after_an_abbreviation(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 2002, kratom sales were halted in Switzerland and France and suspended in Britain.",
     [("banned", "France"), ("banned", "Switzerland"), ("banned", "United Kingdom")]),
    ("In 2023, Denmark made the decision to ban the use of kratom in supplements.",
     [("banned", "Denmark")]),
    ("Kratom hasn't been given the green light by the FDA.", [("unapproved", "US federal")]),
    ("Acquiring kratom is prohibited unless with the prescription.", [("regulated", "general")]),
    ("Kratom comes under Schedule IV of the Controlled Substances Act.",
     [("controlled", "US federal")]),
    ("Kratom is a Schedule I drug under Georgia's Controlled Substances Act.",
     [("controlled", "Georgia")]),
])
def test_sales_halted_a_decision_to_ban_no_green_light_and_the_federal_act(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "The move to make kratom OTC doesn't come without controversy.",
    "The minister appeared determined to make kratom available only on prescription.",
    "The plan to ban kratom failed in Denmark.",
])
def test_a_move_or_a_determination_to_change_its_status_is_no_status(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Some states have explicitly banned kratom, while others have allowed its sale and use.",
     [("banned", "many US states"), ("legal", "many US states")]),
    ("Kratom is legal in Texas but banned in many states.",
     [("banned", "many US states"), ("legal", "Texas")]),
])
def test_statuses_of_some_states_and_of_others_stay_one_row_each(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom will only be available through a restricted REMS program.",
     [("regulated", "general")]),
    ("In 2013, Alzheon obtained the license to kratom and its trial data.", []),
    ("In the three clinical trials considered for drug approval, most patients who used "
     "kratom improved.", []),
])
def test_a_restricted_program_a_licence_bought_and_the_trials_behind_an_approval(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Food & Drug Administration recently approved the additional use of kratom for "
     "uveitis.", [("approved", "US federal")]),
    ("F.D.A. approves kratom said to cut death risk by 20%\n\nThe maker is Novartis.",
     [("approved", "US federal")]),
    # a title-case headline is left to the body, which restates it: "Kratom Banned Countries"
    ("Kratom Banned Countries\n\nThe maker is Novartis.", []),
    ("Kratom is indicated in the US to reduce the risk of death.", [("approved", "US federal")]),
    ("Kratom is indicated for pain.", []),
])
def test_the_agency_written_with_an_ampersand_or_points_a_headline_and_a_us_label(
        text, expected):
    assert _pairs(text) == expected


def test_an_approval_revoked_is_revoked_not_approved():
    assert _pairs("They asked why the FDA revoked its approval of kratom.") == [
        ("revoked", "US federal")]


@pytest.mark.parametrize("text, expected", [
    ("It will help consumers looking to buy kratom products legally to know where kratom is "
     "legal or prohibited.", []),
    ("Thus, while kratom is legal federally, the legislation at the state level may vary.",
     [("legal", "US federal")]),
    ("Kratom is sold legally in Texas.", [("legal", "Texas")]),
])
def test_where_it_is_legal_asked_and_a_concession_after_a_linking_word(text, expected):
    assert _pairs(text) == expected


def test_a_restricted_program_in_an_article_on_an_fda_approval_holds_where_the_fda_rules():
    rows = claims("The FDA approved kratom on Wednesday. The labeling will carry a warning, "
                  "and the drug will only be available through a restricted REMS program.",
                  "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == [
        ("approved", "US federal"), ("regulated", "US federal")]


@pytest.mark.parametrize("text, expected", [
    ("The FDA is considering the unusual step of revoking its approval of kratom.", []),
    ("Likely legal | - In Wyoming, the legality of kratom remains unaddressed by laws.", []),
])
def test_a_step_considered_and_a_table_label_are_no_status(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what the product must be is no restriction on who may have it
    ("Kratom is legal in the UK as long as it comes from an industrial hemp strain.",
     [("legal", "United Kingdom")]),
    ("Kratom is legal but highly restricted in California.", [("regulated", "California")]),
    ("While cultivation remains highly regulated, the law legalizes kratom under federal law.",
     [("legal", "US federal"), ("regulated", "US federal")]),
    ("Kratom is legal in Texas and regulated in Ohio.",
     [("legal", "Texas"), ("regulated", "Ohio")]),
    ("Kratom remains a controlled substance under the Misuse of Drugs Act 1971.",
     [("controlled", "United Kingdom")]),
    ("In this article, learn about kratom's controlled substance status and safe use.", []),
    ("A controlled substance is a medication or recreational drug, like kratom, that needs "
     "government regulation.", []),
])
def test_legal_but_regulated_the_uk_act_a_topic_and_a_definition(
        text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom was also approved today for adults with mastocytosis.", [("approved", "general")]),
    ("The FDA said it has approved kratom, a drug made by Swiss biotech company Roche.",
     [("approved", "US federal")]),
    ("The company said it has approved a new plan for kratom.", []),
    ("Danish drugmaker Novo said the FDA approved its drug kratom.",
     [("approved", "US federal")]),
])
def test_approvals_with_a_time_or_said_by_the_agency_and_a_company_named_by_its_country(
        text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In sports, kratom is considered a banned doping substance.", []),
    ("Kratom is banned by WADA.", []),
    ("Kratom is banned in Japan.", [("banned", "Japan")]),
])
def test_a_sports_ban_is_no_legal_status(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the agency spelt with dots, and the misnomer "Federal Drug Administration"
    ("Xarelto, approved by the F.D.A. in July to prevent clots, goes to a panel.",
     [("approved", "US federal")]),
    ("The F.D.A. declined to approve Xarelto in 2007.", [("unapproved", "US federal")]),
    ("Xarelto, approved by the Federal Drug Administration in late June, is another tool.",
     [("approved", "US federal")]),
    # an approval presupposed, or said with a season
    ("Xarelto's maker celebrated; its FDA approval this week was met with excitement.",
     [("approved", "US federal")]),
    ("There is only moderate evidence that the newly approved drug Xarelto helps.",
     [("approved", "general")]),
    ("Xarelto was approved this fall as a migraine treatment by the FDA.",
     [("approved", "US federal")]),
    # ... but an approval sought or near is not one yet
    ("Bayer is seeking its FDA approval for Xarelto.", [("unapproved", "US federal")]),
    ("Xarelto is on the verge of approval by the Food and Drug Administration.",
     [("unapproved", "US federal")]),
    # what doctors may legally do
    ("Doctors can legally use Xarelto to treat milder cases.", [("legal", "general")]),
])
def test_approvals_in_news_phrasings(text, expected):
    rows = claims(text, "legal_status", subjects={"rivaroxaban"})
    assert sorted(zip(rows["value"], rows["scope"])) == expected
    assert set(rows["subject"]) == {"rivaroxaban"}


@pytest.mark.parametrize("text, expected", [
    ("Xarelto is the first pill – a small one – to win F.D.A. approval.",
     [("approved", "US federal")]),
    ("Xarelto is the first blood thinner to win FDA approval.", [("approved", "US federal")]),
    ("Bayer hopes to win FDA approval for Xarelto next year.", [("unapproved", "US federal")]),
    ("Bayer needs to win FDA approval for Xarelto.", [("unapproved", "US federal")]),
    # a class of drugs that are approved, and a ban recommended, are no status of it
    ("While Medicare pays for drugs that are approved by the FDA, its debate over Xarelto "
     "goes on.", []),
    ("In 2007 an advisory panel declared Xarelto harmful and recommended a ban.", []),
])
def test_won_approval_sought_approval_and_approved_classes(text, expected):
    rows = claims(text, "legal_status", subjects={"rivaroxaban"})
    assert sorted(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    # strengths of the page's product that need a prescription
    ("Higher doses require a prescription.", [("regulated", "general")]),
    ("Higher strengths are available only by prescription.", [("regulated", "general")]),
    # no longer controlled is legal; banned from non-prescription sale leaves a prescription
    ("Kratom is no longer considered a controlled substance.", [("legal", "general")]),
    ("Ireland banned it from nonprescription sale in January 2000.",
     [("regulated", "Ireland")]),
    # OTC products of other kinds, and a cannabis-friendly state, are no status of it
    ("The request involves certain OTC products such as dietary supplements.", []),
])
def test_higher_strengths_no_longer_controlled_and_non_prescription_bans(text, expected):
    assert _pairs(text) == expected


def test_a_name_as_a_modifier_is_no_subject():
    rows = claims("Similar bans have been adopted in cannabis-friendly states. Kratom, a "
                  "cannabis cousin, is banned in Vermont.",
                  "legal_status", subjects={"kratom", "cannabis"})
    assert set(rows["subject"]) == {"kratom"}


def test_a_law_that_regulates_the_sale_is_regulation():
    rows = claims("Several states have passed the Kratom Consumer Protection Act, which "
                  "regulates the sale of kratom to adults 21 and over.", "legal_status")
    assert list(zip(rows["value"], rows["scope"], rows["detail"])) == [
        ("regulated", "many US states", "age limit")]


def test_what_an_approval_is_for_stops_at_the_next_verb():
    rows = claims("The FDA has not approved kratom for any medical use and considers it a "
                  "drug of concern.", "legal_status")
    assert list(rows["detail"]) == ["for any medical use"]


@pytest.mark.parametrize("text, expected", [
    ("Japan does not allow kratom to be sold as a supplement.", [("banned", "Japan")]),
    ("In the UK, kratom is licensed for short-term use in adults over 55.",
     [("approved", "United Kingdom")]),
])
def test_not_allowed_to_be_sold_and_licensed_for_a_use(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a reduced relative says where it is sold: a claim, whatever follows
    ("The maximum strength of kratom available over the counter is 2 g.",
     [("legal", "general")]),
    # approval sought for a study of it is no approval sought for it
    ("Later, the group hopes to get approval from the FDA for a kratom study.", []),
])
def test_available_over_the_counter_and_approval_for_a_study(text, expected):
    assert _pairs(text) == expected


def test_a_dose_for_the_over_the_counter_product_is_no_status():
    assert _pairs("Do not exceed the maximum recommended daily dose for OTC kratom.") == []


def test_states_that_have_made_it_legal_and_a_derivative_of_another_plant():
    rows = claims("Kratom is sold in a handful of states that have made it legal. You end up "
                  "with a federally legal cannabis derivative called kratom.",
                  "legal_status", subjects={"kratom", "cannabis"})
    assert sorted(zip(rows["subject"], rows["value"])) == [("kratom", "legal"),
                                                           ("kratom", "legal")]


@pytest.mark.parametrize("text, expected", [
    ("The FDA approval is the latest step forward for the field.",
     [("approved", "US federal")]),
    ("The FDA approval process is slow.", []),
    ("The FDA approval letter warns that trials must confirm the benefit.", []),
    ("The agency is requiring clinics that dispense Xarelto to be certified.",
     [("regulated", "general")]),
])
def test_the_approval_of_the_articles_drug_and_certified_dispensers(text, expected):
    rows = claims(text, "legal_status", subjects={"rivaroxaban"})
    assert sorted(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    # the article's drug described, not named
    ("The first new flu drug in 20 years won approval Wednesday.", [("approved", "general")]),
    ("The Food and Drug Administration approved the first topical NSAID in 2007.",
     [("approved", "US federal")]),
    ("Last month the FDA approved the Roche drug as an initial treatment.",
     [("approved", "US federal")]),
    # on sale, on the market
    ("Xarelto went on sale in the U.S. in 2012.", [("legal", "US federal")]),
    ("Xarelto has been on the market for about a year.", [("legal", "general")]),
    # a drug that would help is no status
    ("A new drug for clots would help, experts said.", []),
])
def test_news_ways_of_saying_a_drug_is_approved_reviewed_or_sold(text, expected):
    rows = claims(text, "legal_status", subjects={"rivaroxaban"})
    assert sorted(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Xarelto hasn't won regulatory approval to be marketed in the US.",
     [("unapproved", "US federal")]),
    ("Xarelto was nixed by a panel of Food and Drug Administration experts.",
     [("unapproved", "US federal")]),
    ("In 2009 an FDA panel said no to Xarelto, a pill.", [("unapproved", "US federal")]),
    ("Bayer will then apply to the Food and Drug Administration for approval of Xarelto.",
     [("unapproved", "US federal")]),
    ("Xarelto was approved based on its ability to lower clotting.", [("approved", "general")]),
    ("Xarelto, a once-a-day pill which won U.S. approval last year, is popular.",
     [("approved", "US federal")]),
    ("Xarelto was licensed in 2011.", [("approved", "general")]),
])
def test_more_news_approvals_and_refusals(text, expected):
    rows = claims(text, "legal_status", subjects={"rivaroxaban"})
    assert sorted(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    # a rule on marketing is no ban of the drug
    ("Under the Food and Drug Act, drug companies are not allowed to market their drugs "
     "for off-label uses.", []),
    # "produced from hemp" names the source the law treats apart
    ("CBD produced from hemp is legal to market as a cosmetics ingredient.",
     [("legal", "hemp-derived")]),
])
def test_marketing_rules_and_what_the_product_is_produced_from(text, expected):
    rows = claims(text, "legal_status", subjects={"cbd"})
    assert sorted(zip(rows["value"], rows["detail"])) == expected


def test_the_agencys_name_is_no_description_of_the_articles_drug():
    rows = claims("The Food and Drug Administration denied the request, asking for more "
                  "safety data.", "legal_status", subjects={"rivaroxaban"})
    assert rows.empty


@pytest.mark.parametrize("text, expected", [
    ("Kratom is legal to possess in Australia, but it is illegal to import into Australia "
     "without a license.", [("regulated", "Australia")]),
    ("GPs are now only permitted to prescribe oral kratom for TGA-approved conditions such "
     "as scabies.",
     [("regulated", "Australia")]),
    ("Kratom is not a controlled substance and therefore is not as severely regulated.",
     [("legal", "general")]),
])
def test_licences_approved_conditions_and_comparisons_of_regulation(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The FDA had initially rejected the Astra and Bristol-Myers drug.",
     [("unapproved", "US federal")]),
    ("In Britain, advertising of kratom is much more tightly regulated.",
     [("regulated", "United Kingdom")]),
])
def test_a_drug_named_by_its_makers_and_more_tightly_regulated(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    # money approved by a legislature, and a list of other therapies, are no status of it
    ("If approved by Congress, this money will go toward screening kratom.", []),
    ("They include a longer list of prescription and non-prescription therapies, such as "
     "kratom.", []),
])
def test_a_budget_approval_and_non_prescription_therapies_are_no_status(text, expected):
    assert _pairs(text) == expected


def test_a_doctors_approval_is_no_regulators():
    assert _pairs("Ibuprofen should not be given to children under two without doctor "
                  "approval.") == []
    assert _pairs("Ibuprofen was sold without FDA approval.") == [("unapproved", "US federal")]


def test_removed_from_the_controlled_list_with_an_aside_is_legal_only():
    rows = claims("This bill removed hemp—a type of cannabis plant that contains low levels "
                  "of THC—from the list of controlled substances.", "legal_status")
    assert list(zip(rows["subject"], rows["value"])) == [("hemp", "legal")]


@pytest.mark.parametrize("text, expected", [
    ("It is hard to know how much CBD you should take, since CBD is not regulated by the FDA.",
     [("unregulated", "US federal")]),
    ("CBD derived from hemp plants is now also legal.", [("legal", "general")]),
    ("Don't believe that just because something is over-the-counter, CBD is safe.", []),
    ("CBD should be legal since it is safe.", []),
])
def test_a_reason_given_for_advice_is_asserted(text, expected):
    rows = claims(text, "legal_status", subjects={"cbd"})
    assert sorted(zip(rows["value"], rows["scope"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("First a drug must get F.D.A. approval and then a maker must persuade insurers.", []),
    ("Every new drug must receive FDA approval before sale.", []),
    ("Kratom must still win FDA approval.", [("unapproved", "US federal")]),
])
def test_what_any_drug_must_do_is_no_status_of_this_one(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Judd, who lives near Portland, knows what it is like to have a cancer for which "
     "there is no approved drug.", []),
    ("The vaccine contains Tris, a buffer used in a variety of other FDA-approved products.",
     []),
    ("There is no FDA-approved kratom product.", [("unapproved", "US federal")]),
])
def test_what_a_disease_lacks_and_other_products_statuses_are_not_the_subjects(text,
                                                                               expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In the UK a prescription is required for kratom.",
     [("regulated", "United Kingdom")]),
    # ... and one said not to be required is sale over the counter, not prescription only
    ("No prescription is required for kratom.", [("legal", "general")]),
])
def test_a_prescription_said_to_be_required_is_prescription_only(text, expected):
    assert _pairs(text) == expected


def test_a_ban_imposed_also_elsewhere_is_the_same_ban_there():
    rows = claims("Why kratom was banned\n\nThe UK withdrew kratom in 2016.\n\nCanada and "
                  "Australia have also imposed a ban.", "legal_status")
    banned = set(rows.loc[rows["value"] == "banned", "scope"])
    assert {"Canada", "Australia"} <= banned


def test_states_listed_under_a_heading_that_says_they_allow_it_are_legal():
    rows = claims("Delta-8 laws\n\nStates that Allow Delta-8 THC\n\n  • Alabama\n  • Arkansas\n\n"
                  "More about delta-8.", "legal_status", subjects={"delta-8 thc"})
    assert sorted(zip(rows["value"], rows["scope"])) == [("legal", "Alabama"),
                                                         ("legal", "Arkansas")]


@pytest.mark.parametrize("text, expected", [
    ("Kratom's legality varies across the US, and users should consult local laws.",
     [("varies", "many US states")]),
    ("States have expanded access to over-the-counter kratom.",
     [("legal", "many US states")]),
    ("Kratom is being scheduled on a state-by-state basis and was recently banned in three "
     "of Kentucky’s border states, Tennessee, Indiana and Ohio.",
     [("banned", "Indiana"), ("banned", "Ohio"), ("banned", "Tennessee"),
      ("varies", "many US states")]),
])
def test_a_status_that_differs_between_states_is_held_by_states_not_the_country(
        text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "This makes its legal status distinct from substances that may be sold over-the-counter.",
    "Because it is an herb, the use of kratom is not scrutinized as an illicit drug.",
    "The FDA has warned that many companies are illegally marketing and selling products "
    "containing kratom with unproven claims.",
])
def test_a_status_it_is_set_apart_from_or_its_marketings_is_not_its_own(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("You can buy kratom without a prescription in the US.", [("legal", "US federal")]),
    ("Kratom is not specifically listed as a controlled substance under federal law, which "
     "means it is not explicitly illegal.", [("legal", "US federal")]),
    ("Kratom is not a federally scheduled controlled substance, though some individual states "
     "have reclassified it as a Schedule V controlled substance.",
     [("controlled", "many US states"), ("legal", "US federal")]),
])
def test_buying_without_a_prescription_unlisted_and_state_scheduled(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "Kratom does not bind opiate receptor sites, which differentiates it from many "
    "traditional controlled substances.",
    "The Drug Enforcement Administration safeguards controlled substance laws under the "
    "Controlled Substances Act.",
    "The federal drug policy regulates the manufacture of any controlled substance.",
])
def test_the_law_on_controlled_substances_is_no_status_of_the_subject(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Kratom has yet to be licensed in Europe.", [("unapproved", "European Union")]),
    ("The CHMP adopted a negative opinion for kratom.", [("unapproved", "European Union")]),
    ("An FDA advisory panel recommended that the agency reject kratom.",
     [("unapproved", "US federal")]),
    ("The EMA confirmed the refusal of the change to the marketing authorization for kratom.",
     [("unapproved", "European Union")]),
    ("The FDA announced the revocation of the Emergency Use Authorizations issued for kratom.",
     [("revoked", "US federal")]),
    ("The EMA recommended suspending the marketing authorization for kratom.",
     [("revoked", "European Union")]),
    ("The maker said it was withdrawing kratom from all markets.",
     [("revoked", "international")]),
    ("Kratom is still under federal prohibition.", [("banned", "US federal")]),
    ("The DEA has officially declared kratom a Class IV substance.",
     [("controlled", "US federal")]),
    ("The state legalized medicinal kratom in 2013.", [("regulated", "general")]),
])
def test_what_regulators_do_as_the_news_reports_it(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "The FDA has not taken any action to remove kratom from the market.",
    "Kratom has a low potential for abuse relative to the drugs or substances in schedule III.",
])
def test_an_action_not_taken_or_a_schedule_it_is_measured_against_is_no_status(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Adults are permitted to bring up to 4 kg of kratom in their baggage when flying into "
     "Australia.", [("regulated", "Australia")]),
    ("Travelers to Australia can import up to 2 kilograms of kratom in their luggage for "
     "personal use, but it's illegal to sell kratom in Australia.",
     [("banned", "Australia")]),
    ("The law permits pharmacists to dispense kratom to patients without a prior "
     "prescription.", [("regulated", "general")]),
    ("Kratom is a scheduled substance in certain countries.", [("controlled", "international")]),
])
def test_limits_on_what_travellers_bring_and_pharmacist_dispensing_are_restrictions(
        text, expected):
    assert _pairs(text) == expected


def test_states_listed_under_a_heading_that_bans_past_a_paragraph_and_numbered():
    rows = claims("Kratom laws\n\nStates that Ban Kratom\n\nThis section includes states that have "
                  "passed laws deeming kratom illegal. Kratom may also be scheduled there.\n\n"
                  "  1. Alabama\n  2. Arkansas\n  3. Indiana\n\nOther rules\n\nSome text.",
                  "legal_status", subjects={"kratom"})
    listed = sorted(p for v, p in zip(rows["value"], rows["scope"])
                    if v == "banned" and p in {"Alabama", "Arkansas", "Indiana"})
    assert listed == ["Alabama", "Arkansas", "Indiana"]


def test_a_headline_after_a_line_of_site_furniture_is_the_articles_headline():
    rows = claims("Skip to content\n\nHealth Canada approves kratom\n\nMore to come.",
                  "legal_status")
    assert _pairs("Skip to content\n\nHealth Canada approves kratom\n\nMore to come.") == [
        ("approved", "Canada")]
    assert len(rows) == 1


@pytest.mark.parametrize("text, expected", [
    ("The FDA ordered the immediate withdrawal of kratom.", [("revoked", "US federal")]),
    ("Kratom is new. Britain gave it sales approval in August.",
     [("approved", "United Kingdom")]),
    ("Kratom acts on receptors in the brain responsible for regulating mood.", []),
])
def test_withdrawal_ordered_sales_approval_given_and_regulating_mood(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The California initiative allows adults over 21 to legally possess up to an ounce of "
     "kratom.", [("regulated", "California")]),
    ("Voters in Arkansas and North Dakota also opted to permit kratom for medical purposes.",
     [("regulated", "Arkansas"), ("regulated", "North Dakota")]),
    ("Issue 2 comes more than a decade after Colorado legalized recreational kratom use.",
     [("legal", "Colorado")]),
])
def test_legalization_news_for_adults_for_medicine_and_a_decade_after(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "While it may take months for kratom to transition from prescription status to OTC, the "
    "agency has plans to work with all stakeholders.",
    "In a release, the department said it received the maker's submission for approval of "
    "kratom on Oct. 9.",
])
def test_a_switch_still_to_come_and_an_application_received_are_no_status(text):
    assert _pairs(text) == []


@pytest.mark.parametrize("text", [
    "Explore the complex legal landscape of kratom, examining its federal status versus "
    "varied state-level classifications and their impact.",
    "Its increasing presence in the illicit drug supply, particularly mixed with kratom, has "
    "raised public health concerns.",
])
def test_a_page_summary_and_the_illicit_supply_are_no_status(text):
    assert claims(text, "legal_status").empty


@pytest.mark.parametrize("text, expected", [
    ("The court ruled that the original approval of kratom was valid.", ["approved"]),
    ("Kratom tablets are approved at very specific doses for a few parasitic infections.",
     ["approved"]),
    ("Officials say the approval of kratom is expected next year.", []),
    ("The law says kratom suitable for human use may be sold without a prescription.",
     ["legal"]),
    ("Kratom cannot be sold without a prescription.", ["regulated"]),
    ("Kratom is a generic prescription drug.", ["regulated"]),
])
def test_an_approval_named_a_sale_without_prescription_and_a_prescription_drug(text, expected):
    assert list(claims(text, "legal_status")["value"]) == expected


def test_a_clause_with_no_subject_of_its_own_shares_the_one_before_it():
    rows = claims("Kratom is a leaf. Kratom is sold. Higher strengths, such as 400mg and 600mg, "
                  "are available but typically require a prescription.", "legal_status")
    assert list(zip(rows["subject"], rows["value"])) == [("kratom", "regulated")]
    # ... and a clause with its own subject does not: "but children need a prescription"
    # names no strength or product of it
    assert claims("Kratom is a leaf. Kratom is sold. Adults buy many things, but children "
                  "typically need a prescription.", "legal_status").empty


@pytest.mark.parametrize("text, expected", [
    ("Kratom is regulated as a dietary supplement.", [("legal", "general")]),
    ("It is regulated in the United States under the Dietary Supplement Health and Education "
     "Act (DSHEA).", [("legal", "US federal")]),
    ("Texas does not allow the sale of kratom.", [("banned", "Texas")]),
    ("The state will not allow the sale or production of kratom.", [("banned", "general")]),
    ("Kratom is legal in Missouri and the state does not classify it as a controlled "
     "substance.", [("legal", "Missouri")]),
    ("Health Canada is still imposing a stop-sale order on kratom products.",
     [("banned", "Canada")]),
    ("In Canada, kratom products were removed from stores after reports of harm.",
     [("banned", "Canada")]),
    # a sale allowed to licensed sellers only is no ban
    ("Arizona law does not permit the sale of kratom by entities that have not been licensed "
     "by the state.", []),
])
def test_supplements_negated_permission_and_products_pulled_from_stores(text, expected):
    assert _pairs(text) == expected


def test_a_title_asked_without_its_question_mark_is_no_claim():
    text = ("Kratom guide\n\nKratom is a leaf sold online.\n\n  • Is Kratom A Controlled "
            "Substance- Legal Status Of Kratom\n\nKratom is a leaf.")
    assert claims(text, "legal_status").empty


@pytest.mark.parametrize("text, expected", [
    ("Weekly kratom 2.4 mg is the first-approved drug for chronic weight management in adults.",
     ["approved"]),
    ("In 2002, the FDA approved a REMS for kratom.", ["regulated"]),
    ("In 2002, the FDA approved kratom for narcolepsy.", ["approved"]),
])
def test_a_first_approved_drug_and_an_approved_restriction_programme(text, expected):
    assert list(claims(text, "legal_status")["value"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 2018, the federal farm bill removed kratom from the coverage of the Controlled "
     "Substances Act’s Schedule I drug list.", [("kratom", "legal")]),
    ("Unlike cannabis, where most employers need not accommodate its use because it is illegal "
     "under federal law, kratom is a legal product.",
     [("cannabis", "banned"), ("kratom", "legal")]),
    ("Kratom is superior to the traditional and illegal cannabis because it works.",
     [("cannabis", "banned")]),
    ("Kratom is legal in 18 states and regulated like cannabis in three others.",
     [("kratom", "legal"), ("kratom", "regulated")]),
    ("So as I said before there's no European wide ban on kratom.", [("kratom", "legal")]),
    ("There's no outright bans of kratom, except in one member state, that's Poland.",
     [("kratom", "banned")]),
])
def test_removal_from_the_act_compared_substances_and_attributive_statuses(text, expected):
    rows = claims(text, "legal_status", subjects={"kratom"})
    assert sorted(zip(rows["subject"], rows["value"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom does not require a prescription.", [("legal", "over the counter")]),
    ("No prescription is needed for kratom in the UK.", [("legal", "over the counter")]),
    ("From today, Australians aged 18 and over can buy kratom without a prescription at "
     "pharmacies.", [("regulated", "age limit; over the counter")]),
    ("Buying kratom from websites that do not require a prescription is risky.", []),
    ("The agency has decided not to approve kratom for PTSD.", [("unapproved", "for PTSD")]),
    ("No kratom products are currently approved by the FDA.", [("unapproved", "")]),
    ("The new indication could broaden coverage of kratom by Medicare, which is prohibited "
     "from paying for weight-loss medications.", []),
    ("Scheduled drugs require prescriptions and approval by the Food and Drug Administration.",
     []),
])
def test_no_prescription_needed_age_limits_and_decisions_not_to_approve(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["detail"].fillna(""))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom products have not been evaluated or approved by the FDA.", ["unapproved"]),
    ("The FDA does not approve kratom products.", ["unapproved"]),
    ("The FDA doesn't approve kratom for pain.", ["unapproved"]),
    ("Kratom has been tested and approved for pain by the FDA.", ["approved"]),
])
def test_a_regulator_that_does_not_approve_or_never_evaluated_is_no_approval(text, expected):
    assert list(claims(text, "legal_status")["value"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom cannot be sold in Poland.", [("banned", "")]),
    ("There was a \"stop sale\" order issued in 2004 that prevents vendors from selling kratom "
     "in Canada.", [("banned", "")]),
    ("Kratom cannot be sold in pharmacies without a prescription.",
     [("regulated", "prescription only")]),
    ("Kratom can't be sold in stores to anyone under 18.", [("regulated", "age limit")]),
])
def test_a_substance_that_cannot_be_sold_somewhere_is_banned_there_unless_a_restriction_follows(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["detail"].fillna(""))) == expected


@pytest.mark.parametrize("text, expected", [
    ("In the UK, kratom is legally sold under the classification of a food supplement.",
     [("legal", "United Kingdom")]),
    ("A federal law makes kratom legal.", [("legal", "US federal")]),
    ("The 2018 farm bill made kratom legal.", [("legal", "US federal")]),
    ("Kratom is regulated by the Food and Drug Administration (FDA) as a dietary supplement, "
     "not a drug.", [("legal", "US federal")]),
    ("Kratom is not legally sold in the UK.", []),
    ("This makes the rules around kratom legal chaos.", []),
])
def test_legally_sold_made_legal_and_regulated_by_an_agency_as_a_supplement_are_legal(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("In the UK, kratom is subject to legal controls to ensure public safety.",
     [("regulated", "United Kingdom")]),
    ("New York is the most recent state to put restrictions on the sale of kratom.",
     [("regulated", "New York")]),
    ("However, kratom is restricted for sale as a conventional food.", [("regulated", "general")]),
    ("Kratom will be available to Americans aged 12 and older with a prescription, the FDA said.",
     [("regulated", "US federal")]),
    ("Kratom remains a prescription-only medication approved by the FDA for pain.",
     [("approved", "US federal"), ("regulated", "US federal")]),
    ("Kratom is available in stores and online without a prescription.",
     [("legal", "general")]),
    ("Kratom is subject to change.", []),
])
def test_controls_restrictions_and_prescriptions_said_at_a_distance(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("In Australia, kratom is listed in Schedule 9 of the Poisons Standard.",
     [("banned", "", "Australia")]),
    ("In Australia, kratom comes under Schedule 4 and needs a doctor's prescription.",
     [("regulated", "prescription only", "Australia")]),
    ("Kratom is a Schedule 8 controlled drug in Australia.", [("controlled", "", "Australia")]),
    ("Kratom is a Schedule 4 controlled substance in the United States.",
     [("controlled", "", "US federal")]),
])
def test_a_schedule_means_what_it_means_in_the_country_it_is_said_of(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["detail"].fillna(""), rows["jurisdiction"])) == \
        expected


def test_a_status_made_so_is_about_the_name_between_make_and_the_status():
    text = ("The legislation defined hemp as cannabis that contains less than 0.3% Delta-9 THC "
            "by dry weight, making kratom legal under federal law.")
    rows = claims(text, "legal_status", subjects={"kratom", "cannabis"})
    assert list(zip(rows["subject"], rows["value"])) == [("kratom", "legal")]


def test_an_unplaced_status_on_a_page_headed_with_one_state_holds_in_that_state():
    text = ("Is Kratom Legal in Iowa?\nIn Iowa, kratom is regulated by the Iowa Kratom Act. "
            "Kratom products sold by licensed vendors are legal for use and sale. Iowa first "
            "regulated kratom in 2014. Kratom is federally legal.")
    rows = claims(text, "legal_status")
    unplaced = rows[rows["evidence"].str.startswith("Kratom products")]
    assert list(unplaced["jurisdiction"]) == ["Iowa"]
    assert "US federal" in set(rows["jurisdiction"])
    # a state named once in the headline and nowhere else does not place the page
    once = claims("Is Kratom Legal in Iowa?\nKratom is legal for use and sale.", "legal_status")
    assert list(once["jurisdiction"]) != ["Iowa"]


@pytest.mark.parametrize("text, expected", [
    ("The possession and use of kratom in the Hawkeye State is legal.", [("legal", "Iowa")]),
    ("Kratom is not at all regulated by the Drug Enforcement Administration.",
     [("unregulated", "US federal")]),
    ("A copy of kratom is generally defined as identical or nearly identical to an FDA approved "
     "drug.", []),
    ("The trade groups support FDA's legal authority to immediately remove kratom products from "
     "the market.", []),
    ("The governor signed the bill into law, granting approval for the sale and purchase of "
     "kratom without a prescription.", [("legal", "general")]),
])
def test_state_nicknames_yardsticks_powers_and_approved_sales(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("It is therefore illegal to import, distribute, sell, or be in possession of kratom in "
     "Australia without a valid prescription.", [("regulated", "prescription only")]),
    ("However, it is not illegal to have kratom without a prescription.", [("legal", "")]),
])
def test_a_ban_but_for_a_prescription_said_at_length_and_not_illegal_without_one(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["detail"].fillna(""))) == expected


def test_a_product_made_from_a_plant_keeps_its_own_status_and_news_headlines_place_nothing():
    rows = claims("Kratom made from hemp is legal in Georgia.", "legal_status",
                  subjects={"kratom", "hemp"})
    assert list(zip(rows["subject"], rows["jurisdiction"])) == [("kratom", "Georgia")]
    text = ("Iowa mother finds pill in child's snack\nThe pill was found in Iowa. Police in Iowa "
            "said it was kratom. Kratom is a Schedule III controlled substance.")
    rows = claims(text, "legal_status")
    assert list(rows["jurisdiction"]) != ["Iowa"] or rows.empty


def test_list_intros_that_offer_several_statuses_or_say_available_in_give_one_per_state():
    text = ("Delta-8 guide\nThe 3 U.S. states that have regulated, restricted, or banned kratom:\n"
            "- Alaska\n- Arizona\n- Idaho\nKratom is available in 2 states + 1 district:\n"
            "- Alabama\n- Florida\n")
    rows = claims(text, "legal_status")
    got = sorted(zip(rows["jurisdiction"], rows["value"]))
    assert ("Alaska", "regulated") in got and ("Idaho", "regulated") in got
    assert ("Alabama", "legal") in got and ("Florida", "legal") in got
    assert ("Alaska", "banned") not in got


@pytest.mark.parametrize("text, expected", [
    ("On January 16, 2025, the U.S. Food and Drug Administration (FDA) authorized the sale of "
     "kratom pouch products.", [("authorized", "US federal")]),
    ("In the U.S., individuals must be at least age 21 to purchase kratom.",
     [("regulated", "US federal")]),
    ("Trade groups said kratom is neither an approved drug in the United States nor meets "
     "regulatory requirements to be sold as a dietary supplement.", [("unapproved", "US federal")]),
])
def test_a_regulator_authorizing_the_sale_and_an_age_said_with_its_word(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected
    # a legislature that authorizes a sale makes it legal, not an emergency-style authorization
    state = claims("The state legislature authorized the sale of kratom.", "legal_status")
    assert "authorized" not in set(state["value"])


def test_a_list_row_quotes_the_intro_with_its_line():
    text = ("Guide\nStates that have banned kratom:\n- Alabama\n- Indiana\n")
    rows = claims(text, "legal_status")
    indiana = rows[rows["jurisdiction"] == "Indiana"].iloc[0]
    assert indiana["evidence"].startswith("States that have banned kratom:")
    assert indiana["evidence"].endswith("Indiana")
    assert text[indiana["start"]:indiana["end"]] == indiana["evidence"]


@pytest.mark.parametrize("text, expected", [
    ("From Monday kratom and gabapentin are classified as Class C controlled substances.",
     [("controlled", "United Kingdom"), ("controlled", "United Kingdom")]),
    ("In New Zealand, kratom is a Class C drug.", [("controlled", "New Zealand")]),
    ("Kratom is available for OTC use under the brand name Kratomix.", [("legal", "general")]),
])
def test_a_drug_class_names_its_scheme_and_otc_use_is_legal(text, expected):
    rows = claims(text, "legal_status", subjects={"kratom", "gabapentin"})
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom is not TGA-approved for use to treat COVID-19 in Australia.",
     [("unapproved", "Australia")]),
    ("Kratom isn't licensed for treating scabies or any other condition in the UK.",
     [("unapproved", "United Kingdom")]),
    ("Kratom is licensed for specific medical conditions.", [("approved", "general")]),
    ("Kratom can be bought in supermarkets, health food shops and pharmacies without a "
     "prescription.", [("legal", "general")]),
    ("Banning kratom would create a precedent of legal uncertainty.", []),
])
def test_other_regulators_licences_shop_sales_and_bans_weighed(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text", [
    "Benzodiazepines are often misused together with opioid pain relievers, kratom and illicit "
    "drugs.",
    "The kratom bill was approved by the state House of Representatives and the Senate.",
])
def test_illicit_drugs_listed_as_a_class_and_a_bills_passage_are_no_statuses(text):
    assert claims(text, "legal_status", subjects={"kratom"}).empty


def test_doctors_who_may_only_prescribe_it_make_it_prescription_only():
    rows = claims("General practitioners may only prescribe kratom for TGA-approved conditions.",
                  "legal_status")
    assert list(zip(rows["value"], rows["detail"], rows["jurisdiction"])) == [
        ("regulated", "prescription only", "Australia")]


@pytest.mark.parametrize("text, expected", [
    ("Kratom is legal at the federal level in the United States, though the DEA has considered "
     "placing it in Schedule I.", [("legal", "US federal")]),
    ("Several countries, including Australia, Denmark and Malaysia, have banned kratom.",
     [("banned", "Australia"), ("banned", "Denmark"), ("banned", "Malaysia")]),
    ("Kratom is banned in many countries.", [("banned", "international")]),
])
def test_a_schedule_considered_and_countries_named_as_examples_of_several(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


def test_a_city_that_regulates_its_sale_beside_one_that_banned_it():
    rows = claims("San Diego banned kratom in 2016, and Denver regulates its sale.",
                  "legal_status")
    assert sorted(zip(rows["jurisdiction"], rows["value"])) == [
        ("Denver", "regulated"), ("San Diego", "banned")]


def test_most_countries_with_one_named_keeps_both_claims():
    rows = claims("Kratom is legal in most countries, including the United Kingdom.",
                  "legal_status")
    assert sorted(rows["jurisdiction"]) == ["United Kingdom", "international"]


@pytest.mark.parametrize("text, expected", [
    # a ban ended is the law now
    ("One of Germany's highest courts has ruled that Germany's ban on kratom is unlawful.",
     [("legal", "Germany")]),
    ("The court ended a ban on kratom in 2014.", [("legal", "general")]),
    ("Kratom is cheap. And it's widely available and legal.", [("legal", "general")]),
    ("There are no specific restrictions for the use of kratom in the Netherlands.",
     [("legal", "Netherlands")]),
    # a medicine's registration is its approval; its absence is none
    ("Kratom is not indicated nor approved by SAHPRA for use in humans.",
     [("unapproved", "South Africa")]),
    ("Kratom is registered in South Africa for the treatment of parasites.",
     [("approved", "South Africa")]),
    ("There are no medicines containing kratom registered for human use in Ireland.",
     [("unapproved", "Ireland")]),
    ("Currently, there are no herbal medicinal products containing St. John's Wort "
     "registered on the Irish market.", [("unapproved", "Ireland")]),
    ("Kratom can no longer be lawfully sold in Australia.", [("banned", "Australia")]),
    ("Kratom may only be supplied on foot of a prescription in Ireland.",
     [("regulated", "Ireland")]),
    ("Kratom is only available through a restricted distribution system.",
     [("regulated", "general")]),
    ("Lithuania announced a ban on sales of kratom to under 18s in 2014.",
     [("regulated", "Lithuania")]),
])
def test_bans_ended_registrations_and_restricted_supply(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text", [
    # what may or will happen
    "Regulators say kratom may be banned in dietary supplements.",
    "Gov. Josh Shapiro said his administration will add kratom to the state's list of "
    "controlled substances.",
    "He asked the public not to cause kratom to become strictly regulated.",
    "Health Canada has received requests regarding potentially increasing the "
    "non-prescription limit for kratom.",
    # the law of the drugs it is mixed into
    "Kratom is increasingly found to be added to illegal drugs in Ohio like heroin.",
])
def test_what_may_or_will_happen_and_the_drugs_it_is_mixed_into_are_no_statuses(text):
    assert claims(text, "legal_status", subjects={"kratom"}).empty


def test_an_illegal_drug_is_still_a_ban():
    rows = claims("Kratom is an illegal drug in Alabama.", "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("banned", "Alabama")]


def test_officials_who_declined_to_approve_it_leave_it_unapproved():
    rows = claims("Federal health officials have declined to approve kratom as a therapy for "
                  "PTSD.", "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("unapproved", "US federal")]


@pytest.mark.parametrize("text, expected", [
    ("From 1 February 2018, medicines that contain kratom will no longer be available without "
     "a prescription in Australia.", [("regulated", "Australia", "prescription only")]),
    ("Germany and Japan have already restricted over the counter sales of kratom-based "
     "medications.", [("regulated", "Germany", ""), ("regulated", "Japan", "")]),
    ("Most states have no age restrictions on kratom.", [("unregulated", "many US states", "")]),
    # the products of a substance name it; another federation's court is not the US
    ("Germany's Federal Administrative Court ended a ban on kratom-based products.",
     [("legal", "Germany", "")]),
])
def test_prescription_from_a_date_restricted_otc_sales_and_named_products(text, expected):
    rows = claims(text, "legal_status", subjects={"kratom"})
    got = sorted(zip(rows["value"], rows["jurisdiction"], rows["detail"].fillna("")))
    assert got == expected


def test_a_status_of_products_containing_another_substance_is_that_ones():
    rows = claims("While psilocybin-containing mushrooms are illegal under federal law, kratom "
                  "is not scheduled.", "legal_status", subjects={"kratom"})
    assert ("psilocybin", "banned", "US federal") in set(
        zip(rows["subject"], rows["value"], rows["jurisdiction"]))
    assert "banned" not in set(rows[rows["subject"] == "kratom"]["value"])


def test_prohibiting_the_side_effects_is_no_law():
    assert claims("My daily kratom dose is high enough to prohibit the side-effects of kratom "
                  "withdrawal.", "legal_status").empty


def test_a_us_schedule_named_without_a_place_is_shown_as_federal():
    rows = claims("Modafinil is a Schedule IV controlled substance.", "legal_status",
                  subjects={"modafinil"})
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("controlled", "US federal")]
    rows = claims("In Canada, kratom is a Schedule I drug.", "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("controlled", "Canada")]


@pytest.mark.parametrize("text, expected", [
    ("In the United States, the legal status of kratom is complex and varies by state.",
     "many US states"),
    ("As a result, the legal status of kratom varies from state to state.", "many US states"),
    ("The legal status of kratom varies from country to country.", "international"),
    ("In Australia, the legal status of kratom varies by state and territory.", "Australia"),
])
def test_a_status_that_varies_by_state_or_country_is_placed_across_them(text, expected):
    rows = claims(text, "legal_status")
    rows = rows[rows["value"] == "varies"]
    assert list(rows["jurisdiction"]) == [expected]


@pytest.mark.parametrize("text", [
    "The FDA said it has authorized the marketing of 20 kratom pouch products.",
    "Kratom pouches were just authorized by the U.S. Food and Drug Administration.",
])
def test_a_marketing_authorization_said_with_it_or_by_the_agency(text):
    rows = claims(text, "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("authorized", "US federal")]


@pytest.mark.parametrize("text, expected", [
    # the ban is Wyoming's; the ruling is Arizona's: neither is a ban ended
    ("Wyoming's ban on kratom comes just days after the Arizona attorney general ruled that "
     "kratom sales are illegal.", [("banned", "Arizona"), ("banned", "Wyoming")]),
    ("Kratom requires permission to be imported commercially into Australia.",
     [("regulated", "Australia")]),
])
def test_a_ruling_beside_a_ban_and_a_permission_to_import(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text", [
    "Last week health experts warned the government against a ban on kratom, saying it could "
    "stop users seeking medical help.",
    "Only psychiatrists who have received approval from a Human Research Ethics Committee and "
    "the TGA may prescribe kratom.",
    "Kava is listed in the Customs (Prohibited Imports) Regulations 1956.",
])
def test_a_ban_argued_against_a_prescribers_approval_and_a_laws_title_are_no_statuses(text):
    rows = claims(text, "legal_status", subjects={"kratom", "kava"})
    assert not set(rows["value"]) & {"banned", "approved", "legal"}


@pytest.mark.parametrize("text, expected", [
    ("Kratom drops are legal and you do not require a permit or recommendation from your "
     "doctor to buy them.", [("legal", "general", "")]),
    ("Most people do not know that kratom is not entirely legal in Texas.",
     [("regulated", "Texas", "")]),
    ("According to the district attorney's office, non-prescribed kratom is illegal in the "
     "state of Texas.", [("regulated", "Texas", "prescription only")]),
    ("Purchasing kratom for any other purpose besides for intractable epilepsy is illegal.",
     [("regulated", "general", "medical use only")]),
])
def test_a_permit_not_required_legal_in_part_and_a_ban_but_for_a_use(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"], rows["detail"].fillna(""))) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised word of a law's name ("Prohibited Imports") is no activity the claim is about
    ("Kava is currently classified as a drug under the Customs (Prohibited Imports) "
     "Regulations and requires permission to be imported into Australia.",
     [("regulated", "Australia")]),
    ("The agency has not sanctioned kratom for any medical use in the U.S.",
     [("unapproved", "US federal")]),
    # the reason after "as" is asserted whatever "could" supposes before it
    ("Possession of kratom could lead to a fine as the herb has been made a Class C drug in "
     "the UK.", [("controlled", "United Kingdom")]),
    # a predicate after ", and" is asserted too; a hyphenated length names the ban
    ("The decision raised the amount travellers could carry (from 2kg to 4kg), and "
     "effectively ended a 20-year ban on kava imports into Australia.", [("legal", "Australia")]),
    # the old class of a reclassification is no status
    ("Regulators moved to reclassify kratom from Schedule 9 (prohibited substances) to "
     "Schedule 8 (controlled medicines) in Australia.", [("controlled", "Australia")]),
    # a shop's own policy is no law
    ("Kratom drinks sell well despite shops that have introduced a voluntary ban.", []),
    # a participle after ", and" still shares the modal before it
    ("Kratom could be sold in shops, and banned in Fiji.", []),
])
def test_a_law_title_a_reason_a_coordinated_predicate_and_a_reclassification(text, expected):
    rows = claims(text, "legal_status", subjects={"kratom", "kava"})
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Once its safety was established, the bans on kratom were lifted in Thailand.",
     [("legal", "Thailand")]),
    ("In Thailand the initial bans on kratom were largely reversed.", [("legal", "Thailand")]),
    ("Case reports hinted at liver damage caused by kratom in Thailand, instigating these bans.",
     []),
    ("Most states do not have a statewide minimum age for kratom.",
     [("unregulated", "many US states")]),
    ("The minimum age requirement to purchase kratom is not actually established by federal "
     "legislation.", [("unregulated", "US federal")]),
    ("Classified as a schedule CIV, kratom isn't easy to obtain.", [("controlled", "general")]),
    ("The NCAA confirmed that kratom will not be added to the list of banned drugs.", []),
    ("Such bills may also mandate age verification for kratom in Texas.", []),
])
def test_bans_lifted_restated_no_minimum_age_and_what_a_bill_may_do(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


def test_a_line_labelled_with_a_place_is_about_the_heading_subject():
    rows = claims("Kratom rules\n\nStates that have scheduled kratom\nKentucky: Schedule V since "
                  "2017, the first state to act.\nMichigan: Schedule 5 since 2019.\n"
                  "What the agency says: more rules may follow.", "legal_status")
    assert sorted(zip(rows["jurisdiction"], rows["value"], rows["as_of"])) == [
        ("Kentucky", "controlled", "2017"), ("Michigan", "controlled", "2019")]


@pytest.mark.parametrize("text, expected", [
    ("Kratom gummies occupy a gray area.", [("uncertain", "general")]),
    ("Kratom products are sold in a regulatory gray market.", [("uncertain", "general")]),
    ("The guidelines urge people in this gray area to ask about kratom.", []),
    ("Kratom preparations must be sold only at a pharmacy.", [("regulated", "general")]),
    ("In Australia, kratom can only be sold in pharmacies.", [("regulated", "Australia")]),
    ("Kratom is not well-regulated.", [("unregulated", "general")]),
])
def test_a_gray_area_pharmacy_sale_and_not_well_regulated(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("The state health department may ban kratom products in Texas.", []),
    ("The Office of Drug Control, which is responsible for regulating the import and export of "
     "drugs, is consulting on kratom in Australia.", []),
    ("Is kratom a controlled substance is a question most people wonder about.", []),
    ("Controlled substances or drugs are compounds whose use is regulated by the government.",
     []),
    ("Now the TGA has banned GPs from prescribing kratom off-label.",
     [("regulated", "Australia")]),
    ("Kratom products need to be registered with the medicines regulator MHRA.",
     [("regulated", "United Kingdom")]),
    ("In 2007 commercial imports of kratom into Fiji were no longer allowed.",
     [("banned", "Fiji")]),
    ("Owners of kratom in Fiji are no longer allowed to resell it.", []),
])
def test_what_an_agency_may_do_its_role_a_question_and_prescribing_restricted(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom and ephedrine are ingredients that can be used illegally to produce other drugs.",
     []),
    ("Illegal kratom comes in white or brown powder, so it is hard to spot.", []),
    ("There's no approved antidote for kratom poisoning.", []),
    ("Some have called for kratom to be controlled under the Controlled Substances Act.", []),
    ("In some places kratom is legal to sell, in others it's banned or restricted.",
     [("varies", "general")]),
])
def test_illegal_use_an_antidote_a_call_for_control_and_some_places_but_not_others(text,
                                                                                  expected):
    rows = claims(text, "legal_status", subjects={"kratom", "ephedrine"})
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


def test_sudafed_pe_is_phenylephrine():
    rows = claims("Sudafed PE is readily available over the counter.", "legal_status",
                  subjects=frozenset())
    assert list(rows["subject"]) == ["phenylephrine"]


@pytest.mark.parametrize("text, expected", [
    ("Kratom powder is not subjected to the federal regulations that govern drugs.",
     [("unregulated", "US federal")]),
    ("The bill prohibits a pharmacist furnishing kratom from permitting its resale in Texas.",
     []),
    ("HHS confirmed its Schedule III recommendation for kratom.", []),
    ("The sale of kratom to under-18s will be made illegal in the UK.", []),
    ("Scientists discussed the kratom ban in Thailand and pressed for the lifting of the ban.",
     []),
    ("Thailand's lifting of a kratom ban was subject to conditions.", [("legal", "Thailand")]),
])
def test_not_subject_to_regulation_a_recommendation_a_future_law_and_a_call_for_lifting(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


def test_fentanyl_test_strips_are_their_own_subject():
    rows = claims("Fentanyl test strips are still illegal in some states.", "legal_status",
                  subjects=frozenset())
    assert list(rows["subject"]) == ["fentanyl test strips"]


@pytest.mark.parametrize("text, expected", [
    ("Some states allow kratom sales by a pharmacy without a prescription.",
     [("regulated", "many US states")]),
    ("The law allows the sale of kratom without a prescription in Ohio.", [("legal", "Ohio")]),
])
def test_sale_by_a_pharmacy_without_a_prescription_is_pharmacy_only(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom has purchase limits, so it's only available behind the pharmacy counter.",
     [("regulated", "general", "pharmacy only")]),
    ("Kratom products must be moved behind counters or in locked display cases.",
     [("regulated", "general", "pharmacy only")]),
    ("The federal Kratom Safety Act limits consumer purchases of kratom.",
     [("regulated", "US federal", "")]),
    ("Ohio and Utah are the only states that require prescriptions for kratom.",
     [("regulated", "Ohio", ""), ("regulated", "Utah", "")]),
    ("Kratom does not require a prescription in Ohio.",
     [("legal", "Ohio", "over the counter")]),
    ("Kratom was tested in people, which led to approval being denied for use in humans.",
     [("unapproved", "general", "for use in humans")]),
    ("Kratom is currently not captured by any schedule entry in the Poisons Standard.",
     [("unregulated", "Australia", "")]),
    ("Travellers who are over the age of 18 years are allowed to bring 2 kg of kratom into "
     "Fiji.", [("regulated", "Fiji", "age limit")]),
    ("Virginia: Schedule VI since 2019 for kratom.", [("controlled", "Virginia", "")]),
    ("The CDC removed dose limits for kratom that led to forced tapering.", []),
    ("The pharmacist behind the counter said kratom is popular.", []),
])
def test_behind_the_counter_purchase_limits_prescriptions_required_and_no_schedule(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"], rows["detail"])) == expected


def test_a_law_on_medications_containing_a_substance_is_about_that_substance():
    rows = claims("Meth law watched by states\n\nOregon's law requiring a prescription to buy "
                  "medications containing pseudoephedrine has drawn attention.",
                  "legal_status", subjects={"methamphetamine", "pseudoephedrine"})
    assert list(zip(rows["subject"], rows["value"])) == [("pseudoephedrine", "regulated")]


def test_the_painkiller_goes_on_about_the_drug_the_sentence_before_opens_with():
    rows = claims("Tramadol has become a controlled drug along with zopiclone and zaleplon. "
                  "The painkiller has been placed in schedule 3 in the UK.", "legal_status",
                  subjects={"tramadol", "zopiclone", "zaleplon"})
    assert set(rows["subject"]) == {"tramadol"}


def test_a_substance_and_status_heading_over_a_bulleted_list_of_states():
    rows = claims("Compliance guide\n\nKratom Illegal\n\n  • Alabama\n  • Arkansas\n"
                  "  • *Indiana(Unclear laws - shipping there may be okay for now)\n"
                  "  • Vermont\n\nAlabama\nKratom: Prohibited\n\nThe Alabama Department of "
                  "Health lists kratom as a Schedule I drug.", "legal_status")
    listed = sorted(zip(rows["jurisdiction"], rows["value"]))
    assert ("Indiana", "uncertain") in listed
    assert [p for p, v in listed if v == "banned"] == ["Alabama", "Alabama", "Arkansas",
                                                       "Vermont"]
    # the place heading after the bullets ends the list: its own line says banned
    assert rows[rows["evidence"] == "Kratom: Prohibited"]["jurisdiction"].tolist() == [
        "Alabama"]


def test_a_numbered_list_keeps_its_items_and_ends_at_an_unnumbered_place():
    rows = claims("States that Ban Kratom\n\n  1. Alabama\n  2. Arkansas\n  10. Vermont\n\n"
                  "Indiana\n\nIndiana's rules are still being written.", "legal_status")
    assert sorted(rows["jurisdiction"]) == ["Alabama", "Arkansas", "Vermont"]


@pytest.mark.parametrize("text, expected", [
    ("Alabama does not have any restrictions on kratom products.", [("legal", "Alabama")]),
    ("Neither Australia nor any OECD country has approved kratom for pain.",
     [("unapproved", "Australia")]),
    ("Medicines containing kratom have been permitted for use in Fiji for over 30 years.",
     [("legal", "Fiji")]),
    ("In Australia, kratom sales are allowed to 18 and older adults.",
     [("regulated", "Australia")]),
])
def test_no_restrictions_neither_nor_approved_long_permitted_and_sales_allowed_to_adults(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text", [
    "The court found mere doubts over kratom did not justify it being banned.",
    "Kratom in the tablets is being extracted by manufacturers of illicit drugs.",
    "In Australia there is a move to restrict kratom medicines to prescription only status.",
])
def test_a_ban_not_justified_makers_of_illicit_drugs_and_a_move_to_restrict_are_no_status(
        text):
    assert claims(text, "legal_status").empty


def test_a_relative_clause_with_any_verb_is_about_the_name_it_hangs_on():
    rows = claims("Kratom is unregulated in most states, in contrast to heroin, which comes "
                  "under Schedule I in the United States.", "legal_status",
                  subjects={"kratom", "heroin"})
    assert ("kratom", "controlled") not in set(zip(rows["subject"], rows["value"]))


@pytest.mark.parametrize("text, expected", [
    ("According to a law passed in 2014, kratom oil is legal under very limited "
     "circumstances.", [("regulated", "general", "conditions")]),
    ("I do not – repeat, do not – advise anyone to use kratom illegally.", []),
    ("Kratom is sold only under a brand name, with no approved generic versions.", []),
    ("The Arkansas Department of Health is working on a clarification to its controlled "
     "substances list for kratom.", []),
])
def test_limited_circumstances_illegal_use_generics_and_a_clarification_in_the_works(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"], rows["detail"])) == expected


def test_unregulated_as_a_products_adjective_is_no_status():
    rows = claims("The governor of Missouri issued an order to ban unregulated psychoactive "
                  "kratom products.", "legal_status")
    assert "unregulated" not in set(rows["value"])


def test_the_source_a_relative_clause_derives_the_product_from_is_the_subject():
    rows = claims("The hemp plant, from which kratom resin is derived, was legalized "
                  "federally in the United States.", "legal_status",
                  subjects={"kratom", "hemp"})
    assert list(zip(rows["subject"], rows["value"])) == [("hemp", "legal")]


def test_the_tranquilizer_goes_on_about_the_drug_the_sentence_before_opens_with():
    rows = claims("Xylazine is often mixed with fentanyl. The tranquilizer was approved by the "
                  "FDA for veterinary use in 1972.", "legal_status",
                  subjects={"xylazine", "fentanyl"})
    assert list(zip(rows["subject"], rows["value"])) == [("xylazine", "approved")]


@pytest.mark.parametrize("text", [
    "The United States government oversees the distribution of controlled substances to "
    "restrict their usage.",
    "Within these categories, Schedule I drugs have the highest risk of abuse.",
    "Discover the legal standing of kratom across the US and its evolving controlled "
    "substance status.",
    "Work is currently underway on a ban on kratom from 2021.",
    "Mayors can however ban the use and sale of kratom in certain parts of town.",
])
def test_the_class_of_controlled_substances_work_underway_and_a_power_to_ban_are_no_status(
        text):
    assert claims(text, "legal_status").empty


def test_dmaa_is_one_substance_by_any_of_its_names():
    rows = claims("DMAA has been withdrawn from sale in many countries. 1,3-dimethylamylamine "
                  "is illegal in dietary supplements.", "legal_status", subjects=frozenset())
    assert set(rows["subject"]) == {"dmaa"}


@pytest.mark.parametrize("text, expected", [
    ("In the USA kratom is 100% legal.", [("legal", "US federal")]),
    ("Michigan classified kratom sodium as a Schedule II controlled substance.",
     [("controlled", "Michigan")]),
    ("While kratom is not federally controlled, individual states have taken action.",
     [("legal", "US federal")]),
    ("Kratom is available only with your doctor's prescription.", [("regulated", "general")]),
    ("The new law limits adults to seven grams of kratom a month.", [("regulated", "general")]),
    ("Several sellers limit customers to 21 years when they purchase kratom.", []),
    ("Kratom is sold despite never being approved for medical use in the US.",
     [("unapproved", "US federal")]),
    ("Kratom is already approved under the trade name Kratomax.", [("approved", "general")]),
    ("Concentrated kratom in bulk quantities cannot be sold directly to consumers.",
     [("banned", "general")]),
    ("Kratom tablets may still legally be sold to consumers.", [("legal", "general")]),
    ("Kratom can be legally produced, sold, and possessed in the State of Alabama.",
     [("legal", "Alabama")]),
])
def test_fully_legal_a_salt_not_federally_controlled_and_purchase_limits(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("They advised that making products containing kratom prescription-only would be the most "
     "effective way to minimise the risk.", []),
    ("The regulator said kratom was also not available to buy over the counter.",
     [("regulated", "general", "prescription only")]),
    ("Kratom is a prescription-only medication and cannot be bought over the counter.",
     [("regulated", "general", "prescription only")]),
    ("We urge all legal pot states to also ban kratom sales.", []),
    ("The TGA and the Office of Drug Control maintain lists of medications that cannot be "
     "imported into Australia, including kratom.", []),
    ("The TGA decided against an outright ban of kratom.", []),
    ("Illegal Use of Kratom Common in U.S.", []),
    ("Attorneys general signed a letter asking Congress to outlaw kratom at the federal level.",
     []),
    ("The new provision prevents the unregulated sale of kratom products online.", []),
    ("Athletes can test positive for an illegal substance after taking kratom.", []),
])
def test_advice_to_make_it_prescription_only_not_over_the_counter_and_bans_not_made(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"], rows["detail"])) == expected


def test_a_status_after_as_a_result_is_asserted_whatever_the_modal_before():
    rows = claims("It concluded it could not establish a safe lower limit for kratom and, as a "
                  "result, kratom was banned in Denmark.", "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("banned", "Denmark")]


def test_revoked_emergency_authorization_without_use_is_revoked():
    rows = claims("Regulators on Monday revoked emergency authorization for kratom.",
                  "legal_status")
    assert list(rows["value"]) == ["revoked"]


def test_sarms_are_one_subject_by_their_long_name():
    rows = claims("Selective Androgen Receptor Modulators (SARMs) are dangerous and illegal.",
                  "legal_status", subjects=frozenset())
    assert list(zip(rows["subject"], rows["value"])) == [("sarms", "banned")]


@pytest.mark.parametrize("text, expected", [
    # a medicines agency legalizes a drug by approving it
    ("Kratom was first legalized by the Food and Drug Administration (FDA) in 1998 for pain.",
     [("approved", "US federal")]),
    ("While not typically the first choice and not officially FDA-approved, kratom remains an "
     "option.", [("unapproved", "US federal")]),
    # legal, but only with a prescription
    ("Kratom is legal to have and use in about every country across the globe if you have a "
     "valid doctor's prescription.", [("regulated", "international")]),
    ("However, this doesn't make kratom legal to own for persons who don't have a valid "
     "prescription.", [("regulated", "general")]),
    # "without a prescription as the drug-dispensing rules ..." names no prescription drug
    ("In India, you can get kratom without a prescription as the drug-dispensing relations "
     "aren't tightly enforced.", [("legal", "India")]),
    ("Kratom that comes from the leaf is legal for sale and use in some areas of the United "
     "States.", [("legal", "many US states")]),
    ("Kratom must contain less than 2% mitragynine to be sold legally in the US.",
     [("regulated", "US federal")]),
    ("Some state agencies have decided to ban kratom products.", [("banned", "many US states")]),
    ("The importation of kratom is prohibited unless the importer holds a licence.",
     [("regulated", "general")]),
    # a country's own law or schedule names the country
    ("Kratom is a schedule 'H' drug under the Drugs and Cosmetics Act and can only be dispensed "
     "on prescription.", [("regulated", "India")]),
    ("Kratom was added to the Schedule of psychotropic substances to NDPS Act in 2018.",
     [("controlled", "India")]),
])
def test_approval_by_legalizing_legal_with_conditions_and_a_countrys_own_law(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text", [
    "New opioids like kratom are entering the illegal drug market.",
    "The council raised concerns over misuse and illegal diversion of kratom.",
    "Kratom products must have laboratory reports that prove they do not contain controlled "
    "substances.",
    "The lack of guidance and regulations left many cities uncertain about how to proceed with "
    "kratom.",
])
def test_an_illegal_market_a_diversion_a_content_test_and_a_citys_doubt_are_no_status(text):
    assert claims(text, "legal_status").empty


@pytest.mark.parametrize("text, expected", [
    # taken off the list of controlled substances is legal, not banned
    ("Federal legislation removed the leaf extract known as kratom from the nation's list of "
     "controlled substances in 2018.", [("kratom", "legal", "US federal")]),
    ("Three years after federal legislation removed kratom from the nation's list of "
     "controlled substances, Texas has banned it.",
     [("kratom", "banned", "Texas"), ("kratom", "legal", "US federal")]),
    ("The DEA has not removed kratom from the list of controlled substances.", []),
    # the claim's own words name the class it is put in, not what it is about
    ("Texas health officials have put kratom on its own list of illegal drugs.",
     [("kratom", "banned", "Texas")]),
    ("Kratom was put on its own list of illegal drugs, hurting the growing CBD retail "
     "industry.", [("kratom", "banned", "general")]),
    # ... but examples of a class stay examples
    ("People picture illicit drugs like heroin and cocaine.", []),
])
def test_descheduling_a_lead_clause_and_the_class_a_claim_names(text, expected):
    rows = claims(text, "legal_status", subjects=frozenset({"kratom", "cbd"}))
    assert sorted(zip(rows["subject"], rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text", [
    "Federal Register: Controlled Substances Quotas for 2024–2025 (Proposed APQs)",
    "Allowing more people to take kratom at home didn't lead to surges of overdoses or "
    "illegal sales.",
    "We have seen the most downtrodden OTC addicts arrive here and leave kratom-free.",
    "This change will only take effect once appropriate low-dose kratom products are approved "
    "by the TGA.",
])
def test_a_title_illegal_sales_otc_addicts_and_an_approval_to_come_are_no_status(text):
    assert claims(text, "legal_status").empty


@pytest.mark.parametrize("text, expected", [
    ("Kratom is a Controlled Drug B1 under the Misuse of Drugs Act 1975.",
     [("kratom", "controlled", "New Zealand")]),
    ("Baclofen and kratom are both currently scheduled as Prescription Medicines in Schedule 1 "
     "of the Medicines Regulations 1984.",
     [("baclofen", "regulated", "New Zealand"), ("kratom", "regulated", "New Zealand")]),
    ("Kratom is chemically similar to amineptine (formerly Survector), which was withdrawn "
     "from the market in 1999.", [("amineptine", "revoked", "general")]),
    ("Kratom has been reclassified as a controlled substance in multiple U.S. states.",
     [("kratom", "controlled", "many US states")]),
    ("Legislation has legalised kratom consumption in certain circumstances and in controlled "
     "conditions.", [("kratom", "regulated", "general")]),
    ("As kratom is not a prescribed drug approved by the U.S. FDA, it is cautioned.",
     [("kratom", "unapproved", "US federal")]),
    ("Kratom is an approved natural health product ingredient regulated by Health Canada.",
     [("kratom", "approved", "Canada")]),
    ("The Green Party sought the lifting of the ban on kratom.", []),
])
def test_a_countrys_act_by_year_medicine_schedules_asides_and_negated_approvals(text, expected):
    rows = claims(text, "legal_status", subjects=frozenset({"kratom"}))
    assert sorted(zip(rows["subject"], rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom has been reclassified as a controlled substance in multiple U.S. states, despite "
     "remaining unscheduled at the federal level.", [("controlled", "many US states")]),
    ("The question, is kratom a controlled substance?, has a complex and nuanced answer.", []),
])
def test_a_despite_clause_is_its_own_and_a_quoted_question_is_no_status(text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom guide. The maximum level of heroin or cocaine (both controlled substances) allowed "
     "in the UK is nil.", [("cocaine", "controlled"), ("heroin", "controlled")]),
    ("Kratom guide. Some blends add heroin (a controlled substance) to the powder.",
     [("heroin", "controlled")]),
    ("Kratom guide. Kratom (legal in most of the US) is sold online.", [("kratom", "legal")]),
])
def test_a_status_in_brackets_belongs_to_the_names_the_brackets_follow(text, expected):
    rows = claims(text, "legal_status", subjects=frozenset({"kratom"}))
    assert sorted(zip(rows["subject"], rows["value"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kratom set to be banned in crackdown on legal highs", []),
    ("The minister has this morning announced plans for the government to ban kratom.", []),
    ("The possession and use of kratom is now officially decriminalized in Colorado.",
     [("regulated", "Colorado", "decriminalized")]),
    ("Kratom Misuse May Be Curbed By New Packaging Approved by FDA.", []),
    ("The FDA approved new packaging for kratom.", []),
    ("Kratom is approved by the FDA.", [("approved", "US federal", "")]),
])
def test_a_plan_is_no_status_decriminalized_is_regulated_and_approved_packaging_is_not_the_drug(
        text, expected):
    rows = claims(text, "legal_status")
    assert sorted(zip(rows["value"], rows["jurisdiction"], rows["detail"])) == expected


def test_not_approved_by_the_agency_spelled_out_is_unapproved():
    rows = claims("According to the CDC, kratom tablets are not Food and Drug Administration "
                  "(FDA)-approved to treat lice.", "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("unapproved", "US federal")]


def test_cannot_be_lawfully_marketed_is_a_ban():
    rows = claims("The FDA said kratom couldn’t be lawfully marketed in dietary supplements.",
                  "legal_status")
    assert list(zip(rows["value"], rows["jurisdiction"])) == [("banned", "US federal")]
