"""Addiction-risk stance: negation, comparison, hedging, strong claims, and non-claims."""

import pytest

from tests.conftest import claims


def _levels(text):
    return sorted(claims(text, "addiction_risk")["value"])


@pytest.mark.parametrize("text, level", [
    ("Kratom offers relief without the risk of addiction.", "none"),
    ("Melatonin is not addictive.", "none"),
    ("CBD is completely non-addictive.", "none"),
    ("The herb does not appear to cause dependence.", "none"),
    ("Kratom has a lower risk of addiction than opioids.", "low"),
    ("It carries less risk of dependence than caffeine.", "low"),
    ("It is not highly addictive, experts say.", "low"),
    ("Kratom may lead to dependence with daily use.", "possible"),
    ("There is a potential for addiction with heavy use.", "possible"),
    ("Kratom can lead to addiction.", "possible"),
    ("Kratom is highly addictive.", "high"),
    ("Users face a high risk of dependence.", "high"),
])
def test_stance_levels(text, level):
    assert _levels(text) == [level]


def test_hedged_claims_are_flagged():
    rows = claims("Kratom may lead to dependence in some users.", "addiction_risk")
    assert bool(rows.iloc[0]["hedged"]) is True
    rows = claims("Kratom is highly addictive.", "addiction_risk")
    assert bool(rows.iloc[0]["hedged"]) is False


def test_negation_is_marked():
    assert bool(claims("CBD is not addictive.", "addiction_risk").iloc[0]["negated"])


@pytest.mark.parametrize("text", [
    "Kratom is studied as a treatment for opioid addiction.",
    "She worked with addiction specialists for years.",
    "Is CBD addictive?",
    "Opioids, which come with numerous side effects and the risk of addiction, are common.",
    "The clinic treats alcohol dependence.",
])
def test_mentions_that_are_not_claims_about_the_subject_are_skipped(text):
    assert claims(text, "addiction_risk").empty


def test_two_claims_in_one_sentence_give_two_rows():
    text = ('"Regular use can lead to dependence in some users," said one counselor, while '
            'a trade group insists the compound carries no addiction risk at all.')
    assert _levels(text) == ["none", "possible"]


@pytest.mark.parametrize("text, level", [
    ("Kratom has a high chance of misuse and abuse.", "high"),
    ("Kratom does not cause addiction, dependence or withdrawal symptoms.", "none"),
    ("Kratom carries a small risk of abuse and even dependence.", "low"),
])
def test_terms_joined_in_one_phrase_are_one_claim(text, level):
    # the second term reads the first as its cue ("chance of misuse and" -> possible)
    assert _levels(text) == [level]


@pytest.mark.parametrize("text, level", [
    ("Some people only realize that they are addicted to kratom when they stop.", "possible"),
    ("Many users get hooked on kratom within weeks.", "possible"),
    ("You will not get addicted to kratom.", "none"),
])
def test_people_who_are_addicted_say_it_can_happen_not_that_it_is_highly_addictive(text, level):
    # the second term reads the first as its cue ("chance of misuse and" -> possible)
    assert _levels(text) == [level]


def test_a_cue_in_the_next_clause_is_not_the_terms_own():
    # "is rare" belongs to "abuse", not to "addictive" before the ", and"
    assert _levels("Kratom is not addictive, and abuse is rare.") == ["low", "none"]


def test_evidence_is_the_sentence():
    text = "Intro line.\nKratom is highly addictive. Another sentence."
    row = claims(text, "addiction_risk").iloc[0]
    assert row["evidence"] == "Kratom is highly addictive."
    assert text[row["start"]:row["end"]] == row["evidence"]


def test_no_more_addictive_than_is_low():
    assert _levels("Kratom is no more addictive than coffee.") == ["low"]


def test_how_addictive_is_a_degree_not_a_negation():
    assert _levels('"People don\'t realize how habit-forming it is," she said.') == ["high"]


@pytest.mark.parametrize("text, level", [
    ("Kratom has a potential for abuse.", "possible"),
    ("Some users develop a dependence on kratom.", "possible"),
    ("Kratom can be addictive.", "possible"),
])
def test_more_stance_phrasings(text, level):
    assert _levels(text) == [level]


@pytest.mark.parametrize("text", ["The National Institute on Drug Abuse studies kratom.",
                                  "Child abuse is a crime.",
                                  "Lockdowns raised the risk of children suffering violence "
                                  "and abuse.",
                                  "Kratom users may face abuse and neglect at home."])
def test_abuse_that_is_not_about_the_substance(text):
    assert claims(text, "addiction_risk").empty


@pytest.mark.parametrize("text, level", [
    ("Kratom has addictive properties.", "possible"),
    ("Addiction is rare among kratom users.", "low"),
    ("Dependence is a risk with daily kratom use.", "possible"),
])
def test_claims_whose_cue_follows_the_term(text, level):
    assert _levels(text) == [level]


@pytest.mark.parametrize("text, level", [
    ("Kava is not habit-forming and does not lead to withdrawal symptoms.", "none"),
    ("Ibuprofen addiction is real.", "possible"),
    ("Caffeine addiction can be a real problem.", "possible"),
    ("For heavy users it becomes an addiction.", "possible"),
    ("The addictive potential of kratom is slim.", "low"),
    ("It has a high likelihood to be abused.", "high"),
    ("If used daily for months, kratom may cause dependence.", "possible"),
])
def test_stance_of_the_clause_and_what_it_governs(text, level):
    assert sorted(set(_levels(text))) == [level]


