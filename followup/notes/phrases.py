"""Note items made ready for a sentence: lead-in read, shape found, first capital judged.

A note item is a line the candidate typed after the interview: "We talked
about the billing migration.", "They told me the unit is moving to
self-scheduling", "Learned: The school won a state STEM grant last year."
:func:`read_item` turns one into a :class:`Phrase`, in this order:

1. bullets, surrounding spaces, runs of spaces and end punctuation go;
2. a lead-in ("We talked about", "I asked about", "They told me that",
   "I learned that", "Learned:", ...) is taken off and kept as the phrase's
   ``lead``: the note chooses its frame from it instead of pasting it after
   "our discussion of";
3. the first letter is lower-cased, unless the first word is "I", an acronym
   ("STEM"), a name of the workspace, a word of its dictionary, a known proper
   noun ("Python", "Monday") or the start of a name in capitals ("Grand
   Rounds"); an item about the employer written as "they"/"their" is turned
   to "you"/"your", since the note is written to them;
4. the shape is found: ``noun`` (a topic: "the school garden program",
   "moving the batch jobs to streaming"), ``wh`` ("how experiments are
   reviewed"), ``clause`` ("the unit is moving to self-scheduling") or
   ``sentence``: a question, several sentences, a run-on or an item too long
   to stitch into another sentence. A sentence is kept as typed, as a sentence
   of its own, with ``problem`` saying why (a question and a first-person
   sentence are fine as they are; the others are reported to the person).

The classifier is rule-based (closed word classes in
:mod:`followup.notes.phrase_words`, no language model): it reads the word
order, not the meaning, and is tested on realistic notes from several fields.

>>> phrase = read_item("We talked about Their incident review process.")
>>> phrase.lead, phrase.shape, phrase.text
('discussed', 'noun', 'your incident review process')
>>> read_item("Learned: The school won a state STEM grant last year.").text
'the school won a state STEM grant last year'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from followup.notes.phrase_words import (
    AUXILIARIES,
    BASE_VERBS,
    COLLECTIVE_NOUNS,
    DETERMINERS,
    ING_NOUNS,
    IRREGULAR_PAST,
    NOT_PAST,
    OBJECT_STARTERS,
    PREPOSITIONS,
    PROPER_NOUNS,
    QUESTION_OPENERS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)

__all__ = [
    "LEADS",
    "MAX_STITCHED_WORDS",
    "Lead",
    "Phrase",
    "Shape",
    "capitalized",
    "read_item",
    "sentence_of",
]

Shape = Literal["noun", "wh", "clause", "sentence"]
#: What a lead-in said about the item: how it was learned or why it is listed.
Lead = Literal["discussed", "asked", "heard", "learned", "read", "excited", "because"]
LEADS: tuple[str, ...] = ("discussed", "asked", "heard", "learned", "read", "excited", "because")

#: An item longer than this is not stitched into another sentence.
MAX_STITCHED_WORDS = 24

ItemList = Literal[
    "discussed", "learned", "stronger_because", "exciting", "concerns", "company_fact", "other"
]


@dataclass(frozen=True)
class Phrase:
    """One note item, ready for a frame.

    Attributes
    ----------
    text
        For ``noun``, ``wh`` and ``clause``: the words to embed, without the
        lead-in, first letter judged, no end punctuation. For ``sentence``:
        the item as typed, as a sentence (capital, end punctuation).
    shape
        ``"noun"``, ``"wh"``, ``"clause"`` or ``"sentence"``.
    lead
        What the lead-in said (``"discussed"``, ``"asked"``, ``"heard"``,
        ``"learned"``, ``"read"``, ``"excited"``, ``"because"``), or None.
    typed
        The item as the person typed it.
    first_person
        True for a clause whose subject is "I" or "we".
    that
        True when the lead-in ended with "that": the rest is a clause.
    problem
        Why a ``sentence`` could not be stitched ("too long", "several
        sentences", "run-on", "nothing after the lead-in"), or None.
    """

    text: str
    shape: Shape
    lead: Lead | None
    typed: str
    first_person: bool = False
    that: bool = False
    problem: str | None = None

    @property
    def question(self) -> bool:
        """True for a question kept as a sentence."""
        return self.shape == "sentence" and self.text.endswith("?")

    def words(self) -> list[str]:
        """The words of the phrase (letters and digits), for checks and tests."""
        return re.findall(r"[^\W_]+", self.text)


# ---------------------------------------------------------------------------
# lead-ins

# A name ("Priya", "Dr. Okonkwo"): never "I" or "We", nor a capitalised word that opens
# a noun phrase ("The shared billing migration" is a topic, not "The" who shared something).
_NAME = (
    r"(?-i:(?!(?:I|We|The|A|An|Our|My|Your|Their|Its|This|That|These|Those|Some|Every|Each"
    r"|Any|All|Most|More|Many|New|One|Two)\b)[A-Z][\w'’.-]*)"
)
_TELLER = (
    rf"(?:they|she|he|you|(?:the|my|our|your)\s+[\w'’-]+(?:\s+[\w'’-]+)?|{_NAME}(?:\s+{_NAME})?)"
)
_ADVERB = r"(?:(?:also|really|briefly|mostly|even|then|later)\s+)?"
_PLACE = (
    r"(?:web\s*site|site|blog|careers?\s+page|annual\s+report|news\s*room|press\s+release"
    r"|linkedin(?:\s+page)?)"
)
_THAT = r"(?:\s+(?P<that>that)|\s+about)?\b"

_DISCUSSING = (
    r"(?:talked|spoke|chatted|went\s+over|touched\s+on|covered|discussed|dug\s+into|got\s+into)"
    r"(?:\s+(?:a\s+lot|at\s+length|in\s+depth|in\s+detail|a\s+bit|for\s+a\s+while))?"
    r"(?:\s+(?:about|through|over|on))?\b"
)
_LOVING = r"(?:love|loved|like|liked|enjoy|enjoyed|appreciate|appreciated)"
_FIT = r"(?:stronger|strong|good|great|better|right)\s+(?:candidate|fit)"

# (pattern, lead, lists it is read in: None for every list). The first match wins; a
# lead-in may follow another ("Learned: they told me that ...").
_LEAD_PATTERNS: tuple[tuple[str, Lead, frozenset[str] | None], ...] = (
    (rf"i\s+{_ADVERB}asked(?:\s+(?:them|her|him|you|{_NAME}))?\s+(?P<if>if)\b", "asked", None),
    (
        rf"i\s+{_ADVERB}asked(?:\s+(?:them|her|him|you|{_NAME}))?"
        r"(?=\s+(?:whether|how|what|why|when|where|who|which)\b)",
        "asked",
        None,
    ),
    (rf"i\s+{_ADVERB}asked(?:\s+(?:them|her|him|you|{_NAME}))?\s+(?:about|re)\b", "asked", None),
    (r"(?:my\s+)?questions?\s+(?:about|on|re)\b", "asked", None),
    (r"asked\s+about\b", "asked", None),
    (r"(?:questions?|asked)\s*:", "asked", None),
    (rf"(?:we|i)\s+{_ADVERB}{_DISCUSSING}", "discussed", None),
    (
        r"(?:(?:our|the|a)\s+)?(?:discussion|conversation|chat|talk)s?\s+(?:of|about|on|around)\b",
        "discussed",
        None,
    ),
    (r"(?:talked|spoke|chatted)\s+about\b", "discussed", None),
    (r"(?:discussed|discussion|topics?|re)\s*:", "discussed", None),
    (r"discussed\b", "discussed", None),
    (r"about\b(?=\s+\S)", "discussed", frozenset({"discussed"})),
    (rf"{_TELLER}\s+{_ADVERB}(?:told|showed)\s+(?:me|us){_THAT}", "heard", None),
    (
        rf"{_TELLER}\s+{_ADVERB}(?:said|mentioned|explained|shared|noted|pointed\s+out"
        rf"|described|confirmed)(?:\s+(?:to\s+)?(?:me|us))?{_THAT}",
        "heard",
        None,
    ),
    (rf"i\s+{_ADVERB}(?:heard|was\s+told){_THAT}", "heard", None),
    (r"(?:heard|told)\s*:", "heard", None),
    (
        rf"i\s+{_ADVERB}(?:learned|learnt|found\s+out|discovered|realized|realised){_THAT}",
        "learned",
        None,
    ),
    (r"(?:it\s+)?turns\s+out(?:\s+(?P<that>that))?\b", "learned", None),
    (r"(?:learned|learnt|learning|takeaway|found\s+out|fyi|note)\s*:", "learned", None),
    (r"(?:learned|learnt)(?:\s+(?P<that>that)|\s+about)\b", "learned", None),
    (
        rf"i\s+{_ADVERB}read(?:\s+(?:on|in)\s+(?:their|the|your|its)\s+{_PLACE})?{_THAT}",
        "read",
        None,
    ),
    (rf"(?:on|from|per)\s+(?:their|the|your|its)\s+{_PLACE}\s*[:,]?", "read", None),
    (rf"(?:their|the|your|its)\s+{_PLACE}\s+says(?:\s+(?P<that>that))?\b", "read", None),
    (
        r"i(?:'m|’m|\s+am)\s+(?:really\s+|very\s+|so\s+|especially\s+|most\s+|particularly\s+)?"
        r"(?:excited|thrilled|enthusiastic|keen)\s+(?:about|by|(?P<that>that))\b",
        "excited",
        None,
    ),
    (r"(?:really\s+|most\s+)?excited\s+(?:about|by|(?P<that>that))\b", "excited", None),
    (r"(?:excited|exciting)\s*:", "excited", None),
    (
        rf"i\s+{_ADVERB}{_LOVING}(?:\s+(?P<that>that))?\b",
        "excited",
        frozenset({"exciting"}),
    ),
    (
        rf"i(?:'m|’m|\s+am)\s+(?:now\s+)?(?:an?\s+)?(?:even\s+)?{_FIT}(?:\s+now)?"
        r"\s+(?:because|since|as)\b",
        "because",
        None,
    ),
    (r"(?:because|since)\b", "because", frozenset({"stronger_because"})),
    (r"(?:why\s+i\s+fit|fit|strengths?)\s*:", "because", None),
)
_LEAD_REGEXES = tuple(
    (re.compile(rf"{pattern}[\s:,\-–—]*", re.IGNORECASE), lead, lists)
    for pattern, lead, lists in _LEAD_PATTERNS
)

_BULLET = re.compile(r"^(?:[-*•·–—>]+|\d+[.)])\s+")
_END = re.compile(r"[\s.,;:!?…]+$")
# A sentence boundary inside an item: ". Then", "! We" (not "Dr. Lee", "e.g. the", "U.S. team").
_INNER_BOUNDARY = re.compile(
    r"(?<!\b[A-Za-z])(?<!\b(?:Dr|Mr|Ms|Mx|St|vs|No|Jr|Sr|Co))"
    r"(?<!\b(?:Mrs|etc|Inc|Ltd|e\.g|i\.e|a\.m|p\.m))(?<!\bProf)(?<!\bapprox)"
    r"[.!?]+[\"')\]”’]*\s+(?=[\"'(“‘]*\w)"
)
# "We discussed X, they also ..." and "X; Y": two clauses run together.
_RUN_ON = re.compile(r";\s|,\s+(?:they|she|he|we|i|it|there)\s+[a-z]", re.IGNORECASE)
_TOKEN_STRIP = "\"'“”‘’()[]{},.;:!?"


def _strip_leads(text: str, item_list: str) -> tuple[str, Lead | None, bool, bool]:
    lead: Lead | None = None
    that = ask_if = False
    for _ in range(3):
        for regex, kind, lists in _LEAD_REGEXES:
            if lists is not None and item_list not in lists:
                continue
            match = regex.match(text)
            if match is None:
                continue
            text = text[match.end() :]
            lead = lead or kind  # the outermost lead-in says most: "Learned: they told me ..."
            groups = match.groupdict()
            that = that or bool(groups.get("that"))
            ask_if = ask_if or bool(groups.get("if"))
            break
        else:
            break
    if re.match(r"that\s", text, re.IGNORECASE):
        text, that = text[5:].lstrip(), True
    return text, lead, that, ask_if


# ---------------------------------------------------------------------------
# the first capital


def _keeps_capital(words: list[str], names: frozenset[str]) -> bool:
    first = words[0].strip(_TOKEN_STRIP)
    if not first or not first[0].isupper():
        return True  # nothing to lower
    bare = first.replace("’", "'")
    lowered = bare.lower()
    if lowered in ("i", "i'm", "i've", "i'd", "i'll"):
        return True
    if lowered in DETERMINERS | PREPOSITIONS | AUXILIARIES | SUBJECT_PRONOUNS | WH_WORDS:
        return False
    stem = bare.removesuffix("'s")
    # An acronym ("STEM"), a brand ("iPhone", "McKinsey"), a word with digits ("Q3").
    if any(char.isupper() for char in stem[1:]) or any(char.isdigit() for char in stem):
        return True
    if stem in names or stem in PROPER_NOUNS:
        return True
    # "Grand Rounds on Fridays", "Lincoln Elementary": a name written in capitals.
    second = words[1].strip(_TOKEN_STRIP) if len(words) > 1 else ""
    return bool(second) and second[0].isupper() and second.lower() not in DETERMINERS


def _lowered(text: str, names: frozenset[str]) -> str:
    words = text.split()
    if not words or _keeps_capital(words, names):
        return text
    # A name of several words: "Northwind Health opened three clinics".
    if any(" " in name and re.match(rf"{re.escape(name)}\b", text) for name in names):
        return text
    return text[0].lower() + text[1:]


_THEY = {
    "they": "you",
    "their": "your",
    "theirs": "yours",
    "they're": "you're",
    "they’re": "you’re",
}


_THEY_WORD = re.compile(
    r"(^|\b(?:how|why|what|whether|that|and)\s+)(they['’]re|they|their|theirs)\b",
    re.IGNORECASE,
)


def _addressed(text: str) -> str:
    """An item about the employer, written "they"/"their", speaks to them: "you"/"your".

    Only where "they" is the employer: at the start, or opening a clause
    ("how they track it", "that their team ..."); "they" elsewhere may be
    anyone ("the students love it when they garden").
    """

    def replace(match: re.Match[str]) -> str:
        word = match.group(2)
        replacement = _THEY[word.lower()]
        if word[0].isupper():
            replacement = replacement[0].upper() + replacement[1:]
        return match.group(1) + replacement

    if " " not in text.strip():
        return text
    return _THEY_WORD.sub(replace, text)


# ---------------------------------------------------------------------------
# the shape


def _tokens(text: str) -> list[str]:
    return [word.strip(_TOKEN_STRIP).lower().replace("’", "'") for word in text.split()]


def _past(word: str) -> bool:
    return word in IRREGULAR_PAST or (
        len(word) > 4 and word.endswith("ed") and word not in NOT_PAST
    )


def _third_person(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ics", "'s", "ness", "ous"))
    )


_AFTER_THIRD_PERSON = (
    DETERMINERS - {"this", "that", "these", "those", "next", "last", "first", "such", "whose"}
) | {"to", "it", "them", "up", "out", "back"}


def _likely_verb_after_to(word: str | None) -> bool:
    """Whether a word after "to" is a verb: "plans to *move*", not "jobs to *streaming*"."""
    if word is None or word in DETERMINERS or word[:1].isdigit():
        return False
    return word in BASE_VERBS or not word.endswith(("ing", "s", "tion", "ment"))


def _subject_like(typed_word: str, word: str) -> bool:
    """A word that is likely a subject: a name ("Ledgerly"), a group ("the team"), "billing"."""
    return (
        typed_word[:1].isupper()
        or word in COLLECTIVE_NOUNS
        or (word.endswith("ing") and len(word) > 4)
    )


def _finite_verb(tokens: list[str], typed: list[str]) -> int | None:
    """Where a subject's finite verb starts, when the words read as a clause."""
    gerund = tokens[0].endswith("ing") and tokens[0] not in ING_NOUNS
    for index in range(1, len(tokens)):
        word, before = tokens[index], tokens[index - 1]
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if not word or before in PREPOSITIONS or before.endswith("'s"):
            continue
        if word in AUXILIARIES:
            # "the tools we have for triage" is a noun phrase with a relative clause.
            if before in DETERMINERS or (index >= 2 and before in SUBJECT_PRONOUNS):
                continue
            return index
        adverb = before.endswith("ly") and not typed[index - 1][:1].isupper()  # not "Ledgerly"
        if gerund or before in DETERMINERS or before in AUXILIARIES or adverb:
            continue  # after a gerund ("moving the jobs to ..."), only "is", "will", ... are verbs
        # "won *a* grant", "earned *Magnet* recognition", "moved *to* ...", but not "funded *by*".
        starts_object = after is None or after in OBJECT_STARTERS or after not in PREPOSITIONS
        if _past(word) and starts_object:
            return index
        if (
            _third_person(word)
            and _subject_like(typed[index - 1], before)
            and after is not None
            and (after == "to" or after not in PREPOSITIONS)
        ):
            return index  # "Ledgerly processes payroll", "billing matters to ..."
        if _third_person(word) and after is not None:
            if after == "to":
                if _likely_verb_after_to(tokens[index + 2] if index + 2 < len(tokens) else None):
                    return index
            elif after in _AFTER_THIRD_PERSON or after[:1].isdigit():
                return index
        plural_before = before.endswith("s") and not before.endswith("ss")
        if (
            word in BASE_VERBS
            and plural_before
            and after is not None
            and (after not in PREPOSITIONS or after == "to")
        ):
            return index
    return None


def _shape(text: str, *, that: bool) -> tuple[Shape, bool]:
    tokens = _tokens(text)
    first = tokens[0]
    first_person = first in ("i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've")
    if first.partition("'")[0] in SUBJECT_PRONOUNS and "'" in first:
        return ("clause" if len(tokens) > 1 else "noun"), first_person  # "you're hiring"
    if first in WH_WORDS and not that:
        return "wh", False
    if first in SUBJECT_PRONOUNS or first_person:
        return ("clause" if len(tokens) > 1 else "noun"), first_person
    if first in ("this", "that") and len(tokens) > 1 and tokens[1] in AUXILIARIES:
        return "clause", False
    if that or _finite_verb(tokens, text.split()) is not None:
        return "clause", False
    if first.endswith("ing") and first not in ING_NOUNS:
        return "noun", False  # a gerund phrase: "moving the batch jobs to streaming"
    return "noun", False


_RESUME_VERBS = frozenset({"cut", "set", "put", "hit", "ran", "led", "run", "have", "grew"})


def _resume_verb(text: str) -> bool:
    """Whether the item opens with a past verb, its subject "I" left out ("led a team")."""
    first = _tokens(text)[0]
    return (
        first in _RESUME_VERBS
        or first in IRREGULAR_PAST
        or (_past(first) and first not in ING_NOUNS)
    )


def capitalized(text: str) -> str:
    """The text with its first letter in capitals ("iPhone" and "eBay" stay as typed).

    >>> capitalized("it matters"), capitalized("iOS apps")
    ('It matters', 'iOS apps')
    """
    if not text or not text[0].islower() or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].upper() + text[1:]


