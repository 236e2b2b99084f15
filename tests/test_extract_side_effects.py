"""Side effects: named list items per sentence, and 'few side effects' claims."""

from tests.conftest import claims


def test_list_after_cue_is_split_into_items():
    row = claims("Common side effects include dry mouth, nausea, and, in rare cases, "
                 "severe allergic reactions.", "side_effects").iloc[0]
    assert row["value"] == "dry mouth; nausea; allergic reactions"


def test_serious_items_mark_the_row():
    row = claims("Reported side effects include drowsiness and liver damage.",
                 "side_effects").iloc[0]
    assert row["level"] == "serious"


def test_few_side_effects_claim():
    rows = claims("Kratom offers relief with fewer side effects than opioids.", "side_effects")
    assert list(rows["level"]) == ["few"]


def test_not_without_side_effects_is_not_a_few_claim():
    assert claims("Kratom is not without potential side effects.", "side_effects").empty


def test_cause_needs_the_subject_before_it():
    assert claims("Nerve damage can cause pain, numbness and tingling.", "side_effects").empty
    rows = claims("Kratom can cause nausea, constipation and dizziness.", "side_effects")
    assert list(rows["value"]) == ["nausea; constipation; dizziness"]

