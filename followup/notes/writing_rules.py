"""What the writing check looks for: its patterns, word lists and English dictionary.

:mod:`followup.notes.writing` applies these to a note. Here are the regular
expressions that find words, sentence starts, placeholders and informal
marks; the familiar words with plainer replacements; the acronyms that are not
shouting; the workplace words and British spellings the dictionary accepts;
and the dictionary itself (pyspellchecker), loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from typing import Any

__all__ = [
    "ABBREVIATION_BEFORE",
    "ACRONYMS",
    "BRITISH_ENDINGS",
    "CONTRACTION_ENDINGS",
    "COUNTED_WORD",
    "EXTRA_WORDS",
    "FAMILIAR_WORDS",
    "GRAMMATICAL_DOUBLES",
    "LONE_I",
    "PLACEHOLDERS",
    "SENTENCE_START",
    "TONE_PATTERNS",
    "UNCHECKED",
    "WORD",
    "accepted_forms",
    "correction",
    "load_dictionary",
    "spell_checker",
]

# ---------------------------------------------------------------------------
# patterns


def _split_words(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_LETTERS = r"[^\W\d_]"
WORD = re.compile(rf"{_LETTERS}+(?:['’]{_LETTERS}+)*")
# For counting, a word is a run of letters, apostrophes and hyphens holding a letter.
COUNTED_WORD = re.compile(rf"['’\-]*{_LETTERS}(?:{_LETTERS}|['’\-])*")

# Text the dictionary cannot judge: e-mail addresses, links, @handles, dotted or slashed names.
# Matches start only where a run starts, and runs are taken whole (possessive "++"), so a
# long run of letters costs linear time, not quadratic.
UNCHECKED = re.compile(
    r"(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)+"
    r"|(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]']"
    r"|(?<![\w@])@\w++"
    r"|(?<![\w./\\])\w++(?:[./\\]\w++)+"
)

# Template text is looked for within 200 characters, which also bounds the search time.
PLACEHOLDERS = re.compile(
    r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|\{#.{0,200}?#\}"  # Jinja2 expressions, statements, comments
    r"|\{\{|\}\}|\{%|%\}"  # a half of one left behind
    r"|\$\{[^{}\n]*\}|\{[A-Za-z_]\w*\}|%\([A-Za-z_]\w*\)[sd]"  # other template styles
    r"|\[(?:[A-Z][\w'’]*)(?:[ _/\-]+[A-Z0-9][\w'’]*)*\](?!\()"  # [NAME], [Company Name]
    r"|\[(?i:insert|your|add|enter)\b[^\]\n]{0,60}\]"  # [insert date]
    r"|<[A-Z][A-Z0-9_ \-]*>|<(?i:your|insert)\b[^<>\n]{0,60}>"  # <NAME>, <your name>
    r"|\b(?:TODO|TBD|TBA|XXX+|FIXME)\b|(?i:\blorem ipsum\b)",
    re.DOTALL,
)

SENTENCE_START = re.compile(r"(?:\A|(?<=[.!?])[\"')\]’”]*\s+|\n[ \t]*\n\s*)[\"'(“‘]*(?=\w)")
# A period after these does not end the sentence ("e.g. the", "Dr. Lee", "wait... then").
ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|a\.m|p\.m|Mr|Mrs|Ms|Dr|Prof|St|Inc|Ltd|Co|Corp|Jr|Sr|No)"
    r"|\.\.)\.$"
)
LONE_I = re.compile(r"(?<![\w'’\-(.])i(?:['’](?:m|ve|ll|d))?(?![\w'’\-)])(?!\.e\.)")

_EMOJI_CHAR = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u231A-\u23FF]"
TONE_PATTERNS = re.compile(
    rf"(?P<emoji>{_EMOJI_CHAR}[\uFE0F\U0001F3FB-\U0001F3FF]*"
    rf"(?:\u200D?{_EMOJI_CHAR}[\uFE0F\U0001F3FB-\U0001F3FF]*)*)"
    r"|(?P<emoticon>(?<![\w)])(?:[:;=][\-']?[)(DPp|*3]|<3|\^_\^|xD|XD)(?![\w(]))"
    r"|(?P<marks>[!?]{2,})"
    r"|(?P<super>\b[Ss]uper[\s\-]+(?P<adjective>[a-z]+)\b)"
)

# Familiar words and a plainer replacement (None: just leave it out).
FAMILIAR_WORDS: dict[str, str | None] = {
    "hey": "Hello", "heya": "Hello", "hiya": "Hello", "yo": "Hello",
    "gonna": "going to", "wanna": "want to", "gotta": "have to",
    "kinda": "somewhat", "sorta": "somewhat", "awesome": "excellent",
    "stoked": "delighted", "pumped": "excited", "psyched": "excited",
    "yeah": "yes", "yep": "yes", "nope": "no", "btw": "also", "imo": "I believe",
    "idk": "I am not sure", "thx": "thank you", "thanx": "thank you",
    "pls": "please", "plz": "please", "cuz": "because", "u": "you", "ur": "your",
    "asap": "when convenient", "lol": None, "lmao": None, "omg": None,
    "haha": None, "hehe": None, "xoxo": None, "tbh": None, "dude": None,
}  # fmt: skip

# Capitals that are names of things, not shouting.
ACRONYMS = frozenset({
    "AJAX", "ASCII", "CCPA", "CRUD", "CUDA", "FAANG", "GAAP", "GDPR", "HIPAA", "HTML", "HTTP",
    "HTTPS", "IEEE", "JSON", "LGBT", "LGBTQ", "NASA", "NASDAQ", "NATO", "NYSE", "OAUTH", "POSIX",
    "RFID", "SAML", "SOAP", "STEM", "UNESCO", "UNICEF", "UNIX", "USDA", "YAML",
})  # fmt: skip

# Everyday workplace words the general dictionary lacks, and British spellings
# that no regular ending rule below covers.
EXTRA_WORDS = _split_words(
    "analytics backend blockchain chatbot chatbots codebase cofounder cybersecurity dashboarding "
    "dataset datasets decarbonization devops ecommerce edtech fintech frontend fullstack fundraise "
    "geospatial hackathon hackathons healthtech impactful insurtech kanban learnings lifecycle "
    "lifecycles medtech microservice microservices monorepo offboarding onboard onboarding onsite "
    "proptech refactor refactoring regtech repo repos reskilling roadmap roadmaps rollout rollouts "
    "scaleup scaleups upskill upskilling uptime webinar webinars wireframe wireframes workflow "
    "workflows defence licence offence pretence grey cheque tyre aluminium storey"
)

# British endings, and the American ones the dictionary knows.
BRITISH_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"),
    ("ises", "izes"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers"),
    ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"),
    ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"),
    ("ller", "ler"), ("llers", "lers"), ("amme", "am"), ("ammes", "ams"),
)  # fmt: skip
CONTRACTION_ENDINGS = ("'s", "'re", "'ve", "'ll", "'d", "'m")
GRAMMATICAL_DOUBLES = frozenset({"had", "that"})


# ---------------------------------------------------------------------------
# the dictionary

_dictionary_lock = threading.Lock()
_dictionary_cache: list[Any] = []


def load_dictionary() -> None:
    """Load the English dictionary now (once), so later checks start at full speed.

    The first :func:`followup.notes.writing.check_writing` call would load it
    anyway; calling this first moves the one-off cost (about a third of a
    second) to a moment of the caller's choosing.

    >>> load_dictionary()
    """
    spell_checker()


def spell_checker() -> Any:
    """The shared ``SpellChecker``, built on first use (pyspellchecker is imported lazily).

    English, one edit for suggestions, with :data:`EXTRA_WORDS` added.
    """
    if not _dictionary_cache:
        with _dictionary_lock:
            if not _dictionary_cache:
                from spellchecker import SpellChecker

                checker = SpellChecker(language="en", distance=1)
                checker.word_frequency.load_words(EXTRA_WORDS)
                _dictionary_cache.append(checker)
    return _dictionary_cache[0]


@functools.lru_cache(maxsize=4096)
def correction(word: str) -> str | None:
    """The dictionary's closest word one edit away, or None (cached: a lookup costs ~0.5 ms).

    >>> correction("recieve"), correction("zqxjv")
    ('receive', None)
    """
    corrected = spell_checker().correction(word)
    return corrected if isinstance(corrected, str) and corrected != word else None


def accepted_forms(word: str) -> Iterator[str]:
    """Other spellings that make ``word`` correct: its base before a contraction, US forms.

    ``word`` is in lowercase; it is correct when one of these is in the dictionary.

    >>> list(accepted_forms("colour's"))
    ["colour's", "color's", 'colour', 'color']
    """
    bases = [word]
    for ending in CONTRACTION_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            bases.append(word[: -len(ending)])
    for base in bases:
        yield base
        if "our" in base:
            yield base.replace("our", "or")
        for british, american in BRITISH_ENDINGS:
            if base.endswith(british):
                yield base[: -len(british)] + american

