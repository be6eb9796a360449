"""The sentences of a thank-you note, built from the person's notes by their grammar.

The paragraphs, in order (a paragraph with nothing to say is left out):

1. the thanks: for meeting, on which day, about which role;
2. what was discussed and learned. Each item is read by
   :func:`~followup.notes.phrases.read_item` and grouped by its lead-in and
   shape: topics ("our conversation about X"), questions the person asked
   ("my questions about X"), things heard ("glad to hear that X") and
   learned ("great to learn that X", "learn more about X"); "also" only from
   the second sentence on; an item that is a sentence stays one;
3. why the person is now an even stronger candidate, in their own words, and
   what they would bring to what excites them about the role (the
   ``exciting`` notes) - no stock promise;
4. the company fact, introduced by where it was learned (``fact_source``:
   "glad to hear" for the interview, "read on your website" for the website,
   a neutral "learn" when unknown), with the person's comment;
5. thanks to the other interviewers by name and a closing line.

The framing sentences come in several phrasings chosen per opportunity and
recipient (see :mod:`followup.notes.variants`). No sentence claims more than
the notes say.
"""

from __future__ import annotations

from dataclasses import replace

from followup.model import Notes
from followup.notes.framing import Paragraphs, Writing, listed
from followup.notes.phrases import Phrase, capitalized, read_item, sentence_of

__all__ = ["thank_you_paragraphs"]

_OPENINGS = (
    "Thank you for taking the time to meet with me{on} about the {role} role at {company}.",
    "Thank you for meeting with me{on} to discuss the {role} position at {company}.",
    "Thank you for your time{on} and for the chance to learn more about the {role} role at "
    "{company}.",
    "I am grateful for the time you gave me{on} to discuss the {role} position at {company}.",
)
_TOPICS = (
    "I especially enjoyed our conversation about {items}.",
    "I particularly appreciated our discussion of {items}.",
    "It was a pleasure to talk with you about {items}.",
)
_ANSWERS = (
    "Thank you {also}for answering my {questions} about {items}.",
    "I {also}appreciated your answers to my {questions} about {items}.",
)
_HEARD_THAT = ("It was {also}good to hear {items}.", "I was {also}glad to hear {items}.")
_HEARD_ABOUT = (
    "I was {also}glad to hear about {items}.",
    "It was {also}good to hear about {items}.",
)
_LEARNED_THAT = (
    "It was {also}great to learn {items}.",
    "I was {also}interested to learn {items}.",
)
_LEARNED_ABOUT = (
    "I was {also}glad to learn more about {items}.",
    "It was {also}useful to learn more about {items}.",
)
_STRONGER = (
    "The interview left me even more confident that I am a strong fit for the role",
    "I came away even more confident that I can do this job well",
    "I left the interview even more sure that I would be a strong fit for the team",
)
_BRING = (
    "I would be glad to bring that experience to {topic}, the part of the role that excites "
    "me most.",
    "That experience is what I would bring to {topic}, the part of the role I am most "
    "excited about.",
    "I would welcome the chance to put that experience to work on {topic}, the part of the "
    "role I look forward to most.",
)
# "That experience" comes first, right after the experience it points back to.
_BRING_CHANCE = (
    "That experience would let me contribute from the start, and I would welcome {topic}.",
    "That experience would let me contribute from the start, and {topic} is what draws me "
    "most to the role.",
)
_BRING_AFTER = (
    "I would be glad to bring that experience to your team.",
    "That experience is what I would bring to your team.",
)
_EXCITED_ABOUT = ("I am especially excited about {items}.", "I am most excited about {items}.")
_EXCITED_THAT = ("I am especially excited {items}.", "I am most excited {items}.")
_FACT = {
    ("interview", "that"): (
        "I was {also}glad to hear that {fact}.",
        "It was {also}good to hear from you that {fact}.",
    ),
    ("interview", "about"): (
        "I was {also}glad to hear about {fact}.",
        "It was {also}good to hear from you about {fact}.",
    ),
    ("website", "that"): (
        "I {also}read on your website that {fact}.",
        "I was {also}glad to read on your website that {fact}.",
    ),
    ("website", "about"): (
        "I was {also}glad to read about {fact} on your website.",
        "I {also}read with interest about {fact} on your website.",
    ),
    (None, "that"): (
        "It was {also}good to learn that {fact}.",
        "I was {also}glad to learn that {fact}.",
    ),
    (None, "about"): (
        "I was {also}glad to learn about {fact}.",
        "It was {also}good to learn about {fact}.",
    ),
}
_OTHERS = (
    "Please also pass on my thanks to {names}.",
    "Please thank {names} for me as well.",
    "I am also grateful to {names} for their time.",
)
_CLOSINGS = (
    "I look forward to hearing from you about the next steps.",
    "Thank you again for your time; I look forward to hearing about the next steps.",
    "Thank you again, and I look forward to hearing from you.",
    "I hope we can continue the conversation soon.",
)

