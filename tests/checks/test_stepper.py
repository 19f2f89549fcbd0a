"""The walk state machine: answers by label or number, steps passed, errors explained."""

from __future__ import annotations

import pytest

from generator.checks.pipeline import check_edition
from generator.checks.stepper import StepError, Stepper
from generator.content.project import Layout
from generator.models import DecisionTree


@pytest.fixture
def tree(minimal_project: Layout) -> DecisionTree:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    return checked.edition.content.trees["police"].item


def test_labels_any_case_and_numbers_lead_to_the_outcome(tree: DecisionTree) -> None:
    stepper = Stepper(tree)
    assert stepper.choose("no").label == "No"
    stepper.advance_through_steps()
    assert stepper.current.id == "crime"
    assert stepper.choose("1").label == "Yes"
    assert stepper.finished
    assert stepper.route == ["danger", "record", "crime", "refer-police"]


def test_loop_back_answer_returns_to_the_earlier_step(tree: DecisionTree) -> None:
    stepper = Stepper(tree)
    stepper.choose("No")
    stepper.advance_through_steps()
    stepper.choose("Not sure")
    assert stepper.current.id == "record"
    assert not stepper.finished


@pytest.mark.parametrize("given", ["Maybe", "0", "3", ""])
def test_an_answer_that_does_not_fit_lists_the_options(tree: DecisionTree, given: str) -> None:
    stepper = Stepper(tree)
    with pytest.raises(StepError) as raised:
        stepper.choose(given)
    assert str(raised.value) == (
        f"expected one of 1. Yes, 2. No for 'Is a child in immediate danger?', got '{given}'"
    )
    assert stepper.current.id == "danger"


def test_choosing_at_an_outcome_is_an_error(tree: DecisionTree) -> None:
    stepper = Stepper(tree)
    stepper.choose("Yes")
    with pytest.raises(StepError, match="expected to be at a question, got outcome 'call-999'"):
        stepper.choose("Yes")
