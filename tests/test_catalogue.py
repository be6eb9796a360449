"""The whole catalogue of bad input, faults and hostile text, one test per row.

Each row of the reliability catalogue (30 rows: where the input enters, the
input, the expected outcome) is one parametrized case, ``row-NN-…``.
Outcomes: **R** rejected with a message naming the field and the value;
**E** shown or exported literally (escaped for its context); **S** made safe
and accepted; **N** nothing lost (old file byte-identical, no temporary file
left behind). Modules beyond the core are imported inside each row, so that
collecting this file never depends on them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import errno
import html
import json
import os
import re
import signal
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from followup.errors import (
    UnknownOpportunityError,
    ValidationError,
    WorkspaceError,
)
from followup.model import Contact, Event, Factor, Opportunity, Workspace
from followup.storage.atomic import temporary_files
from followup.storage.fileformat import workspace_bytes
from followup.storage.files import example_workspace, load_workspace, restore_backup, save_workspace
from followup.storage.paths import backup_path

EXAMPLE = example_workspace()
STORY_DAY = dt.date(2026, 12, 1)
# An opportunity whose thank-you is due on STORY_DAY: its draft shows company and notes.
THANKED = "northwind-platform-lead"
Row = Callable[[Path], None]


# ---------------------------------------------------------------------------
# helpers


class _TagsAndText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_html(markup: str) -> tuple[set[str], set[str], str]:
    """The tags and attribute names a browser would build, and the text it would show."""
    parser = _TagsAndText()
    parser.feed(markup)
    parser.close()
    return parser.tags, set(parser.attributes), "".join(parser.text)


HOSTILE_TAGS = {"img", "svg", "a", "script", "iframe"}
HOSTILE_ATTRIBUTES = {"onerror", "onload", "href", "src"}


def assert_shown_literally(markup: str, text: str) -> None:
    tags, attributes, shown = read_html(markup)
    assert not tags & HOSTILE_TAGS, f"user text became a tag: {tags & HOSTILE_TAGS}"
    assert not attributes & HOSTILE_ATTRIBUTES
    assert text in shown, f"{text!r} is not shown as typed"


def with_opportunity(opportunity_id: str, **changes: Any) -> Workspace:
    return EXAMPLE.with_opportunity(
        dataclasses.replace(EXAMPLE.opportunity(opportunity_id), **changes)
    )


def thank_you_draft(workspace: Workspace) -> Any:
    from followup.notes.compose import draft_note

    return draft_note(workspace, THANKED, today=STORY_DAY, kind="thank_you")


def draft_with_notes(*discussed: str, company: str | None = None) -> Any:
    opportunity = EXAMPLE.opportunity(THANKED)
    notes = dataclasses.replace(opportunity.notes, discussed=discussed)
    changes: dict[str, Any] = {"notes": notes}
    if company is not None:
        changes["company"] = company
    return thank_you_draft(with_opportunity(THANKED, **changes))


def refused(build: Callable[[], object], field: str) -> ValidationError:
    """``build`` must raise a ValidationError whose message names ``field``."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert any(problem.path.endswith(field) for problem in caught.value.problems), str(caught.value)
    return caught.value


def refused_on_load(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], path_in_file: str
) -> None:
    """The example file with one change is refused on load, naming where, and left untouched."""
    data = EXAMPLE.to_dict()
    mutate(data)
    file = tmp_path / "search.json"
    raw = json.dumps(data).encode()
    file.write_bytes(raw)
    with pytest.raises(WorkspaceError, match=re.escape(path_in_file)):
        load_workspace(file)
    assert file.read_bytes() == raw


