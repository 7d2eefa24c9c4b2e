"""Does a value satisfy its JSON Schema? A yes or no, compiled once from the schema.

jsonschema explains every mistake, and the readers turn its errors into messages for editors.
But asking it about files that are fine (every file, every build) cost more than reading them,
and importing it cost a tenth of a plain build. :func:`compile_schema` turns a schema into a
plain predicate that answers exactly what ``jsonschema.Draft202012Validator(schema).is_valid``
answers, keyword by keyword, for the keywords the hub's schemas use. The readers ask jsonschema
only when the answer is not yes, so every message still comes from jsonschema, in its words.

A schema holding any other keyword compiles to None: jsonschema checks it every time. A value
the predicate cannot judge exactly (a list of non-text items under ``uniqueItems``) gets None,
and jsonschema judges it too. tests/test_validity.py checks the two agree on every data file
and on thousands of broken variants of them.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that never make a value invalid (with no format checker, "format" would be one too,
# but it is left to jsonschema in case a checker is ever added).
_ANNOTATIONS = frozenset(
    {"$schema", "$comment", "$defs", "title", "description", "default", "examples"}
)


class _Unsupported(Exception):
    """The schema uses something this module does not judge: leave it all to jsonschema."""


class _Unsure(Exception):
    """This value cannot be judged exactly here: leave it to jsonschema."""


# The types of Draft 2020-12 as jsonschema's type checker defines them (bool is not a number).
def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Check] = {
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "integer": _is_integer,
    "null": lambda value: value is None,
    "number": _is_number,
    "object": lambda value: isinstance(value, dict),
    "string": lambda value: isinstance(value, str),
}


def compile_schema(schema: dict[str, Any] | bool) -> Callable[[Any], bool | None] | None:
    """A predicate for ``schema``: True (valid), False (not valid) or None (ask jsonschema).

    None instead of a predicate when the schema uses a keyword this module does not know.
    """
    try:
        check = _Compiler(schema).compile(schema)
    except _Unsupported:
        return None

    def judge(value: Any) -> bool | None:
        try:
            return check(value)
        except _Unsure:
            return None

    return judge


Table = Callable[[list[str], list[list[str]]], bool]


def compile_table(schema: dict[str, Any]) -> Table | None:
    """For a CSV's rows, judged a column at a time: ``judge(header, rows)``.

    True when every row (``dict(zip(header, cells))``) is valid, False when some row may not
    be: then ask :func:`compile_schema`'s predicate row by row. The caller vouches that the
    header names each column once and that every row is a list of texts, one per column.
    None when the schema asks more of a row than an object of text columns with plain rules.
    """
    if not isinstance(schema, dict) or set(schema) - _ANNOTATIONS - _OBJECT - {"type"}:
        return None
    if schema.get("type", "object") != "object":
        return None
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    extra = schema.get("additionalProperties", True)
    if not (
        isinstance(properties, dict) and isinstance(required, list) and isinstance(extra, bool)
    ):
        return None
    compiler = _Compiler(schema)
    try:
        rules = {name: compiler.column(sub) for name, sub in properties.items()}
    except _Unsupported:
        return None
    rules = {name: rule for name, rule in rules.items() if rule is not None}

    def judge(header: list[str], rows: list[list[str]]) -> bool:
        if not rows:
            return True
        # Every row has the header's keys: "required" and "additionalProperties" once for all.
        if not all(name in header for name in required):
            return False
        if not extra and not all(name in properties for name in header):
            return False
        # Each text is checked once: a column repeats its areas, periods and sources.
        return all(
            rules[name](set(column))
            for name, column in zip(header, zip(*rows, strict=True), strict=True)
            if name in rules
        )

    return judge


# The keywords judged here, by the type of value they apply to (any other value passes them).
_STRING = frozenset({"pattern", "minLength", "maxLength"})
_NUMBER = frozenset({"minimum", "maximum"})
_ARRAY = frozenset({"items", "minItems", "uniqueItems"})
_OBJECT = frozenset({"properties", "required", "additionalProperties"})
_ANY = frozenset({"type", "enum", "oneOf", "$ref"})
_KNOWN = _STRING | _NUMBER | _ARRAY | _OBJECT | _ANY | _ANNOTATIONS


class _Compiler:
    def __init__(self, root: dict[str, Any] | bool) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}
        self.resolving: set[str] = set()

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return _anything
        if schema is False:
            return _nothing
        if not isinstance(schema, dict) or set(schema) - _KNOWN or _has_null(schema):
            raise _Unsupported(schema)
        types = schema.get("type")
        names = [types] if isinstance(types, str) else types
        if names is not None and (
            not isinstance(names, list) or not names or not all(name in _TYPES for name in names)
        ):
            raise _Unsupported(types)
        enum = schema.get("enum")
        if enum is not None and (
            not isinstance(enum, list) or not all(isinstance(item, str) for item in enum)
        ):
            raise _Unsupported("enum")  # jsonschema's equal() on non-text is not copied here
        # One check per type of value, each saying whether a value of another type passes.
        text = self.string(schema, enum, typed=enum is not None or names == ["string"])
        if enum is not None:  # only text equals text: no other type of value can pass
            checks = [text if names is None or "string" in names else _nothing]
        elif names is not None and len(names) == 1 and names[0] != "integer":
            checks = [self.of_type(names[0], schema, text)]
        else:
            checks = [
                self.type(names),
                text,
                self.number(schema, typed=False),
                self.array(schema, typed=False),
                self.object(schema, typed=False),
            ]
        if "oneOf" in schema:
            checks.append(self.one_of(schema["oneOf"]))
        if "$ref" in schema:
            checks.append(self.ref(schema["$ref"]))
        return _all([check for check in checks if check is not _anything])

    def column(self, schema: Any) -> Callable[[set[str]], bool] | None:
        """Whether every text in a column (each once) satisfies ``schema``, looping in C.

        None when every text does.
        """
        if schema is True:
            return None
        if schema is False:
            return lambda texts: not texts
        if (
            not isinstance(schema, dict)
            or set(schema)
            - _ANNOTATIONS
            - _STRING
            - {
                "type",
                "enum",
                "$ref",
            }
            or _has_null(schema)
        ):
            raise _Unsupported(schema)
        rules: list[Callable[[set[str]], bool]] = []
        types = schema.get("type", "string")
        names = [types] if isinstance(types, str) else types
        if not isinstance(names, list) or not all(name in _TYPES for name in names):
            raise _Unsupported(types)
        if "string" not in names:  # text is of no other type
            rules.append(lambda texts: not texts)
        if "enum" in schema:
            enum = schema["enum"]
            if not isinstance(enum, list) or not all(isinstance(item, str) for item in enum):
                raise _Unsupported("enum")
            rules.append(frozenset(enum).issuperset)
        if "pattern" in schema:
            try:
                search = re.compile(schema["pattern"]).search  # as jsonschema: re.search
            except (re.error, TypeError):
                raise _Unsupported("pattern") from None
            rules.append(lambda texts: all(map(search, texts)))
        low, high = schema.get("minLength"), schema.get("maxLength")
        if not all(bound is None or _is_integer(bound) for bound in (low, high)):
            raise _Unsupported("minLength/maxLength")
        if low is not None and low > 0:
            rules.append(lambda texts: min(map(len, texts), default=low) >= low)
        if high is not None:
            rules.append(lambda texts: max(map(len, texts), default=0) <= high)
        if "$ref" in schema:
            target, name = self.resolve(schema["$ref"]), self.def_name(schema["$ref"])
            self.resolving.add(name)
            referred = self.column(target)
            self.resolving.discard(name)
            if referred is not None:
                rules.append(referred)
        if not rules:
            return None
        if len(rules) == 1:
            return rules[0]
        return lambda texts: all(rule(texts) for rule in rules)

    def of_type(self, name: str, schema: dict[str, Any], text: Check) -> Check:
        """A schema with one type (not integer): only that type's keywords can apply."""
        match name:
            case "string":
                return text
            case "number":
                return self.number(schema, typed=True)
            case "array":
                return self.array(schema, typed=True)
            case "object":
                return self.object(schema, typed=True)
        return _TYPES[name]

    def type(self, names: list[str] | None) -> Check:
        if names is None:
            return _anything
        if len(names) == 1:
            return _TYPES[names[0]]
        each = [_TYPES[name] for name in names]
        return lambda value: any(check(value) for check in each)

    def string(self, schema: dict[str, Any], enum: list[str] | None, typed: bool) -> Check:
        pattern, low, high = (schema.get(key) for key in ("pattern", "minLength", "maxLength"))
        if pattern is not None and not isinstance(pattern, str):
            raise _Unsupported("pattern")
        if not all(bound is None or _is_integer(bound) for bound in (low, high)):
            raise _Unsupported("minLength/maxLength")
        try:
            search = re.compile(pattern).search if pattern is not None else None  # as jsonschema
        except re.error:
            raise _Unsupported("pattern") from None
        allowed = frozenset(enum) if enum is not None else None
        if search is None and low is None and high is None and allowed is None and not typed:
            return _anything

        def check(value: Any) -> bool:
            if not isinstance(value, str):
                return not typed
            if allowed is not None and value not in allowed:
                return False
            if search is not None and search(value) is None:
                return False
            return not (low is not None and len(value) < low) and not (
                high is not None and len(value) > high
            )

        return check

    def number(self, schema: dict[str, Any], typed: bool) -> Check:
        low, high = schema.get("minimum"), schema.get("maximum")
        if not all(bound is None or _is_number(bound) for bound in (low, high)):
            raise _Unsupported("minimum/maximum")
        if low is None and high is None and not typed:
            return _anything

        def check(value: Any) -> bool:
            if not _is_number(value):
                return not typed
            # "not <" rather than ">=", as jsonschema writes it: NaN is below no minimum.
            return not (low is not None and value < low) and not (high is not None and value > high)

        return check

    def array(self, schema: dict[str, Any], typed: bool) -> Check:
        shortest, unique = schema.get("minItems"), schema.get("uniqueItems", False)
        if (shortest is not None and not _is_integer(shortest)) or not isinstance(unique, bool):
            raise _Unsupported("minItems/uniqueItems")
        item = self.compile(schema["items"]) if "items" in schema else None
        if item is None and shortest is None and not unique and not typed:
            return _anything

        def check(value: Any) -> bool:
            if not isinstance(value, list):
                return not typed
            if shortest is not None and len(value) < shortest:
                return False
            if item is not None and not all(map(item, value)):
                return False
            return not unique or _unique(value)

        return check

    def object(self, schema: dict[str, Any], typed: bool) -> Check:
        """``required``, ``properties`` and ``additionalProperties`` in one pass over the keys."""
        required = schema.get("required", [])
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        if (
            not isinstance(required, list)
            or not isinstance(properties, dict)
            or not isinstance(extra, bool)
        ):
            raise _Unsupported("required/properties/additionalProperties")
        known = {key: self.compile(sub) for key, sub in properties.items()}
        closed = not extra
        if not required and not closed and all(c is _anything for c in known.values()):
            return _TYPES["object"] if typed else _anything

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return not typed
            for name in required:
                if name not in value:
                    return False
            for key, item in value.items():
                judge = known.get(key)
                if judge is None:
                    if closed:
                        return False
                elif not judge(item):
                    return False
            return True

        return check

    def one_of(self, schemas: Any) -> Check:
        if not isinstance(schemas, list) or not schemas:
            raise _Unsupported("oneOf")
        branches = [self.compile(sub) for sub in schemas]
        return lambda value: sum(1 for branch in branches if branch(value)) == 1

    def ref(self, ref: Any) -> Check:
        name = self.def_name(ref)
        if name not in self.refs:
            target = self.resolve(ref)
            self.resolving.add(name)
            self.refs[name] = self.compile(target)
            self.resolving.discard(name)
        return self.refs[name]

    def resolve(self, ref: Any) -> Any:
        """Only references into the root's $defs, such as ``#/$defs/id``; never a loop."""
        name = self.def_name(ref)
        if name in self.resolving:
            raise _Unsupported(ref)
        return self.root["$defs"][name]  # type: ignore[index]

    def def_name(self, ref: Any) -> str:
        name = ref.removeprefix("#/$defs/") if isinstance(ref, str) else ""
        if (
            name == ref
            or not name
            or set(name) & set("/~%")
            or not isinstance(self.root, dict)
            or name not in self.root.get("$defs", {})
        ):
            raise _Unsupported(ref)
        return name


def _has_null(schema: dict[str, Any]) -> bool:
    """A keyword given null (jsonschema fails on it): "absent" would be a guess."""
    return any(schema[key] is None for key in set(schema) - _ANNOTATIONS)


def _anything(value: Any) -> bool:
    return True


def _nothing(value: Any) -> bool:
    return False


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _anything
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)
    return lambda value: all(check(value) for check in checks)


def _unique(value: list[Any]) -> bool:
    if not all(isinstance(item, str) for item in value):
        raise _Unsure("uniqueItems over items that are not all text")
    return len(set(value)) == len(value)