@pytest.mark.parametrize("text", [
    "The reason people stop taking kratom is not addiction but cost.",
    "Dependence is when the body adapts to a substance and needs it to function.",
    "Addiction is defined as compulsive use despite harm.",
    "To avoid becoming dependent, take regular breaks from kratom.",
    "Tolerance drives addiction in many people.",
    "Anything can be addictive: gambling, sex, or even jogging.",
    "If you are addicted to kratom, talk to a doctor.",
    "The question of whether kratom is addictive comes up often.",
    "When wondering is kratom addictive, first learn what it is.",
    "Researchers examined the potential for dependence in long-term users.",
    "These studies don't prove that kratom isn't addictive.",
    "The doses used were too small to give a useful addiction profile.",
    "Tolerance can be a sign that you have an addiction.",
])
def test_terms_that_are_dismissed_defined_asked_or_general_give_no_row(text):
    assert claims(text, "addiction_risk").empty


@pytest.mark.parametrize("text, level", [
    ("Some patients experience grueling withdrawal if taken off kratom.", "possible"),
    ("Without kratom, people can go into withdrawal.", "possible"),
    ("Kratom does not cause withdrawal.", "none"),
    # withdrawal says the thing happens, not how strongly: never more than possible
    ("Quitting is tough and kratom withdrawal has some unpleasant side effects.", "possible"),
])
def test_withdrawal_on_its_own_is_a_claim_that_dependence_happens(text, level):
    assert sorted(set(_levels(text))) == [level]


@pytest.mark.parametrize("text", [
    "The company announced the withdrawal of kratom products from the market.",
    "Social withdrawal is a sign of depression.",
    "Many people take kratom to ease withdrawal from opioids.",
    "Kratom is used to stave off withdrawal.",
    "The withdrawal from the market came in 2002.",
])
def test_withdrawal_of_a_product_or_as_something_treated_gives_no_row(text):
    assert claims(text, "addiction_risk").empty


def test_a_wonder_drug_is_no_question():
    text = ("While kratom might seem like a wonder drug to some people, it has a high chance "
            "of misuse and abuse.")
    assert _levels(text) == ["high"]


def test_a_higher_risk_compares_groups_it_does_not_say_highly_addictive():
    assert _levels("People who used more than 21 doses a week had a higher risk of "
                   "dependence.") == ["possible"]
    assert _levels("Kratom has a high risk of addiction.") == ["high"]


@pytest.mark.parametrize("text, levels", [
    ("While kratom isn't considered addictive, some people may become psychologically "
     "dependent on it.", ["none", "possible"]),
    ("Kratom addiction is a growing problem in the United States.", ["possible"]),
    ("The risk of addiction to kratom is real.", ["possible"]),
])
def test_dependence_said_in_other_words(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text", [
    "Kratom may reduce the risk of addiction to opioids.",
    "Kratom may reduce the risk of addiction to heroin.",
    "Kratom is used to treat addiction to opioids.",
])
def test_a_risk_of_addiction_to_something_else_is_no_claim_about_the_subject(text):
    assert claims(text, "addiction_risk").empty


def test_not_physically_addictive_is_a_qualified_denial():
    assert _levels("Caffeine should not be considered a physically addictive drug.") == ["low"]


def test_withdrawal_that_use_suppresses_is_no_level_of_its_own():
    assert claims("Continued kratom use is an attempt to suppress low grade withdrawal "
                  "symptoms.", "addiction_risk").empty


@pytest.mark.parametrize("text, levels", [
    ("Kratom also carries an addiction risk.", ["possible"]),
    ("We improved pain outcomes in people with addiction who use kratom.", []),
    ("None of the patients had withdrawal symptoms when the kratom patch was stopped.", []),
])
def test_risks_carried_conditions_of_people_and_study_groups(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, level", [
    ("No signs of withdrawal or dependence were observed in the trial.", ["none"]),
    ("Neither tolerance nor dependence was reported among participants.", ["none"]),
    ("The risk of dependence on kratom appears to be low.", ["low"]),
    # a description of the signs is still no claim
    ("Signs of dependence include needing more to get the same effect.", []),
])
def test_study_findings_of_no_dependence_and_a_risk_that_appears_low(text, level):
    assert _levels(text) == level


@pytest.mark.parametrize("text, level", [
    # a term joined to one that names something treated is treated too
    ("It has also been found that kratom reduces opioid dependence and withdrawal "
     "symptoms.", []),
    ("Kratom affects dopamine levels as do many addictive drugs.", []),
    ("People who get addicted to drugs develop dependence on their drug of choice.", []),
    ("You cannot develop physical dependence on kratom.", ["none"]),
])
def test_treated_terms_general_remarks_and_cannot(text, level):
    assert _levels(text) == level


@pytest.mark.parametrize("text, level", [
    ("Its benefit for depression has nothing to do with causing addictive risk.", ["none"]),
    ("Contrave combines Wellbutrin and the addiction drug naltrexone.", []),
    ("Kratom may have a niche among smokers with alcohol-dependence.", []),
    ("Kratom is an addictive drug.", ["high"]),
])
def test_addiction_drugs_hyphenated_conditions_and_nothing_to_do_with(text, level):
    assert _levels(text) == level


