"""Readers for data files: YAML and CSV, checked against their schemas.

Every mistake becomes a :class:`~hub.errors.DataError` that names the file, the line and the
field, and says what to do. Schemas live beside the data in ``data/schemas/<kind>.schema.json``
so that editors can read what each file may hold.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import yaml

from hub import validity
from hub.errors import DataError, DataErrors

if TYPE_CHECKING:
    import jsonschema

Path_ = tuple[str | int, ...]
FileName = Callable[[], str]  # the file's name for messages, worked out only for a mistake


# ---------------------------------------------------------------- schemas


def forget_schemas() -> None:
    """Read the schemas afresh at the next check. Each is read and compiled once a process, and
    `mkdocs serve` rebuilds in the same process: each build starts here (hub/site.py), so a
    schema edited while it runs is the one that checks the next build."""
    for cached in (schema, _validator, _judge, _table):
        cached.cache_clear()


@cache
def schema(data_dir: Path, kind: str) -> dict[str, Any]:
    path = data_dir / "schemas" / f"{kind}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _describe(path: Path_) -> str | None:
    return ".".join(str(part) for part in path) or None


def _friendly(error: jsonschema.ValidationError) -> tuple[str, str | None]:
    """Turn a JSON Schema error into a sentence and a hint an editor can act on."""
    hint = error.schema.get("description") if isinstance(error.schema, dict) else None
    value = error.instance
    match error.validator:
        case "additionalProperties":
            import difflib  # here, not above: only a mistake's hint needs it

            allowed = sorted(error.schema.get("properties", {}))
            extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
            names = ", ".join(f"'{key}'" for key in extra)
            guesses = [g for key in extra for g in difflib.get_close_matches(key, allowed, 1)]
            guess = " (did you mean " + ", ".join(f"'{g}'" for g in guesses) + "?)"
            return (
                f"unknown key {names}{guess if guesses else ''}",
                "check the spelling; the keys allowed here are " + ", ".join(allowed),
            )
        case "required":
            missing = error.validator_value
            have = value if isinstance(value, dict) else {}
            names = ", ".join(f"'{key}'" for key in missing if key not in have)
            return f"missing key {names}", hint or "add it; see the schema for what it holds"
        case "enum":
            options = ", ".join(repr(option) for option in error.validator_value)
            return f"{value!r} is not allowed", f"use one of: {options}"
        case "type":
            return (
                f"{value!r} should be {_type_name(error.validator_value)}",
                hint,
            )
        case "pattern" | "format":
            return f"{value!r} is not in the expected form", hint
        case "minItems":
            return "the list is empty", hint or "add at least one item"
        case _:
            return error.message, hint


def _type_name(expected: str | list[str]) -> str:
    names = {
        "string": "text",
        "number": "a number",
        "integer": "a whole number",
        "array": "a list",
        "object": "a set of keys and values",
        "boolean": "true or false",
        "null": "empty",
    }
    if isinstance(expected, list):
        return " or ".join(names.get(item, item) for item in expected)
    return names.get(expected, expected)


@cache
def _validator(data_dir: Path, kind: str) -> jsonschema.Draft202012Validator:
    """One validator per schema, built only when a file may hold a mistake."""
    import jsonschema  # here, not above: 65-100 ms to import, and files that are fine never need it

    return jsonschema.Draft202012Validator(schema(data_dir, kind))


@cache
def _judge(data_dir: Path, kind: str) -> Callable[[Any], bool | None]:
    """The schema as a plain predicate (hub.validity); jsonschema's own when it cannot be."""
    judge = validity.compile_schema(schema(data_dir, kind))
    return judge if judge is not None else _validator(data_dir, kind).is_valid


@cache
def _table(data_dir: Path, kind: str) -> validity.Table | None:
    """The schema of a CSV row, as a check of whole columns (hub.validity), if it can be."""
    return validity.compile_table(schema(data_dir, kind))


def validate(
    value: Any, kind: str, data_dir: Path, file: FileName, lines: Mapping[Path_, int]
) -> list[DataError]:
    """Every way ``value`` breaks its schema, as DataErrors in jsonschema's order.

    A value the compiled predicate calls valid has none (it agrees with jsonschema exactly);
    any other value is checked by jsonschema, which explains each mistake. ``file()`` names
    the file in messages; it is only asked for when there is a mistake.
    """
    if _judge(data_dir, kind)(value):
        return []
    return _explain(value, kind, data_dir, file(), lines)


