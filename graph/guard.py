"""The read-only console's gate: a Cypher lexer and an allowlist parser.

``check(text)`` accepts a query only when every token has a place in a small
reading grammar (the clauses MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND,
RETURN, ORDER BY, SKIP, LIMIT, UNION [ALL]; expressions, patterns, EXISTS and
COUNT subqueries that themselves only read; the functions of
:data:`FUNCTIONS`) and raises :class:`~vanban.errors.QueryNotAllowed` naming
the first token that has none, with its line and column. Nothing is looked
for: what is not recognised is refused, so a clause or a function this module
has never heard of (``LOAD FROM``, ``COPY ... TO``, ``CALL``, ``SHOW USERS``,
``TERMINATE TRANSACTIONS``, a new procedure) is refused as well.

It returns the text the engine should run: the query with its comments
blanked (same length, line breaks kept, so an engine's error position still
points at the right place) and a space between two words the lexer split
(``1LOAD`` → ``1 LOAD``). The engine therefore never lexes a comment, and a
difference between our lexer and its own cannot hide a clause.

Keyword or name is decided by the grammar position, not by the word: in
``MATCH (load:`Load`) RETURN load.copy AS copy`` every LOAD and COPY is a name
(a variable, a label, a property key, an alias), and it passes; in
``WITH a WHERE a = 1 LOAD FROM ...`` the LOAD stands where a clause must, and
it is refused. Property keys (``d.copy``), labels (``:Load``), map keys and
aliases may be any word.

The lexer is strict where engines differ: no ``\\u`` escapes in strings (a
Java-style parser may decode ``\\u0027`` into a quote before it tokenises), no
backslash outside a string, no nested comments, no hexadecimal numbers; a
character it does not know is refused rather than skipped.

>>> check("MATCH (d:Document) RETURN count(*), 1AS n // documents").rstrip()
'MATCH (d:Document) RETURN count(*), 1 AS n'
>>> check("UNWIND [1] AS a WITH a WHERE a = 1LOAD FROM '/etc/shadow' RETURN a")
Traceback (most recent call last):
...
vanban.errors.QueryNotAllowed: not allowed in the read-only console: LOAD at line 1, column 35: the console only reads the graph (no writes, files, procedures, settings or admin commands); a clause here must be one of MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, UNION
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from vanban.errors import QueryNotAllowed

__all__ = ["CLAUSES", "FUNCTIONS", "Token", "check", "tokenize"]

#: longest query text and deepest nesting the console parses
MAX_LENGTH = 20_000
MAX_DEPTH = 40

#: what the console accepts, as the refusal messages say it
CLAUSES = ("MATCH", "OPTIONAL MATCH", "WHERE", "WITH", "UNWIND", "RETURN", "ORDER BY", "SKIP", "LIMIT", "UNION", "UNION ALL")

# Functions the console may call, lower case, on either engine (an engine that
# lacks one says so itself). Reading and computing only: no table functions
# (READ_CSV_*, READ_PARQUET, READ_NPY, SHOW_*, CURRENT_SETTING... are CALLed),
# no sequences (nextval), no seeding (setseed), no procedures (db.*, dbms.*, apoc.*).
_AGGREGATES = "count collect sum avg min max percentilecont percentiledisc stdev stdevp"
_LISTS_AND_PATHS = """
    size length nodes relationships rels head last tail range reverse keys labels label type id elementid
    properties startnode endnode start_node end_node offset isempty coalesce nullif ifnull
    list_contains list_has list_has_all list_has_any list_extract list_element element_at list_slice array_slice
    list_sort list_reverse_sort list_distinct list_unique list_concat list_cat list_append list_prepend
    list_position list_indexof list_sum list_product list_min list_max list_to_string
    list_transform list_filter list_reduce array_contains array_extract cardinality
    struct_extract map_extract map_keys map_values all any none single reduce