@pytest.mark.parametrize("text, level", [
    ("Kratom helped people sleep, with no evidence of physical dependence after prolonged "
     "use or reports of withdrawal symptoms after stopping the drug.", ["none"]),
    ("Kratom is not addictive, or so they say, and withdrawal is common.",
     ["none", "possible"]),
])
def test_a_denial_governs_terms_joined_to_it_by_or(text, level):
    assert _levels(text) == level


@pytest.mark.parametrize("text, expected", [
    ("There is a limited risk of physical or psychological dependence with kratom.", ["low"]),
    ("For kratom, the abuse potential is considered lower than that of most stimulants.",
     ["low"]),
    ("Researchers now recognize kratom dependence as a clinical disorder.", ["possible"]),
    ("Kratom dependence is a clinically meaningful disorder that affects many users.",
     ["possible"]),
    ("The DEA says kratom has been increasingly documented as a drug of abuse.", ["possible"]),
    ("Kratom produces effects similar to other drugs of dependence.", ["possible"]),
    # a remark about every drug of abuse is none about this one
    ("All drugs of abuse operate using some shared pathways.", []),
])
def test_risk_said_through_limits_comparisons_diagnoses_and_drugs_of_abuse(text, expected):
    assert _levels(text) == expected


@pytest.mark.parametrize("text, level", [
    # how bad withdrawal is, said of something that happens
    ("Heavy drinkers can also experience mild withdrawal symptoms such as headache.",
     "possible"),
    # listed among its side effects, linked to it, cases of it
    ("Some users experience side effects like drowsiness, tolerance buildup, and withdrawal "
     "symptoms if used frequently.", "possible"),
    ("In recent years, kratom has been linked to misuse and withdrawal problems.", "possible"),
    ("The maker agreed to modify the drug's label, following problems with dependency.",
     "possible"),
])
def test_withdrawal_that_happens_and_links_to_misuse_say_it_is_possible(text, level):
    assert _levels(text) == [level]


def test_a_class_it_is_compared_with_does_not_make_the_claim_about_the_class():
    rows = claims("Kratom is a leaf. While generally considered to have lower abuse potential "
                  "than stimulants like amphetamines, it still carries risks of dependence.",
                  "addiction_risk")
    assert sorted(zip(rows["subject"], rows["value"])) == [("kratom", "low"),
                                                           ("kratom", "possible")]


@pytest.mark.parametrize("text", [
    "Minor conditions like anxiety, or more serious problems like addiction, need care.",
    "Dopamine is linked to addiction.",
    # addictions to things that are no drug
    "Kratom users say impulsive behaviour is a factor in leading to food addiction.",
    "Kratom users may develop a sugar addiction, says the expert.",
    # cravings of a habit, and withdrawal from something else eased
    "High kratom levels may help a woman keep addictive cravings at bay.",
    "Kratom may reduce feelings of cigarette withdrawal.",
    # a link to topics, not a stance
    "See here for more info on kratom studies, including doses, addictive potential, etc:",
])
def test_problems_named_and_general_links_are_no_claims(text):
    assert _levels(text) == []


def test_the_addictive_stuff_in_an_apposition_is_high():
    assert _levels("It is not the same as kratom, the addictive stuff in the leaf.") == ["high"]


@pytest.mark.parametrize("text, expected", [
    # the stance of the class a claim sets the subject against is that class's
    ("Kratom has relatively low potential for dependence, acting differently than highly "
     "addictive stimulants like amphetamines.", [("kratom", "low")]),
    # "the same dependence as addictive substances": no high, and the denial reaches far
    ("While kratom does not cause the same type of physical dependence or withdrawal as "
     "addictive substances, it can lead to rebound pain.", [("kratom", "none")]),
    ("Studies have shown that kratom has little to no potential for dependency.",
     [("kratom", "low")]),
])
def test_classes_set_against_the_subject_and_little_to_no(text, expected):
    rows = claims(text, "addiction_risk")
    assert sorted(zip(rows["subject"], rows["value"])) == expected


