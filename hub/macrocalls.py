"""Macro calls in a page's Markdown, such as ``{{ progress_table(priority="neglect") }}``.

A page is Markdown, not a template: the only thing the hub reads in it is a macro call, a name
from :data:`hub.views.MACROS` with plain values as arguments, between ``{{`` and ``}}`` on one
line. Everything else stays as the editor wrote it, and code (fenced blocks and `inline code`) is
never read, so the guide can show a macro without calling it.

Anything that looks like template code but is not a call the hub knows (an unknown name, a
variable, ``{% if %}``, arguments that are not plain values) is a :class:`DataError` naming the
page, the line and what to do: the build fails and nothing half-built is published.

The hub first used mkdocs-macros, which renders every page as a Jinja template; measured side by
side, that cost a quarter to a third of a build on top of plain Material (issue 6). Reading only
the calls costs well under a millisecond a page, and nothing here depends on MkDocs.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from keyword import iskeyword
from typing import Any

from hub.errors import DataError, DataErrors

GUIDE = "CONTRIBUTING.md ('Macros you can use')"
CALL_HINT = (
    'Write a macro as {{ name(argument="value") }} on a line of its own, with a name from '
    f"{GUIDE}. To show braces as text, put them in `code`."
)

# A fence opens with three or more backticks or tildes (indented in lists and admonitions) and
# closes with at least as many of the same character.
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
# Inline code: a run of backticks, anything, and the same run again.
CODE_SPAN = re.compile(r"(?P<ticks>`+).+?(?P=ticks)")
CALL = re.compile(r"\{\{(?P<call>.*?)\}\}")
TEMPLATE_CODE = re.compile(r"\{\{|\{%")
# Names Jinja read as constants, which pages written for mkdocs-macros may use.
CONSTANTS = {"true": True, "false": False, "none": None}

Macro = Callable[..., Any]


class PageErrors(DataErrors):
    """Several mistakes in one page's macro calls, reported together."""

    def __str__(self) -> str:
        count = len(self.errors)
        head = f"{count} problems with macros in {self.errors[0].file}:"
        return "\n".join([head, *(f"- {error}" for error in self.errors)])


def expand(markdown: str, macros: Mapping[str, Macro], *, file: str, first_line: int = 1) -> str:
    """``markdown`` with each macro call replaced by what the macro returns.

    ``file`` names the page in errors (``docs/vision.md``); ``first_line`` is the file's line
    number of the Markdown's first line (the front matter is above it). Every mistake on the
    page is reported at once.
    """
    if "{{" not in markdown and "{%" not in markdown:
        return markdown  # no call and no template code: nothing to read
    errors: list[DataError] = []
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        # Plain text searches first: only a line with three backticks or tildes can open or
        # close a fence, and most lines have neither.
        opening = FENCE.match(line) if "```" in line or "~~~" in line else None
        if fence is not None:
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening["fence"]
            continue
        if "{{" not in line and "{%" not in line:
            continue  # an attribute list ({ #id }) or plain braces: no template code
        where = {"file": file, "line": first_line + index}
        lines[index] = _expand_line(line, macros, where, errors)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise PageErrors(errors)
    return "\n".join(lines)


def _expand_line(line: str, macros: Mapping[str, Macro], where: dict, errors: list) -> str:
    parts = []
    last = 0
    for span in CODE_SPAN.finditer(line):
        parts.append(_expand_text(line[last : span.start()], macros, where, errors))
        parts.append(span.group())
        last = span.end()
    parts.append(_expand_text(line[last:], macros, where, errors))
    return "".join(parts)


def _expand_text(text: str, macros: Mapping[str, Macro], where: dict, errors: list) -> str:
    def replace(match: re.Match) -> str:
        try:
            return str(call(match["call"].strip(), macros))
        except DataError as error:  # the call's own mistake: say where it is
            errors.append(DataError(message=error.message, hint=error.hint, **where))
        except (ValueError, KeyError, TypeError) as error:  # a view refused its arguments
            message = error.args[0] if isinstance(error, KeyError) and error.args else error
            errors.append(
                DataError(
                    message=f"a macro failed: {message}",
                    hint=f"Check the macro's name and its arguments against {GUIDE}.",
                    **where,
                )
            )
        return match.group()

    expanded = CALL.sub(replace, text)
    leftover = TEMPLATE_CODE.search(CALL.sub("", text))
    if leftover:
        errors.append(
            DataError(
                message=f"'{leftover.group()}' starts template code, which a page cannot hold.",
                hint=CALL_HINT,
                **where,
            )
        )
    return expanded


# The calls pages write: name(argument="text", other=3), each value plain text with no quote or
# backslash in it, or a whole number. Read by two patterns, they need no Python parser (which
# took a twentieth of an indicator page's macro time); anything else is read by ast below.
_ARGUMENT = r'[A-Za-z_]\w*\s*=\s*(?:"[^"\\\n]*"|-?(?:[1-9][0-9]*|0))'
SIMPLE_CALL = re.compile(
    rf"(?P<name>[A-Za-z_]\w*)\(\s*(?P<args>{_ARGUMENT}(?:\s*,\s*{_ARGUMENT})*)?\s*\)", re.ASCII
)
SIMPLE_ARGUMENT = re.compile(r'([A-Za-z_]\w*)\s*=\s*(?:"([^"]*)"|(-?[0-9]+))', re.ASCII)


def call(source: str, macros: Mapping[str, Macro]) -> Any:
    """Run one call, ``name(argument="value", ...)``, from the text between the braces."""
    simple = _simple(source)
    if simple is not None and simple[0] in macros:
        name, kwargs = simple
        return macros[name](**kwargs)
    shown = "{{ " + source + " }}"
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        raise DataError("", f"'{shown}' is not a macro call.", hint=CALL_HINT) from None
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        raise DataError("", f"'{shown}' is not a macro call.", hint=CALL_HINT)
    name = node.func.id
    if name not in macros:
        raise DataError(
            "",
            f"there is no macro called '{name}'.",
            hint=f"Check the spelling against {GUIDE}.",
        )
    try:
        args = [_value(arg) for arg in node.args]
        kwargs = {keyword.arg: _value(keyword.value) for keyword in node.keywords}
    except ValueError:
        raise DataError(
            "",
            f"the arguments of '{shown}' must be plain values.",
            hint='Write each one as a word in quotes or a number, such as priority="neglect" '
            "or heading_level=3.",
        ) from None
    if None in kwargs:  # **mapping
        raise DataError("", f"the arguments of '{shown}' must be named one by one.", hint=CALL_HINT)
    return macros[name](*args, **kwargs)


def _simple(source: str) -> tuple[str, dict[str, Any]] | None:
    """A call written the usual way, read without ast: (name, keyword arguments); else None."""
    match = SIMPLE_CALL.fullmatch(source)
    if match is None:
        return None
    kwargs: dict[str, Any] = {}
    for name, text, number in SIMPLE_ARGUMENT.findall(match["args"] or ""):
        if name in kwargs or iskeyword(name):  # a mistake: ast words the message
            return None
        kwargs[name] = int(number) if number else text
    return match["name"], kwargs


def _value(node: ast.expr) -> Any:
    if isinstance(node, ast.Name) and node.id in CONSTANTS:
        return CONSTANTS[node.id]
    return ast.literal_eval(node)  # ValueError for anything but a literal
