"""The fixed vocabularies of a workspace and the limits of every field, in one place.

The limits are far above what any real job search reaches (the example has 7
opportunities of 6 to 8 factors): they keep a hostile or broken file from
exhausting memory or time, and are refused on load with the path of the field.
Standard library only.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "CATEGORIES",
    "CATEGORY_LENGTH",
    "DICTIONARY_WORD_LENGTH",
    "DRAFT_LENGTH",
    "ENGLISH_VARIETIES",
    "EVENT_KINDS",
    "EVENT_NOTE_LENGTH",
    "FACT_SOURCES",
    "GREETINGS",
    "ID_LENGTH",
    "LABEL_LENGTH",
    "MAX_CONTACTS",
    "MAX_DICTIONARY_WORDS",
    "MAX_EVENTS",
    "MAX_FACTORS",
    "MAX_NOTE_ITEMS",
    "MAX_OPPORTUNITIES",
    "NAME_LENGTH",
    "NOTE_ITEM_LENGTH",
    "PHONE_LENGTH",
    "SIDES",
    "THRESHOLD_LIMIT",
    "English",
    "EventKind",
    "FactSource",
    "Greeting",
    "Side",
]

# Each vocabulary is written once, as the Literal type the checker knows; the tuple that
# validation and the widgets use is read from it, so the two cannot drift apart.
Side = Literal["plus", "minus"]
SIDES: tuple[str, ...] = get_args(Side)

EventKind = Literal[
    "recruiter_called", "thank_you_sent", "check_in_sent", "reply_received", "closed"
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)

#: Suggested categories, in the order charts and tables show them.
CATEGORIES: tuple[str, ...] = (
    "pay",
    "growth",
    "people",
    "work",
    "culture",
    "location",
    "stability",
    "other",
)

#: The English the notes are written and checked in: dates, spelling dialect.
English = Literal["US", "UK"]
ENGLISH_VARIETIES: tuple[str, ...] = get_args(English)

#: How formal a note's greeting is. A name typed with an honorific is always greeted with
#: it and the surname ("Dear Dr. Okonkwo,"); otherwise "first_name" greets "Dear Jordan,"
#: and "formal" greets with the full name, never guessing a title ("Dear Jordan Rivera,").
Greeting = Literal["first_name", "formal"]
GREETINGS: tuple[str, ...] = get_args(Greeting)

#: Where the company fact of the notes was learned.
FactSource = Literal["interview", "website"]
FACT_SOURCES: tuple[str, ...] = get_args(FactSource)

# Characters per text field.
ID_LENGTH = 64
NAME_LENGTH = 200
PHONE_LENGTH = 40
LABEL_LENGTH = 300
CATEGORY_LENGTH = 40
NOTE_ITEM_LENGTH = 1000
EVENT_NOTE_LENGTH = 5000
DRAFT_LENGTH = 20_000
DICTIONARY_WORD_LENGTH = 60

# Items per list.
MAX_OPPORTUNITIES = 300
MAX_FACTORS = 100
MAX_CONTACTS = 20
MAX_EVENTS = 50
MAX_NOTE_ITEMS = 100
MAX_DICTIONARY_WORDS = 2000

#: A pass threshold lies within -THRESHOLD_LIMIT..THRESHOLD_LIMIT.
THRESHOLD_LIMIT = 1000