@pytest.mark.parametrize("text, expected", [
    # names joined by "and" share the claim
    ("Nicotine and caffeine are two of the most common physically addictive chemicals.",
     [("caffeine", "high"), ("nicotine", "high")]),
    ("Unlike opioids, kratom and kava are not addictive.", [("kava", "none"), ("kratom", "none")]),
    # ... and so do the classes a comparison names: they are no subject
    ("Kratom, like opioids and benzodiazepines, can cause dependence.", [("kratom", "possible")]),
    ("Phenibut has a propensity for physical dependence.", [("phenibut", "possible")]),
])
def test_coordinated_names_share_a_claim_and_comparisons_name_no_subject(text, expected):
    rows = claims(text, "addiction_risk", subjects={"kratom", "kava", "caffeine", "phenibut"})
    assert sorted(zip(rows["subject"], rows["value"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Developing an addiction to kratom is generally considered a low risk.", ["low"]),
    # a button on a web page
    ('Use the "Report Abuse" button to make a difference.', []),
])
def test_a_risk_called_low_after_the_term_and_report_abuse_buttons(text, expected):
    assert _levels(text) == expected


def test_dependence_said_to_be_extremely_common_is_high():
    assert _levels("Kratom dependence and withdrawal are extremely common.") == ["high"]


def test_what_we_would_call_addictive_in_quotes_is_a_definition():
    assert _levels("People can be addicted to food, although none of these are what we’d "
                   "consider “classically addictive” like heroin or cocaine.") == []


@pytest.mark.parametrize("text", [
    "A lack of information has led casual users to believe, erroneously, that kratom is "
    "not addictive.",
    "A common myth is that kratom is not addictive.",
])
def test_a_belief_called_wrong_is_no_claim(text):
    assert claims(text, "addiction_risk", subjects=["kratom"]).empty


def test_addiction_last_in_a_list_of_conditions_treated_is_no_claim():
    text = ("Psilocybin is being studied for its therapeutic potential in treating "
            "depression, anxiety, PTSD, and addiction.")
    assert claims(text, "addiction_risk", subjects=["psilocybin"]).empty


@pytest.mark.parametrize("text", [
    "Addiction and withdrawal issues have not been noted with traditional use of kanna.",
    "Withdrawal symptoms have not been reported with kanna.",
])
def test_issues_never_noted_or_reported_are_no_risk(text):
    rows = claims(text, "addiction_risk", subjects=["kanna"])
    assert list(zip(rows["subject"], rows["value"])) == [("kanna", "none")]


@pytest.mark.parametrize("text, level", [
    ("Kava dependence has been reported in heavy users.", "possible"),
    ("St John's wort withdrawal is a very real, often frustrating experience.", "possible"),
    ("Kava dependence has not been reported.", "none"),
])
def test_reported_and_very_real_say_it_happens(text, level):
    rows = claims(text, "addiction_risk", subjects=["kava", "st john's wort"])
    assert list(rows["value"]) == [level]


@pytest.mark.parametrize("text, level", [
    ("Kratom is a stimulant. That means it’s addictive, as every user knows.", "high"),
    ("Kratom is a stimulant. They're addictive.", "high"),
    ("Kratom is a stimulant. It’s not addictive.", "none"),
    ("Headaches aren’t the only risk of kratom withdrawal.", "possible"),
])
def test_contracted_verbs_and_a_negation_of_something_else(text, level):
    assert _levels(text) == [level]


@pytest.mark.parametrize("text, level", [
    ("Neither tolerance nor dependence was observed.", "none"),
    ("There is a limited risk of physical or psychological dependence.", "low"),
])
def test_what_was_observed_or_the_risk_said_to_be_there_is_about_the_subject(text, level):
    assert _levels(text) == [level]


def test_a_general_remark_naming_no_substance_is_still_no_claim():
    assert _levels("Tolerance drives addiction.") == []
    assert _levels("There is no cure for addiction.") == []


def test_addicting_and_addictive_products_are_claims():
    assert _levels("The company goes on selling its deadly and addictive products.") == ["high"]
    assert _levels("Kratom is an addicting plant.") == ["high"]


def test_a_claim_in_an_apposition_is_about_the_name_it_describes():
    rows = claims("Some worry that e-cigarettes might introduce more people to nicotine, the "
                  "addicting chemical found in tobacco.", "addiction_risk",
                  subjects={"e-cigarettes"})
    assert list(zip(rows["subject"], rows["value"])) == [("nicotine", "high")]


@pytest.mark.parametrize("text", [
    "Controlled substances are drugs or chemicals whose possession and use are regulated by "
    "the U.S. government due to their potential for abuse and dependence.",
    "Congress set up a scheduling system, categorizing these substances into five schedules "
    "based on their accepted medical use, potential for abuse, and likelihood of causing "
    "dependence.",
])
def test_what_a_class_or_a_schedule_is_defined_by_is_no_claim(text):
    assert _levels(text) == []


def test_withdrawal_symptoms_when_stopped_say_withdrawal_can_happen():
    assert _levels("Adverse effects\n\n- Withdrawal symptoms when stopped") == ["possible"]
    assert _levels("There were no withdrawal symptoms after stopping kratom.") == ["none"]


def test_a_term_glossed_in_brackets_is_one_claim_with_the_term_before_it():
    rows = claims("The tablets are assumed to have a very low potential for abuse or physical "
                  "dependence (addiction).", "addiction_risk")
    assert list(rows["value"]) == ["low"]


@pytest.mark.parametrize("text", [
    "Many people believe that kratom is completely non-addictive, but studies suggest otherwise.",
    "This guide covers the complexities of kratom addiction and withdrawal.",
    "Kratom teas contain trace amounts of alkaloids but nowhere near the amount required to "
    "result in the type of addiction seen with opioids.",
])
def test_a_belief_reported_a_topic_named_and_an_amount_too_small_give_no_row(text):
    assert _levels(text) == []


def test_rather_low_is_low():
    assert _levels("The addictive potential of kratom is rather low.") == ["low"]


def test_the_owner_named_right_after_the_term_is_the_subject_whatever_comes_before():
    rows = claims("Compared with other stimulants (especially amphetamine, but also cocaine), "
                  "the addictive potential of kratom is rather low.", "addiction_risk",
                  subjects={"kratom", "cocaine", "amphetamine"})
    assert list(zip(rows["subject"], rows["value"])) == [("kratom", "low")]


@pytest.mark.parametrize("text, expected", [
    ("Regular kratom use can bring dependence, cravings, and withdrawal, though a formal "
     "addiction diagnosis is far less common.", ["possible"]),
    ("Yet that does not always mean addiction in the same sense used for kratom.", []),
])
def test_a_diagnosis_and_a_yardstick_are_no_risk_levels(text, expected):
    assert _levels(text) == expected


def test_not_the_same_addiction_as_opioids_is_low_not_none():
    assert _levels("Kratom does not produce the same addiction traits as alcohol or "
                   "opioids.") == ["low"]
    assert _levels("Kratom does not cause addiction.") == ["none"]


@pytest.mark.parametrize("text, levels", [
    # unlikely, seldom, uncommon: a low risk, never the strong one the verb after suggests
    ("Melatonin is unlikely to cause dependence.", ["low"]),
    ("It is unlikely that melatonin causes addiction.", ["low"]),
    ("Studies show kratom is seldom associated with addiction.", ["low"]),
    # a condition named as the clause's topic is a claim about how likely it is ...
    ("Addiction to kratom is rare, experts say.", ["low"]),
    ("Addiction to kratom is possible.", ["possible"]),
    # ... but not when it is another substance's, or something treated
    ("Addiction to cocaine is common.", []),
    ("Addiction to kratom is treated with buprenorphine.", []),
])
def test_unlikely_and_a_condition_said_to_be_rare(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    # a risk granted and then said to be small is low
    ("Modafinil carries a risk of misuse and dependency, albeit lower than other stimulants.",
     ["low"]),
    ("It also has some potential for abuse and dependence, though lower than cocaine.",
     ["low"]),
    ("Compared with other stimulants, the addictive potential of modafinil is rather low.",
     ["low"]),
    # a strong claim stays strong, and a bare risk stays possible
    ("Modafinil is highly addictive, though less so than cocaine.", ["high"]),
    ("Modafinil has a potential for abuse.", ["possible"]),
])
def test_a_risk_said_to_be_small_after_the_term_is_low(text, levels):
    assert _levels(text) == levels


