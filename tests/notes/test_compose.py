"""The notes: what a thank-you and a check-in say, how they read, and when they are refused."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.errors import EtiquetteError, ValidationError
from followup.etiquette import next_step, record_event
from followup.model import Contact, Event, Factor, Notes, Opportunity, Workspace
from followup.notes.compose import draft_note, greeting_name, known_words, talking_points
from followup.notes.greeting import lowercase_name, name_capitalized
from followup.notes.phrases import read_item
from followup.notes.templating import clause, join_phrases, sentence
from followup.notes.thank_you import has_something_to_say
from followup.notes.writing import count_words
from tests.strategies import contacts, dates, notes, opportunities

STORY_DAY = dt.date(2026, 12, 1)
EXAMPLE_DAYS = [
    dt.date(2026, 11, 25),
    dt.date(2026, 11, 26),
    STORY_DAY,
    dt.date(2026, 12, 5),
    dt.date(2026, 12, 20),
]
INTERVIEW = dt.date(2026, 11, 20)


def single(notes: Notes, **changes: object) -> Workspace:
    """A workspace with one passing opportunity whose thank-you is due."""
    opportunity = Opportunity(
        id="initech",
        company="Initech",
        role="Backend Engineer",
        interview_date=INTERVIEW,
        interviewers=(Contact("Bill Lumbergh", email="bill@initech.example"),),
        factors=(Factor("Interesting payments domain", "plus", 6),),
        notes=notes,
    )
    opportunity = replace(opportunity, **changes)
    return Workspace(opportunities=(opportunity,), owner=Contact("Alex Example"))


def thank_you(notes: Notes, **changes: object) -> str:
    return draft_note(single(notes, **changes), "initech", today=INTERVIEW).body


def paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


FULL = Notes(
    discussed=("retrying failed card payments safely",),
    learned=("the team is replacing its billing service next year",),
    stronger_because=("I built an idempotent payments queue at my last job",),
    exciting=("the billing rewrite",),
    company_fact="Initech moved its payments to a new processor this year",
    fact_comment="it shows the team takes reliability seriously",
)


# -- the example workspace: zero findings of the note's own making -----------------------


def example_drafts(workspace: Workspace, today: dt.date) -> list[tuple[str, str]]:
    return [
        (opportunity_id, kind)
        for opportunity_id in workspace.ids
        for kind in next_step(workspace, opportunity_id, today=today).allowed_kinds
    ]


@pytest.mark.parametrize("today", EXAMPLE_DAYS, ids=str)
def test_every_example_note_has_no_findings(workspace: Workspace, today: dt.date) -> None:
    drafts = example_drafts(workspace, today)
    assert drafts, "the example should allow some note on this day"
    for opportunity_id, kind in drafts:
        draft = draft_note(workspace, opportunity_id, today=today, kind=kind)
        assert draft.findings == (), (opportunity_id, kind, draft.findings)


def test_example_notes_further_along_the_plan_have_no_findings(workspace: Workspace) -> None:
    ws = record_event(
        workspace, "umbrella-ml-engineer", "recruiter_called", on=dt.date(2026, 11, 24)
    )
    ws = record_event(ws, "northwind-platform-lead", "thank_you_sent", on=dt.date(2026, 11, 25))
    later = dt.date(2026, 12, 9)
    kinds = {
        ("umbrella-ml-engineer", "thank_you"): STORY_DAY,
        ("northwind-platform-lead", "check_in"): later,
        ("initech-backend-engineer", "check_in"): later,
    }
    for (opportunity_id, kind), today in kinds.items():
        draft = draft_note(ws, opportunity_id, today=today, kind=kind)
        assert draft.findings == (), (opportunity_id, draft.findings)


def test_example_thank_yous_fit_the_length_band(workspace: Workspace) -> None:
    for opportunity_id in ("northwind-platform-lead", "pied-piper-compression"):
        body = draft_note(workspace, opportunity_id, today=STORY_DAY).body
        assert 120 <= count_words(body) <= 250


def test_a_typo_in_the_notes_is_carried_verbatim_and_flagged() -> None:
    notes = replace(FULL, learned=("the team will recieve a new billing service",))
    draft = draft_note(single(notes), "initech", today=INTERVIEW)
    assert "recieve a new billing service" in draft.body
    (finding,) = draft.findings
    assert (finding.kind, finding.text, finding.suggestion) == ("spelling", "recieve", "receive")
    assert draft.body[finding.start : finding.start + len(finding.text)] == "recieve"


def test_names_of_the_workspace_are_known_words_but_notes_are_not(workspace: Workspace) -> None:
    words = known_words(workspace, "northwind-platform-lead")
    assert {"Priya", "Natarajan", "Okafor", "Northwind", "Alex"} <= set(words)
    assert "clinicians" not in words and "Acme" not in words


# -- the thank-you: every element, the user's words verbatim ---------------------------------


def test_the_thank_you_holds_every_element_of_the_seed(workspace: Workspace) -> None:
    opportunity = workspace.opportunity("northwind-platform-lead")
    draft = draft_note(workspace, opportunity.id, today=STORY_DAY)
    body = draft.body
    assert draft.kind == "thank_you" and draft.to == opportunity.interviewers[0]
    assert body.startswith("Dear Priya,\n\n")
    # The example writes US English: "November 24", without the year of today.
    assert "Thank you for taking the time to meet with me on November 24" in body
    assert "Platform Engineering Lead role at Northwind Health" in body
    for item in (*opportunity.notes.discussed, *opportunity.notes.learned):
        assert item in body
    for item in opportunity.notes.stronger_because:
        assert item in body
    assert re.search(r"even more (confident|sure) that I (am|can|would)", body)
    # What the person brings, to what excites them: no stock "win for both sides".
    assert "hance to shorten the wait for lab results" in body
    assert "hat experience" in body and "win for both sides" not in body
    assert f"read on your website that {opportunity.notes.company_fact}." in body
    assert "Reliable platforms matter most when care reaches more people." in body
    assert "Sam Okafor" in body
    assert body.endswith("Best regards,\nAlex Example")
    assert draft.subject == "Thank you for the Platform Engineering Lead interview"


def test_without_a_company_fact_the_exciting_part_takes_its_place() -> None:
    body = thank_you(replace(FULL, stronger_because=(), company_fact="", fact_comment=""))
    assert re.search(r"I am (especially|most) excited about the billing rewrite\.", body)
    assert "processor" not in body and "hat experience" not in body


def test_the_fact_comment_starting_a_sentence_gets_a_capital_and_nothing_else_changes() -> None:
    body = thank_you(replace(FULL, fact_comment="iOS apps and the API matter to me"))
    assert "iOS apps and the API matter to me." in body
    body = thank_you(FULL)
    assert "It shows the team takes reliability seriously." in body


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (("a new approach to video compression",), " a new approach to video compression."),
        (("caching", "tracing"), " caching and tracing."),
        (("caching", "tracing", "queues"), " caching, tracing and queues."),
        (("caching, mostly", "tracing", "queues"), " caching, mostly; tracing and queues."),
    ],
    ids=["one", "two", "three", "three-with-commas"],
)
def test_lists_read_naturally_with_any_number_of_items(
    items: tuple[str, ...], expected: str
) -> None:
    assert expected in thank_you(replace(FULL, discussed=items))


def test_learned_items_each_get_their_that() -> None:
    body = thank_you(replace(FULL, learned=("x is hard", "y is easy")))
    assert "to learn that x is hard and that y is easy." in body


def test_a_learned_item_with_its_own_opener_gets_no_extra_that() -> None:
    body = thank_you(replace(FULL, learned=("how releases are reviewed", "that y is easy")))
    assert "to learn that y is easy." in body
    assert "learn more about how releases are reviewed." in body
    assert "that how" not in body and "that that" not in body


@pytest.mark.parametrize(
    ("changes", "present", "absent"),
    [
        ({"discussed": ()}, "learn that the team is replacing", "retrying failed"),
        ({"learned": ()}, "about retrying failed card payments safely", "replacing its billing"),
        ({"discussed": (), "learned": ()}, "Thank you for", "retrying failed"),
        ({"stronger_because": ()}, "the billing rewrite", "strong fit"),
        ({"company_fact": ""}, "that experience to the billing rewrite", "processor"),
        ({"fact_comment": ""}, "new processor this year.\n", "reliability seriously"),
        (
            {"company_fact": "", "exciting": ()},
            "idempotent payments queue",
            "reliability seriously",
        ),
    ],
    ids=[
        "no-discussed",
        "no-learned",
        "neither",
        "no-stronger",
        "no-fact",
        "no-comment",
        "no-fact-no-exciting",
    ],
)
def test_an_empty_optional_part_leaves_no_trace(
    changes: dict[str, object], present: str, absent: str
) -> None:
    body = thank_you(replace(FULL, **changes))  # type: ignore[arg-type]
    assert present in body and absent not in body
    assert_clean_layout(body)


def test_a_comment_without_its_fact_is_left_out() -> None:
    body = thank_you(replace(FULL, company_fact=""))
    assert "reliability seriously" not in body


def test_trailing_punctuation_typed_in_a_note_does_not_double_up() -> None:
    body = thank_you(replace(FULL, discussed=("retrying payments.",), fact_comment="it matters!"))
    assert "retrying payments." in body and ".." not in body and "!." not in body


def test_user_text_is_never_run_as_a_template() -> None:
    notes = replace(
        FULL,
        discussed=("{{ 7*7 }}",),
        learned=("{% include '/etc/passwd' %}",),
        company_fact="{{ ''.__class__.__mro__ }}",
    )
    body = thank_you(notes, company="{{ company }}", role="{# role #}")
    assert "{{ 7*7 }}" in body and "49" not in body
    assert "{% include '/etc/passwd' %}" in body
    assert "{{ ''.__class__.__mro__ }}" in body
    assert "{{ company }}" in body and "{# role #}" in body


def test_text_bodies_keep_ampersands_and_angle_brackets() -> None:
    body = thank_you(FULL, company='AT&T "R&D" <Legal>')
    assert 'role at AT&T "R&D" <Legal>.' in body and "&amp;" not in body


# -- the greeting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Jordan Rivera", "Jordan"),
        ("Cher", "Cher"),
        ("Dr. Jane Smith", "Dr. Smith"),
        ("Prof Ada Byron", "Prof Byron"),
        ("J. Rivera", "J. Rivera"),
        ("María José García", "María"),
    ],
)
def test_the_greeting_uses_the_first_name_unless_a_title_is_given(name: str, greeting: str) -> None:
    assert greeting_name(Contact(name)) == greeting


def test_the_note_greets_the_first_interviewer() -> None:
    people = (Contact("Dr. Jane Smith"), Contact("Sam Okafor"), Contact("Lee Chan"))
    body = thank_you(FULL, interviewers=people)
    assert body.startswith("Dear Dr. Smith,")
    assert "Sam Okafor and Lee Chan" in body


# -- the check-in ------------------------------------------------------------------------


def test_the_check_in_is_short_names_the_role_and_asks_the_three_questions(
    workspace: Workspace,
) -> None:
    draft = draft_note(workspace, "acme-data-engineer", today=STORY_DAY)
    body = draft.body
    assert draft.kind == "check_in" and draft.to.name == "Jordan Rivera"
    assert count_words(body) < 120
    assert "Senior Data Engineer role at Acme Analytics" in body
    assert "interview on November 10" in body and "note of November 11" in body
    assert "whether my note reached you" in body
    assert "whether a decision has been made" in body
    assert "If not, may I come back to make my case" in body
    assert body.endswith("Best regards,\nAlex Example")
    assert draft.subject == "Following up on the Senior Data Engineer interview"


def test_a_check_in_without_an_interview_date_still_reads_well() -> None:
    ws = single(FULL, interview_date=None, events=(Event("thank_you_sent", INTERVIEW),))
    body = draft_note(ws, "initech", today=INTERVIEW + dt.timedelta(days=14)).body
    assert "my interview for the Backend Engineer role" in body
    assert_clean_layout(body)


# -- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opportunity_id", "kind", "pattern"),
    [
        ("globex-analytics-engineer", None, "does not pass"),
        ("hooli-site-reliability", "thank_you", "personally"),
        ("umbrella-ml-engineer", "thank_you", "Casey Morgan"),
        ("acme-data-engineer", "thank_you", "already|sent on 2026-11-11"),
        ("initech-backend-engineer", "check_in", r"allowed from 2026-12-05 \(14 days"),
        ("initech-backend-engineer", None, "2026-12-05"),
        ("northwind-platform-lead", "check_in", "thank-you first"),
    ],
)
def test_draft_note_refuses_what_the_plan_does_not_allow(
    workspace: Workspace, opportunity_id: str, kind: str | None, pattern: str
) -> None:
    with pytest.raises(EtiquetteError, match=pattern):
        draft_note(workspace, opportunity_id, today=STORY_DAY, kind=kind)


def test_a_note_needs_an_interviewer_to_address() -> None:
    with pytest.raises(ValidationError, match=r"initech.interviewers must name at least one"):
        draft_note(single(FULL, interviewers=()), "initech", today=INTERVIEW)


def test_a_note_needs_an_owner_to_sign() -> None:
    ws = replace(single(FULL), owner=None)
    with pytest.raises(ValidationError, match="owner must be set"):
        draft_note(ws, "initech", today=INTERVIEW)


def test_an_unknown_kind_is_refused_as_invalid() -> None:
    with pytest.raises(ValidationError, match="kind must be"):
        draft_note(single(FULL), "initech", today=INTERVIEW, kind="thanks")


# -- talking points --------------------------------------------------------------------------


def test_talking_points_for_the_recruiter_call(workspace: Workspace) -> None:
    opportunity = workspace.opportunity("umbrella-ml-engineer")
    points = talking_points(workspace, opportunity.id)
    assert "Casey Morgan (Talent Partner, BrightPath Recruiting)" in points
    assert "I want to continue: the balance is +12 (pluses 26, minuses 14)." in points
    for factor in opportunity.factors:
        assert f"- {factor.label} (weight {factor.weight})" in points
    assert "- The funding runway\n" in points and "- Late nights before demos\n" in points
    assert "Excited about the quarterly evaluation reports." in points
    assert "What feedback have you had from Umbrella Labs so far?" in points
    assert "thank-you note to Dana Whitfield" in points
    assert "- \n" not in points and not points.endswith("\n\n")


def test_talking_points_without_a_recruiter_or_a_pass(workspace: Workspace) -> None:
    points = talking_points(workspace, "globex-analytics-engineer")
    assert "I am not sure I want to continue" in points
    assert "Call with" not in points and "feedback have you had" not in points


def test_talking_points_with_nothing_noted_leave_out_empty_sections() -> None:
    bare = Opportunity("bare", "Bare Inc", "Engineer")
    points = talking_points(Workspace(opportunities=(bare,)), "bare")
    assert "Pluses to mention" not in points and "Concerns to raise" not in points
    assert "Questions to ask\n- What are the next steps" in points
    assert "- \n" not in points


# -- helpers -------------------------------------------------------------------------------


@pytest.mark.slow
def test_importing_the_follow_up_modules_loads_no_heavy_library() -> None:
    code = (
        "import sys, followup.notes, followup.etiquette, followup.export\n"
        "print(sorted(m for m in ('jinja2', 'spellchecker', 'icalendar', 'matplotlib',"
        " 'ipywidgets') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_join_phrases_and_sentence_helpers() -> None:
    assert join_phrases([]) == ""
    assert join_phrases(["a"], each="that ") == "that a"
    assert clause("done!?") == "done" and clause("...") == "..."
    assert sentence("ßtraße") == "SStraße" and sentence("") == ""
    assert sentence("élan") == "Élan"


# -- properties ------------------------------------------------------------------------------


def assert_clean_layout(body: str) -> None:
    """What a template slip would leave behind: doubled spaces, stray blank lines, loose ends."""
    assert "\n\n\n" not in body
    assert not re.search(r"^[ \t]|[ \t]$", body, flags=re.MULTILINE)
    assert "  " not in body
    assert " ." not in body and " ," not in body
    for paragraph in paragraphs(body):
        assert paragraph.strip()


_BRACELESS = st.characters(
    exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs"), exclude_characters="{}%#"
)
_words = st.text(_BRACELESS, min_size=1, max_size=12)
phrases = st.lists(_words, min_size=1, max_size=4).map(" ".join)
braceless_notes = st.builds(
    Notes,
    discussed=st.lists(phrases, max_size=3).map(tuple),
    learned=st.lists(phrases, max_size=3).map(tuple),
    stronger_because=st.lists(phrases, max_size=3).map(tuple),
    exciting=st.lists(phrases, max_size=3).map(tuple),
    concerns=st.lists(phrases, max_size=2).map(tuple),
    company_fact=st.just("") | phrases,
    fact_comment=st.just("") | phrases,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    opportunity=opportunities(opportunity_id="job"),
    owner=contacts,
    interviewer=contacts,
    user_notes=braceless_notes,
    today=dates,
)
def test_any_valid_opportunity_renders_its_allowed_notes(
    opportunity: Opportunity,
    owner: Contact,
    interviewer: Contact,
    user_notes: Notes,
    today: dt.date,
) -> None:
    opportunity = replace(
        opportunity,
        factors=(*opportunity.factors, Factor("Weighty plus", "plus", 10)),
        interviewers=(interviewer, *opportunity.interviewers),
        notes=user_notes,
        company="Acme",
        role="Engineer",
    )
    ws = Workspace(opportunities=(opportunity,), owner=owner)
    step = next_step(ws, "job", today=today)
    for kind in step.allowed_kinds:
        draft = draft_note(ws, "job", today=today, kind=kind)
        body = draft.body
        assert "{{" not in body and "{%" not in body and "}}" not in body
        if not body:  # nothing to say: the draft asks for the notes instead
            assert kind == "thank_you" and draft.checklist
            continue
        assert body.startswith(f"Dear {greeting_name(interviewer)},\n\n")
        signature = name_capitalized(owner.name.split()) if lowercase_name(owner) else owner.name
        assert body.endswith(f"\n{signature}")
        if kind == "thank_you":
            assert_items_in(body, user_notes)
    talking_points(ws, "job")


@settings(max_examples=40, deadline=None)
@given(user_notes=notes)
def test_any_notes_make_a_thank_you_with_a_clean_layout(user_notes: Notes) -> None:
    body = thank_you(user_notes)
    assert_layout_ignoring_user_spaces(body, user_notes)


def assert_items_in(body: str, user_notes: Notes) -> None:
    """Every note item of the recall and strength parts is in the body, as read for its sentence."""
    lists = {
        "discussed": user_notes.discussed,
        "learned": user_notes.learned,
        "stronger_because": user_notes.stronger_because,
    }
    for list_name, items in lists.items():
        for item in items:
            phrase = read_item(item, item_list=list_name)  # type: ignore[arg-type]
            if phrase.problem == "nothing after the lead-in":
                continue
            assert phrase.text[1:] in body, (item, phrase)


def assert_layout_ignoring_user_spaces(body: str, user_notes: Notes) -> None:
    """Like :func:`assert_clean_layout`, for text whose user parts may hold any spacing."""
    assert (body == "") == (not has_something_to_say(user_notes))
    if not body:
        return
    assert "\n\n\n" not in body
    assert all(paragraph.strip() for paragraph in paragraphs(body))
    assert_items_in(body, user_notes)


# -- recipients, English, greeting settings ---------------------------------------------------

PANEL = (Contact("Priya Natarajan"), Contact("Dr. Sam Okafor"), Contact("Lee Chan"))


def test_each_interviewer_can_get_the_note_and_the_others_are_thanked_by_name() -> None:
    ws = single(FULL, interviewers=PANEL)
    bodies = {
        person.name: draft_note(ws, "initech", today=INTERVIEW, to=person.name).body
        for person in PANEL
    }
    assert bodies["Priya Natarajan"].startswith("Dear Priya,")
    assert bodies["Dr. Sam Okafor"].startswith("Dear Dr. Okafor,")
    assert "Priya Natarajan and Lee Chan" in bodies["Dr. Sam Okafor"]
    assert "Dr. Sam Okafor and Lee Chan" in bodies["Priya Natarajan"]
    openings = {body.split("\n\n")[1] for body in bodies.values()}
    assert len(openings) == 3, "colleagues' notes open the same way"


def test_the_recipient_is_matched_without_regard_to_case_or_spacing() -> None:
    ws = single(FULL, interviewers=PANEL)
    draft = draft_note(ws, "initech", today=INTERVIEW, to="  lee   CHAN ")
    assert draft.to == PANEL[2] and draft.body.startswith("Dear Lee,")


def test_an_unknown_recipient_is_refused_naming_the_interviewers() -> None:
    ws = single(FULL, interviewers=PANEL)
    with pytest.raises(
        ValidationError,
        match=r"to must be the name of one of the interviewers "
        r"\(Priya Natarajan, Dr. Sam Okafor, Lee Chan\); got 'Bob'",
    ):
        draft_note(ws, "initech", today=INTERVIEW, to="Bob")


def test_uk_english_writes_the_day_before_the_month() -> None:
    ws = single(FULL)
    ws = replace(ws, settings=replace(ws.settings, english="UK"))
    body = draft_note(ws, "initech", today=INTERVIEW).body
    assert " on 20 November " in body and "November 20" not in body


def test_the_year_is_written_only_when_it_is_not_this_year() -> None:
    ws = single(FULL, interview_date=dt.date(2026, 12, 30))
    body = draft_note(ws, "initech", today=dt.date(2027, 1, 2)).body
    assert "on December 30, 2026, " in body


def test_uk_english_spells_the_framing_words_the_uk_way() -> None:
    bodies = []
    for number in range(30):
        ws = single(FULL, id=f"job-{number}", events=(Event("thank_you_sent", INTERVIEW),))
        ws = replace(ws, settings=replace(ws.settings, english="UK"))
        bodies.append(draft_note(ws, f"job-{number}", today=INTERVIEW + dt.timedelta(days=15)).body)
    assert any("I realise that these decisions take time." in body for body in bodies)
    assert not any("realize" in body for body in bodies)


def test_a_formal_greeting_uses_the_full_name_and_never_guesses_a_title() -> None:
    ws = single(FULL, interviewers=(Contact("Rachel Stein"),))
    ws = replace(ws, settings=replace(ws.settings, greeting="formal"))
    assert draft_note(ws, "initech", today=INTERVIEW).body.startswith("Dear Rachel Stein,")


# -- the company fact: where it came from, and "also" only after something ---------------------


@pytest.mark.parametrize(
    ("source", "verb", "wrong"),
    [
        ("interview", "hear", ("read", "learn that")),
        ("website", "read on your website", ("hear",)),
        (None, "learn", ("read", "hear")),
    ],
)
def test_the_fact_says_where_it_came_from(
    source: str | None, verb: str, wrong: tuple[str, ...]
) -> None:
    notes = replace(FULL, discussed=(), learned=(), fact_source=source)
    body = thank_you(notes)
    (fact,) = [p for p in paragraphs(body) if "new processor" in p]
    assert verb in fact and not any(word in fact for word in wrong), fact
    assert " also " not in fact, "nothing was learned before the fact"


def test_also_comes_only_after_something_was_said() -> None:
    body = thank_you(replace(FULL, fact_source="interview"))
    (fact,) = [p for p in paragraphs(body) if "new processor" in p]
    assert " also " in fact
    recall = paragraphs(body)[2]
    assert " also " not in recall.split(". ")[0]


def test_a_fact_typed_as_a_sentence_reads_as_a_clause() -> None:
    body = thank_you(replace(FULL, company_fact="The school won a state STEM grant last year."))
    assert "that the school won a state STEM grant last year." in body


# -- the check-in: the recruiter, one specific point, short ------------------------------------


def test_the_check_in_offers_the_recruiter_and_recalls_one_point() -> None:
    events = (
        Event("recruiter_called", INTERVIEW),
        Event("thank_you_sent", INTERVIEW + dt.timedelta(days=1)),
    )
    notes = replace(FULL, discussed=("We talked about retrying failed card payments safely",))
    ws = single(notes, recruiter=Contact("Casey Morgan"), events=events)
    draft = draft_note(ws, "initech", today=INTERVIEW + dt.timedelta(days=16))
    body = draft.body
    assert draft.kind == "check_in"
    assert "follow up through Casey Morgan." in body
    assert "about retrying failed card payments safely" in body and "We talked" not in body
    assert count_words(body) < 120
    assert "whether my note reached you" in body and "whether a decision has been made" in body
    assert "may I come back to make my case" in body


def test_a_check_in_recalls_a_clause_as_a_clause_and_skips_what_does_not_fit() -> None:
    notes = Notes(
        discussed=("How does on-call work?",),
        learned=("They told me the team is doubling next year",),
    )
    ws = single(notes, events=(Event("thank_you_sent", INTERVIEW),))
    body = draft_note(ws, "initech", today=INTERVIEW + dt.timedelta(days=15)).body
    assert "hear that the team is doubling next year" in body
    assert "on-call" not in body


def test_a_check_in_with_a_long_point_stays_under_120_words() -> None:
    point = "the " + " ".join(["very"] * 20) + " long migration"
    events = (Event("recruiter_called", INTERVIEW), Event("thank_you_sent", INTERVIEW))
    ws = single(Notes(discussed=(point,)), recruiter=Contact("Casey Morgan"), events=events)
    body = draft_note(ws, "initech", today=INTERVIEW + dt.timedelta(days=15)).body
    assert count_words(body) < 120


def test_talking_points_read_the_items_by_their_grammar() -> None:
    notes = Notes(
        exciting=("Excited about: the billing rewrite", "they ship every week"),
        stronger_because=("because I built a payments queue",),
    )
    bare = Opportunity("bare", "Bare Inc", "Engineer", notes=notes)
    points = talking_points(Workspace(opportunities=(bare,)), "bare")
    assert "- Excited about the billing rewrite.\n" in points
    assert "- Excited that they ship every week.\n" in points  # notes to oneself
    assert "- Why I fit: I built a payments queue.\n" in points