def _explain(
    value: Any, kind: str, data_dir: Path, file: str, lines: Mapping[Path_, int]
) -> list[DataError]:
    validator = _validator(data_dir, kind)
    found = []
    for error in sorted(validator.iter_errors(value), key=lambda e: list(map(str, e.path))):
        path = tuple(error.absolute_path)
        message, hint = _friendly(error)
        found.append(
            DataError(
                file=file,
                line=_nearest_line(lines, path),
                field=_describe(path),
                message=message,
                hint=hint,
            )
        )
    return found


def _nearest_line(lines: Mapping[Path_, int], path: Path_) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


# ---------------------------------------------------------------- YAML

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when installed


class _FastLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's, when installed), matching each plain scalar's text against
    the resolver's patterns once per text instead of once per node.

    Each node gets the tag the safe loader's own resolver gives it: with no path resolvers
    (the safe loaders have none), a tag depends only on the kind of node and, for a plain
    scalar, on its text.
    """

    _tags: ClassVar[dict[str, str]] = {}  # a plain scalar's text -> its tag

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            tag = self._tags.get(value)
            if tag is None:
                if len(self._tags) >= 4096:
                    self._tags.clear()
                tag = self._tags[value] = super().resolve(kind, value, implicit)
            return tag
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], file: FileName) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise DataError(
                    file=file(),
                    line=key_node.start_mark.line + 1,
                    field=_describe((*path, key)),
                    message=f"the key '{key}' appears twice",
                    hint="keep one of them",
                )
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*path, key), lines, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, file)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any, bool]:
    """Parse once: the node tree gives the line numbers, the value is built from the same tree.

    The value is built by :func:`_build` where the tree is plain and no mapping repeats a key
    (the third item says so); anything else (a merge key, a tag of its own, a key given twice,
    a value that cannot be built) is built again by PyYAML, so values and errors are PyYAML's
    own.
    """
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None, False
        try:
            return node, _build(node, loader, {}, set()), True
        except Exception:  # PyYAML builds it (its state untouched so far) and raises its own
            return node, loader.construct_document(node), False
    finally:
        loader.dispose()


_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq"))
# Scalar tags that SafeConstructor builds from the text alone (no merge keys, no '=').
_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("null", "bool", "int", "float", "binary", "timestamp", "str")
)


class _NotPlain(Exception):
    """The node tree needs PyYAML's own constructor."""


def _build(node: yaml.Node, loader: Any, built: dict[int, Any], open_: set[int]) -> Any:
    """What SafeConstructor.construct_document builds from ``node``, for plain trees, faster.

    Text, mappings with scalar keys and sequences are built here (a node met twice through an
    alias gives the same object, as PyYAML's do); other scalars by SafeConstructor's own
    function for their tag. Anything else, and a mapping that gives a key twice (as
    :func:`_walk` compares keys: by their text), raises _NotPlain.
    """
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag not in _SCALARS:
            raise _NotPlain(tag)
        return loader.yaml_constructors[tag](loader, node)
    identity = id(node)
    if identity in built:
        return built[identity]
    if identity in open_:
        raise _NotPlain("a node inside itself")
    open_.add(identity)
    # Text, most of the scalars, is taken here rather than by a call for each (as _build would).
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        value: Any = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALARS:
                raise _NotPlain(key_node.tag)  # merge '<<', '=', or a key that is a collection
            key = key_node.value if key_node.tag == _STR else _build(key_node, loader, built, open_)
            value[key] = (
                value_node.value
                if value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode)
                else _build(value_node, loader, built, open_)
            )
        if len({key_node.value for key_node, _ in node.value}) != len(node.value):
            raise _NotPlain("a key given twice")  # _walk names it
    elif tag == _SEQ and isinstance(node, yaml.SequenceNode):
        value = [
            item.value
            if item.tag == _STR and isinstance(item, yaml.ScalarNode)
            else _build(item, loader, built, open_)
            for item in node.value
        ]
    else:
        raise _NotPlain(tag)
    open_.discard(identity)
    built[identity] = value
    return value


