"""The writing check: what a careful reader would notice in a follow-up note.

:func:`check_writing` runs a grammar engine (Harper, offline, loaded on first
use) and followup's own rules over a text, and returns one :class:`Finding`
per problem, in the order they appear:

``placeholder``
    template text left unfilled: ``{{ name }}``, ``[Company]``, ``<NAME>``,
    ``TODO``...;
``name``
    a name one slip from a known name ("Rahmen" when the known name is
    "Rahman"), also where the slip is itself a word ("Dear Mark" to Marc);
``spelling``
    a word the dictionary of the chosen variety of English does not know,
    with a suggestion when one is close ("organised" is right in UK English
    only, "color" in US English only);
``grammar``
    a real word in the wrong place: their/there, your/you're, its/it's,
    "a MBA", "would of", "for you time", affect/effect, then/than...;
``repeated_word``
    the same word twice in a row ("from from"), also across a line break;
``capitalization``
    a sentence starting in lowercase, a lone lowercase "i", a known name in
    lowercase;
``tone``
    too familiar for a possible employer: "hey", "gonna", "awesome", emoji,
    "!!", and English words in capitals (shouting; acronyms are not);
``style``
    the engine's advice on wording;
``length``
    only when the kind of note is given: a thank-you reads best with 120 to
    250 words, a check-in with at most 120.

Modules: :mod:`~.check` (the check itself), :mod:`~.engine` (Harper, chunked
so the time stays linear), :mod:`~.engine_findings` (Harper's lints with the
known words applied), :mod:`~.own_rules`, :mod:`~.confusions` and :mod:`~.confusion_rule` (real-word
slips), :mod:`~.known_words` (names and slips near them), :mod:`~.tokens`,
:mod:`~.patterns`, :mod:`~.vocabulary` and :mod:`~.findings`. Importing this
package does not load the engine.
"""

from __future__ import annotations

from followup.notes.writing.check import (
    ENGLISH_VARIETIES,
    SCOPES,
    check_writing,
    count_words,
    load_dictionary,
)
from followup.notes.writing.findings import FINDING_KINDS, NOTE_LEVEL_KINDS, Finding
from followup.notes.writing.own_rules import NOTE_LENGTHS
from followup.notes.writing.vocabulary import English

__all__ = [
    "ENGLISH_VARIETIES",
    "FINDING_KINDS",
    "NOTE_LENGTHS",
    "NOTE_LEVEL_KINDS",
    "SCOPES",
    "English",
    "Finding",
    "check_writing",
    "count_words",
    "load_dictionary",
]
