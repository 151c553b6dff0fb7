"""The search query language, one for every backend.

Words (all required), ``"quoted phrases"``, a trailing ``*`` for a prefix
(``earthq*``), ``OR``, ``AND``, ``NOT`` (upper case), a leading ``-`` to leave
a word out (``aleppo -russia``) and parentheses.  A word with punctuation
inside (``covid-19``, ``6.1``, ``U.S.``) is the phrase of its parts, as if
quoted.  The query is parsed here once and rendered for SQLite's FTS5
(:func:`to_fts5`) or PostgreSQL's tsquery (:func:`to_tsquery_sql`), so both
backends find the same articles; a malformed query is a :class:`StoreError`
that says how to quote, never a silent reinterpretation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from . import StoreError

MAX_QUERY_CHARS = 2000
MAX_QUERY_TERMS = 64
OPERATORS = ("AND", "OR", "NOT")
# letters and digits: the parts both backends' tokenizers index (no underscore)
_WORD = re.compile(r"[^\W_]+")
_HINT = 'put words in double quotes to search for them as they are, e.g. "6.1" or "AND"'


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False  # the last word is a prefix
    raw: str = ""  # the text as written, for a backend that splits it into words as it splits documents


@dataclass(frozen=True)
class Group:
    op: str  # "AND" | "OR"
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    item: "Node"


Node = Union[Term, Group, Not]


def _bad(query: str, problem: str) -> StoreError:
    return StoreError(f"search query {query!r}: {problem}; {_HINT}")


def _tokens(query: str) -> list[object]:
    """Terms, operator names, ``(``, ``)`` and ``-`` (leave out what follows)."""
    out: list[object] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(ch)
            i += 1
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace():
            out.append("-")
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise _bad(query, "a double quote is not closed")
            prefix = end + 1 < n and query[end + 1] == "*"
            words = tuple(_WORD.findall(query[i + 1:end]))
            if words:
                out.append(Term(words, prefix, query[i + 1:end]))
            i = end + 1 + prefix
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in '()"':
                j += 1
            run = query[i:j]
            i = j
            if run in OPERATORS:
                out.append(run)
                continue
            words = tuple(_WORD.findall(run))
            if words:  # a run of punctuation alone searches nothing: it is left out
                out.append(Term(words, run.endswith("*"), run.rstrip("*")))
    return out


class _Parser:
    def __init__(self, query: str, tokens: list[object]):
        self.query, self.toks, self.i = query, tokens, 0

    def peek(self) -> object:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> object:
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:  # only a stray ")" stops the top level early
            raise _bad(self.query, "a closing parenthesis has no opening one")
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.peek() == "OR":
            self.take()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Group("OR", tuple(items))

    def and_expr(self) -> Node:
        items = [self.unary()]
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.take()
            items.append(self.unary())
        return items[0] if len(items) == 1 else Group("AND", tuple(items))

    def unary(self) -> Node:
        tok = self.take()
        if tok in ("NOT", "-"):
            return Not(self.unary())
        if isinstance(tok, Term):
            return tok
        if tok == "(":
            node = self.or_expr()
            if self.take() != ")":
                raise _bad(self.query, "a parenthesis is not closed")
            return node
        if tok is None or tok == ")":
            raise _bad(self.query, "an operator or parenthesis has nothing to apply to")
        raise _bad(self.query, f"{tok} needs a word on each side")


def _check(query: str, node: Node) -> None:
    """Every OR branch and the whole query must find something by itself (a NOT only narrows an AND)."""
    if isinstance(node, Not):
        raise _bad(query, "a search needs a word to find, not only words to leave out (NOT, -)")
    if isinstance(node, Group):
        for item in node.items:
            if isinstance(item, Not):
                if node.op == "OR":
                    raise _bad(query, "NOT (or -) cannot be a whole OR branch")
                _check(query, Group("AND", (item.item,)))
            else:
                _check(query, item)
        if node.op == "AND" and all(isinstance(x, Not) for x in node.items):
            raise _bad(query, "a search needs a word to find, not only words to leave out (NOT, -)")


def parse(query: str) -> Node:
    """The query as a tree; :class:`StoreError` with a quoting hint when malformed."""
    if len(query) > MAX_QUERY_CHARS:
        raise StoreError(f"search query too long ({len(query)} characters, at most {MAX_QUERY_CHARS})")
    # control characters (a NUL, an escape) separate words like spaces; no database stores them in a query
    query = "".join(ch if ch.isprintable() else " " for ch in query)
    tokens = _tokens(query)
    if not any(isinstance(t, Term) for t in tokens):
        raise StoreError("empty search query: give a word to search for" if not query.strip() else
                         f"search query {query!r} has no word to search for (letters or digits)")
    if sum(isinstance(t, Term) for t in tokens) > MAX_QUERY_TERMS:
        raise StoreError(f"search query has more than {MAX_QUERY_TERMS} words or phrases")
    node = _Parser(query, tokens).parse()
    _check(query, node)
    return node


def _split(node: Group) -> tuple[list[Node], list[Node]]:
    pos: list[Node] = [x for x in node.items if not isinstance(x, Not)]
    neg = [x.item for x in node.items if isinstance(x, Not)]
    return pos, neg


def to_fts5(node: Node) -> str:
    """An FTS5 MATCH expression (every word quoted, so no word is read as FTS5 syntax)."""
    if isinstance(node, Term):
        return '"' + " ".join(node.words) + '"' + ("*" if node.prefix else "")
    if isinstance(node, Not):  # only inside an AND, handled there
        raise ValueError("a bare NOT")
    if node.op == "OR":
        return "(" + " OR ".join(to_fts5(x) for x in node.items) + ")"
    pos, neg = _split(node)
    out = "(" + " AND ".join(to_fts5(x) for x in pos) + ")"
    for x in neg:
        out = f"({out} NOT {to_fts5(x)})"
    return out


def to_tsquery_sql(node: Node, config: str = "simple") -> tuple[str, list[str]]:
    """A PostgreSQL tsquery expression with its parameters (``%s``), words passed only as parameters."""
    if isinstance(node, Term):
        if not node.prefix:  # PostgreSQL splits the words as it split the documents ("6.1" is one word)
            return f"phraseto_tsquery('{config}', %s)", [node.raw or " ".join(node.words)]
        last = f"to_tsquery('{config}', %s)"
        if len(node.words) == 1:
            return last, [node.words[0] + ":*"]
        return (f"(phraseto_tsquery('{config}', %s) <-> {last})",
                [" ".join(node.words[:-1]), node.words[-1] + ":*"])
    if isinstance(node, Not):
        raise ValueError("a bare NOT")
    params: list[str] = []
    if node.op == "OR":
        parts = []
        for x in node.items:
            sql, p = to_tsquery_sql(x, config)
            parts.append(sql)
            params += p
        return "(" + " || ".join(parts) + ")", params
    pos, neg = _split(node)
    parts = []
    for x in pos:
        sql, p = to_tsquery_sql(x, config)
        parts.append(sql)
        params += p
    for x in neg:
        sql, p = to_tsquery_sql(x, config)
        parts.append(f"(!! {sql})")
        params += p
    return "(" + " && ".join(parts) + ")", params