def _scalars(node: yaml.Node, path: Path_ = ()) -> Iterator[tuple[Path_, yaml.ScalarNode]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _scalars(value_node, (*path, key_node.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*path, index))
    elif isinstance(node, yaml.ScalarNode):
        yield path, node


def _unreadable_value(text: str, file: str, error: ValueError) -> DataError:
    """Find the value YAML could not build (parsing succeeded, building failed) and name it."""
    for path, node in _scalars(yaml.compose(text, Loader=yaml.SafeLoader)):
        try:
            yaml.SafeLoader(node.value).get_single_data()
        except ValueError as problem:
            return DataError(
                file=file,
                line=node.start_mark.line + 1,
                field=_describe(path),
                message=f"{node.value!r} looks like a date but is not one ({problem})",
                hint="write a real date as YYYY-MM-DD, such as 2019-06-30",
            )
    return DataError(file=file, message=f"a value could not be read ({error})")


def _load_text(text: str, file: FileName, what: str) -> tuple[Any, Mapping[Path_, int]]:
    """Parse YAML text once into its value and a map from field path to line number.

    Every mistake is a DataError naming the line: broken YAML, a key given twice, and a value
    YAML reads as a date that no calendar has (2019-13-01). ``what`` names the text in messages.
    """
    try:
        try:
            node, value, checked = _parse(text, _FastLoader)
        except yaml.MarkedYAMLError:
            node, value, checked = _parse(text, yaml.SafeLoader)  # PyYAML's words for it
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError(
            file=file(),
            line=mark.line + 1 if mark else None,
            message=f"{what} is not valid YAML: {error.problem}",
            hint="check the indentation and that text with a colon is in quotes",
        ) from None
    except ValueError as error:  # a value YAML reads as a date but no calendar has: 2019-13-01
        raise _unreadable_value(text, file(), error) from None
    if checked:  # no key is given twice: the lines are worked out if a message needs them
        return value, _Lines(node, file)
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines, file)  # raises the DataError for a key given twice
    return value, lines


class _Lines(Mapping[Path_, int]):
    """Field path -> line number, from a node tree with no key given twice, worked out when
    first asked (most files never need one: it names the line of a mistake)."""

    def __init__(self, node: yaml.Node, file: FileName) -> None:
        self._node: yaml.Node | None = node
        self._file = file
        self._table: dict[Path_, int] = {}

    def _lines(self) -> dict[Path_, int]:
        if self._node is not None:
            _walk(self._node, (), self._table, self._file)
            self._node = None
        return self._table

    def __getitem__(self, path: Path_) -> int:
        return self._lines()[path]

    def __contains__(self, path: object) -> bool:
        return path in self._lines()

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._lines())

    def __len__(self) -> int:
        return len(self._lines())

    def get(self, path: Path_, default: Any = None) -> Any:  # type: ignore[override]
        return self._lines().get(path, default)


def read_yaml(path: Path, kind: str, root: Path) -> tuple[Any, Mapping[Path_, int]]:
    """Read a YAML file and check it against ``data/schemas/<kind>.schema.json``.

    Returns the value and a map from field path to line number, for later errors.
    """

    def file() -> str:
        return _relative(path, root)

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(file=file(), message="the file is missing", hint="create it") from None
    except UnicodeDecodeError as error:
        raise DataError(
            file=file(),
            message=f"the file is not UTF-8 text ({error.reason})",
            hint="save it as UTF-8",
        ) from None
    value, lines = _load_text(text, file, "this")
    errors = validate(value, kind, root / "data", file, lines)
    if errors:
        raise DataErrors(errors)
    return value, lines


# ---------------------------------------------------------------- CSV


