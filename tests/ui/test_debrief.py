"""The debrief: each answer is one click from a plus, a minus or a note."""

from __future__ import annotations

from followup import example_workspace
from followup.session import DEBRIEF_QUESTIONS
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401

ACME = "acme-data-engineer"


def debrief_app():
    view = make_app(example_workspace())
    view.show_tab(view.debrief)
    return view


def box(view, key):
    return next(b for b in view.debrief.questions if b.question.key == key)


def test_the_debrief_asks_the_careful_candidate_s_questions():
    view = debrief_app()
    asked = [b.root.children[0].value for b in view.debrief.questions]
    assert asked == [q.question for q in DEBRIEF_QUESTIONS]
    assert any("hiring manager" in q for q in asked)
    assert any("exciting" in q and "not expect" in q for q in asked)
    assert view.debrief.heading.value == "Debrief: Acme Analytics — Senior Data Engineer"


def test_an_answer_becomes_a_plus_on_the_t():
    view = debrief_app()
    exciting = box(view, "exciting")
    exciting.answer.value = "They open-source their tooling"
    exciting.as_plus.click()
    factor = view.session.state.opportunity(ACME).factors[-1]
    assert (factor.label, factor.side) == ("They open-source their tooling", "plus")
    assert exciting.answer.value == ""
    assert exciting.result.value.startswith("Added 1 plus")
    view.show_tab(view.t_chart)
    assert view.t_chart.rows[-1].label.value == "They open-source their tooling"


def test_an_answer_becomes_minuses_one_per_line():
    view = debrief_app()
    worries = box(view, "worries")
    worries.answer.value = "No training budget\nOpen-plan office"
    worries.as_minus.click()
    factors = view.session.state.opportunity(ACME).factors[-2:]
    assert [(f.label, f.side) for f in factors] == [
        ("No training budget", "minus"),
        ("Open-plan office", "minus"),
    ]


def test_an_answer_becomes_a_note_the_follow_up_will_use():
    view = debrief_app()
    learned = box(view, "learned")
    learned.answer.value = "they deploy on Fridays"
    learned.as_note.click()
    assert view.session.state.opportunity(ACME).notes.learned[-1] == "they deploy on Fridays"
    view.show_tab(view.details)
    assert view.details.notes["learned"].value.endswith("they deploy on Fridays")


def test_an_empty_answer_is_refused_with_a_message():
    view = debrief_app()
    hire = box(view, "hire")
    hire.as_plus.click()
    assert hire.result.value == "Type an answer first."
    assert view.session.state.opportunity(ACME) == example_workspace().opportunity(ACME)


def test_answers_are_cleared_when_another_opportunity_is_selected():
    view = debrief_app()
    box(view, "learned").answer.value = "half-typed"
    view.opportunities.select.value = "globex-analytics-engineer"
    assert box(view, "learned").answer.value == ""
    assert view.debrief.heading.value.startswith("Debrief: Globex Corporation")


def test_an_answer_is_checked_as_it_is_typed():
    view = debrief_app()
    learned = box(view, "learned")
    learned.answer.value = "the platfrom team is growing"
    assert [f.word for f in learned.findings.findings] == ["platfrom"]
    learned.findings.add_buttons["platfrom"].click()
    assert learned.findings.findings == ()
    assert learned.answer.value == "the platfrom team is growing"  # still there to keep
