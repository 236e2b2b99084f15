"""The layer beyond the checklist, on articles written for the purpose: copies and
independence, credibility signals, cited studies, effect polarity, time-aware status and
reference mode — including the cases that must not be flagged."""

import pandas as pd
from click.testing import CliRunner

from analysis import analyse
from analysis.cli import main

COPIED = ("Kratom leaves have been chewed by farm workers in Southeast Asia for centuries "
          "to fight fatigue. ")


def _run(texts: dict[str, str], **kw):
    return analyse(pd.DataFrame({"id": list(texts), "text": list(texts.values())}), **kw)


def test_copied_sentences_are_found_and_copies_count_once():
    run = _run({
        "a": COPIED + "It says kratom is not addictive. Another line about farms and weather.",
        "b": COPIED + "Kratom is not addictive, the shop says. Some filler text about nothing.",
        "c": "Kratom is not addictive according to this independent writer.",
    })
    sentences = run.copies[run.copies["kind"] == "sentence"]
    assert len(sentences) == 1
    row = sentences.iloc[0]
    assert {row["article_a"], row["article_b"]} == {"a", "b"} and row["similarity"] >= 90
    none = run.agreement[(run.agreement["topic"] == "addiction_risk") &
                         (run.agreement["value"] == "none")].iloc[0]
    assert none["n_articles"] == 3
    assert none["n_independent"] == 3  # one copied sentence is not enough to merge sources


def test_articles_sharing_a_bio_are_one_source():
    bio = ("About the Author\n{name} is a renowned healthcare professional with over 15 years "
           "of experience in pain care. She holds a Master's degree in Nursing and writes "
           "about herbal medicine for several magazines and websites.")
    run = _run({"a": "Kratom is not addictive.\n\n" + bio.format(name="Dr. Ann Lee"),
                "b": "Kratom is not addictive at all.\n\n" + bio.format(name="Dr. Bea Fox")})
    assert "bio" in set(run.copies["kind"])
    none = run.agreement[run.agreement["value"] == "none"].iloc[0]
    assert (none["n_articles"], none["n_independent"]) == (2, 1)


def test_signals_report_evidence_per_column():
    run = _run({
        "shop": "Buy now with coupon KRATOM10 and free shipping! Kratom is completely safe "
                "and has no side effects.",
        "paper": "Published March 3, 2024. By Ann Lee, PhD\n\nA 2020 study in the Journal of "
                 "Psychopharmacology surveyed 500 adults who use kratom.",
    })
    sig = run.signals.set_index("article")
    assert sig.loc["shop", "commercial_intent"] >= 2
    assert "coupon" in sig.loc["shop", "commercial_intent_evidence"]
    assert sig.loc["shop", "absolute_claims"] >= 1
    assert sig.loc["shop", "author_named"] == "" and not sig.loc["shop", "date_present"]
    assert sig.loc["paper", "commercial_intent"] == 0 and sig.loc["paper", "absolute_claims"] == 0
    assert sig.loc["paper", "date_present"] and "2024" in sig.loc["paper",
                                                                  "date_present_evidence"]
    assert sig.loc["paper", "studies_cited"] == 1
    assert sig.loc["paper", "author_named"] == "Ann Lee"


def test_same_study_described_two_ways_is_flagged_and_consistent_one_is_not():
    run = _run({
        "a": "A 2019 study in the Journal of Herbal Pharmacology found that kava reduced "
             "anxiety in mice. Later, a study published in the Journal of Herbal "
             "Pharmacology showed that patients reported less anxiety.",
        "b": "A 2019 study in the Journal of Sleep Science found that valerian helped adults "
             "sleep. The Journal of Sleep Science study enrolled 120 adults.",
    })
    flagged = run.conflicts[run.conflicts["topic"] == "cited_study"]
    assert list(flagged["articles"]) == ["a"]
    assert set(run.studies["study"]) == {"herbal pharmacology", "sleep science"}


