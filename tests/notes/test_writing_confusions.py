"""followup's real-word rules: each slip is found, and the correct phrase beside it is not."""

from __future__ import annotations

import pytest

from followup.notes.writing import English
from followup.notes.writing.confusions import CONFUSIONS, confusion_findings
from followup.notes.writing.tokens import Tokens


def slips(text: str, english: English = "US") -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in confusion_findings(Tokens.read(text), english)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you for you consideration.", [("you", "your")]),
        ("I'd help reduce shrinkage in you stores.", [("you", "your")]),
        ("Thanks for you help.", [("you", "your")]),
        ("Thanks for explaining how you're team works.", [("you're", "your")]),
        ("I could contribute to you're literacy plan.", [("you're", "your")]),
        ("I met them and saw they're enthusiasm was real.", [("they're", "their")]),
        ("It's culture is strong.", [("It's", "Its")]),
        ("The firm values all of it's people.", [("it's", "its")]),
        ("The unit has it's own pharmacy.", [("it's", "its")]),
        ("Your welcome to call me.", [("Your", "You're")]),
        ("I hope your not too busy.", [("your", "you're")]),
        ("Its clear that the plan works.", [("Its", "It's")]),
        ("I can send a plan if its helpful.", [("its", "it's")]),
        ("I look forward to here from you.", [("here", "hear")]),
        ("I'd love to hear weather the role is open.", [("weather", "whether")]),
        ("Weather or not it works, I learned a lot.", [("Weather", "Whether")]),
        ("I could help the team loose fewer deals.", [("loose", "lose")]),
        ("The school is loosing two teachers.", [("loosing", "losing")]),
        ("I put the training to good affect.", [("affect", "effect")]),
        ("The findings effected the final design.", [("effected", "affected")]),
        ("I would value any advise on the second round.", [("advise", "advice")]),
        ("Could you please advice me on the format?", [("advice", "advise")]),
        ("Let me know if I can give any farther information.", [("farther", "further")]),
        ("I hope to hear form you soon.", [("form", "from")]),
        ("Let me know if you need references form me.", [("form", "from")]),
        ("Me and my manager cut the close to six days.", [("Me and", None)]),
        ("Each of the nurses were kind to me.", [("were", "was")]),
        ("The catering team where clearly proud of the menu.", [("where", "were")]),
        ("We where impressed by the site.", [("where", "were")]),
        ("I look forward to meet the team.", [("meet", "meeting")]),
        ("The role peaked my interest.", [("peaked", "piqued")]),
        ("I am writing to follow-up on our call.", [("follow-up", "follow up")]),
        ("Thank-you for your time.", [("Thank-you", "Thank you")]),
        ("I check the dashboard everyday.", [("everyday", "every day")]),
        ("We met the team and than the director.", [("than", "then")]),
        ("The report is suppose to be ready.", [("suppose", "supposed")]),
        ("I met the teacher who's classroom we visited.", [("who's", "whose")]),
        ("The role has more client contact then my current one.", [("then", "than")]),
    ],
)
def test_a_real_word_slip_is_found_with_the_word_to_write(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert slips(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I can send you time slots for next week.",
        "Did you time the deployment for the quiet hours?",
        "Thank you team for a great day.",
        "I'll show you clients' feedback tomorrow.",
        "You're welcome to share my details.",
        "It's time to move on, and it's been a pleasure.",
        "It's what is needed now.",
        "The team took its time to decide.",
        "The product cut its time to market.",
        "The clinic has its very own pharmacy.",
        "The company and its people.",
        "The plan has its useful features.",
        "Your welcome pack arrived.",
        "I wonder whether the role is open.",
        "We had to weather the storm.",
        "We talked about weather delays at the venue.",
        "The screw came loose more often than expected.",
        "The company cut loose the old product line.",
        "The effect was clear, and the change will affect us.",
        "Changes in affect were noted.",
        "The new lab effected a change in how we test.",
        "I'd advise the team to wait; thanks for the good advice.",
        "I'm open to advice on the format.",
        "Please let me know if you need further details.",
        "The plan is to form them into two teams.",
        "I heard from the recruiter.",
        "Me too.",
        "Each of us brings something.",
        "Each of the nurses was kind.",
        "None of the forms were missing.",
        "The office where we met was calm.",
        "The office where so many of us started.",
        "I look forward to working with you.",
        "I look forward to the next steps.",
        "Thank you for the follow-up call.",
        "I sent a thank-you for the gift.",
        "It is an everyday task.",
        "It was more useful than I expected.",
        "I suppose to some extent it is true.",
        "Who's coming to the meeting?",
        "The person who's responsible is Sam.",
        "What you're doing is impressive.",
        "For what it's worth is a fair question.",
        "We need more staff, then we can grow.",
        "I learned more then, and I learn more now.",
    ],
)
def test_the_correct_phrase_beside_a_slip_is_left_alone(text: str) -> None:
    assert slips(text) == []


def test_british_english_writes_analyse_whatever_it_does_with_ise() -> None:
    assert slips("We analyzed the data and organized a review.", "UK") == [("analyzed", "analysed")]
    assert slips("We analyzed the data.", "US") == []


def test_a_slip_inside_a_link_or_placeholder_is_not_a_finding() -> None:
    assert slips("See https://example.com/for-you-time and {{ for you time }}.") == []


def test_every_rule_names_the_words_that_let_it_match() -> None:
    # A rule is only searched when one of its trigger words is in the text, so each pattern
    # must be unable to match without them: every trigger list is non-empty and lowercase.
    for rule in CONFUSIONS:
        assert rule.triggers, rule.pattern.pattern
        assert all(word == word.lower() for word in rule.triggers)
