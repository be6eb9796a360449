"""Text that fits: wrapping and shortening labels, and naming opportunities on charts.

Standard library only, so that the rules for fitting text can be tested
without drawing anything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from followup._text import CharWidth, column_width, text_width

__all__ = [
    "ELLIPSIS",
    "shorten",
    "shorten_name",
    "signed",
    "unique_names",
]

ELLIPSIS = "…"
MINUS_SIGN = "\u2212"


def _split_at_width(word: str, width: float, char_width: CharWidth) -> tuple[str, str]:
    """The longest head of ``word`` at most ``width`` wide (at least one character)."""
    used = 0.0
    cut = 0
    for index, char in enumerate(word):
        used += char_width(char)
        if used > width and cut > 0:
            break
        cut = index + 1
    # Keep accents with the letter they belong to.
    while cut < len(word) and unicodedata.combining(word[cut]):
        cut += 1
    return word[:cut], word[cut:]


def _wrap(text: str, width: float, char_width: CharWidth) -> list[str]:
    lines: list[str] = []
    current, used = "", 0.0
    space = char_width(" ")
    for word in text.split():
        size = text_width(word, char_width)
        while size > width:
            if current:
                lines.append(current)
                current, used = "", 0.0
            head, word = _split_at_width(word, width, char_width)
            lines.append(head)
            size = text_width(word, char_width)
        if not word:
            continue
        if not current:
            current, used = word, size
        elif used + space + size <= width:
            current, used = f"{current} {word}", used + space + size
        else:
            lines.append(current)
            current, used = word, size
    if current:
        lines.append(current)
    return lines


def shorten(
    text: str, width: float, *, max_lines: int = 1, char_width: CharWidth = column_width
) -> str:
    """Wrap ``text`` into lines at most ``width`` wide; end with "…" if it needs more lines.

    Runs of white space become one space or a line break; words longer than a
    line are broken. What is shown is always the start of the text.

    Parameters
    ----------
    text
        Any text (a label, a company name).
    width
        The width of a line, in the unit of ``char_width``; at least room
        for one character and the ellipsis is kept.
    max_lines
        Lines at most (at least 1).
    char_width
        The width of one character: columns by default, or ems of a font.

    Examples
    --------
    >>> shorten("Interesting payments domain", 12, max_lines=2)
    'Interesting\\npayments…'
    >>> shorten("Short", 12)
    'Short'
    """
    width = max(float(width), 2 * char_width(ELLIPSIS))
    max_lines = max(int(max_lines), 1)
    lines = _wrap(text, width, char_width)
    if len(lines) <= max_lines:
        return "\n".join(lines)
    kept = lines[:max_lines]
    last = kept[-1]
    room = width - char_width(ELLIPSIS)
    while len(last) > 1 and text_width(last, char_width) > room:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return "\n".join(kept)


def shorten_name(
    company: str,
    role: str,
    width: float,
    *,
    max_lines: int = 1,
    char_width: CharWidth = column_width,
) -> str:
    """``"Company — Role"`` fitted like :func:`shorten`, keeping the start of both parts.

    >>> shorten_name("Initech", "Backend Engineer", 30)
    'Initech — Backend Engineer'
    >>> shorten_name("A" * 40, "Backend Engineer", 30)
    'AAAAAAAAAAAAAAA… — Backend…'
    """
    name = f"{company} — {role}"
    if text_width(name, char_width) > width * max_lines:
        # Both parts would not fit: give each a share, so the role never disappears.
        share = 0.9 if max_lines > 1 else 0.55
        company = shorten(company, width * share, char_width=char_width)
        role = shorten(role, width * (0.85 if max_lines > 1 else 0.4), char_width=char_width)
        name = f"{company} — {role}"
    return shorten(name, width, max_lines=max_lines, char_width=char_width)


def signed(number: float) -> str:
    """A number with its sign, using a true minus sign: ``+2``, ``−13``, ``0``.

    >>> signed(2), signed(-13), signed(0), signed(1.5)
    ('+2', '−13', '0', '+1.5')
    """
    value = int(number) if float(number).is_integer() else float(number)
    if value == 0:
        return "0"
    text = f"{abs(value):g}"
    return f"+{text}" if value > 0 else f"{MINUS_SIGN}{text}"


def unique_names(names: Iterable[str], ids: Iterable[str]) -> list[str]:
    """Names for chart rows; a name shared by several rows gets its id in brackets.

    >>> unique_names(["Acme", "Acme", "Hooli"], ["acme-a", "acme-b", "hooli"])
    ['Acme (acme-a)', 'Acme (acme-b)', 'Hooli']
    """
    names = list(names)
    ids = list(ids)
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    return [
        f"{name} ({id_})" if seen[name] > 1 else name for name, id_ in zip(names, ids, strict=True)
    ]