def read_csv(path: Path, kind: str, root: Path) -> list[dict[str, Any]]:
    """Read a CSV file whose every row is checked against ``data/schemas/<kind>.schema.json``.

    The schema describes one row as an object of strings. Each returned row carries its
    line number under the key ``"_line"``.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(
            file=_relative(path, root), message="the file is missing", hint="create it"
        ) from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise DataError(
            file=_relative(path, root), line=1, message="the file is empty", hint="add a header row"
        )
    header = rows[0]
    row_schema = schema(root / "data", kind)
    allowed = list(row_schema.get("properties", {}))
    required = row_schema.get("required", [])
    unknown = [name for name in header if name not in allowed]
    missing = [name for name in required if name not in header]
    if unknown or missing or len(set(header)) != len(header):
        problems = []
        if unknown:
            problems.append("unknown column " + ", ".join(f"'{n}'" for n in unknown))
        if missing:
            problems.append("missing column " + ", ".join(f"'{n}'" for n in missing))
        if len(set(header)) != len(header):
            problems.append("a column name appears twice")
        raise DataError(
            file=_relative(path, root),
            line=1,
            message="; ".join(problems),
            hint="the header row may hold these columns: " + ", ".join(allowed),
        )
    bad: list[tuple[int, list[str] | dict[str, str]]] = []  # (line, its cells or its record)
    kept: list[list[str]] = []  # the rows with a cell for each column, stripped
    numbers: list[int] = []
    for number, cells in enumerate(rows[1:], start=2):
        stripped = [cell.strip() for cell in cells]
        if not any(stripped):
            continue
        if len(cells) != len(header):
            bad.append((number, cells))
            continue
        kept.append(stripped)
        numbers.append(number)
    data_dir = root / "data"
    table = _table(data_dir, kind)
    records = [dict(zip(header, cells, strict=True)) for cells in kept]
    if table is None or not table(header, kept):  # some row is not fine: find which
        judge = _judge(data_dir, kind)
        pairs = zip(numbers, records, strict=True)
        bad.extend((number, dict(record)) for number, record in pairs if not judge(record))
        bad.sort(key=lambda problem: problem[0])
    for number, record in zip(numbers, records, strict=True):
        record["_line"] = number
    if bad:
        _row_errors(bad, header, kind, data_dir, _relative(path, root))
    return records


def _row_errors(
    bad: list[tuple[int, list[str] | dict[str, str]]],
    header: list[str],
    kind: str,
    data_dir: Path,
    file: str,
) -> None:
    """Raise DataErrors for the rows that are not fine, in line order (if jsonschema agrees)."""
    errors = []
    for number, row in bad:
        if isinstance(row, list):
            errors.append(
                DataError(
                    file=file,
                    line=number,
                    message=f"the row has {len(row)} cells but the header has {len(header)}",
                    hint="check for a missing or extra comma; put text holding a comma in quotes",
                )
            )
        else:
            lines = {(): number, **{(name,): number for name in header}}
            errors.extend(_explain(row, kind, data_dir, file, lines))
    if errors:
        raise DataErrors(errors)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------- Markdown front matter


def read_front_matter(
    path: Path, kind: str, root: Path
) -> tuple[dict[str, Any], Mapping[Path_, int], str]:
    """Read the YAML front matter of a Markdown page and check it against ``<kind>.schema.json``.

    Returns the values, a map from field path to line number in the page, and the page's body.
    """
    file = _relative(path, root)
    text = path.read_text(encoding="utf-8-sig")
    lines_of_text = text.splitlines()
    if not lines_of_text or lines_of_text[0].strip() != "---":
        raise DataError(
            file=file,
            line=1,
            message="the page has no front matter",
            hint="start the file with a line '---', the keys, then another line '---'",
        )
    try:
        end = next(i for i, line in enumerate(lines_of_text[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise DataError(
            file=file,
            line=1,
            message="the front matter is not closed",
            hint="end the keys with a line holding only '---'",
        ) from None
    # A blank first line stands for the opening '---', so YAML's line numbers are the page's.
    block = "\n" + "\n".join(lines_of_text[1:end]) + "\n"
    value, lines = _load_text(block, lambda: file, "the front matter")
    value = value or {}
    errors = validate(value, kind, root / "data", lambda: file, lines)
    if errors:
        raise DataErrors(errors)
    return value, lines, "\n".join(lines_of_text[end + 1 :])


# ---------------------------------------------------------------- values


def read_date(
    value: object, file: str, line: int | None, field: str, hint: str = "write it as YYYY-MM-DD"
) -> dt.date:
    """A date from YAML (already a date) or text in YYYY-MM-DD; a DataError names the field."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(file, f"{value!r} is not a date", line, field, hint) from None
