"""Downloads: a link that carries the file and its name, safe whatever the name holds."""

from __future__ import annotations

import base64
import html
import re

from followup.ui.downloads import download_link


def test_the_link_carries_the_exact_bytes_and_the_name():
    data = "Café ☕ <b>\r\n".encode()
    link = download_link("note.md", data, "text/markdown", "Download note.md")
    href = html.unescape(re.search(r'href="([^"]+)"', link).group(1))
    assert href.startswith("data:text/markdown;charset=utf-8;base64,")
    assert base64.b64decode(href.split(",", 1)[1]) == data
    assert re.search(r'download="note.md"', link)


def test_a_hostile_name_cannot_leave_its_attribute_or_add_markup():
    name = 'x" onclick="alert(1)<script>.eml'
    link = download_link(name, b"x", "message/rfc822", f"Download {name}")
    assert "<script>" not in link and 'x" onclick' not in link
    found = re.search(r'download="([^"]*)"', link).group(1)
    assert html.unescape(found) == name


def test_binary_types_carry_no_charset():
    link = download_link("a.eml", b"\x00\xff", "message/rfc822", "a")
    assert "data:message/rfc822;base64,AP8=" in link