def test_a_low_but_present_potential_is_low():
    assert _levels("Kratom is scheduled, recognizing its low, but present, potential for "
                   "misuse.") == ["low"]


@pytest.mark.parametrize("text", [
    "Evidence indicated that it might help in the treatment of tobacco and cannabis "
    "addiction.",
    "This article will explore kratom's pharmacology, potential for addiction, and risks.",
])
def test_conditions_treated_in_a_list_and_an_articles_plan_give_no_row(text):
    assert _levels(text) == []


@pytest.mark.parametrize("text, levels", [
    # a yardstick in "the same manner as" is not who the next claim is about
    ("While kratom is not considered physically addictive in the same manner as opioids or "
     "alcohol, some individuals may develop a psychological dependence on its effects.",
     ["low", "possible"]),
    ("Kratom is not as addictive as alcohol, but some people may become dependent.",
     ["low", "possible"]),
    # "not ... severe" and "not typically": qualified denials (annotators read both as low)
    ("Kratom does not typically cause withdrawal symptoms when stopped.", ["low"]),
    ("Kratom does not cause severe withdrawal symptoms.", ["low"]),
])
def test_same_manner_as_is_a_yardstick_and_qualified_denials_are_low(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    # a definition of the term says nothing of the subject's risk
    ("The first is physical dependence, which is a physical condition caused by the chronic "
     "use of a tolerance-forming drug.", []),
    ("Physical dependence is a state in which the body adapts to a drug.", []),
    # a condition said to be real is a claim that it happens
    ("Kratom dependence is a real condition that affects heavy users.", ["possible"]),
])
def test_definitions_of_dependence_give_no_row(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    # what dependence is, said of "the body" and "a substance", is no claim about the subject
    ("Physical dependence can occur when the body adapts to a substance, leading to "
     "withdrawal symptoms if use is stopped.", []),
    ("Kratom dependence can occur with long-term use.", ["possible"]),
])
def test_how_dependence_comes_about_in_general_gives_no_row(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    # it happens to users, with no modal: it can happen
    ("Long-term kratom users often become dependent.", ["possible"]),
    # few is low, a few is some
    ("Few users develop dependence on kratom.", ["low"]),
    ("A few users develop dependence on kratom.", ["possible"]),
])
def test_users_who_become_dependent_and_few_users(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    ("Its use without proper medical oversight could lead to abuse and addiction.",
     ["possible"]),
    ("Kratom can be stopped without withdrawal.", ["none"]),
    ("Users quit kratom without experiencing any withdrawal symptoms.", ["none"]),
])
def test_a_verb_ends_what_without_negates(text, levels):
    assert _levels(text) == levels


def test_what_a_schedule_means_is_no_claim_about_the_subject():
    def levels(text):
        return list(claims(text, "addiction_risk", subjects={"cbd"})["value"])
    assert levels("Schedule IV drugs have a low potential for abuse relative to Schedule III "
                  "drugs and also have an accepted medical use.") == []
    assert levels("CBD is a Schedule IV drug with a low potential for abuse.") == ["low"]