def sentence_of(text: str) -> str:
    """A fragment as a sentence of its own: a capital first, a full stop last (unless it has one).

    >>> sentence_of("the team ships weekly"), sentence_of("Is it remote?")
    ('The team ships weekly.', 'Is it remote?')
    """
    text = capitalized(text.strip())
    if not text or text[-1] in ".!?…":
        return text
    return text.rstrip(",;:") + "."


def _question(text: str, typed: str) -> bool:
    if not typed.rstrip().endswith("?"):
        return False
    tokens = _tokens(text)
    if not tokens:
        return False
    if tokens[0] in AUXILIARIES:
        return True
    return tokens[0] in WH_WORDS and len(tokens) > 1 and tokens[1] in QUESTION_OPENERS


def read_item(
    typed: str,
    *,
    names: Iterable[str] = (),
    item_list: ItemList = "other",
    addressed: bool = True,
) -> Phrase:
    """Read one note item: its lead-in, its shape and its text ready for a sentence.

    Parameters
    ----------
    typed
        The item as typed.
    names
        Words that keep their capital at the start of an item: the names of
        the workspace and the words of its dictionary.
    item_list
        The note list the item comes from; some lead-ins are only read in
        their own list ("because" in ``stronger_because``, "I love" in
        ``exciting``, a bare "about" in ``discussed``).
    addressed
        True when the text is written to the employer: "they"/"their" about
        them become "you"/"your". False for notes to oneself (talking points).

    Examples
    --------
    >>> read_item("They told me the unit is moving to self-scheduling.").text
    'the unit is moving to self-scheduling'
    >>> p = read_item("I asked about the busy season schedule")
    >>> p.lead, p.shape, p.text
    ('asked', 'noun', 'the busy season schedule')
    >>> read_item("Python training for new analysts").text
    'Python training for new analysts'
    """
    known = frozenset(names)
    clean = " ".join(_BULLET.sub("", typed.strip()).split())
    body, lead, that, ask_if = _strip_leads(clean, item_list)
    body = body.strip(" ,:;-–—")
    if ask_if:
        body = f"whether {body}"
    if not _END.sub("", body):
        return Phrase(
            sentence_of(clean), "sentence", lead, typed, problem="nothing after the lead-in"
        )
    if _question(body, clean):
        text = _addressed(clean) if addressed else clean
        return Phrase(sentence_of(text), "sentence", lead, typed)
    body = _END.sub("", body)
    if _INNER_BOUNDARY.search(body):
        return Phrase(sentence_of(clean), "sentence", lead, typed, problem="several sentences")
    if len(body.split()) > MAX_STITCHED_WORDS:
        return Phrase(sentence_of(clean), "sentence", lead, typed, problem="too long")
    if _RUN_ON.search(body):
        return Phrase(sentence_of(clean), "sentence", lead, typed, problem="run-on")
    body = _lowered(_addressed(body) if addressed else body, known)
    if item_list == "stronger_because" and _resume_verb(body):
        body = f"I {body}"  # "Led a team of 12" is the person's own "I led a team of 12"
    shape, first_person = _shape(body, that=that)
    return Phrase(body, shape, lead, typed, first_person=first_person, that=that)
