"""Files offered as downloads in the browser: a link that carries the file itself.

The app runs in a kernel that may sit on another machine than the browser,
so a file written there is out of the person's reach. A link whose address
holds the file's bytes (a ``data:`` address) and whose ``download``
attribute names it makes the browser save it as a download, in JupyterLab
and in Voila alike, with no server route and no script. The file name and
the label are escaped; the bytes travel in base64, which holds no character
HTML would read.
"""

from __future__ import annotations

import base64
import html

__all__ = ["download_link"]

#: A link that looks like one (the notebook's styles may leave anchors in the text colour).
_LOOK = "color: var(--jp-content-link-color, #1a5fb4); text-decoration: underline"
#: Text files are UTF-8; the browser must not guess another encoding.
_TEXT_TYPES = ("text/markdown", "text/calendar", "text/plain")


def download_link(name: str, data: bytes, media_type: str, text: str) -> str:
    """An ``<a download>`` link that saves ``data`` as a file called ``name``.

    Parameters
    ----------
    name
        The file name offered to the browser (escaped here).
    data
        The file's bytes.
    media_type
        Its media type (``"message/rfc822"``, ``"text/markdown"``, ...).
    text
        What the link says (escaped here).

    Examples
    --------
    >>> link = download_link('a"b<c>.md', b"# Hi", "text/markdown", "Download <it>")
    >>> 'download="a&quot;b&lt;c&gt;.md"' in link, "Download &lt;it&gt;" in link
    (True, True)
    >>> "data:text/markdown;charset=utf-8;base64,IyBIaQ==" in link
    True
    """
    kind = media_type + (";charset=utf-8" if media_type in _TEXT_TYPES else "")
    href = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return (
        f'<a class="followup-download" download="{html.escape(name, quote=True)}" '
        f'href="{html.escape(href, quote=True)}" style="{_LOOK}">{html.escape(text)}</a>'
    )