# The first words of an exciting item that is an opportunity in itself: "I would welcome ...".
_CHANCE_OPENERS = ("the chance to ", "the opportunity to ", "a chance to ", "an opportunity to ")


def thank_you_paragraphs(writing: Writing) -> Paragraphs:
    """The paragraphs of the thank-you (empty when the notes give nothing to say)."""
    notes = writing.opportunity.notes
    out = Paragraphs()
    if not has_something_to_say(notes):
        return out
    opportunity = writing.opportunity
    out.add(
        [
            writing.pick("opening", _OPENINGS).format(
                on=writing.on_day(opportunity.interview_date),
                role=opportunity.role,
                company=opportunity.company,
            )
        ]
    )
    recalled, learned_something = _recall(writing, notes, out)
    out.add(recalled)
    exciting = writing.phrases(notes.exciting, "exciting")
    for index, phrase in enumerate(exciting):
        out.report(phrase, f"notes.exciting[{index}]")
    strength, exciting_used = _strength(writing, notes, exciting, out)
    out.add(strength)
    fact = _fact(writing, notes, also=learned_something, out=out)
    if not exciting_used and not fact:
        fact = _excited(writing, exciting)
        exciting_used = True
    out.add(fact)
    closing = [] if exciting_used else _excited(writing, exciting)
    colleagues = [writing.name_of(person) for person in writing.colleagues]
    if colleagues:
        closing.append(writing.pick("others", _OTHERS).format(names=listed(colleagues)))
    closing.append(writing.pick("closing", _CLOSINGS))
    out.add(closing)
    return out


def has_something_to_say(notes: Notes) -> bool:
    """Whether the notes give a thank-you anything of the person's own to say.

    >>> has_something_to_say(Notes()), has_something_to_say(Notes(exciting=("the roadmap",)))
    (False, True)
    """
    return bool(
        notes.discussed
        or notes.learned
        or notes.stronger_because
        or notes.exciting
        or notes.company_fact
    )


# ---------------------------------------------------------------------------
# 2. what was discussed and learned


def _recall(writing: Writing, notes: Notes, out: Paragraphs) -> tuple[list[str], bool]:
    """The sentences recalling the interview, and whether one of them says what was learned."""
    groups: dict[str, list[str]] = {
        "topics": [],
        "answers": [],
        "heard_that": [],
        "heard_about": [],
        "learned_that": [],
        "learned_about": [],
    }
    standalone: list[str] = []
    for list_name in ("discussed", "learned"):
        items: tuple[str, ...] = getattr(notes, list_name)
        for index, item in enumerate(items):
            phrase = read_item(item, names=writing.names, item_list=list_name)
            out.report(phrase, f"notes.{list_name}[{index}]")
            if phrase.problem == "nothing after the lead-in":
                continue
            group = _group(phrase, list_name)
            if group is None:
                standalone.append(
                    phrase.text if phrase.shape == "sentence" else sentence_of(phrase.text)
                )
            else:
                groups[group].append(phrase.text)
    sentences: list[str] = []
    frames = {
        "topics": _TOPICS,
        "answers": _ANSWERS,
        "heard_that": _HEARD_THAT,
        "heard_about": _HEARD_ABOUT,
        "learned_that": _LEARNED_THAT,
        "learned_about": _LEARNED_ABOUT,
    }
    for group, texts in groups.items():
        if not texts:
            continue
        also = "also " if len(sentences) == 1 else ""
        each = "that " if group.endswith("_that") else ""
        frame = writing.pick(group, frames[group])
        many = len(texts) > 1 or " and " in texts[0]
        preposition = frame.split("{items}")[0].split()[-1]
        sentences.append(
            frame.format(
                items=_recalled_list(texts, each=each, preposition=preposition),
                also=also,
                questions="questions" if many else "question",
            )
        )
    learned_something = any(
        groups[name] for name in ("heard_that", "heard_about", "learned_that", "learned_about")
    )
    return sentences + standalone, learned_something