@pytest.mark.parametrize("text, levels", [
    ("There is no evidence to suggest that kratom (a herb) causes physical dependence or "
     "addiction in the same way as opioids.", ["none"]),
    ("There is good evidence that kratom causes dependence.", ["high"]),
    ("To minimize the risk of withdrawal, taper off kratom over several weeks.", []),
    ("Kratom has a lower risk of dependence than alcohol.", ["low"]),
])
def test_no_evidence_that_reaches_its_clause_and_goals_give_no_claim(text, levels):
    assert _levels(text) == levels


def test_what_a_treatment_does_to_addiction_is_no_risk_claim():
    assert claims("This guide delves into the world of kratom, exploring its uses, benefits, "
                  "potential side effects, and its impact on addiction and other health "
                  "conditions.", "addiction_risk").empty


@pytest.mark.parametrize("text, level", [
    ("Withdrawal symptoms may occur if you suddenly stop taking kratom.", "possible"),
    ("Despite being classified as a Schedule I drug in the US, recent research shows that "
     "kratom has a low potential for abuse.", "low"),
])
def test_withdrawal_on_stopping_it_and_a_claim_despite_its_schedule(text, level):
    assert list(claims(text, "addiction_risk")["value"]) == [level]


@pytest.mark.parametrize("text, level", [
    ("Kratom does not typically cause physical dependency.", "low"),
    ("Kratom is not usually associated with withdrawal symptoms.", "low"),
    ("Current scientific literature does not provide strong evidence to suggest that "
     "discontinuing kratom leads to withdrawal symptoms.", "none"),
    ("Kratom is not addictive.", "none"),
])
def test_not_typically_is_a_low_risk_and_evidence_denied_at_length_is_none(text, level):
    assert list(claims(text, "addiction_risk")["value"]) == [level]



def test_a_hedge_far_back_in_the_clause_does_not_reach_the_term():
    # only the rule marked `wide` reads past 80 characters: "may" here is too far back
    assert claims("While a person may be dependent, they do not experience the compulsive "
                  "seeking behavior or loss of control that defines true addiction.",
                  "addiction_risk").empty


def test_a_risk_that_was_assessed_is_no_risk_claimed():
    assert claims("After assessment of kratom's abuse potential, legitimate medical use, and "
                  "dependence liability the Secretary recommended that it be controlled.",
                  "addiction_risk").empty


@pytest.mark.parametrize("text, levels", [
    ("It’s good to know that kratom addiction isn’t a physical thing.", ["none"]),
    ("However, there is not enough information on the addiction potential of kratom, which "
     "warrants caution.", []),
])
def test_a_denial_after_the_term_and_a_gap_in_knowledge(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text", [
    "It is unclear if kratom may lead to compulsive behaviors, tolerance, dependence, and "
    "withdrawal symptoms that are associated with addiction.",
    "Because of the relatively weaker high, many people also believe kratom is safe and not "
    "likely to cause addiction.",
])
def test_what_is_unclear_or_only_popularly_believed_is_no_claim(text):
    assert claims(text, "addiction_risk").empty


def test_not_the_same_effects_of_addiction_as_heroin_is_a_lower_risk_not_none():
    rows = claims("While it does not cause the same neurological effects of addiction as other "
                  "substances such as heroin, excessive use of kratom can lead to dependency.",
                  "addiction_risk")
    assert "none" not in set(rows["value"])


@pytest.mark.parametrize("text, levels", [
    ("Kratom works, but it is neither addictive nor harmful.", ["none"]),
    ("Many people don’t realize that kratom is addictive.", ["high"]),
    ("Many users do not know that kratom can be addictive.", ["possible"]),
    ("Kratom is a plant. This is why things like gambling, sex, or shopping can become "
     "addictive too.", []),
])
def test_neither_nor_what_people_miss_and_activities_in_general(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, levels", [
    # the act of abusing named, not a risk said
    ("People abuse kratom because it increases focus.", []),
    ("People who abuse kratom may take doses above 300 mg per day.", []),
    ("Not only is abuse of kratom dangerous to their health, but it is also illegal.", []),
    ("Regarding the possible abuse of this herb, no adverse effects were seen in mice.", []),
    # ... but a risk of abuse, or a potential for it, is a claim
    ("The risk of abuse of kratom is real.", ["possible"]),
    ("Kratom has a potential for abuse.", ["possible"]),
    ("Abuse of kratom can lead to dependence.", ["possible"]),
])
def test_abusing_a_drug_is_an_act_and_a_risk_of_abuse_is_a_claim(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, level", [
    ("Kratom has a potential to form habit.", "possible"),
    ("Dependency on kratom can start at 10 grams a day.", "possible"),
    ("Kratom dependence can begin within weeks.", "possible"),
])
def test_forming_a_habit_and_a_dependence_that_can_start(text, level):
    assert _levels(text) == [level]


def test_a_schedule_that_the_sentence_says_means_a_risk_for_the_subject_is_a_claim():
    text = ("As a component of cannabis, kratom remains classified as a Schedule I controlled "
            "substance, meaning that it has a high potential for abuse.")
    assert _levels(text) == ["high"]
    assert _levels("Schedule I substances have a high potential for abuse.") == []


def test_the_pill_on_a_page_about_a_drug_is_that_drug():
    rows = claims("Modafinil is a wakefulness drug. Modafinil is prescribed for narcolepsy. "
                  "The pill has a mild potential for abuse.", "addiction_risk",
                  subjects={"modafinil"})
    assert list(zip(rows["subject"], rows["value"])) == [("modafinil", "low")]


