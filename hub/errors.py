"""The one kind of error an editor sees: it names the file, the line or field, and what to do."""

from __future__ import annotations


class DataError(Exception):
    """A mistake in a data file, told in plain English.

    ``file`` is relative to the project (``data/priorities.yml``); ``line`` counts from 1;
    ``field`` is the dotted path inside the record (``sources.0.url``) or a CSV column.
    """

    def __init__(
        self,
        file: str,
        message: str,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(file, message, line, field, hint)
        self.file = file
        self.message = message
        self.line = line
        self.field = field
        self.hint = hint

    def at_line(self, line: int | None) -> DataError:
        """The same mistake, at another line (counted from the top of the file)."""
        return DataError(self.file, self.message, line, self.field, self.hint)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._parts() == other._parts()

    __hash__ = Exception.__hash__

    def _parts(self) -> tuple:
        return (self.file, self.message, self.line, self.field, self.hint)

    def __repr__(self) -> str:
        return (
            f"DataError(file={self.file!r}, message={self.message!r}, line={self.line!r}, "
            f"field={self.field!r}, hint={self.hint!r})"
        )

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  What to do: {self.hint}"
        return text


class DataErrors(Exception):
    """Several data errors found in one pass, reported together so an editor fixes them at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the data files:"
        return "\n".join([head, *(f"- {error}" for error in self.errors)])