def set_interviewer(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        data["opportunities"][0]["interviewers"][0][field] = value

    return mutate


def untouched_after(
    path: Path, action: Callable[[], object], error: type[Exception] = WorkspaceError
) -> None:
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(error):
        action()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


# ---------------------------------------------------------------------------
# rows 1-3: text shown in HTML and exported


def row_01_company_in_any_html_view_is_literal(tmp_path: Path) -> None:
    company = "<img src=x onerror=alert(1)>"
    workspace = with_opportunity(THANKED, company=company)
    assert_shown_literally(workspace._repr_html_(), company)
    assert_shown_literally(workspace.opportunity(THANKED)._repr_html_(), company)
    assert_shown_literally(thank_you_draft(workspace).html_preview(), company)


def row_02_notes_in_an_html_view_are_literal(tmp_path: Path) -> None:
    hostile = ("<svg onload=alert(1)>", '<a href="javascript:alert(1)">x</a>')
    preview = draft_with_notes(*hostile).html_preview()
    for text in hostile:
        assert_shown_literally(preview, text)


def row_03_company_in_eml_and_md_is_exactly_as_typed(tmp_path: Path) -> None:
    company = 'AT&T "R&D" <Legal>'
    draft = draft_with_notes("the platform roadmap", company=company)
    message = email.message_from_bytes(draft.to_eml(), policy=email.policy.default)
    assert company in message.get_content()
    assert company in draft.to_markdown()
    assert company in draft.to_text()
    assert html.escape(company) not in draft.to_markdown()
    assert_shown_literally(draft.html_preview(), company)


# ---------------------------------------------------------------------------
# rows 4-9: text bound for e-mail headers


def row_04_email_with_a_smuggled_header_is_refused_and_nothing_written(tmp_path: Path) -> None:
    hostile = "jane@x.com\r\nBcc: evil@x.com"
    refused(lambda: Contact("Jane", email=hostile), "email")
    refused_on_load(
        tmp_path, set_interviewer("email", hostile), "opportunities[0].interviewers[0].email"
    )
    # Even a contact that slipped past validation never reaches a file.
    draft = draft_with_notes("the roadmap")
    smuggled = Contact("Jane", email="jane@x.com")
    object.__setattr__(smuggled, "email", hostile)
    folder = tmp_path / "drafts"
    with pytest.raises(ValidationError, match="email"):
        dataclasses.replace(draft, to=smuggled).save(folder, format="eml")
    assert not folder.exists() or list(folder.iterdir()) == []


def row_05_role_with_a_smuggled_header_is_refused(tmp_path: Path) -> None:
    from followup.export.eml import build_eml

    hostile = "Engineer\nBcc: evil@x.com"
    refused(lambda: Opportunity("acme", "Acme", hostile), "role")
    sender, recipient = (
        Contact("Alex", email="alex@example.com"),
        Contact("Jo", email="jo@example.com"),
    )
    refused(
        lambda: build_eml(sender=sender, recipient=recipient, subject=hostile, body="Hi"), "subject"
    )


def row_06_role_with_a_trailing_newline_is_refused_or_stripped_and_headers_stay_intact(
    tmp_path: Path,
) -> None:
    from followup.export.eml import build_eml

    refused(lambda: Opportunity("acme", "Acme", "Engineer\n"), "role")
    sender, recipient = (
        Contact("Alex", email="alex@example.com"),
        Contact("Jo", email="jo@example.com"),
    )
    try:
        data = build_eml(sender=sender, recipient=recipient, subject="Engineer\n", body="Hi")
    except ValidationError as error:
        assert any(problem.path == "subject" for problem in error.problems)
        return
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["Subject"] == "Engineer"
    assert message["Bcc"] is None
    assert [str(a) for a in message["To"].addresses] == ["Jo <jo@example.com>"]


def row_07_names_with_unusual_line_breaks_or_nul_are_refused(tmp_path: Path) -> None:
    for name in ("Jane\u2028Bcc: x@y", "Jane\x85", "Jane\x00"):
        error = refused(lambda name=name: Contact(name), "name")  # type: ignore[misc]
        assert "must be single-line text without" in str(error)
        refused_on_load(
            tmp_path, set_interviewer("name", name), "opportunities[0].interviewers[0].name"
        )


def row_08_two_addresses_in_one_email_field_are_refused(tmp_path: Path) -> None:
    refused(lambda: Contact("Jane", email="jane@example.com, boss@example.com"), "email")


def row_09_malformed_addresses_are_refused(tmp_path: Path) -> None:
    for address in ("no-at-sign", "jane@", "@example.com"):
        error = refused(lambda address=address: Contact("Jane", email=address), "email")  # type: ignore[misc]
        assert repr(address) in str(error)


# ---------------------------------------------------------------------------
# rows 10-13: templates. Templates ship with the package and are not editable;
# user text that looks like a template is never evaluated, it appears as typed.


def row_10_template_code_reaching_for_python_internals_is_never_run(tmp_path: Path) -> None:
    payload = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    body = draft_with_notes(payload).body
    assert payload in body
    assert "<class" not in body


def row_11_a_misspelt_template_field_in_user_text_stays_literal(tmp_path: Path) -> None:
    # The item's first letter may be lowered to fit its sentence; the field stays as typed.
    payload = "Dear {{ interviewer_nmae }}"
    assert "{{ interviewer_nmae }}" in draft_with_notes(payload).body


def row_12_a_huge_template_expression_in_user_text_is_not_expanded(tmp_path: Path) -> None:
    payload = "{{ 'a' * 10**8 }}"
    started = time.perf_counter()
    body = draft_with_notes(payload).body
    assert payload in body
    assert len(body) < 10_000
    assert time.perf_counter() - started < 30  # a kernel that stays responsive, generously


def row_13_template_syntax_in_notes_appears_literally(tmp_path: Path) -> None:
    payloads = ("{{ 7*7 }}", "{% include '/etc/passwd' %}")
    draft = draft_with_notes(*payloads)
    for payload in payloads:
        assert payload in draft.body
        assert payload in draft.to_markdown()
    assert "root:" not in draft.body


# ---------------------------------------------------------------------------
# rows 14-17: file names made from user text


def _inside(folder: Path, written: Path) -> bool:
    return written.resolve().parent == folder.resolve()


def row_14_path_traversal_in_a_company_name_stays_inside_the_export_folder(tmp_path: Path) -> None:
    from followup.export.filenames import safe_filename, write_new_file

    folder = tmp_path / "export"
    for company in ("../../etc/passwd", "..\\..\\Windows\\win.ini"):
        name = safe_filename(company, "Engineer", ext="md")
        assert "/" not in name and "\\" not in name and ".." not in name
        assert _inside(folder, write_new_file(folder, name, b"note"))
        draft = draft_with_notes("the roadmap", company=company)
        assert _inside(folder, draft.save(folder, format="md"))
    assert sorted(p.parent for p in tmp_path.rglob("*") if p.is_file()) == [folder] * 4


def row_15_names_with_nothing_usable_get_a_fallback(tmp_path: Path) -> None:
    from followup.export.filenames import safe_filename

    for company in (".", "..", "   ", ""):
        assert safe_filename(company, ext="md", fallback="note") == "note.md"


WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{d}{n}" for d in ("COM", "LPT") for n in range(10)
}


