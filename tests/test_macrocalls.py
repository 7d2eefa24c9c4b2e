"""Macro calls in a page (hub/macrocalls.py), without MkDocs: what is expanded, what is left
alone, and what fails with the page, the line and what to do."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT
from hub import macrocalls
from hub.errors import DataError


def echo(*args, **kwargs):
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in sorted(kwargs.items())]
    return f"<echo {' '.join(shown)}>"


def refuses(priority):
    raise ValueError(f"unknown priority '{priority}'")


MACROS = {"echo": echo, "refuses": refuses}


def expand(markdown: str, first_line: int = 1) -> str:
    return macrocalls.expand(markdown, MACROS, file="docs/page.md", first_line=first_line)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("{{ echo() }}", "<echo >", id="no arguments"),
        pytest.param('{{ echo(priority="neglect") }}', "<echo priority='neglect'>", id="named"),
        pytest.param("{{echo('a', 3)}}", "<echo 'a' 3>", id="positional, no spaces"),
        pytest.param("{{ echo(x=true, y=None) }}", "<echo x=True y=None>", id="constants"),
        pytest.param("a {{ echo(1) }} b {{ echo(2) }}", "a <echo 1> b <echo 2>", id="two a line"),
        pytest.param("Plain text { with } braces", "Plain text { with } braces", id="braces"),
        pytest.param("## Heading {#anchor}", "## Heading {#anchor}", id="attr_list id"),
        pytest.param("`{{ echo(1) }}` or {{ echo(2) }}", "`{{ echo(1) }}` or <echo 2>", id="code"),
        pytest.param("``{{ x }} `{% y %}` ``", "``{{ x }} `{% y %}` ``", id="double-tick code"),
    ],
)
def test_calls_are_expanded_and_the_rest_left_alone(markdown, expected):
    assert expand(markdown) == expected


@pytest.mark.parametrize("fence", ["```", "~~~", "````", "    ```"])
def test_fenced_code_is_never_read(fence):
    body = "{{ not_a_macro }}\n{% if %}"
    markdown = f"{fence}jinja\n{body}\n{fence.strip()}\n{{{{ echo(1) }}}}"
    lines = expand(markdown).split("\n")
    assert lines[1:3] == ["{{ not_a_macro }}", "{% if %}"]
    assert lines[-1] == "<echo 1>"


def test_a_shorter_fence_does_not_close_a_longer_one():
    markdown = "````\n```\n{{ x }}\n```\n````\n{{ echo(1) }}"
    assert expand(markdown).split("\n")[2] == "{{ x }}"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param("{{ nope() }}", "there is no macro called 'nope'.", id="unknown macro"),
        pytest.param("{{ page.title }}", "'{{ page.title }}' is not a macro call.", id="variable"),
        pytest.param("{{ echo( }}", "'{{ echo( }}' is not a macro call.", id="syntax"),
        pytest.param("{{ x.echo(1) }}", "'{{ x.echo(1) }}' is not a macro call.", id="attribute"),
        pytest.param(
            "{{ echo(priority=p) }}",
            "the arguments of '{{ echo(priority=p) }}' must be plain values.",
            id="a name as argument",
        ),
        pytest.param(
            '{{ refuses(priority="neglet") }}',
            "a macro failed: unknown priority 'neglet'",
            id="the view refuses",
        ),
        pytest.param(
            "{{ refuses(colour=1) }}",
            "a macro failed: refuses() got an unexpected keyword argument 'colour'",
            id="wrong argument",
        ),
        pytest.param(
            "{% if x %}", "'{%' starts template code, which a page cannot hold.", id="statement"
        ),
        pytest.param(
            "{{ echo(1)", "'{{' starts template code, which a page cannot hold.", id="unclosed"
        ),
    ],
)
def test_a_mistake_names_the_file_line_and_what_to_do(line, message):
    with pytest.raises(DataError) as caught:
        expand(f"# Title\n\n{line}\n", first_line=5)
    error = caught.value
    assert (error.file, error.line, error.message) == ("docs/page.md", 7, message)
    assert str(error).startswith(f"docs/page.md, line 7: {message}\n  What to do: ")


def test_every_mistake_on_a_page_is_reported_at_once():
    with pytest.raises(macrocalls.PageErrors) as caught:
        expand("{{ a() }}\ntext\n{{ b() }}")
    assert [error.line for error in caught.value.errors] == [1, 3]
    assert str(caught.value).startswith("2 problems with macros in docs/page.md:\n- docs/page.md")


def ast_reading(source: str) -> tuple[str, dict]:
    """A keyword-only call as Python reads it (what macrocalls.call does when it is not simple)."""
    node = ast.parse(source, mode="eval").body
    return node.func.id, {k.arg: ast.literal_eval(k.value) for k in node.keywords}


def page_calls() -> list[str]:
    found = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        found += [m["call"].strip() for m in macrocalls.CALL.finditer(text)]
    return [call for call in found if not call.startswith("name(")]  # the guide's placeholder


def test_every_call_on_the_pages_is_read_as_python_reads_it():
    """Named arguments are read without ast; a call with a positional argument goes to ast."""
    calls = page_calls()
    assert len(calls) > 50
    for source in calls:
        simple = macrocalls._simple(source)
        if simple is None:
            assert ast.parse(source, mode="eval").body.args, source
        else:
            assert simple == ast_reading(source), source


@pytest.mark.parametrize(
    "source",
    [
        'echo(a="x", b=2, c=-3, d=0, e="", f="é – ‘quoted’")',
        "echo()",
        'echo( a = "x" ,b="y" )',
    ],
)
def test_a_simple_call_is_read_as_python_reads_it(source):
    assert macrocalls._simple(source) == ast_reading(source)


@pytest.mark.parametrize(
    "source",
    [
        'echo(a="x" b="y")',  # no comma: a syntax error, worded by the ast path
        'echo(a="x",)',
        "echo(a=007)",
        'echo(a="x", a="y")',  # repeated: Python refuses it
        'echo(if="x")',
        "echo(a='x')",
        'echo(a="say \\"hi\\"")',
        "echo(a=True)",
        'echo("x")',
        'echo (a="x")',
        'echo(a="x", **more)',
        "echo(a=1_000)",
    ],
)
def test_anything_else_goes_to_the_python_reader(source):
    assert macrocalls._simple(source) is None
