"""The .eml export: an unsent draft whose headers no field can change, with the body as typed."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
from email.header import decode_header, make_header
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import ValidationError
from followup.export.eml import EML_HEADERS, build_eml
from followup.model import Contact

ALEX = Contact("Alex Morgan", email="alex@example.com")
JANE = Contact("Jane Doe", title="Head of Data", email="jane@example.com")
BASIC_HEADERS = [name for name in EML_HEADERS if name not in ("Date", "Message-ID")]
BODY = "Dear Jane,\n\nThank you for your time.\n\nKind regards,\nAlex Morgan\n"


def parse(data: bytes) -> EmailMessage:
    message: EmailMessage = email.message_from_bytes(data, policy=email.policy.default)
    return message


def draft(**fields: object) -> bytes:
    arguments: dict[str, object] = {
        "sender": ALEX,
        "recipient": JANE,
        "subject": "Thank you for the interview",
        "body": BODY,
    }
    arguments.update(fields)
    return build_eml(**arguments)  # type: ignore[arg-type]


def unchecked_contact(name: str, email_address: str | None) -> Contact:
    """A Contact that skipped the model's checks (a bug upstream): the export must still refuse."""
    contact = object.__new__(Contact)
    fields = {"name": name, "title": None, "email": email_address, "phone": None}
    for field, value in fields.items():
        object.__setattr__(contact, field, value)
    return contact


# ---------------------------------------------------------------------------
# the draft


def test_a_draft_has_exactly_the_expected_headers_in_order() -> None:
    message = parse(draft())
    assert sorted(message.keys()) == sorted(BASIC_HEADERS)
    assert message["X-Unsent"] == "1"
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"