def test_effect_polarity_and_its_conflicts():
    run = _run({
        "a": "Skin darkening explained.\n\nHyperpigmentation from kratom is a harmless sign "
             "of safe long-term use. Hyperpigmentation is common in long-term users of kratom.",
        "b": "Kratom risks.\n\nHyperpigmentation, a darkening of the skin, is a side effect of "
             "kratom use. Hyperpigmentation is often reported by kratom users.",
        "c": "Kratom and skin.\n\nKratom could potentially benefit hyperpigmentation by "
             "reducing inflammation. Hyperpigmentation has many causes besides kratom.",
    })
    hp = run.assertions[run.assertions["topic"] == "hyperpigmentation"]
    assert dict(zip(hp["article"], hp["value"])) == {"a": "harmless", "b": "adverse",
                                                     "c": "benefit"}
    conflicts = run.conflicts[run.conflicts["topic"] == "hyperpigmentation"]
    scopes = set(conflicts["scope"])
    assert {"benefit vs adverse", "harmless vs adverse"} <= scopes
    assert "benefit vs harmless" not in scopes  # too close to call a conflict


def test_an_effect_of_one_treatment_is_never_held_against_another_treatment():
    # depression relieved by one drug, caused by another: two subjects, no disagreement
    run = _run({
        "k1": "Ketamine and depression\n\nKetamine relieves depression within hours, doctors "
              "say. In trials, ketamine helped depression in most patients.",
        "k2": "Ketamine clinics grow\n\nKetamine eased depression in a new study. Patients "
              "said ketamine helped their depression.",
        "i1": "Isotretinoin and mood\n\nIsotretinoin can cause depression as a side effect. "
              "Isotretinoin worsens depression, a study found.",
        "i2": "Isotretinoin risks\n\nIsotretinoin may trigger depression in some patients. "
              "Depression is a known adverse effect of isotretinoin.",
    })
    effects = run.assertions[run.assertions["kind"] == "effect"]
    assert set(effects["subject"]) == {"ketamine", "isotretinoin"}
    assert set(effects[effects["subject"] == "isotretinoin"]["value"]) == {"adverse"}
    assert run.conflicts[run.conflicts["topic"] == "depression"].empty


def test_status_at_different_times_is_a_change_not_a_contradiction():
    run = _run({"a": "Kratom was banned in Ohio in 2019.",
                "b": "Kratom became legal in Ohio in 2023.",
                "c": "Kratom is legal in Texas.", "d": "Kratom is banned in Texas."})
    c = run.conflicts[run.conflicts["topic"] == "legal_status"].set_index("scope")
    assert c.loc["Ohio", "kind"] == "changed-over-time"
    assert c.loc["Texas", "kind"] == "cross-source"
    years = run.assertions[run.assertions["topic"] == "legal_status"]["as_of"]
    assert set(years) >= {"2019", "2023"}


def test_reference_mode_lists_departures(tmp_path):
    (tmp_path / "agency.txt").write_text("Kratom is banned in Alabama. Kratom can lead to "
                                         "addiction.")
    (tmp_path / "blog.txt").write_text("Kratom is legal in all 50 states. Kratom is not "
                                       "addictive.")
    (tmp_path / "agrees.txt").write_text("Kratom is banned in Alabama, and it can lead to "
                                         "addiction.")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyse", str(tmp_path / "blog.txt"),
                                       str(tmp_path / "agrees.txt"), "--reference",
                                       str(tmp_path / "agency.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    dep = pd.read_csv(out / "departures.csv")
    assert set(dep["article"]) == {"blog"}
    assert set(dep["topic"]) == {"legal_status", "addiction_risk"}
    assert set(dep["reference"]) == {"agency"}
    from pypdf import PdfReader
    text = "\n".join(p.extract_text() for p in PdfReader(str(out / "report.pdf")).pages)
    assert "Departures from the reference" in text and "Credibility signals" in text


def test_an_adverse_event_database_named_is_no_adverse_effect():
    run = _run({
        "k1": "Ketamine and depression\n\nKetamine relieves depression within hours. "
              "Researchers mined the FDA Adverse Event Reporting System for depression "
              "symptoms in patients taking ketamine.",
        "k2": "Ketamine clinics\n\nKetamine eased depression in a new study. Patients said "
              "ketamine helped their depression.",
    })
    effects = run.assertions[run.assertions["topic"] == "depression"]
    assert set(effects["value"]) == {"benefit"}
    assert run.conflicts[run.conflicts["topic"] == "depression"].empty