def _recalled_list(texts: list[str], *, each: str, preposition: str) -> str:
    """A list of recalled items; "a, and about b and c" when an item has its own "and"."""
    if each or len(texts) != 2 or not any(" and " in text for text in texts):
        return listed(texts, each=each)
    if preposition not in ("about", "of"):
        return f"{texts[0]}, and {texts[1]}"
    return f"{texts[0]}, and {preposition} {texts[1]}"


def _group(phrase: Phrase, list_name: str) -> str | None:
    """Which frame takes the phrase (None: it stands as a sentence of its own)."""
    if phrase.shape == "sentence":
        return None
    lead = phrase.lead
    if lead in (None, "excited", "because"):
        lead = "discussed" if list_name == "discussed" else "learned"
    if phrase.shape == "clause":
        if phrase.first_person and not phrase.that and lead not in ("heard", "learned", "read"):
            return None  # "I described my sepsis project" reads best as it is
        return "learned_that" if lead in ("learned", "read") else "heard_that"
    if lead == "asked":
        return "answers"
    if lead == "heard":
        return "heard_about"
    if lead in ("learned", "read"):
        return "learned_about"
    return "topics"


# ---------------------------------------------------------------------------
# 3. why the person is a stronger candidate, and what they would bring


def _as_clause(phrase: Phrase) -> str:
    """A noun phrase said as what the person brings, to sit among clauses."""
    text = phrase.text
    first = text.split(maxsplit=1)[0].lower()
    if phrase.shape == "wh":
        return f"I know {text}"
    if first.endswith("ing") and first not in ("training", "nursing", "engineering"):
        return f"I have experience {text}"
    return f"I bring {text}"


def _strength(
    writing: Writing, notes: Notes, exciting: list[Phrase], out: Paragraphs
) -> tuple[list[str], bool]:
    phrases = writing.phrases(notes.stronger_because, "stronger_because")
    clauses, nouns, standalone = [], [], []
    for index, phrase in enumerate(phrases):
        out.report(phrase, f"notes.stronger_because[{index}]")
        if phrase.problem == "nothing after the lead-in":
            continue
        if phrase.shape == "sentence":
            standalone.append(phrase.text)
        elif phrase.shape == "clause":
            clauses.append(phrase)
        else:
            nouns.append(phrase)
    if not (clauses or nouns or standalone):
        return [], False
    intro = writing.pick("stronger", _STRONGER)
    if clauses and nouns:
        reasons = [
            p.text if p.shape == "clause" else _as_clause(p)
            for p in phrases
            if p.shape != "sentence"
        ]
    else:
        reasons = [p.text for p in clauses or nouns]
    joined = listed(reasons, clauses=bool(clauses))
    sentences = [f"{intro}: {joined}." if reasons else f"{intro}."]
    sentences += standalone
    bring, used = _bring(writing, exciting)
    return sentences + bring, used