def row_16_windows_reserved_names_are_never_produced(tmp_path: Path) -> None:
    from followup.export.filenames import safe_filename

    for company in ("CON", "nul.txt", "COM1", "LPT9", "AUX "):
        for ext in ("md", "txt", "eml"):
            name = safe_filename(company, ext=ext)
            stem = name.split(".")[0].strip().upper()
            assert stem not in WINDOWS_RESERVED, name


def row_17_very_long_names_fit_in_255_bytes(tmp_path: Path) -> None:
    from followup.export.filenames import safe_filename, write_new_file

    for company in ("日" * 300, "a" * 300):
        name = safe_filename(company, "Engineer", "thank-you", ext="eml")
        assert len(name.encode("utf-8")) <= 255
        assert write_new_file(tmp_path, name, b"x").exists()


# ---------------------------------------------------------------------------
# row 18: chart labels


def row_18_dollar_signs_in_chart_labels_render_as_typed(tmp_path: Path) -> None:
    from matplotlib.text import Text

    from followup.charts import figure_png, plot_t

    for label in ("$\\foo$ Corp", "Price $5 and $10"):
        opportunity = EXAMPLE.opportunity(THANKED)
        workspace = EXAMPLE.with_opportunity(opportunity.with_factor(Factor(label, "plus", 3)))
        ax = plot_t(workspace, THANKED)
        assert figure_png(ax).startswith(b"\x89PNG")
        texts = [t.get_text() for t in ax.figure.findobj(Text)]
        assert label in texts, texts


# ---------------------------------------------------------------------------
# rows 19-22: values


# Each bad weight as a Python value and as it would be typed in the file.
BAD_WEIGHTS: list[tuple[object, str]] = [
    (float("nan"), "NaN"),
    (float("inf"), "Infinity"),
    (1e309, "1e309"),
    ("high", '"high"'),
    (True, "true"),
    (None, "null"),
    (0, "0"),
    (11, "11"),
    (2.5, "2.5"),
]