@pytest.mark.parametrize("text, levels", [
    ("Even without true dependency, a person may experience symptoms of withdrawal if he or "
     "she stops taking kratom.", ["possible"]),
    ("Under medical supervision, doctors consider its risk of addiction fairly low.", ["low"]),
    ("Studies suggest that repeated low dose kratom infusions may have addictive properties.",
     ["possible"]),
])
def test_a_concession_a_risk_called_low_after_it_and_a_low_dose(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    ("Withdrawal seizures may also occur upon discontinuation.", ["possible"]),
    ("But misuse can lead to addiction.", ["possible"]),
    ("Addiction may very well be a kratom risk.", ["possible"]),
    ("Cravings and dependence may follow heavy use.", ["possible"]),
    ("Kratom is a leaf sold online. High potential for abuse.", ["high"]),
    # the potential of a schedule in general, with no word for the subject, is no claim
    ("As the schedule number increases, the potential for abuse and dependence generally "
     "decreases.", []),
])
def test_risks_that_may_follow_and_unnamed_claims_that_still_refer(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    ("Kratom is low-risk for dependence.", ["low"]),
    ("Kratom is a Schedule IV drug due to its potential for dependence, although this risk is "
     "considered relatively low compared to other controlled substances.", ["low"]),
])
def test_a_hyphenated_low_risk_and_a_risk_called_low_after_although(text, levels):
    assert _levels(text) == levels


@pytest.mark.parametrize("text, levels", [
    ("Kratom withdrawal occurs after taking kratom for a prolonged period.", ["possible"]),
    ("Kratom has potentially serious side effects and great risk for addiction.", ["high"]),
    ("Withdrawal occurs when the body adapts to a drug.", []),
])
def test_withdrawal_that_occurs_after_use_and_a_great_risk(text, levels):
    assert _levels(text) == levels


def test_a_discontinuation_syndrome_is_withdrawal_by_another_name():
    text = ("After stopping kratom, some people may experience a mild discontinuation syndrome "
            "as the brain readjusts.")
    assert _levels(text) == ["possible"]


def test_what_a_substance_mimics_is_not_what_its_risk_is_about():
    text = "Kratom mimics opioids like fentanyl and has a potential to form habit."
    rows = claims(text, "addiction_risk", subjects={"kratom", "fentanyl"})
    assert list(zip(rows["subject"], rows["value"])) == [("kratom", "possible")]


def test_a_nickname_is_no_substance_of_its_own():
    text = "Kratom, also known as “gas station heroin”, is highly addictive and even deadly."
    rows = claims(text, "addiction_risk", subjects={"kratom", "heroin"})
    assert list(zip(rows["subject"], rows["value"])) == [("kratom", "high")]
    named = claims("A drug called heroin is highly addictive.", "addiction_risk",
                   subjects={"kratom", "heroin"})
    assert list(named["subject"]) == ["heroin"]


def test_a_law_against_misuse_is_no_addiction_claim():
    text = ("The governor plans to sign a law that will make it illegal to misuse the strong "
            "animal tranquilizer kratom.")
    assert _levels(text) == []


@pytest.mark.parametrize("text, levels", [
    ("While kratom is less addictive than opioids, dependence is still possible.",
     ["low", "possible"]),
    ("Taking kratom every night can lead to reliance on it for sleep.", ["possible"]),
    ("Regular and heavy kratom consumption can lead to significant psychological reliance.",
     ["possible"]),
    ("Our reliance on kratom supplements for nutrition is growing.", []),
])
def test_dependence_said_to_be_possible_and_reliance_on_it(text, levels):
    assert sorted(_levels(text)) == levels


def test_an_incapability_to_cause_reliance_is_none_and_a_symptom_list_line_is_no_claim():
    text = ("Surveys have unveiled that kratom does not provoke addiction, instead displaying a "
            "lack of habituation and incapability to cause physical or psychological reliance.")
    assert _levels(text) == ["none"]
    assert _levels("– Starts to experience a physical and emotional reliance on the "
                   "substance") == []


@pytest.mark.parametrize("text", [
    "Since the substance is an extract from a plant, people are often unsure if they can get "
    "addicted to kratom.",
    "The World Health Organization has tests with which they determine a substance is "
    "addictive or not.",
    "In this article, we’ll take a closer look at what kratom is and what addiction looks like.",
])
def test_a_doubt_an_articles_plan_and_a_test_of_any_substance_are_no_claims(text):
    assert claims(text, "addiction_risk").empty


@pytest.mark.parametrize("text", [
    "The oil extracted from kratom reduces dependence on morphine and heroin.",
    "Dependence: A state where the body adapts to the drug, leading to withdrawal symptoms upon "
    "discontinuation.",
])
def test_a_treatments_effect_and_a_glossary_entry_are_no_claims(text):
    assert claims(text, "addiction_risk", subjects=frozenset({"kratom", "morphine"})).empty


@pytest.mark.parametrize("text, level", [
    ("Not everyone who uses kratom will become addicted.", "possible"),
    ("While not everyone develops an addiction to kratom, the question deserves thought.",
     "possible"),
    ("Not everyone knows that kratom is not addictive.", "none"),
])
def test_not_everyone_becoming_addicted_means_some_do(text, level):
    rows = claims(text, "addiction_risk")
    assert list(rows["value"]) == [level]


