"""The parser pieces every command shares: argument types, common options, one-line usage errors."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from followup.errors import Problem, describe_value
from followup.model import THRESHOLD_LIMIT
from followup.model.checks import check_date, check_number

if TYPE_CHECKING:
    from followup.cli.console import Console

__all__ = [
    "FORMATS",
    "Command",
    "Commands",
    "Parser",
    "UsageError",
    "add_command",
    "add_format",
    "add_opportunity",
    "add_out",
    "add_threshold",
    "add_today",
    "add_workspace",
    "date_argument",
    "port_argument",
    "threshold_argument",
]

#: Output formats of the commands that print a table.
FORMATS = ("table", "csv", "json")


class UsageError(Exception):
    """The command line itself is wrong (exit status 2)."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed.

    argparse's own way prints the whole usage block, then ``prog: error: ...``
    and exits. Here a mistake gives one line, ``error: <what is wrong> (see
    'followup draft --help')``, like every other error, and :func:`main`
    decides the exit status.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)


#: What ``add_subparsers`` returns: each command module adds its parsers to it.
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"


#: What runs a command: the parsed arguments and the console in, the exit status out.
Handler: TypeAlias = "Callable[[argparse.Namespace, Console], int]"
#: Adds one argument (or a few that go together) to a command's parser.
AddArguments: TypeAlias = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    """One command of ``followup``: how the help presents it, its arguments, and what runs it.

    ``summary`` is its line in ``followup --help``; ``description`` and
    ``examples`` frame its options in ``followup NAME --help``; ``arguments``
    are added in order (so positional arguments come in the order listed).
    """

    name: str
    summary: str
    description: str
    examples: str
    arguments: tuple[AddArguments, ...]
    run: Handler


def add_command(commands: Commands, command: Command) -> None:
    """Add ``command``'s parser to ``commands``, with its arguments and its handler."""
    parser = commands.add_parser(
        command.name,
        help=command.summary,
        description=command.description,
        epilog=command.examples,
    )
    for add_arguments in command.arguments:
        add_arguments(parser)
    parser.set_defaults(handler=command.run)


def _problem_text(problem: Problem) -> str:
    return f"{problem.expectation}; got {describe_value(problem.value)}"


def date_argument(text: str) -> dt.date:
    """A calendar date written ``YYYY-MM-DD``, from 1990 to 2100.

    >>> date_argument("2026-12-01")
    datetime.date(2026, 12, 1)
    >>> date_argument("next week")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a date (YYYY-MM-DD); got 'next week'
    """
    problems: list[Problem] = []
    date = check_date(text.strip(), "date", problems, required=True)
    if problems or date is None:
        raise argparse.ArgumentTypeError(_problem_text(problems[0]))
    return date


def threshold_argument(text: str) -> float:
    """A finite number from -1000 to 1000 (an integer stays an integer): the model's threshold rule.

    >>> threshold_argument("3"), threshold_argument("-2.5")
    (3, -2.5)
    >>> threshold_argument("1e309")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a number from -1000 to 1000; got '1e309'
    """
    problems: list[Problem] = []
    number = check_number(_number_in(text), "threshold", problems, limit=THRESHOLD_LIMIT)
    if problems or number is None:
        # The message quotes what was typed ('1e309'), not what it was read as (inf).
        raise argparse.ArgumentTypeError(f"{problems[0].expectation}; got {describe_value(text)}")
    return number


def _number_in(text: str) -> object:
    """The int or float the text spells, or the text itself when it spells no number."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def port_argument(text: str) -> int:
    """A TCP port number from 1 to 65535.

    >>> port_argument("8866")
    8866
    """
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 1 to 65535; got {text!r}")
    return port


def add_workspace(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the workspace file (JSON)")


def add_opportunity(parser: argparse.ArgumentParser, *, listed_by: str) -> None:
    """The ID argument, pointing at the command (``listed_by``) that shows the ids."""
    parser.add_argument(
        "opportunity", metavar="ID", help=f"the opportunity's id (see 'followup {listed_by}')"
    )


def add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", metavar="DIR", default=".", help="the folder to write into (default: here)"
    )


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=date_argument,
        metavar="DATE",
        help="the date to plan from, YYYY-MM-DD (default: the real date)",
    )


def add_threshold(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--threshold",
        type=threshold_argument,
        metavar="N",
        help="the balance an opportunity must exceed to pass (default: the workspace setting)",
    )


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table for reading (default), csv or json for other programs",
    )