def row_19_bad_weights_are_refused_before_scoring(tmp_path: Path) -> None:
    import pandas as pd

    from followup.decide.frames import factors_frame
    from followup.decide.scoring import score

    path = tmp_path / "search.json"
    for weight, typed in BAD_WEIGHTS:
        error = refused(lambda weight=weight: Factor("Pay", "plus", weight), "weight")  # type: ignore[misc]
        assert "weight must be an integer from 1 to 10" in str(error)

        data = EXAMPLE.to_dict()
        data["opportunities"][1]["factors"][0]["weight"] = "WEIGHT"
        path.write_text(json.dumps(data).replace('"WEIGHT"', typed))
        expected = (
            "is not a number JSON allows"
            if typed in ("NaN", "Infinity")
            else "opportunities[1].factors[0].weight must be an integer from 1 to 10"
        )
        untouched_after(path, lambda: load_workspace(path))
        with pytest.raises(WorkspaceError, match=re.escape(expected)):
            load_workspace(path)

        frame = factors_frame(EXAMPLE).astype({"weight": object})
        frame.loc[0, "weight"] = weight
        with pytest.raises(ValidationError, match="must be an integer from 1 to 10"):
            score(pd.DataFrame(frame))


def row_20_no_factors_or_one_sided_factors_give_a_defined_verdict_and_a_warning(
    tmp_path: Path,
) -> None:
    import math

    from followup.decide.honesty import honesty_checks
    from followup.decide.scoring import score
    from followup.decide.sensitivity import flip_points, robustness

    cases = {
        "none": (),
        "only-pluses": (Factor("Pay", "plus", 6), Factor("Team", "plus", 4)),
        "only-minuses": (Factor("Commute", "minus", 6), Factor("Hours", "minus", 4)),
    }
    workspace = Workspace(
        tuple(Opportunity(key, "Acme", "Engineer", factors=f) for key, f in cases.items())
    )
    table = score(workspace)
    assert table.loc["none", "verdict"] == "undecided"
    assert table.loc["only-pluses", "verdict"] == "pass"
    assert table.loc["only-minuses", "verdict"] == "fail"
    for column in ("plus", "minus", "balance", "rank"):
        assert all(math.isfinite(value) for value in table[column])
    assert table.loc["only-pluses", "ratio"] == 1.0 and table.loc["only-minuses", "ratio"] == 0.0
    checks = honesty_checks(workspace)
    found = set(zip(checks["opportunity"], checks["check"], strict=True))
    assert {
        ("none", "too_few_factors"),
        ("only-pluses", "no_minuses"),
        ("only-minuses", "no_pluses"),
    } <= found
    for key in cases:
        flip_points(workspace, key)
    assert robustness(workspace, trials=50)["p_pass"].between(0, 1).all()


def row_21_impossible_vague_or_far_dates_are_refused_naming_the_field(tmp_path: Path) -> None:
    for value in ("2026-02-30", "next week", "2300-01-01"):
        refused(
            lambda value=value: Opportunity("acme", "Acme", "Engineer", interview_date=value),
            "interview_date",
        )  # type: ignore[misc]
        refused(lambda value=value: Event("thank_you_sent", value), "date")  # type: ignore[misc]

        def mutate(data: dict[str, Any], value: str = value) -> None:
            data["opportunities"][0]["interview_date"] = value

        refused_on_load(tmp_path, mutate, "opportunities[0].interview_date must be")


def row_22_calendar_text_cannot_add_a_second_event(tmp_path: Path) -> None:
    from icalendar import Calendar

    from followup.export.ics import build_reminder_ics

    payload = "X\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil"
    data = build_reminder_ics(
        uid="acme-check-in@followup",
        on=STORY_DAY,
        summary=payload,
        description=payload,
        stamp=STORY_DAY,
    )
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == payload.replace("\r\n", "\n")
    assert str(events[0]["description"]) == payload.replace("\r\n", "\n")


# ---------------------------------------------------------------------------
# rows 23-27: the workspace file


def row_23_empty_or_truncated_file_is_refused_with_position_and_the_backup_restores(
    tmp_path: Path,
) -> None:
    path = tmp_path / "search.json"
    save_workspace(EXAMPLE, path)
    save_workspace(Workspace(), path)  # the backup now holds the example
    truncated = workspace_bytes(EXAMPLE)[:200]
    last_line = len(truncated.decode().split("\n"))
    for damaged, position in ((b"", "line 1 column 1"), (truncated, f"line {last_line} column")):
        path.write_bytes(damaged)
        with pytest.raises(WorkspaceError) as caught:
            load_workspace(path)
        message = str(caught.value)
        assert position in message
        assert f"the previous version is in {backup_path(path)}" in message
        assert path.read_bytes() == damaged, "a refused load changed the file"
        aside = restore_backup(path)
        assert aside.read_bytes() == damaged, "the damaged file was not kept aside"
        assert load_workspace(path) == EXAMPLE
        save_workspace(Workspace(), path)
    assert temporary_files(path) == []


