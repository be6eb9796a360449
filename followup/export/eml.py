"""Export a note as an unsent e-mail draft (``.eml``) that a mail program opens ready to send.

The package never sends mail: the draft carries ``X-Unsent: 1``, so Outlook
and other clients open it as a message to review and send. Headers are built
with the standard :mod:`email` package from validated fields only; every
header-bound field (names, addresses, subject, message id) is checked here
first, because older Python versions (3.11, 3.12 before their security fixes)
let a trailing newline or an encoded word such as ``=?UTF-8?Q?=0A?=`` slip a
header through.

Line ends are ``\\n``: Python's parser then reads the body back as exactly the
text written (with ``\\r\\n`` on disk the parsed body would keep the ``\\r``),
and mail programs open such files as well.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from followup._text import BIDI_CONTROLS
from followup.errors import Problem, ValidationError
from followup.model import Contact
from followup.model.checks import check_email, check_text

__all__ = ["EML_HEADERS", "build_eml"]

#: The header names of an exported draft, in order; Date and Message-ID only when given.
EML_HEADERS: tuple[str, ...] = (
    "From",
    "To",
    "Subject",
    "X-Unsent",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
)

_MAX_SUBJECT = 300
_MAX_NAME = 200
_MAX_BODY = 100_000
# "=?charset?Q?...?=" would be decoded by the reader, newline included.
_ENCODED_WORD = re.compile(r"=\?.*\?=", re.DOTALL)
_BODY_LINE_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_MESSAGE_ID = re.compile(r"<?([!-;=?-~]+@[!-;=?-~]+)>?")  # printable ASCII without < > or space


def build_eml(
    *,
    sender: Contact,
    recipient: Contact,
    subject: str,
    body: str,
    date: dt.datetime | None = None,
    message_id: str | None = None,
) -> bytes:
    """The bytes of an unsent e-mail draft from ``sender`` to ``recipient``.

    Parameters
    ----------
    sender, recipient : Contact
        Both need an e-mail address; the name becomes the display name.
        A name or subject too long for one header line is folded, and a
        non-ASCII one split into several encoded words, the standard way
        (RFC 5322, RFC 2047; see :mod:`followup.export.mail_headers`). Mail
        programs join them exactly; Python's own address parser, in some
        versions, shows one space more where a display name was split.
    subject : str
        One line of text; runs of spaces become one space.
    body : str
        Plain text, written as typed (nothing is HTML-escaped). ``\\r\\n`` and
        ``\\r`` line ends become ``\\n``, and a final ``\\n`` is added when
        missing; parsed back, the body equals that text.
    date : datetime, optional
        A timezone-aware time for the ``Date`` header; left out when None
        (the mail program stamps the message when it is sent).
    message_id : str, optional
        A ``left@right`` id (angle brackets optional) for ``Message-ID``.

    Returns
    -------
    bytes
        The message, with exactly the headers in :data:`EML_HEADERS`.

    Raises
    ------
    ValidationError
        If a contact has no e-mail address, or a field could change the
        headers (a line break, a control character, an encoded word, ...).

    Examples
    --------
    >>> import email, email.policy
    >>> data = build_eml(
    ...     sender=Contact("Alex Morgan", email="alex@example.com"),
    ...     recipient=Contact("Jane Doe", email="jane@example.com"),
    ...     subject="Thank you",
    ...     body="Dear Jane,\\n\\nThank you for your time at AT&T.\\n",
    ... )
    >>> message = email.message_from_bytes(data, policy=email.policy.default)
    >>> message["X-Unsent"], str(message["To"]), message.get_content()[-6:]
    ('1', 'Jane Doe <jane@example.com>', 'AT&T.\\n')
    """
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime

    from followup.export.mail_headers import DRAFT_POLICY

    problems: list[Problem] = []
    from_address = _address(sender, "sender", problems)
    to_address = _address(recipient, "recipient", problems)
    subject_text = _header_text(subject, "subject", problems, max_length=_MAX_SUBJECT)
    body_text = _body(body, problems)
    if date is not None and not _is_aware_datetime(date):
        problems.append(Problem("date", "must be a timezone-aware datetime", date))
    message_id_text = _message_id(message_id, problems)
    if problems:
        raise ValidationError(problems)
    assert from_address is not None and to_address is not None
    assert subject_text is not None and body_text is not None

    message = EmailMessage(policy=DRAFT_POLICY)
    message["From"] = Address(display_name=from_address[0], addr_spec=from_address[1])
    message["To"] = Address(display_name=to_address[0], addr_spec=to_address[1])
    message["Subject"] = subject_text
    message["X-Unsent"] = "1"
    if date is not None:
        message["Date"] = format_datetime(date)
    if message_id_text is not None:
        message["Message-ID"] = message_id_text
    message.set_content(body_text, charset="utf-8")
    return message.as_bytes()


def _is_aware_datetime(value: object) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def _header_text(
    value: object, path: str, problems: list[Problem], *, max_length: int
) -> str | None:
    """Check one line of text bound for a header; return it with single spaces."""
    text = check_text(value, path, problems, required=True, max_length=max_length)
    if text is None:
        return None
    if any(char in BIDI_CONTROLS or unicodedata.category(char) in ("Zl", "Zp") for char in text):
        problems.append(
            Problem(path, "must be text without line separators or direction controls", value)
        )
        return None
    if _ENCODED_WORD.search(text):
        problems.append(
            Problem(path, "must be plain text without an encoded word like '=?UTF-8?Q?…?='", value)
        )
        return None
    # Readers collapse runs of spaces in names and drop unusual spaces at the ends anyway;
    # doing it here makes the header read back exactly as written.
    return " ".join(text.split())


def _address(contact: object, path: str, problems: list[Problem]) -> tuple[str, str] | None:
    """Check a contact bound for From or To: its display name and one ASCII address."""
    if not isinstance(contact, Contact):
        problems.append(Problem(path, "must be a Contact", contact))
        return None
    name = _header_text(contact.name, f"{path}.name", problems, max_length=_MAX_NAME)
    if contact.email is None:
        problems.append(
            Problem(
                f"{path}.email",
                "must be an e-mail address to write an .eml (add it to this contact)",
                None,
            )
        )
        return None
    address = check_email(contact.email, f"{path}.email", problems)
    if address is None or name is None:
        return None
    local, _, domain = address.rpartition("@")
    if not local.isascii():
        problems.append(
            Problem(
                f"{path}.email", "must be an address with only ASCII before the '@'", address
            )
        )
        return None
    try:
        # Internationalized domains travel in their ASCII form (xn--...).
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        problems.append(
            Problem(f"{path}.email", "must be an address with a valid domain", address)
        )
        return None
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        Address(addr_spec=f"{local}@{domain}")
    except (ValueError, HeaderParseError):
        problems.append(
            Problem(f"{path}.email", "must be one e-mail address like name@example.com", address)
        )
        return None
    return name, f"{local}@{domain}"


def _body(value: object, problems: list[Problem]) -> str | None:
    """Check the body; return it with ``\\n`` line ends and a final newline."""
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem("body", "must be non-empty text", value))
        return None
    if len(value) > _MAX_BODY:
        problems.append(Problem("body", f"must be at most {_MAX_BODY} characters", value))
        return None
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    for char in text:
        # Python's e-mail writer splits lines on these too, so they could not round-trip;
        # a lone surrogate cannot be written as UTF-8 at all.
        category = unicodedata.category(char)
        if char in _BODY_LINE_BREAKS or category == "Cs" or (
            category == "Cc" and char not in "\n\t"
        ):
            problems.append(
                Problem("body", f"must be text without the character U+{ord(char):04X}", value)
            )
            return None
    return text if text.endswith("\n") else text + "\n"


def _message_id(value: object, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    match = _MESSAGE_ID.fullmatch(value) if isinstance(value, str) and len(value) <= 250 else None
    if match is None:
        problems.append(
            Problem("message_id", "must be an id like 'note-1@followup' (printable ASCII)", value)
        )
        return None
    return f"<{match.group(1)}>"
