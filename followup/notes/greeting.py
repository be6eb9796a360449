"""Whom a note greets, and how: "Dear Dr. Okonkwo,", "Dear Priya," or "Dear Rachel Stein,".

The rules, in the order they apply:

1. A name that starts with an honorific (Dr., Prof., Mr., Mrs., Ms., Mx.,
   Miss, ...) is greeted with the honorific and the surname: "Dr. Amara
   Okonkwo" → "Dr. Okonkwo"; a name after "Sir" or "Dame" keeps the first
   name ("Sir Tim"), as the title is used that way.
2. A name that starts with an initial ("J. Rivera") is greeted as typed: the
   person chose that form.
3. Otherwise the first name ("Dear Jordan,"), or the full name when the
   workspace's greeting is ``"formal"`` ("Dear Jordan Rivera,"): followup never
   guesses a title.

A name typed in lower case is capitalised in the greeting ("priya" →
"Priya"); :func:`lowercase_name` tells the note to report it, so that the
person fixes the contact.
"""

from __future__ import annotations

import re
from typing import Literal

from followup.model import Contact

__all__ = ["HONORIFICS", "greeting_name", "lowercase_name", "name_capitalized"]

#: Honorifics, written without their full stop, in lower case.
HONORIFICS = frozenset(
    {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "rev", "sir", "dame"}
)
_FIRST_NAME_TITLES = frozenset({"sir", "dame"})
# Letters after the name: "Amara Okonkwo, MD", "John Smith Jr.".
_POSTNOMINAL = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "rn", "cpa", "esq", "dds"})
# Surname particles that belong with the surname: "Dr. Maria de la Cruz" -> "Dr. de la Cruz".
_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "du", "la", "le", "van", "von", "bin", "al"}
)


def _bare(word: str) -> str:
    return word.rstrip(".,").lower()


def _capitalized_part(word: str) -> str:
    # "o'brien" -> "O'Brien", "mary-jane" -> "Mary-Jane"; a part already holding capitals stays.
    if any(char.isupper() for char in word):
        return word
    return re.sub(r"(^|['’\-])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


def name_capitalized(words: list[str]) -> str:
    """Name words with capitals where a name has them; particles ("de", "van") stay.

    >>> name_capitalized(["maria", "de", "la", "cruz"]), name_capitalized(["o'brien"])
    ('Maria de la Cruz', "O'Brien")
    """
    out = []
    for position, word in enumerate(words):
        if position and word in _PARTICLES:
            out.append(word)
        else:
            out.append(_capitalized_part(word))
    return " ".join(out)


def lowercase_name(contact: Contact) -> bool:
    """True when the name was typed without any capital letter ("priya natarajan").

    >>> lowercase_name(Contact("priya natarajan")), lowercase_name(Contact("bell hooks"))
    (True, True)
    """
    return not any(char.isupper() for char in contact.name) and any(
        char.isalpha() for char in contact.name
    )


def greeting_name(
    contact: Contact, greeting: Literal["first_name", "formal"] = "first_name"
) -> str:
    """The name to greet someone with (see the module notes for the rules).

    >>> greeting_name(Contact("Jordan Rivera")), greeting_name(Contact("Dr. Amara Okonkwo"))
    ('Jordan', 'Dr. Okonkwo')
    >>> greeting_name(Contact("Rachel Stein"), "formal"), greeting_name(Contact("Ms. Rachel Stein"))
    ('Rachel Stein', 'Ms. Stein')
    >>> greeting_name(Contact("priya natarajan"))
    'Priya'
    """
    words = contact.name.replace(",", " , ").split()
    if "," in words:  # "Amara Okonkwo, MD": what follows the comma is not part of the name
        words = words[: words.index(",")]
    while len(words) > 1 and _bare(words[-1]) in _POSTNOMINAL:
        words.pop()
    if not words:
        return contact.name
    if not any(char.isupper() for char in contact.name):
        words = [*name_capitalized(words).split()]
    first = words[0]
    if _bare(first) in HONORIFICS and len(words) > 1:
        honorific = first[0].upper() + first[1:]
        if _bare(first) in _FIRST_NAME_TITLES:
            return f"{honorific} {words[1]}"
        surname = [words[-1]]
        for word in reversed(words[1:-1]):
            if word.lower() not in _PARTICLES:
                break
            surname.insert(0, word)
        return f"{honorific} {' '.join(surname)}"
    if len(words) == 1 or first.endswith(".") or greeting == "formal":
        return " ".join(words)
    return first