def row_24_a_top_level_that_is_not_an_object_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    for raw in (b"[]", b'"x"', b"null"):
        path.write_bytes(raw)
        untouched_after(path, lambda: load_workspace(path))
        with pytest.raises(WorkspaceError, match="is not a followup workspace"):
            load_workspace(path)


def row_25_missing_foreign_or_future_envelope_is_refused_and_the_file_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "search.json"
    cases = {
        "format": ("format", None, "format must be 'followup-workspace'; got nothing"),
        "version": ("version", None, "version must be an integer; got nothing"),
        "string": ("version", "1", "version must be an integer; got '1'"),
        "future": ("version", 3, "was created by a newer followup"),
    }
    for key, value, message in cases.values():
        data = EXAMPLE.to_dict()
        if value is None:
            del data[key]
        else:
            data[key] = value
        path.write_bytes(json.dumps(data).encode())
        untouched_after(path, lambda: load_workspace(path))
        with pytest.raises(WorkspaceError, match=re.escape(message)):
            load_workspace(path)


def row_26_nan_literal_is_refused_and_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    text = workspace_bytes(EXAMPLE).decode().replace('"weight": 8', '"weight": NaN', 1)
    path.write_bytes(text.encode())
    with pytest.raises(WorkspaceError, match="NaN is not a number JSON allows"):
        load_workspace(path)
    path.write_bytes(b"\xef\xbb\xbf" + workspace_bytes(EXAMPLE))
    assert load_workspace(path) == EXAMPLE