"""
_STRINGS = """
    tolower toupper lower upper lcase ucase trim ltrim rtrim btrim substring substr left right split replace
    tostring tostringornull to_string string concat concat_ws contains starts_with ends_with prefix suffix
    string_split str_split split_part string_to_array regexp_matches regexp_replace regexp_extract
    regexp_extract_all regexp_full_match regexp_split_to_array lpad rpad repeat initcap levenshtein
    normalize char_length character_length
"""
_NUMBERS = """
    abs ceil ceiling floor round sign sqrt cbrt exp log ln log10 log2 pow pi rand random degrees radians
    sin cos tan asin acos atan atan2 cot greatest least
    tointeger tointegerornull tofloat tofloatornull toboolean tobooleanornull
    to_int64 to_int32 to_double to_float to_bool cast
"""
_TEMPORAL = """
    date datetime localdatetime localtime time timestamp duration interval current_date current_timestamp
    date_part datepart date_trunc datetrunc make_date to_date to_timestamp dayname monthname last_day
    epoch_ms to_epoch_ms
    date.truncate datetime.truncate duration.between duration.inmonths duration.indays duration.inseconds
"""
#: every function name the console accepts (lower case; a dotted name is a Neo4j namespace)
FUNCTIONS = frozenset(" ".join((_AGGREGATES, _LISTS_AND_PATHS, _STRINGS, _NUMBERS, _TEMPORAL)).split())

# functions whose arguments are not a plain expression list
_QUANTIFIERS = frozenset({"all", "any", "none", "single"})
_PATH_FUNCTIONS = frozenset({"shortestpath", "allshortestpaths"})

# Words that would start something the console never runs; only to word the refusal.
_REFUSED_WORDS = frozenset("""
    CALL LOAD COPY CREATE MERGE SET DELETE DETACH REMOVE DROP ALTER INSTALL UNINSTALL ATTACH DETACH USE
    EXPORT IMPORT SHOW TERMINATE FOREACH BEGIN COMMIT ROLLBACK CHECKPOINT TRUNCATE EXPLAIN PROFILE
    GRANT DENY REVOKE START STOP ENABLE FINISH INSERT YIELD
