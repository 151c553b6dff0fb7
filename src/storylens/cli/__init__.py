"""The command line: ``storylens COMMAND ...``.

Thin by design: each command lives in a module of this package that defines
``register(subparsers)``; its ``run(args) -> int`` calls the library and
prints.  A user's mistake ends with one line on stderr and exit status 2.
Every message passes through :func:`~storylens.report.escape.one_line`, so a
file name or an article cannot split it or send escapes to the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import Sequence

from .. import __version__
from ..errors import StorylensError

EXIT_USAGE = 2
# commands in the order the help lists them (the rest follow by name)
FIRST = ("digest", "cluster", "stories", "search", "evaluate")


class _Verbosity:
    """-q (-1), default (0) or -v (1), for the run in progress (main() sets it)."""

    level = 0


def verbosity() -> int:
    return _Verbosity.level


def _add_verbosity(p: argparse.ArgumentParser, default) -> None:
    """-q/-v on ``p``, unless the command defines its own (then it keeps it)."""
    g = p.add_mutually_exclusive_group()
    if not {"-q", "--quiet"} & set(p._option_string_actions):
        g.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=-1, default=default,
                       help="print only the result and errors: no warnings, no progress bar")
    if not {"-v", "--verbose"} & set(p._option_string_actions):
        g.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=1, default=default,
                       help="also say what was read and how long each step took")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storylens",
        description="Many news reports about the same events in, one cited story out.",
        epilog="Run 'storylens COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"storylens {__version__}")
    _add_verbosity(parser, 0)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    mods = [info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")]
    for name in sorted(mods):
        mod = importlib.import_module(f"{__name__}.{name}")
        if hasattr(mod, "register"):
            mod.register(sub)
    # list the commands in FIRST's order, digest first; then give each -q/-v
    order = {n: i for i, n in enumerate(FIRST)}
    sub._choices_actions.sort(key=lambda a: (order.get(a.dest, len(order)), a.dest))
    for p in sub.choices.values():
        _add_verbosity(p, argparse.SUPPRESS)
    return parser


def _line(message: str) -> str:
    from ..report.escape import one_line  # on use: --version and --help import no renderer

    return one_line(message)


def error(message: str) -> None:
    print(f"storylens: error: {_line(message)}", file=sys.stderr)


def warn(message: str) -> None:
    """A one-line warning on stderr (none under -q)."""
    if verbosity() >= 0:
        print(f"storylens: warning: {_line(message)}", file=sys.stderr)


def info(message: str) -> None:
    """A one-line note on stderr, only under -v."""
    if verbosity() > 0:
        print(f"storylens: {_line(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _Verbosity.level = getattr(args, "verbosity", 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except StorylensError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    finally:
        _Verbosity.level = 0


def write_output(text: str, path: str | None) -> None:
    """Write to ``path`` (or stdout when None or '-')."""
    if path and path != "-":
        try:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise StorylensError(f"cannot write {path}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
