"""The e-mail policy of a draft: From and To headers that every mail program reads exactly.

A display name with characters outside ASCII travels in RFC 2047 encoded
words, and a long one needs several: an encoded word holds at most 75
characters. A reader joins adjacent encoded words and drops the folding space
between them (RFC 2047, section 6.2), so a space of the name itself must sit
inside a word. Python's own folding can end a word just before such a space
and leave the space as folding, which a mail program then drops: a long name
such as "Ōkafor Ōkafor Ōkafor Иван Hernández Ōkafor" could arrive as
"… HernándezŌkafor". Here a non-ASCII display name is written as base64
encoded words that cover all of it, spaces included, cut only between
characters.

ASCII display names (plain or quoted) and every other header keep Python's
folding, which reads back exactly.
"""

from __future__ import annotations

import base64
from email.headerregistry import BaseHeader, HeaderRegistry, UniqueAddressHeader
from email.policy import EmailPolicy, default
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from email.message import EmailMessage
    from email.policy import Policy

__all__ = ["DRAFT_POLICY", "encoded_words"]

_PREFIX = "=?utf-8?b?"
_SUFFIX = "?="
#: RFC 2047, section 2: an encoded word is at most 75 characters long.
MAX_ENCODED_WORD = 75
# Base64 writes 4 characters for every 3 bytes.
_MAX_BYTES = (MAX_ENCODED_WORD - len(_PREFIX) - len(_SUFFIX)) // 4 * 3


def encoded_words(text: str) -> list[str]:
    """``text`` as UTF-8 base64 encoded words of at most 75 characters each.

    Every character, spaces included, is inside a word and whole in one word,
    so a reader that joins the words (RFC 2047) gets ``text`` back exactly.

    Parameters
    ----------
    text : str
        The text, for example a display name.

    Returns
    -------
    list of str
        The encoded words, in order.

    Examples
    --------
    >>> encoded_words("Ōkafor Ada")
    ['=?utf-8?b?xYxrYWZvciBBZGE=?=']
    >>> from email.header import decode_header, make_header
    >>> words = encoded_words("李小龙 " * 12)
    >>> len(words), max(len(word) for word in words) <= 75
    (3, True)
    >>> str(make_header(decode_header(" ".join(words)))) == "李小龙 " * 12
    True
    """
    chunks: list[bytes] = []
    chunk = b""
    for char in text:
        encoded = char.encode("utf-8")
        if chunk and len(chunk) + len(encoded) > _MAX_BYTES:
            chunks.append(chunk)
            chunk = b""
        chunk += encoded
    chunks.append(chunk)
    return [_PREFIX + base64.b64encode(part).decode("ascii") + _SUFFIX for part in chunks]


# Like Python's own header classes, a mix-in: the registry adds BaseHeader as the last base.
class _MailboxHeader(UniqueAddressHeader):
    """From or To with one address; a non-ASCII display name is written as encoded words."""

    def fold(self, *, policy: Policy) -> str:
        header = cast("BaseHeader", self)
        (address,) = self.addresses
        if address.display_name.isascii():
            return BaseHeader.fold(header, policy=policy)
        # RFC 5322 asks for lines of 78 characters at most and allows up to 998.
        limit = policy.max_line_length or 998
        label = f"{header.name}:"
        lines = [label]
        for token in [*encoded_words(address.display_name), f"<{address.addr_spec}>"]:
            # A token that does not fit goes on a new line, after a folding space.
            if lines[-1] != label and len(lines[-1]) + 1 + len(token) > limit:
                lines.append("")
            lines[-1] += " " + token
        return policy.linesep.join(lines) + policy.linesep


def _draft_policy() -> EmailPolicy[EmailMessage]:
    headers = HeaderRegistry()
    mailbox_header = cast("type[BaseHeader]", _MailboxHeader)
    headers.map_to_type("from", mailbox_header)
    headers.map_to_type("to", mailbox_header)
    return default.clone(header_factory=headers)


#: :data:`email.policy.default`, with From and To written as described above.
DRAFT_POLICY = _draft_policy()
