"""The regular expressions of the writing check, each linear in the length of the text.

A note can be a megabyte of anything, so every pattern here is written to
match in time proportional to the text: runs are taken whole with possessive
quantifiers (``*+``, ``++``), a match may only start where a run starts
(a lookbehind), and anything searched for "within" something is bounded.
tests/notes/test_writing_speed.py doubles pathological texts to hold that.
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATION_BEFORE",
    "COUNTED_WORD",
    "LATIN_PHRASES",
    "LONE_I",
    "PARAGRAPH_BREAK",
    "PLACEHOLDERS",
    "SENTENCE_END",
    "TONE_PATTERNS",
    "UNCHECKED",
    "WORD",
]

_LETTERS = r"[^\W\d_]"
WORD = re.compile(rf"{_LETTERS}+(?:['’]{_LETTERS}+)*")
# For counting, a word is a run of letters, apostrophes and hyphens holding a letter. A match
# starts only where such a run starts, so a long run of hyphens is read once, not once per hyphen.
COUNTED_WORD = re.compile(rf"(?<!['’\-])['’\-]*+{_LETTERS}(?:{_LETTERS}|['’\-])*+")

# Text no dictionary can judge: e-mail addresses, links, @handles, dotted or slashed names
# and paths ("Node.js", "/home/docs", ".ics"), and names joined by "&" ("AT&T", "A&E", "R&D").
UNCHECKED = re.compile(
    r"(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)+"
    r"|(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]']"
    r"|(?<![\w@])@\w++"
    r"|(?<![\w./\\])[./\\~]*+\w++(?:[./\\]\w++)+|(?<![\w.])\.\w++"
    r"|(?<![\w&])\w++(?:&\w++)+"
)

# Latin phrases of professional English, which no English dictionary holds word by word.
LATIN_PHRASES = re.compile(
    r"\b(?:pro bono|per diem|bona fide|de facto|per annum|per capita|pro rata|ex officio"
    r"|alma mater|et al|per se|a priori|a posteriori|in situ|inter alia|prima facie|pro forma"
    r"|mea culpa|quid pro quo|sine qua non|ad hoc|status quo|vice versa|curriculum vitae)\b",
    re.IGNORECASE,
)

# Template text is looked for within 200 characters, which also bounds the search time.
PLACEHOLDERS = re.compile(
    r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|\{#.{0,200}?#\}"  # Jinja2 expressions, statements, comments
    r"|\{\{|\}\}|\{%|%\}"  # a half of one left behind
    r"|\$\{[^{}\n]*\}|\{[A-Za-z_]\w*+\}|%\([A-Za-z_]\w*+\)[sd]"  # other template styles
    r"|\[[A-Z][\w'’]*+(?:[ _/\-]++[A-Z0-9][\w'’]*+)*+\](?!\()"  # [NAME], [Company Name]
    r"|\[(?i:insert|your|add|enter)\b[^\]\n]{0,60}\]"  # [insert date]
    r"|<[A-Z][A-Z0-9_ \-]*+>|<(?i:your|insert)\b[^<>\n]{0,60}>"  # <NAME>, <your name>
    r"|\b(?:TODO|TBD|TBA|XXX+|FIXME)\b|(?i:\blorem ipsum\b)",
    re.DOTALL,
)

#: A blank line between paragraphs (one match for a whole run of blank lines).
PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t\r\f\v]*+\n)++")
#: The end of a sentence: its marks, closing quotes or brackets, then space.
SENTENCE_END = re.compile(r"[.!?]++[\"')\]’”]*+\s++")
# A period after these does not end the sentence ("e.g. the", "Dr. Lee", "wait... then").
# Searched in the dozen characters before the period only.
ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|a\.m|p\.m|Mr|Mrs|Ms|Dr|Prof|St|Inc|Ltd|Co|Corp|Jr|Sr|No)"
    r"|\.\.)\.$"
)
LONE_I = re.compile(r"(?<![\w'’\-(.])i(?:['’](?:m|ve|ll|d))?(?![\w'’\-)])(?!\.e\.)")

_EMOJI_CHAR = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u231A-\u23FF]"
TONE_PATTERNS = re.compile(
    rf"(?P<emoji>{_EMOJI_CHAR}[\uFE0F\U0001F3FB-\U0001F3FF]*+"
    rf"(?:\u200D?{_EMOJI_CHAR}[\uFE0F\U0001F3FB-\U0001F3FF]*+)*+)"
    r"|(?P<emoticon>(?<![\w)])(?:[:;=][\-']?[)(DPp|*3]|<3|\^_\^|xD|XD)(?![\w(]))"
    r"|(?P<marks>(?<![!?])[!?]{2,}+)"
    r"|(?P<super>\b[Ss]uper[\s\-]++(?P<adjective>[a-z]++)\b)"
)
