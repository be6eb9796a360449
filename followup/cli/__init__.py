"""The ``followup`` command: the same helpers as the notebooks, from a terminal.

``main(argv)`` parses the command line, runs one command and returns the exit
status: 0 when the command did its job, 1 when the input was refused (a
workspace that cannot be read, an unknown id, a note the etiquette does not
allow yet, a file that cannot be written), 2 when the command line itself is
wrong. Every error is one line on stderr, ``error: <what and why>``.

>>> main(["--version"])  # doctest: +ELLIPSIS
followup ...
0
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from followup.cli import app, decide, follow_up, writing_check
from followup.cli.arguments import Command, Parser, UsageError, add_command
from followup.cli.console import Console
from followup.errors import FollowupError

__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DESCRIPTION = """\
Weigh interview opportunities on a Franklin T (pluses left, minuses right,
weights 1-10), then follow up with etiquette: one thank-you note for an
opportunity that passes, one gentle check-in after about two weeks of
silence, then leave it alone. followup drafts; you send.
"""

EPILOG = """\
examples:
  followup today search.json            what to do today, per opportunity
  followup score search.json            which opportunities pass
  followup draft search.json acme-data-engineer --out drafts
  followup record search.json acme-data-engineer thank_you_sent

Run 'followup COMMAND --help' for a command's options and examples.

exit status: 0 done, 1 refused (the message says why), 2 wrong command line.
Colour is used only on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.
"""


#: The commands, in the order ``followup --help`` lists them: the daily ones first.
COMMANDS: tuple[Command, ...] = (
    follow_up.TODAY,
    decide.SCORE,
    decide.FLIPS,
    follow_up.DRAFT,
    writing_check.CHECK,
    follow_up.REMIND,
    follow_up.RECORD,
    app.APP,
)


def build_parser() -> Parser:
    """The argument parser of the ``followup`` command, with every subcommand."""
    from followup import __version__

    parser = Parser(prog="followup", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )
    for command in COMMANDS:
        add_command(commands, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``followup`` command with ``argv`` (default: the process's arguments).

    Returns the exit status instead of exiting, so that it can be called from
    Python; the installed ``followup`` script passes it to :func:`sys.exit`.
    """
    console = Console(sys.stdout, sys.stderr)
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:
            # Reported by the command's own parser, so that the hint names its --help.
            raise UsageError(
                f"unrecognized arguments: {' '.join(extras)}", f"{parser.prog} {args.command}"
            )
    except UsageError as error:
        console.error(f"{error} (see '{error.prog} --help')")
        return EXIT_USAGE
    except SystemExit as done:  # --help and --version print, then "exit"
        return done.code if isinstance(done.code, int) else EXIT_OK
    try:
        status: int = args.handler(args, console)
    except FollowupError as error:
        console.error(str(error))
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``followup score x.json | head -1``): nothing left to say.
        _detach_stdout()
        return EXIT_ERROR
    except OSError as error:
        console.error(describe_os_error(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        console.notice("interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:
        # A bug, not bad input: one line instead of a traceback, and a way to see it.
        if os.environ.get("FOLLOWUP_DEBUG"):
            raise
        console.error(
            f"unexpected {type(error).__name__}: {error} (a bug in followup; "
            "run again with FOLLOWUP_DEBUG=1 to see where it happened)"
        )
        return EXIT_ERROR
    return status


def describe_os_error(error: OSError) -> str:
    """A file error in one line: the file, then what the system said.

    >>> describe_os_error(FileNotFoundError(2, "No such file or directory", "note.txt"))
    'note.txt: No such file or directory'
    """
    reason = error.strerror or str(error)
    if error.filename is not None:
        return f"{os.fsdecode(error.filename)}: {reason}"
    return reason


def _detach_stdout() -> None:
    # Python flushes stdout at exit; pointing it at devnull keeps that flush
    # from raising a second BrokenPipeError.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