def row_27_huge_or_deeply_nested_files_are_refused_and_the_process_lives_on(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(WorkspaceError, match="a workspace file must be at most 20,971,520 bytes"):
        load_workspace(path)
    path.write_bytes(b"[" * 100_000)
    with pytest.raises(WorkspaceError, match="nested too deeply"):
        load_workspace(path)
    assert load_workspace(Path(__file__).parent.parent / "data" / "example.json") == EXAMPLE


# ---------------------------------------------------------------------------
# rows 28-30: faults, two programs, ids


def row_28_killed_or_failing_saves_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    save_workspace(EXAMPLE, path)
    new = EXAMPLE.without_opportunity(THANKED)
    for call in ("write", "fsync", "replace"):
        for code in (errno.ENOSPC, errno.EACCES):
            before = path.read_bytes()
            real = getattr(os, call)

            def failing(*args: Any, code: int = code, **kwargs: Any) -> Any:
                raise OSError(code, os.strerror(code))

            setattr(os, call, failing)
            try:
                with pytest.raises(WorkspaceError, match=re.escape(os.strerror(code))):
                    save_workspace(new, path)
            finally:
                setattr(os, call, real)
            assert path.read_bytes() == before
            assert temporary_files(path) == []
    if hasattr(os, "fork"):
        from tests.storage.test_reliability_save import BIG_NEW, BIG_OLD, SaverFactory

        save_workspace(BIG_OLD, path)
        factory = SaverFactory(path)
        try:
            for delay in (0.0, 0.002, 0.005, 0.01, 0.02):
                pid = factory.spawn()
                time.sleep(delay)
                os.kill(pid, signal.SIGKILL)
                factory.reap(pid)
                assert load_workspace(path) in (BIG_OLD, BIG_NEW)
                assert temporary_files(path) == []
        finally:
            factory.close()


def row_29_two_programs_editing_different_opportunities_lose_nothing(tmp_path: Path) -> None:
    from followup.errors import ConflictError
    from followup.storage.workspace_file import WorkspaceFile

    path = tmp_path / "search.json"
    save_workspace(EXAMPLE, path)
    lab, voila = WorkspaceFile(path), WorkspaceFile(path)
    lab_view, voila_view = lab.load(), voila.load()
    first, second = EXAMPLE.ids[:2]
    voila.save(voila_view.without_opportunity(second))
    merged = lab.save(
        lab_view.with_opportunity(
            dataclasses.replace(lab_view.opportunity(first), role="Staff Engineer")
        )
    )
    assert load_workspace(path) == merged
    assert second not in merged.ids and merged.opportunity(first).role == "Staff Engineer"
    # Overlapping edits: refused, nothing silently overwritten, the refused version kept.
    voila_view = voila.load()
    voila.save(
        voila_view.with_opportunity(dataclasses.replace(voila_view.opportunity(first), role="Lead"))
    )
    company = EXAMPLE.opportunity(first).company
    with pytest.raises(ConflictError, match=f"the opportunity {company} — ") as caught:
        lab.save(
            merged.with_opportunity(
                dataclasses.replace(merged.opportunity(first), role="Principal")
            )
        )
    assert load_workspace(path).opportunity(first).role == "Lead"
    assert load_workspace(caught.value.conflict_copy).opportunity(first).role == "Principal"


def row_30_duplicate_or_unknown_ids_are_refused_naming_the_id(tmp_path: Path) -> None:
    from followup.decide.sensitivity import flip_points

    twin = EXAMPLE.opportunities[0]
    with pytest.raises(ValidationError, match=f"must be unique .*got '{twin.id}'"):
        Workspace((*EXAMPLE.opportunities, twin))

    def duplicate(data: dict[str, Any]) -> None:
        data["opportunities"].append(data["opportunities"][0])

    refused_on_load(
        tmp_path, duplicate, f"must be unique (already used by opportunities[0]); got '{twin.id}'"
    )
    for lookup in (
        lambda: EXAMPLE.opportunity("no-such-job"),
        lambda: flip_points(EXAMPLE, "no-such-job"),
        lambda: EXAMPLE.without_opportunity("no-such-job"),
    ):
        with pytest.raises(UnknownOpportunityError, match="got 'no-such-job'"):
            lookup()
    with pytest.raises(KeyError):
        EXAMPLE.opportunity("no-such-job")


ROWS: list[Row] = [
    row_01_company_in_any_html_view_is_literal,
    row_02_notes_in_an_html_view_are_literal,
    row_03_company_in_eml_and_md_is_exactly_as_typed,
    row_04_email_with_a_smuggled_header_is_refused_and_nothing_written,
    row_05_role_with_a_smuggled_header_is_refused,
    row_06_role_with_a_trailing_newline_is_refused_or_stripped_and_headers_stay_intact,
    row_07_names_with_unusual_line_breaks_or_nul_are_refused,
    row_08_two_addresses_in_one_email_field_are_refused,
    row_09_malformed_addresses_are_refused,
    row_10_template_code_reaching_for_python_internals_is_never_run,
    row_11_a_misspelt_template_field_in_user_text_stays_literal,
    row_12_a_huge_template_expression_in_user_text_is_not_expanded,
    row_13_template_syntax_in_notes_appears_literally,
    row_14_path_traversal_in_a_company_name_stays_inside_the_export_folder,
    row_15_names_with_nothing_usable_get_a_fallback,
    row_16_windows_reserved_names_are_never_produced,
    row_17_very_long_names_fit_in_255_bytes,
    row_18_dollar_signs_in_chart_labels_render_as_typed,
    row_19_bad_weights_are_refused_before_scoring,
    row_20_no_factors_or_one_sided_factors_give_a_defined_verdict_and_a_warning,
    row_21_impossible_vague_or_far_dates_are_refused_naming_the_field,
    row_22_calendar_text_cannot_add_a_second_event,
    row_23_empty_or_truncated_file_is_refused_with_position_and_the_backup_restores,
    row_24_a_top_level_that_is_not_an_object_is_not_a_workspace,
    row_25_missing_foreign_or_future_envelope_is_refused_and_the_file_untouched,
    row_26_nan_literal_is_refused_and_a_bom_is_accepted,
    row_27_huge_or_deeply_nested_files_are_refused_and_the_process_lives_on,
    row_28_killed_or_failing_saves_lose_nothing,
    row_29_two_programs_editing_different_opportunities_lose_nothing,
    row_30_duplicate_or_unknown_ids_are_refused_naming_the_id,
]


def _row_id(row: Row) -> str:
    number, words = re.fullmatch(r"row_(\d\d)_(.*)", row.__name__).groups()  # type: ignore[union-attr]
    return f"row-{number}-{words.replace('_', '-')}"


def test_the_catalogue_has_every_row_once() -> None:
    assert [int(_row_id(row)[4:6]) for row in ROWS] == list(range(1, 31))


#: Rows that start other processes: left out of a quick run (``-m "not slow"``).
_SLOW_ROWS = (row_28_killed_or_failing_saves_lose_nothing,)


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(row, id=_row_id(row), marks=[pytest.mark.slow] if row in _SLOW_ROWS else [])
        for row in ROWS
    ],
)
def test_catalogue(row: Row, tmp_path: Path) -> None:
    row(tmp_path)
