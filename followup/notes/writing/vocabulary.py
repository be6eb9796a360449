"""The word lists of the writing check: familiar words, acronyms, workplace words, spellings.

Plain data, no logic beyond two small spelling helpers: which words are too
familiar for a note to a possible employer (and what to write instead), which
capitals are names of things rather than shouting, which workplace words the
grammar engine's dictionary lacks, and how British and American spellings of a
word relate.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

__all__ = [
    "ACRONYMS",
    "BRITISH_ENDINGS",
    "CONTRACTION_ENDINGS",
    "FAMILIAR_WORDS",
    "GRAMMATICAL_DOUBLES",
    "WORKPLACE_WORDS",
    "English",
    "american_forms",
    "is_other_variety",
    "word_set",
]

#: The English varieties the check knows: spelling, and the grammar engine's dialect.
English = Literal["US", "UK"]


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


def word_set(words: str) -> frozenset[str]:
    """The space-separated words of ``words``, as a set.

    >>> sorted(word_set("to for  with"))
    ['for', 'to', 'with']
    """
    return frozenset(words.split())


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

# Acronyms that are also English words ("STEM", "NATO" is not, but it reads like one), so
# they are not taken for a shouted word. Other capitals that are not a word are acronyms.
ACRONYMS = frozenset({
    "AJAX", "ASCII", "CARE", "CCPA", "CRUD", "CUDA", "FAANG", "GAAP", "GDPR", "HIPAA", "HOPE",
    "HTML", "HTTP", "HTTPS", "IEEE", "JSON", "LEAD", "LGBT", "LGBTQ", "NASA", "NASDAQ", "NATO",
    "NYSE", "OAUTH", "POSIX", "RFID", "SAFE", "SAML", "SMART", "SOAP", "STAR", "STEM", "UNESCO",
    "UNICEF", "UNIX", "USDA", "YAML",
})  # fmt: skip

# Everyday workplace words (and their usual forms) the engine's dictionary lacks, in any
# variety, then per variety. The engine takes each entry as a word it knows.
WORKPLACE_WORDS: dict[str, tuple[str, ...]] = {
    "both": _split(
        "agritech capex cofounder cofounders dashboarding dataflow dataflows ecommerce edtech "
        "fullstack geospatial geotechnical healthtech insurtech lakehouse lakehouses medtech "
        "mentee mentees microcopy offboard offboarded offboarding omnichannel "
        "opex payables perioperative planogram planograms preceptorship proptech regtech "
        "revalidation roadmap roadmaps runbook runbooks scaleup scaleups subledger subledgers "
        "summative telehealth tolerancing upsell upselling upsells upsold wireframe wireframed "
        "wireframes wireframing"
    ),
    # "analyses" is the plural of "analysis", and "afterwards" a word, in American English too.
    "US": _split("afterwards analyses decarbonization"),
    "UK": _split("decarbonisation"),
}

# British endings, and the American ones.
BRITISH_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"),
    ("ises", "izes"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers"),
    ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"),
    ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"),
    ("ller", "ler"), ("llers", "lers"), ("amme", "am"), ("ammes", "ams"),
    ("ence", "ense"), ("ogue", "og"), ("ogues", "ogs"),
)  # fmt: skip
CONTRACTION_ENDINGS = ("'s", "'re", "'ve", "'ll", "'d", "'m")
#: Words that are correct twice in a row ("It had had an effect", "that that").
GRAMMATICAL_DOUBLES = frozenset({"had", "that"})


def american_forms(word: str) -> Iterator[str]:
    """The American spellings a British spelling may stand for (lowercase in, lowercase out).

    >>> sorted(set(american_forms("colour's")))
    ["color's"]
    >>> list(american_forms("organised"))
    ['organized']
    """
    if "our" in word:
        yield word.replace("our", "or")
    base, ending = word, ""
    for contraction in CONTRACTION_ENDINGS:
        if word.endswith(contraction) and len(word) > len(contraction):
            base, ending = word[: -len(contraction)], contraction
    for british, american in BRITISH_ENDINGS:
        if base.endswith(british):
            yield base[: -len(british)] + american + ending


def is_other_variety(word: str, suggestion: str) -> bool:
    """Whether ``word`` and ``suggestion`` are one word in its British and American spellings.

    >>> is_other_variety("Colour", "color"), is_other_variety("center", "centre")
    (True, True)
    >>> is_other_variety("recieve", "receive")
    False
    """
    word, suggestion = word.lower(), suggestion.lower()
    return suggestion in set(american_forms(word)) or word in set(american_forms(suggestion))
