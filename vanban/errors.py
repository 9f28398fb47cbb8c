"""Named errors. Only the CLI (``vanban.cli``) turns them into messages and exit codes."""

from __future__ import annotations


class VanbanError(Exception):
    """Base of every error vanban raises on purpose."""


class ParseError(VanbanError):
    """A file could not be read or parsed (empty, binary, broken, no text)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(ParseError):
    """A file whose extension vanban does not read."""


class StoreError(VanbanError):
    """The graph store could not be opened or written."""


class QueryNotFound(VanbanError):
    """No ``queries/NAME.cypher`` of that name."""


class QueryParameterError(VanbanError):
    """A named query was given a parameter it does not declare, or lacks a required one."""


class WriteNotAllowed(VanbanError):
    """A write was attempted through a read-only path (``vanban cypher``, the explorer)."""


class QueryNotAllowed(WriteNotAllowed):
    """An ad-hoc query holds something the read-only console does not run: a clause, function or procedure outside its allowlist."""


class QueryTimeout(VanbanError):
    """An ad-hoc query ran past its time limit and was stopped."""


class QueryCrashed(VanbanError):
    """An ad-hoc query crashed the database engine in its worker process; the caller is unharmed."""
