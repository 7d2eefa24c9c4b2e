"""A mistake in a page fails the strict build, and the message names the page and the mistake.

Each case breaks a throwaway copy of the project (the ``project`` fixture) in one way, builds it
with ``mkdocs build --strict`` and reads what an editor would see.
"""

from __future__ import annotations

import pytest

from conftest import mkdocs_build

CASES = [
    pytest.param(
        "[the plan](no-such-page.md)",
        ["Doc file 'vision.md'", "'no-such-page.md'", "not found"],
        id="link to a missing page",
    ),
    pytest.param(
        "[a principle](principles.md#no-such-principle)",
        ["Doc file 'vision.md'", "does not contain an anchor '#no-such-principle'"],
        id="link to a missing anchor",
    ),
    pytest.param(
        "{{ no_such_variable }}",
        [
            "docs/vision.md, line {line}:",
            "'{{ no_such_variable }}' is not a macro call",
            "What to do",
        ],
        id="unknown macro variable",
    ),
    pytest.param(
        "{{ no_such_macro() }}",
        ["docs/vision.md, line {line}:", "there is no macro called 'no_such_macro'", "What to do"],
        id="unknown macro",
    ),
    pytest.param(
        '{{ progress_table(priority="neglet") }}',
        [
            "docs/vision.md, line {line}:",
            "a macro failed: progress_table: unknown priority 'neglet'",
        ],
        id="unknown priority in a macro",
    ),
    pytest.param(
        "{% if true %}shown{% endif %}",
        ["docs/vision.md, line {line}:", "'{%' starts template code, which a page cannot hold"],
        id="template code",
    ),
]


@pytest.mark.parametrize(("mistake", "expected"), CASES)
def test_a_mistake_fails_the_build_and_names_the_page(project, tmp_path, mistake, expected):
    page = project / "docs" / "vision.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{mistake}\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())  # the mistake's, in the file
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build passed despite: {mistake}"
    for words in expected:
        words = words.replace("{line}", str(line))
        assert words in output, f"{words!r} not in the build's message:\n{output[-3000:]}"


def test_the_unbroken_copy_builds(project, tmp_path):
    """The copy itself is sound, so each failure above comes from its one mistake."""
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