@pytest.mark.parametrize("text, levels", [
    ("Even after many considerations, kratom would never lead to drug dependency.", ["none"]),
    ("Health agencies ruled out kratom addiction risk.", ["none"]),
    ("So it is highly unlikely that you’ll become addicted to kratom, let alone develop a "
     "dependency on it.", ["low"]),
    ("Many young people and drug users alike believe that kratom isn’t addictive.", []),
    ("Since it is mild, many people wrongfully believe that kratom is not addictive.", []),
    ("It is understandable why one might think kratom causes addiction.", []),
    ("Kratom, when not abused, can help a person at work.", []),
    ("She works in drug addiction research.", []),
])
def test_a_belief_a_condition_of_use_and_a_ruled_out_risk(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, levels", [
    ("Kratom has also been subject to speculation regarding its addictive potential.", []),
    ("We will provide clarity on the addiction potential of kratom.", []),
    ("We need to look deeper to determine its individual potential for addiction.", []),
    ("This is dependence.", []),
    ("A person who is dependent on a drug is not necessarily addicted to it.", []),
    ("Kratom addiction is not considered to be a major issue.", ["none"]),
])
def test_the_question_an_article_takes_up_and_a_definition_are_no_claims(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, levels", [
    ("Kratom is a herbal drug. Physical dependence on the drug can develop within weeks.",
     ["possible"]),
    ("Kratom is mild. Even with opium, not everyone develops a dependency on the drug.", []),
    ("When kratom was first studied, scientists thought it unlikely to cause tolerance, "
     "dependence, or be misused.", []),
    ("I take kratom for pain. But I'm afraid I might become dependent on it.", []),
])
def test_dependence_on_the_drug_that_develops_a_past_belief_and_a_fear(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, levels", [
    ("Kratom is used in contexts where other substances used might cause addiction.", []),
    ("Unlike other stimulants, kratom can be addictive.", ["possible"]),
    ("With no crash, dependence, or jitters, kratom is gentle.", ["none"]),
])
def test_what_other_substances_do_is_no_claim_about_the_subject(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


def test_a_risk_said_of_a_whole_list_holds_for_each_member():
    rows = claims("Opioid medicines including codeine, tramadol, fentanyl and morphine all pose "
                  "a serious risk of addiction.", "addiction_risk", subjects=frozenset())
    assert sorted(zip(rows["subject"], rows["value"])) == [
        ("codeine", "high"), ("fentanyl", "high"), ("morphine", "high"), ("tramadol", "high")]


def test_examples_of_a_class_without_a_word_for_all_stay_examples():
    rows = claims("Drugs like LSD and psilocybin are not addictive.", "addiction_risk",
                  subjects=frozenset())
    assert list(rows["subject"]) == ["psilocybin"]


def test_addiction_among_side_effects_after_a_comma_is_possible():
    rows = claims("Kratom use can have dangerous or unwanted side effects, including addiction.",
                  "addiction_risk")
    assert list(rows["value"]) == ["possible"]


@pytest.mark.parametrize("text, levels", [
    ("Studies suggest that kratom may reduce problems related to [drug] addiction, such as "
     "withdrawal symptoms, craving, and impulsivity.", []),
    ("- How long does kratom withdrawal last", []),
    ("For decades, doctors without board certification in addiction could only prescribe "
     "kratom after training.", []),
    ("With the potential to abuse being so low, kratom is now considered safe.", ["low"]),
])
def test_a_treated_addiction_a_question_heading_a_field_and_a_risk_said_to_be_low(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, levels", [
    ("In some states kratom prescriptions require monitoring due to abuse potential.",
     ["possible"]),
    ("Kratom abuse is well-documented.", ["possible"]),
    ("Misusing kratom can lead to heart problems, psychosis, seizures, and addiction.",
     ["possible"]),
])
def test_a_reason_a_documented_abuse_and_addiction_at_the_end_of_a_list_of_harms(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text, levels", [
    ("Addiction has three defining features: compulsive use despite harmful consequences, "
     "cravings, and withdrawal symptoms when stopping.", []),
    ("What is clear is that concern about becoming dependent on kratom is not a reason to "
     "avoid it.", []),
    ("Several studies examined the addictive qualities of kratom, but none of them found any "
     "evidence that kratom is physically addicting.", ["none"]),
    ("None of the trials showed evidence that kratom causes dependence.", ["none"]),
])
def test_a_defining_list_a_worry_dismissed_and_evidence_none_of_the_studies_found(text, levels):
    assert list(claims(text, "addiction_risk")["value"]) == levels


@pytest.mark.parametrize("text", [
    "The package limits are aimed at curbing kratom misuse.",
    "Kratom Misuse and Abuse May Be Curbed By New Packaging",
])
def test_misuse_named_as_what_a_rule_curbs_is_no_claim(text):
    assert claims(text, "addiction_risk").empty


@pytest.mark.parametrize("text", [
    "This article explores kratom's discontinuation, addressing common concerns about potential "
    "withdrawal symptoms.",
    "Rather than “withdrawal,” experts describe it as a rebound.",
    "And of course there is still confusion surround kratom dependence.",
])
def test_an_articles_plan_a_word_set_aside_and_confusion_surrounding_a_term_are_no_claims(text):
    assert claims(text, "addiction_risk").empty