def _bring(writing: Writing, exciting: list[Phrase]) -> tuple[list[str], bool]:
    """What the person would bring to what excites them (the exciting notes all said)."""
    usable = [p for p in exciting if p.problem != "nothing after the lead-in"]
    if not usable:
        return [], False
    first, rest = usable[0], usable[1:]
    sentences: list[str] = []
    if first.shape == "noun" and first.text.lower().startswith("to "):
        first = replace(first, text=f"the chance {first.text}")  # "to work with the team"
    if first.shape == "noun" and first.text.lower().startswith(_CHANCE_OPENERS):
        frame = writing.pick("bring", _BRING_CHANCE)
        sentences.append(frame.format(topic=first.text, Topic=capitalized(first.text)))
    elif first.shape == "noun":
        sentences.append(writing.pick("bring", _BRING).format(topic=first.text))
    else:
        sentences += _excited(writing, [first])
        sentences.append(writing.pick("bring", _BRING_AFTER))
    if rest:
        sentences += _excited(writing, rest, also=True)
    return sentences, True


def _excited(writing: Writing, phrases: list[Phrase], *, also: bool = False) -> list[str]:
    """What excites the person: "excited about X", "excited that X"; sentences stay as typed."""
    usable = [p for p in phrases if p.problem != "nothing after the lead-in"]
    about = [p.text for p in usable if p.shape in ("noun", "wh") and not _infinitive(p)]
    to = [p.text for p in usable if _infinitive(p)]
    that = [p.text for p in usable if p.shape == "clause"]
    sentences = []
    if about:
        frame = (
            "I am also excited about {items}." if also else writing.pick("excited", _EXCITED_ABOUT)
        )
        sentences.append(frame.format(items=listed(about)))
    if that:
        if also or about:
            frame = "I am also glad {items}."
        else:
            frame = writing.pick("excited_that", _EXCITED_THAT)
        sentences.append(frame.format(items=listed(that, each="that ")))
    if to:
        frame = (
            "I am also keen {items}." if also or about or that else "I am especially keen {items}."
        )
        sentences.append(frame.format(items=listed(to)))
    sentences += [p.text for p in usable if p.shape == "sentence"]
    return sentences


def _infinitive(phrase: Phrase) -> bool:
    return phrase.shape == "noun" and phrase.text.lower().startswith("to ")


# ---------------------------------------------------------------------------
# 4. the company fact

# A comment that is a noun phrase reads as "That is ..." when it opens like a judgement.
_EVALUATIVE = frozenset(
    [
        "a",
        "an",
        "great",
        "good",
        "exciting",
        "impressive",
        "important",
        "encouraging",
        "inspiring",
        "huge",
        "big",
        "real",
        "rare",
        "strong",
        "clear",
        "welcome",
        "wonderful",
        "excellent",
        "exactly",
        "just",
    ]
)


def _evaluative(text: str) -> bool:
    """Whether a noun-phrase comment opens like a judgement ("a long history", "great news")."""
    return text.split(maxsplit=1)[0].lower() in _EVALUATIVE


def _fact(writing: Writing, notes: Notes, *, also: bool, out: Paragraphs) -> list[str]:
    if not notes.company_fact:
        return []
    phrase = read_item(notes.company_fact, names=writing.names, item_list="company_fact")
    out.report(phrase, "notes.company_fact")
    if phrase.problem == "nothing after the lead-in":
        return []
    source = notes.fact_source
    if source is None and phrase.lead in ("read", "heard"):
        source = "website" if phrase.lead == "read" else "interview"
    if phrase.shape == "sentence":
        sentences = [phrase.text]
    else:
        kind = "that" if phrase.shape == "clause" else "about"
        frame = writing.pick("fact", _FACT[(source, kind)])
        sentences = [frame.format(fact=phrase.text, also="also " if also else "")]
    if notes.fact_comment:
        comment = read_item(notes.fact_comment, names=writing.names, item_list="other")
        out.report(comment, "notes.fact_comment")
        if comment.shape in ("noun", "wh") and _evaluative(comment.text):
            sentences.append(f"That is {comment.text}.")
        elif comment.problem != "nothing after the lead-in":
            sentences.append(sentence_of(capitalized(comment.text)))
    return sentences
