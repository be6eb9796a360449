"""The sentences of a check-in: short, specific, and the three questions the etiquette asks.

A check-in goes once, when nothing was heard about two weeks after the
thank-you. It says which interview and which note it follows up on, recalls
one specific point of the interview (the first item of the notes that fits a
sentence, framed by its grammar), says the person is still interested, and
asks three plain questions: did my note reach you? has a decision been made?
if not, may I come back to make my case? When a recruiter is involved it
offers to follow up through them instead. It stays under 120 words: the
recalled point is left out when it would make the note longer.
"""

from __future__ import annotations

import re

from followup.notes.framing import Paragraphs, Writing
from followup.notes.phrases import Phrase

__all__ = ["MAX_CHECK_IN_WORDS", "check_in_paragraphs"]

#: The recalled point is dropped when the body would be longer than this.
MAX_CHECK_IN_WORDS = 110

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

_HOPES = (
    "I hope you are well.",
    "I hope all is well with you and the team.",
    "I hope your week is going well.",
)
_FOLLOWING = (
    "I am writing to follow up on my interview{on} for the {role} role at {company}{note}.",
    "I am following up on my interview{on} for the {role} role at {company}{note}.",
)
_RECALL = {
    "about": (
        "I enjoyed our conversation about {point}, and I remain very interested in the role.",
        "Our conversation about {point} stayed with me, and I remain very interested in the role.",
    ),
    "heard_that": ("I was glad to hear that {point}, and I remain very interested in the role.",),
    "learned_that": (
        "I was glad to learn that {point}, and I remain very interested in the role.",
    ),
}
_STILL_INTERESTED = "I remain very interested in the role."
_PATIENCE = (
    "I know these decisions take time.",
    "I realize that these decisions take time.",
    "I understand that these decisions take time.",
)
_QUESTIONS = (
    "Could you let me know whether my note reached you, and whether a decision has been made? "
    "If not, may I come back to make my case for the role?",
    "May I ask whether my note reached you and whether a decision has been made? "
    "If not, may I come back to make my case for the role?",
)
_RECRUITER = (
    "If it is easier, I am also happy to follow up through {recruiter}.",
    "If it is simpler, I am just as happy to follow up through {recruiter}.",
)


def check_in_paragraphs(writing: Writing, *, with_recall: bool = True) -> Paragraphs:
    """The paragraphs of the check-in."""
    opportunity = writing.opportunity
    thank_you = opportunity.event("thank_you_sent")
    note = f", and on my note of {writing.day(thank_you.date)}" if thank_you else ""
    following = writing.pick("following", _FOLLOWING).format(
        on=writing.on_day(opportunity.interview_date),
        role=opportunity.role,
        company=opportunity.company,
        note=note,
    )
    recall = _recall(writing) if with_recall else None
    out = Paragraphs()
    out.add([writing.pick("hope", _HOPES), following, recall or _STILL_INTERESTED])
    asks = [writing.pick("patience", _PATIENCE), writing.pick("questions", _QUESTIONS)]
    if opportunity.recruiter is not None:
        asks.append(
            writing.pick("recruiter", _RECRUITER).format(
                recruiter=writing.name_of(opportunity.recruiter)
            )
        )
    out.add(asks)
    if recall and len(_WORD.findall(" ".join(out.paragraphs))) > MAX_CHECK_IN_WORDS:
        return check_in_paragraphs(writing, with_recall=False)
    return out


def _recall(writing: Writing) -> str | None:
    """One specific point of the interview, framed by its grammar; None when none fits."""
    notes = writing.opportunity.notes
    candidates: list[tuple[Phrase, str]] = []
    candidates += [(p, "discussed") for p in writing.phrases(notes.discussed, "discussed")]
    candidates += [(p, "learned") for p in writing.phrases(notes.learned, "learned")]
    candidates += [(p, "exciting") for p in writing.phrases(notes.exciting, "exciting")]
    for phrase, list_name in candidates:
        if phrase.shape == "sentence" or (phrase.shape == "clause" and phrase.first_person):
            continue
        if phrase.shape == "clause":
            told = phrase.lead == "heard" or (list_name == "discussed" and phrase.lead is None)
            key = "heard_that" if told else "learned_that"
        else:
            key = "about"
        return writing.pick("recall", _RECALL[key]).format(point=phrase.text)
    return None