""".split())

_REFUSAL = "the console only reads the graph (no writes, files, procedures, settings or admin commands)"
_NEXT_CLAUSE = "MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, UNION"

# escapes a string literal may use (both engines); \u and \U are refused on purpose
_STRING_ESCAPES = frozenset("\\'\"bfnrtBFNRT")
_OPERATORS = ("<>", "<=", ">=", "!=", "=~", "..", "+=")
_SINGLE = frozenset("()[]{},.:;=<>+-*/%^|&!")
_SPACE = frozenset(" \t\r\n\f\v")


# -- the lexer ------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """One token: ``kind`` is word, name (backtick-quoted), number, string, param, op or end."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        """The upper-cased word, or "" for any other kind (a backtick name is never a keyword)."""
        return self.text.upper() if self.kind == "word" else ""


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


def _is_start(ch: str) -> bool:
    return ch == "_" or ch.isidentifier()


def _is_part(ch: str) -> bool:
    return ("a" + ch).isidentifier()


def tokenize(text: str) -> tuple[list[Token], list[tuple[int, int]]]:
    """The tokens of ``text`` (ending with an ``end`` token) and the spans of its comments.

    >>> [(t.kind, t.text) for t in tokenize("RETURN 1LOAD, `a``b`, $p /* x */ 'it\\\\'s'")[0]]
    [('word', 'RETURN'), ('number', '1'), ('word', 'LOAD'), ('op', ','), ('name', '`a``b`'), ('op', ','), ('param', '$p'), ('string', "'it\\\\'s'"), ('end', '')]
    """
    tokens: list[Token] = []
    comments: list[tuple[int, int]] = []
    i, n = 0, len(text)

    def refuse(pos: int, why: str) -> NoReturn:
        raise QueryNotAllowed(f"not allowed in the read-only console: {why} at {_where(text, pos)}")

    while i < n:
        ch = text[i]
        if ch in _SPACE or (ch.isspace() and not _is_part(ch)):
            i += 1
            continue
        start = i
        if text.startswith("//", i):
            while i < n and text[i] not in "\r\n":
                i += 1
            comments.append((start, i))
            continue
        if text.startswith("/*", i):
            close = text.find("*/", i + 2)
            if close < 0:
                refuse(start, "a comment that is never closed (*/)")
            i = close + 2
            comments.append((start, i))
            continue
        if ch in "'\"":
            i += 1
            while True:
                if i >= n:
                    refuse(start, "a string that is never closed")
                c = text[i]
                if c == ch:
                    i += 1
                    break
                if c == "\\":
                    e = text[i + 1] if i + 1 < n else ""
                    if e in "uU":
                        refuse(i, "a \\u escape in a string (type the character itself)")
                    if e not in _STRING_ESCAPES:
                        refuse(i, f"the escape \\{e} in a string")
                    i += 2
                    continue
                i += 1
            tokens.append(Token("string", text[start:i], start, i))
            continue
        if ch == "`":
            i += 1
            while True:
                close = text.find("`", i)
                if close < 0:
                    refuse(start, "a `quoted name` that is never closed")
                if text.startswith("``", close):
                    i = close + 2
                    continue
                i = close + 1
                break
            if i - start == 2:
                refuse(start, "an empty `` name")
            tokens.append(Token("name", text[start:i], start, i))
            continue
        if ch == "$":
            i += 1
            if i < n and _is_start(text[i]):
                while i < n and _is_part(text[i]):
                    i += 1
            elif i < n and text[i].isdigit():
                while i < n and text[i].isdigit():
                    i += 1
            else:
                refuse(start, "a $ that does not name a parameter")
            tokens.append(Token("param", text[start:i], start, i))
            continue
        if ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            while i < n and text[i].isdigit():
                i += 1
            if i + 1 < n and text[i] == "." and text[i + 1].isdigit():  # 1.5, not 1..3
                i += 1
                while i < n and text[i].isdigit():
                    i += 1
            if i < n and text[i] in "eE":
                j = i + 1
                if j < n and text[j] in "+-":
                    j += 1
                if j < n and text[j].isdigit():
                    i = j
                    while i < n and text[i].isdigit():
                        i += 1
            tokens.append(Token("number", text[start:i], start, i))
            continue
        if _is_start(ch):
            i += 1
            while i < n and _is_part(text[i]):
                i += 1
            tokens.append(Token("word", text[start:i], start, i))
            continue
        op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
        if op is None and ch in _SINGLE:
            op = ch
        if op is None:
            refuse(start, f"the character {ch!r} (U+{ord(ch):04X})")
        i += len(op)
        tokens.append(Token("op", op, start, i))
    tokens.append(Token("end", "", n, n))
    return tokens, comments


# -- the parser -------------------------------------------------------------------------


class _Parser:
    """Recursive descent over the reading subset of Cypher; any other token is refused."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        #: (rule, start) -> where it ended, or None when it failed: each attempt is parsed once
        self.memo: dict[tuple[str, int], int | None] = {}

    # --- looking and taking
    def peek(self, k: int = 0) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def take(self) -> Token:
        t = self.peek()
        self.i += 1
        return t

    def at_word(self, *words: str, k: int = 0) -> bool:
        return self.peek(k).word in words

    def at_op(self, *ops: str, k: int = 0) -> bool:
        t = self.peek(k)
        return t.kind == "op" and t.text in ops

    def accept_word(self, *words: str) -> bool:
        if self.at_word(*words):
            self.i += 1
            return True
        return False

    def accept_op(self, *ops: str) -> bool:
        if self.at_op(*ops):
            self.i += 1
            return True
        return False

    def refuse(self, expected: str, t: Token | None = None) -> NoReturn:
        t = t or self.peek()
        shown = "the end of the query" if t.kind == "end" else (t.word or t.text)
        where = _where(self.text, t.start)
        if t.word in _REFUSED_WORDS:
            raise QueryNotAllowed(
                f"not allowed in the read-only console: {shown} at {where}: {_REFUSAL}; a clause here must be one of {_NEXT_CLAUSE}"
            )
        raise QueryNotAllowed(f"not allowed in the read-only console: {shown} at {where}; expected {expected}")

    def expect_word(self, word: str) -> None:
        if not self.accept_word(word):
            self.refuse(word)

    def expect_op(self, op: str) -> None:
        if not self.accept_op(op):
            self.refuse(f"'{op}'")

    def name(self, what: str = "a name") -> Token:
        """A variable, label, type, property key or alias: any word, or a `quoted name`."""
        t = self.peek()
        if t.kind in ("word", "name"):
            self.i += 1
            return t
        self.refuse(what)

    def attempt(self, rule: Callable[[], None]) -> bool:
        """Run ``rule``; on a refusal, go back to where it started and say False (memoised: no exponential retries)."""
        key = (rule.__name__, self.i)
        if key in self.memo:
            end = self.memo[key]
            if end is not None:
                self.i = end
            return end is not None
        mark, depth = self.i, self.depth
        try:
            rule()
        except QueryNotAllowed:
            self.i, self.depth = mark, depth
            self.memo[key] = None
            return False
        self.memo[key] = self.i
        return True

    # --- queries
    def query(self) -> None:
        self.single_query(top=True)
        while self.accept_word("UNION"):
            self.accept_word("ALL")
            self.single_query(top=True)
        closed = self.accept_op(";")  # one statement, optionally closed by ';'
        if self.peek().kind != "end":
            self.refuse("nothing after ';' (one statement at a time)" if closed else f"a clause ({_NEXT_CLAUSE}) or the end of the query")

    def single_query(self, top: bool) -> None:
        clauses = 0
        while True:
            if self.at_word("MATCH") or (self.at_word("OPTIONAL") and self.at_word("MATCH", k=1)):
                self.accept_word("OPTIONAL")
                self.take()
                self.pattern_list()
                if self.accept_word("WHERE"):
                    self.expression()
            elif self.accept_word("UNWIND"):
                self.expression()
                self.expect_word("AS")
                self.name("a variable after AS")
            elif self.accept_word("WITH"):
                self.projection()
                if self.accept_word("WHERE"):
                    self.expression()
            elif self.accept_word("RETURN"):
                self.projection()
                return
            else:
                if top or clauses == 0:
                    self.refuse(f"a clause ({_NEXT_CLAUSE})" if clauses == 0 else "a clause (the query ends with RETURN)")
                return
            clauses += 1

    def projection(self) -> None:
        self.accept_word("DISTINCT")
        if self.accept_op("*"):
            if not self.accept_op(","):
                self.order_skip_limit()
                return
        while True:
            self.expression()
            if self.accept_word("AS"):
                self.name("a name after AS")
            if not self.accept_op(","):
                break
        self.order_skip_limit()

    def order_skip_limit(self) -> None:
        if self.at_word("ORDER"):
            self.take()
            self.expect_word("BY")
            while True:
                self.expression()
                self.accept_word("ASC", "ASCENDING", "DESC", "DESCENDING")
                if not self.accept_op(","):
                    break
        if self.accept_word("SKIP"):
            self.expression()
        if self.accept_word("LIMIT"):
            self.expression()

    def subquery(self) -> None:
        """The inside of EXISTS { } / COUNT { }: reading clauses, or patterns with an optional WHERE."""
        self.expect_op("{")
        if self.at_word("MATCH", "OPTIONAL", "UNWIND", "WITH"):
            self.single_query(top=False)
            while self.accept_word("UNION"):
                self.accept_word("ALL")
                self.single_query(top=False)
        else:
            self.pattern_list()
            if self.accept_word("WHERE"):
                self.expression()
        self.expect_op("}")

    # --- patterns
    def pattern_list(self) -> None:
        self.pattern()
        while self.accept_op(","):
            self.pattern()

    def pattern(self) -> None:
        if self.peek().kind in ("word", "name") and self.at_op("=", k=1):
            self.i += 2  # p = ...
        t = self.peek()
        if t.word.lower() in _PATH_FUNCTIONS and self.at_op("(", k=1):
            self.i += 2
            self.pattern_element()
            self.expect_op(")")
            return
        self.pattern_element()

    def pattern_element(self) -> int:
        """Nodes joined by relationships; returns how many relationships."""
        if self.at_op("(") and self.at_op("(", k=1):
            self.take()
            self.enter()
            rels = self.pattern_element()
            self.depth -= 1
            self.expect_op(")")
            return rels
        self.node()
        rels = 0
        while self.at_op("-") or (self.at_op("<") and self.at_op("-", k=1)):
            self.relationship()
            self.node()
            rels += 1
        return rels

    def node(self) -> None:
        self.expect_op("(")
        if self.peek().kind in ("word", "name") and not self.at_word("WHERE"):
            self.take()
        self.labels()
        self.properties()
        if self.accept_word("WHERE"):
            self.expression()
        self.expect_op(")")

    def labels(self) -> None:
        while self.accept_op(":"):
            self.label_term()
            while self.accept_op("|", "&"):
                self.accept_op(":")
                self.label_term()

    def label_term(self) -> None:
        self.accept_op("!")
        self.name("a label")

    def properties(self) -> None:
        if self.at_op("{"):
            self.map_literal()
        elif self.peek().kind == "param":
            self.take()

    def relationship(self) -> None:
        self.accept_op("<")
        self.expect_op("-")
        if self.accept_op("["):
            if self.peek().kind in ("word", "name") and not self.at_word("WHERE"):
                self.take()
            if self.accept_op(":"):
                self.name("a relationship type")
                while self.accept_op("|"):
                    self.accept_op(":")
                    self.name("a relationship type")
            if self.accept_op("*"):
                if self.accept_word("ALL"):
                    self.expect_word("SHORTEST")
                else:
                    self.accept_word("TRAIL", "ACYCLIC", "SHORTEST")
                if self.peek().kind == "number":
                    self.integer()
                if self.accept_op(".."):
                    if self.peek().kind == "number":
                        self.integer()
            self.properties()
            if self.accept_word("WHERE"):
                self.expression()
            self.expect_op("]")
        self.expect_op("-")
        self.accept_op(">")

    def integer(self) -> None:
        t = self.take()
        if not t.text.isdigit():
            self.refuse("a whole number", t)

    # --- expressions, loosest first
    def enter(self) -> None:
        """One level deeper (an expression, a parenthesised pattern): refused past :data:`MAX_DEPTH`."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryNotAllowed(
                f"not allowed in the read-only console: expressions nested more than {MAX_DEPTH} deep "
                f"(at {_where(self.text, self.peek().start)})"
            )

    def expression(self) -> None:
        self.enter()
        self.binary(("OR",), self.xor)
        self.depth -= 1

    def xor(self) -> None:
        self.binary(("XOR",), self.conjunction)

    def conjunction(self) -> None:
        self.binary(("AND",), self.negation)

    def binary(self, words: tuple[str, ...], operand: Callable[[], None]) -> None:
        operand()
        while self.accept_word(*words):
            operand()

    def negation(self) -> None:
        while self.accept_word("NOT"):
            pass
        self.comparison()

    def comparison(self) -> None:
        self.additive()
        while True:
            if self.accept_op("=", "<>", "!=", "<", ">", "<=", ">=", "=~"):
                self.additive()
            elif self.accept_word("IN", "CONTAINS"):
                self.additive()
            elif self.at_word("STARTS", "ENDS") and self.at_word("WITH", k=1):
                self.i += 2
                self.additive()
            elif self.accept_word("IS"):
                self.accept_word("NOT")
                self.expect_word("NULL")
            else:
                return

    def additive(self) -> None:
        self.multiplicative()
        while self.accept_op("+", "-"):
            self.multiplicative()

    def multiplicative(self) -> None:
        self.power()
        while self.accept_op("*", "/", "%"):
            self.power()

    def power(self) -> None:
        self.unary()
        while self.accept_op("^"):
            self.unary()

    def unary(self) -> None:
        while self.accept_op("+", "-"):
            pass
        self.atom()
        self.postfix()

    def postfix(self) -> None:
        while True:
            if self.at_op(".") and self.peek(1).kind in ("word", "name"):
                self.i += 2  # .property
            elif self.accept_op("["):
                if not self.at_op(".."):
                    self.expression()
                if self.accept_op(".."):
                    if not self.at_op("]"):
                        self.expression()
                self.expect_op("]")
            elif self.at_op(":") and self.peek(1).kind in ("word", "name"):
                self.labels()  # n:Label in a predicate
            else:
                return

    def atom(self) -> None:
        t = self.peek()
        if t.kind in ("number", "string", "param"):
            self.take()
        elif t.word in ("TRUE", "FALSE", "NULL"):
            self.take()
        elif self.at_op("("):
            if not self.attempt(self.pattern_predicate):
                self.take()
                self.expression()
                self.expect_op(")")
        elif self.at_op("["):
            self.list_or_comprehension()
        elif self.at_op("{"):
            self.map_literal()
        elif t.word == "CASE":
            self.case()
        elif t.word in ("EXISTS", "COUNT", "COLLECT") and self.at_op("{", k=1):
            self.take()
            self.subquery()
        elif t.kind == "word" and self.is_call():
            self.function_call()
        elif t.kind in ("word", "name"):
            self.take()  # a variable
            if self.at_op("{"):
                self.map_projection()
        else:
            self.refuse("an expression")

    def pattern_predicate(self) -> None:
        if self.pattern_element() == 0:
            self.refuse("a relationship")

    def is_call(self) -> bool:
        """A word, optionally dotted (``duration.between``), then '('."""
        k = 1
        while self.at_op(".", k=k) and self.peek(k + 1).kind == "word":
            k += 2
        return self.at_op("(", k=k)

    def function_call(self) -> None:
        first = self.peek()
        parts = [self.take().text]
        while self.accept_op("."):
            parts.append(self.take().text)
        name = ".".join(parts).lower()
        if name not in FUNCTIONS and name not in _PATH_FUNCTIONS:
            shown = ".".join(parts)
            raise QueryNotAllowed(
                f"not allowed in the read-only console: the function {shown} at {_where(self.text, first.start)}; "
                f"{_REFUSAL}; `vanban cypher --allowed` lists the functions it accepts"
            )
        self.expect_op("(")
        if name in _PATH_FUNCTIONS:
            self.pattern_element()
        elif name == "count" and self.accept_op("*"):
            pass
        elif name in _QUANTIFIERS and self.peek().kind in ("word", "name") and self.at_word("IN", k=1):
            self.i += 2
            self.expression()
            if self.accept_word("WHERE"):
                self.expression()
        elif name == "reduce":
            self.name("an accumulator")
            self.expect_op("=")
            self.expression()
            self.expect_op(",")
            self.name("a variable")
            self.expect_word("IN")
            self.expression()
            self.expect_op("|")
            self.expression()
        elif name == "cast":
            self.expression()
            if self.accept_word("AS"):
                self.type_name()
            elif self.accept_op(","):
                self.expression()
        elif not self.at_op(")"):
            self.accept_word("DISTINCT")
            self.argument()
            while self.accept_op(","):
                self.argument()
        self.expect_op(")")

    def argument(self) -> None:
        """An expression, or a lambda ``x -> expr`` (LadybugDB's list_transform, list_filter)."""
        if self.peek().kind == "word" and self.at_op("-", k=1) and self.at_op(">", k=2):
            self.i += 3
        self.expression()

    def type_name(self) -> None:
        self.name("a type")
        if self.accept_op("("):  # DECIMAL(10, 2)
            self.integer()
            while self.accept_op(","):
                self.integer()
            self.expect_op(")")
        while self.at_op("[") and self.at_op("]", k=1):  # STRING[]
            self.i += 2

    def list_or_comprehension(self) -> None:
        self.expect_op("[")
        if self.peek().kind in ("word", "name") and self.at_word("IN", k=1):
            self.i += 2  # [x IN list WHERE ... | ...]
            self.expression()
            if self.accept_word("WHERE"):
                self.expression()
            if self.accept_op("|"):
                self.expression()
        elif not self.attempt(self.pattern_comprehension) and not self.at_op("]"):
            self.expression()
            while self.accept_op(","):
                self.expression()
        self.expect_op("]")

    def pattern_comprehension(self) -> None:
        if self.peek().kind in ("word", "name") and self.at_op("=", k=1):
            self.i += 2
        if self.pattern_element() == 0:
            self.refuse("a relationship")
        if self.accept_word("WHERE"):
            self.expression()
        self.expect_op("|")
        self.expression()

    def map_literal(self) -> None:
        self.expect_op("{")
        if not self.at_op("}"):
            while True:
                self.name("a key")
                self.expect_op(":")
                self.expression()
                if not self.accept_op(","):
                    break
        self.expect_op("}")

    def map_projection(self) -> None:
        self.expect_op("{")
        if not self.at_op("}"):
            while True:
                if self.accept_op("."):
                    if not self.accept_op("*"):
                        self.name("a property")
                else:
                    self.name("a key or a variable")
                    if self.accept_op(":"):
                        self.expression()
                if not self.accept_op(","):
                    break
        self.expect_op("}")

    def case(self) -> None:
        self.expect_word("CASE")
        if not self.at_word("WHEN"):
            self.expression()
        if not self.at_word("WHEN"):
            self.refuse("WHEN")
        while self.accept_word("WHEN"):
            self.expression()
            self.expect_word("THEN")
            self.expression()
        if self.accept_word("ELSE"):
            self.expression()
        self.expect_word("END")


def check(text: str) -> str:
    """The text to run when ``text`` only reads the graph; else :class:`QueryNotAllowed` naming the token.

    >>> check("MATCH (d:Document) WHERE d.copy = 'LOAD FROM x' RETURN d.id AS `load`")
    "MATCH (d:Document) WHERE d.copy = 'LOAD FROM x' RETURN d.id AS `load`"
    >>> check("CALL db.labels()")
    Traceback (most recent call last):
    ...
    vanban.errors.QueryNotAllowed: not allowed in the read-only console: CALL at line 1, column 1: the console only reads the graph (no writes, files, procedures, settings or admin commands); a clause here must be one of MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, UNION
    """
    if not text.strip():
        raise QueryNotAllowed("not allowed in the read-only console: an empty query")
    if len(text) > MAX_LENGTH:
        raise QueryNotAllowed(f"not allowed in the read-only console: a query of {len(text):,} characters (at most {MAX_LENGTH:,})")
    tokens, comments = tokenize(text)
    try:
        _Parser(text, tokens).query()
    except RecursionError:  # the depth limit comes first; this is a second fence
        raise QueryNotAllowed("not allowed in the read-only console: a query nested too deep") from None
    out = list(text)
    for a, b in comments:  # blanked, line breaks kept: positions stay where they were
        for k in range(a, b):
            if out[k] not in "\r\n":
                out[k] = " "
    # two tokens written without a space that an engine could lex as one (1LOAD, `a`b, 'x'AS)
    glued = [b.start for a, b in zip(tokens, tokens[1:], strict=False)
             if a.end == b.start and "op" not in (a.kind, b.kind) and b.kind != "end"]
    for pos in reversed(glued):
        out.insert(pos, " ")
    return "".join(out)