def test_date_and_message_id_are_added_only_when_given() -> None:
    sent = dt.datetime(2026, 3, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    message = parse(draft(date=sent, message_id="acme-thank-you@followup"))
    assert sorted(message.keys()) == sorted(EML_HEADERS)
    assert message["Date"].datetime == sent
    assert message["Message-ID"] == "<acme-thank-you@followup>"


def test_from_and_to_are_the_two_contacts_with_exactly_one_recipient() -> None:
    message = parse(draft())
    (sender,) = message["From"].addresses
    (recipient,) = message["To"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Alex Morgan", "alex@example.com")
    assert (recipient.display_name, recipient.addr_spec) == ("Jane Doe", "jane@example.com")


@pytest.mark.parametrize(
    "name",
    [
        "Doe, Jane",
        'Jane "JD" Doe',
        "Jane <boss@example.com>",
        "Ōkafor Ada",
        "李 小龙",
        "O'Neil (CTO)",
    ],
)
def test_a_name_with_commas_quotes_or_brackets_stays_one_display_name(name: str) -> None:
    message = parse(draft(recipient=Contact(name, email="jane@example.com")))
    (recipient,) = message["To"].addresses
    assert (recipient.display_name, recipient.addr_spec) == (name, "jane@example.com")


@pytest.mark.parametrize(
    "subject",
    ["Thank you — Senior Data Engineer", 'AT&T "R&D" <Legal>', "Merci : ingénieure données"],
)
def test_the_subject_reads_back_exactly(subject: str) -> None:
    assert str(parse(draft(subject=subject))["Subject"]) == subject


def test_the_body_is_written_as_typed_not_html_escaped() -> None:  # row 3
    body = 'We spoke about AT&T "R&D" <Legal> & {{ 7*7 }}.\n'
    data = draft(body=body)
    assert parse(data).get_content() == body
    assert b"&amp;" not in data and b"&lt;" not in data


@pytest.mark.parametrize(
    ("body", "read_back"),
    [
        ("One line", "One line\n"),  # a final newline is added
        ("Two\r\nlines\r\n", "Two\nlines\n"),  # CRLF becomes LF
        ("Old\rMac", "Old\nMac\n"),
        ("Ends with blank lines\n\n", "Ends with blank lines\n\n"),
        ("Tabs\tstay\n", "Tabs\tstay\n"),
        ("Trailing spaces   \nstay\n", "Trailing spaces   \nstay\n"),
        ("From the start\n.\n", "From the start\n.\n"),
        ("é" * 2000 + "\n", "é" * 2000 + "\n"),  # a long non-ASCII line is encoded and decoded
    ],
)
def test_the_body_reads_back_with_lf_line_ends_and_one_final_newline(
    body: str, read_back: str
) -> None:
    assert parse(draft(body=body)).get_content() == read_back


def test_an_address_with_non_ascii_before_the_at_is_refused_for_eml() -> None:
    # Valid in the workspace, but it cannot travel in a plain (non-SMTPUTF8) header.
    expected = r"^recipient\.email must be an address with only ASCII"
    with pytest.raises(ValidationError, match=expected):
        draft(recipient=Contact("Jane", email="jäne@example.com"))


def test_an_internationalized_domain_is_written_in_its_ascii_form() -> None:
    message = parse(draft(recipient=Contact("Jane", email="jane@bücher.example")))
    assert message["To"].addresses[0].addr_spec == "jane@xn--bcher-kva.example"


def test_the_same_fields_give_the_same_bytes() -> None:
    assert draft() == draft()


# ---------------------------------------------------------------------------
# refusals


@pytest.mark.parametrize("role", ["sender", "recipient"])
def test_a_contact_without_email_is_refused_saying_what_to_add(role: str) -> None:
    expected = (
        rf"^{role}\.email must be an e-mail address to write an \.eml "
        r"\(add it to this contact\); got None$"
    )
    with pytest.raises(ValidationError, match=expected):
        draft(**{role: Contact("Jane Doe")})


@pytest.mark.parametrize(
    "address",
    [
        "jane@x.com\r\nBcc: evil@x.com",  # row 4
        "jane@x.com\nBcc: evil@x.com",
        "jane@example.com, boss@example.com",  # row 8
        "jane@example.com boss@example.com",
        "no-at-sign",  # row 9
        "jane@",
        "@example.com",
    ],
)
def test_an_address_that_is_not_exactly_one_plain_address_is_refused(address: str) -> None:
    with pytest.raises(ValidationError, match=r"^recipient\.email must be"):
        draft(recipient=unchecked_contact("Jane", address))
    with pytest.raises(ValidationError):
        Contact("Jane", email=address)  # the model refuses it first


@pytest.mark.parametrize(
    "subject",
    [
        "Engineer\nBcc: evil@x.com",  # row 5
        "Engineer\n",  # row 6: refused rather than guessed at
        "Engineer\r",
        "Engineer\u2028Bcc: x@y",
        "Engineer\x85",
        "Engineer\x00",
        "Engineer\tlead",
        "=?UTF-8?Q?=0A?=Bcc: evil@x.com",  # an encoded word that decodes to a newline
        "Engineer =?utf-8?b?Cg==?=",
        "Engineer \u202egnp.exe",  # a direction override
        "",
        "   ",
        "x" * 301,
    ],
)
def test_a_subject_that_could_change_the_headers_is_refused(subject: str) -> None:
    with pytest.raises(ValidationError, match=r"^subject must be"):
        draft(subject=subject)


@pytest.mark.parametrize(
    "name",
    [
        "Jane\u2028Bcc: x@y",  # row 7
        "Jane\x85",
        "Jane\x00",
        "Jane\r\nBcc: evil@x.com",
        "Jane\u2029",
        "=?UTF-8?Q?Jane=0ABcc:_evil@x.com?=",
    ],
)
@pytest.mark.parametrize("role", ["sender", "recipient"])
def test_a_name_that_could_change_the_headers_is_refused(name: str, role: str) -> None:
    with pytest.raises(ValidationError, match=rf"^{role}\.name must be"):
        draft(**{role: unchecked_contact(name, "jane@example.com")})


@pytest.mark.parametrize(
    "body", ["", "  \n ", "Hello\x00", "Hello\x0cthere", "a\u2028b", "lone \ud800", None]
)
def test_a_blank_body_or_one_with_control_characters_is_refused(body: object) -> None:
    with pytest.raises(ValidationError, match=r"^body must be"):
        draft(body=body)


@pytest.mark.parametrize(
    "date", [dt.datetime(2026, 3, 4, 9, 30), dt.date(2026, 3, 4), "Wed, 04 Mar 2026"]
)
def test_a_date_must_be_a_timezone_aware_datetime(date: object) -> None:
    with pytest.raises(ValidationError, match=r"^date must be a timezone-aware datetime"):
        draft(date=date)


@pytest.mark.parametrize("message_id", ["no-at", "a b@c", "<a@b>\nBcc: x@y", "<a<b@c>", ""])
def test_an_odd_message_id_is_refused(message_id: str) -> None:
    with pytest.raises(ValidationError, match=r"^message_id must be"):
        draft(message_id=message_id)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        draft(sender=Contact("Alex"), recipient=Contact("Jane"), subject="")
    assert {problem.path for problem in caught.value.problems} == {
        "sender.email",
        "recipient.email",
        "subject",
    }


# ---------------------------------------------------------------------------
# long names: split into encoded words the standard way


# Two encoded words in a row, with the folding whitespace between them.
ADJACENT_ENCODED_WORDS = re.compile(r"\?=\s+=\?")


def raw_header(data: bytes, name: str) -> str:
    """The header as written, unfolded (RFC 5322: a line break before a space is removed)."""
    value = email.message_from_bytes(data, policy=email.policy.compat32)[name]
    assert isinstance(value, str)
    return re.sub(r"\r?\n(?=[ \t])", "", value)


def display_name_by_rfc_2047(header: str) -> str:
    """The display name of a ``Name <address>`` header written as encoded words and atoms.

    The legacy decoder follows RFC 2047, section 6.2: the space between two
    encoded words is not part of the text.
    """
    phrase = header.rpartition("<")[0]
    return str(make_header(decode_header(phrase))).strip()


def assert_display_name_reads_back(data: bytes, header_name: str, name: str) -> None:
    """A mail program reads the display name exactly; so does Python, but for split spaces."""
    (address,) = parse(data)[header_name].addresses
    header = raw_header(data, header_name)
    splits = len(ADJACENT_ENCODED_WORDS.findall(header))
    if name.isascii():
        assert splits == 0
        assert address.display_name == name
    else:
        assert display_name_by_rfc_2047(header) == name
        # Python's address parser keeps the folding space between two encoded
        # words (CPython gh-128110): at most one space more per split, nothing else.
        assert len(address.display_name) in (len(name), len(name) + splits)
        assert "".join(address.display_name.split()) == "".join(name.split())


@pytest.mark.parametrize(
    "name",
    [
        "Александра Владимировна Константинова",
        "李小龙" * 30,
        " ".join(["Ōkafor"] * 12),
        "a" * 70 + "é" + "b" * 70,
        # Python's own folding ends an encoded word of this name just before a space
        # and leaves the space as folding, which mail programs drop ("HernándezŌkafor").
        "Ōkafor Ōkafor Ōkafor Иван Hernández Ōkafor",
    ],
)
@pytest.mark.parametrize("role", ["sender", "recipient"])
def test_a_long_non_ascii_name_is_split_into_short_encoded_words_that_join_exactly(
    name: str, role: str
) -> None:
    data = draft(**{role: Contact(name, email="jane@example.com")}, subject=name)
    head = data.partition(b"\n\n")[0]
    assert all(len(line) <= 78 for line in head.split(b"\n"))  # folded, as RFC 5322 asks
    header_name = "From" if role == "sender" else "To"
    words = re.findall(r"=\?utf-8\?[bq]\?[^?]*\?=", raw_header(data, header_name))
    assert len(words) >= 2
    assert all(len(word) <= 75 for word in words)  # RFC 2047, section 2
    assert_display_name_reads_back(data, header_name, name)
    assert str(parse(data)["Subject"]) == name


# ---------------------------------------------------------------------------
# property


def single_spaced(text: str) -> str:
    return " ".join(text.split())


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

header_text = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters=BIDI_CONTROLS),
    min_size=1,
    max_size=200,
).filter(lambda text: text.strip() != "" and "=?" not in text)
# Any printable text with the three line and tab characters a note may hold.
body_text = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), st.sampled_from("\n\r\t")
    ),
    min_size=1,
    max_size=300,
).filter(lambda text: text.strip() != "")


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(sender=header_text, recipient=header_text, subject=header_text, body=body_text)
def test_any_valid_fields_give_exactly_the_expected_headers_and_the_same_body(
    sender: str, recipient: str, subject: str, body: str
) -> None:
    data = build_eml(
        sender=unchecked_contact(sender, "alex@example.com"),
        recipient=unchecked_contact(recipient, "jane@example.com"),
        subject=subject,
        body=body,
    )
    message = parse(data)
    assert sorted(message.keys()) == sorted(BASIC_HEADERS)
    (to,) = message["To"].addresses
    (sent_from,) = message["From"].addresses
    assert (to.addr_spec, sent_from.addr_spec) == ("jane@example.com", "alex@example.com")
    # Runs of spaces become one space when written (readers collapse them anyway);
    # beyond that, every header reads back exactly as it was given.
    assert_display_name_reads_back(data, "To", single_spaced(recipient))
    assert_display_name_reads_back(data, "From", single_spaced(sender))
    assert str(message["Subject"]) == single_spaced(subject)
    expected = body.replace("\r\n", "\n").replace("\r", "\n")
    assert message.get_content() == (expected if expected.endswith("\n") else expected + "\n")
