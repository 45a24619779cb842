"""The argmap map format written as YAML.

>>> m = loads("title: T\\nstatements:\\n  - {id: a, kind: claim, text: A.}\\n")
>>> m.statements[0].id
'a'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import MapInvalid, Problem
from ..limits import check_nesting, max_nesting, nesting_problem
from ..locate import text_locator

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML, with dates left as text and repeated keys refused."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                repeated = key in seen
            except TypeError:  # an unhashable key: the base class explains it
                break
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"key '{key}' appears twice in one mapping (first on line {seen[key].start_mark.line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number] if 0 <= number < len(lines) else ""


def _item_indent(text: str, number: int) -> int | None:
    """The column of the first field of the list item above line ``number`` (``- id: a`` -> 4)."""
    for k in range(number - 1, -1, -1):
        line = _line(text, k)
        m = re.match(r"^(\s*)-\s+(?=\S)", line)
        if m:
            return m.end()
        if line.strip() and not line.lstrip().startswith("#") and not line.startswith(" "):
            return None
    return None


def syntax_advice(err: Any, text: str) -> tuple[str, str, Any] | None:
    """What a YAML syntax error means for a map author and what to do, with the
    position to name: ``(message, hint, mark)``; None for errors without advice.

    >>> import yaml
    >>> try:
    ...     yaml.safe_load("text: Note: it rains\\n")
    ... except yaml.MarkedYAMLError as err:
    ...     print(syntax_advice(err, "text: Note: it rains\\n")[:2])
    ("a text holding ': ' must be in quotes", 'Write it as: text: "Note: it rains"')
    """
    problem = str(err.problem or "")
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return None
    line = _line(text, mark.line)
    at = line[mark.column : mark.column + 1]
    if "cannot start any token" in problem:
        if at == "\t":
            return "a tab: YAML indents with spaces only", "Replace the tab with spaces.", mark
        if at in ("@", "`", "%"):
            return (
                f"a text cannot start with '{at}' unless it is in quotes",
                f'Put the text in double quotes: "{line[mark.column :].strip()}"',
                mark,
            )
        return None
    if "mapping values are not allowed" in problem:
        for k in (mark.line, mark.line - 1):
            dash = re.match(r"^(\s*)-([^\s-].*)$", _line(text, k))
            if dash:
                return (
                    "a list item needs a space after its '-'",
                    f"Write '- {dash.group(2).strip()}' on line {k + 1}.",
                    mark,
                )
        field = re.match(r"^(\s*(?:-\s+)?)([^\s:#][^:]*?):\s+(.*\S)\s*$", line)
        if field and field.start(3) < mark.column:
            import json

            value = field.group(3)
            return (
                "a text holding ': ' must be in quotes",
                f"Write it as: {field.group(2)}: {json.dumps(value, ensure_ascii=False)}",
                mark,
            )
        indent = _item_indent(text, mark.line)
        if indent is not None:
            return (
                "this line is indented deeper than the fields above it",
                f"Indent each field of a list item as far as the first one after '- ' ({indent} spaces).",
                mark,
            )
        return None
    if "expected '-' indicator" in problem or ("expected <block end>" in problem and line.strip()):
        indent = _item_indent(text, mark.line)
        if indent is not None:
            word = line.strip().split(":")[0]
            return (
                f"'{word}' is not indented under the list item above",
                f"Indent it as far as the item's first field: {indent} spaces, then '{word}:'.",
                mark,
            )
        return None
    if "did not find expected key" in problem and re.match(r"""^\s*(?:-\s+)?[^:]+:\s*["']""", line):
        return (
            "a quoted text ends before its line does",
            'Put the whole text in double quotes and write each " inside it as \\" '
            "(or use single quotes and write each ' inside as '').",
            mark,
        )
    if "found unexpected end of stream" in problem and "quoted scalar" in str(err.context or ""):
        return ("a quote is opened here and never closed", "Close the quote where the text ends.", err.context_mark)
    if "expected ',' or ']'" in problem:
        return ("a list in [ ] is not closed", "End it with ] (items are separated by commas).", mark)
    return None


_DECLINED = object()


def _from_events(text: str) -> Any:
    """What ``yaml.load(text, Loader=_Loader)`` gives, built straight from libyaml's
    events, or ``_DECLINED``.

    The general road has libyaml build the whole node tree (every scalar an
    object with two position marks) and then walks it in Python: about 1.4 GB
    and 21 s for a map of 100,000 statements. Here each event is turned into
    its value as it comes and dropped, so only the data stays. Only plain
    YAML is read this way: one document of mappings, sequences and scalars
    with scalar keys. Anything else (anchors and aliases, tags, merge keys,
    a key given twice, a syntax error, no libyaml) is declined, and the
    general road reads the text and gives its messages. Scalars are resolved
    and constructed exactly as :class:`_Loader` does (dates stay text).
    ``tests/formats/test_yaml_events.py`` compares the two on random maps.
    """
    try:
        from yaml._yaml import CParser  # libyaml's parser, which CSafeLoader is built on
    except ImportError:
        return _DECLINED
    parser = CParser(text)
    try:
        return _document(parser.get_event, _Scalars())
    except (yaml.YAMLError, LookupError, TypeError, ValueError):  # _Declined is a LookupError
        return _DECLINED
    finally:
        parser.dispose()


class _Declined(LookupError):
    """Raised inside :func:`_from_events` when the text is not plain YAML."""


def _document(get: Any, scalar: Any) -> Any:
    """The value of the one document of an event stream (``get`` gives the next event)."""
    from yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )

    if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
        raise _Declined  # (the second: an empty stream)
    root: list[Any] = []
    stack: list[Any] = [root]  # the open collections; a mapping's pending key is pushed after it
    while True:
        event = get()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        if kind is DocumentEndEvent:
            break
        if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent) or event.anchor is not None:
            raise _Declined  # an anchor, an alias, or anything unforeseen
        if kind is ScalarEvent:
            _place(stack, scalar(event), False)
        elif event.tag is not None and event.tag != "!":
            raise _Declined
        else:  # a collection: added to its parent now, filled as its events come
            _place(stack, {} if kind is MappingStartEvent else [], True)
    if type(get()) is not StreamEndEvent:
        raise _Declined  # more than one document
    return root[0]


def _place(stack: list[Any], value: Any, collection: bool) -> None:
    """Put ``value`` where the top of ``stack`` wants it: in a list, as a mapping's
    key, or as the value of the key waiting there; a collection is opened."""
    top = stack[-1]
    if type(top) is list:
        top.append(value)
    elif type(top) is dict:  # value is a key
        if collection or value in top:
            raise _Declined  # a key that is a collection, or a key given twice
        stack.append(_Key(value))
        return
    else:  # the key of the mapping below it
        stack.pop()
        stack[-1][top.key] = value
    if collection:
        stack.append(value)


class _Scalars:
    """Scalars resolved and constructed as :class:`_Loader` does: text stays text;
    plain scalars that read as numbers, booleans or null become them."""

    def __init__(self) -> None:
        self.resolvers = _Loader.yaml_implicit_resolvers
        self.wildcard = self.resolvers.get(None, [])
        self.constructor = _Loader("")  # only its scalar constructors are used
        self.known: dict[tuple[str, str], Any] = {}  # resolved scalars that are not text: few, repeated

    def __call__(self, event: Any) -> Any:
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            tag = _STR
            if event.implicit[0]:
                candidates = self.resolvers.get(value[:1], []) + self.wildcard if value else self.resolvers.get("", [])
                tag = next((t for t, regexp in candidates if regexp.match(value)), _STR)
        elif tag != _STR:
            raise _Declined  # an explicit tag: the general road says what it makes of it
        if tag == _STR:
            return value
        done = self.known.get((tag, value), _DECLINED)
        if done is _DECLINED:
            make = self.constructor.yaml_constructors.get(tag)
            if make is None or tag in ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"):
                raise _Declined
            done = self.known[(tag, value)] = make(self.constructor, yaml.ScalarNode(tag, value))
        return done


_STR = _Loader.DEFAULT_SCALAR_TAG


class _Key:
    """A mapping key waiting for its value (on the stack of :func:`_from_events`)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key


def parse(text: str, *, name: str) -> Any:
    """Plain data from YAML text; syntax errors become a :class:`MapInvalid`."""
    data = _from_events(text)
    if data is not _DECLINED:
        check_nesting(data, name, text_locator(text, "yaml"))
        return data
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = " ".join(str(x) for x in (err.context, err.problem) if x)
        hint = "Fix the YAML syntax at that position."
        explained = syntax_advice(err, text)
        if explained is not None:
            what, hint, mark = explained
        if "exceeded maximum nesting depth" in what:  # libyaml stops at 1000 levels
            raise MapInvalid(
                name,
                [
                    nesting_problem(
                        max_nesting(),
                        line=mark.line + 1 if mark else None,
                        column=mark.column + 1 if mark else None,
                        parser=1000,
                    )
                ],
            ) from None
        if "constructor for the tag" in what:
            what = f"the tag {err.problem.split('tag ')[-1]} is not allowed"
            hint = "argmap reads plain YAML only; remove the tag."
        elif "appears twice" in what:
            hint = "Remove one of them."
        raise MapInvalid(
            name,
            [
                Problem(
                    f"invalid YAML: {what}",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    hint=hint,
                )
            ],
        ) from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow, anywhere
        offset = text.find(chr(err.character)) if isinstance(err.character, int) else -1
        line = text.count("\n", 0, offset) + 1 if offset >= 0 else None
        column = offset - text.rfind("\n", 0, offset) if offset >= 0 else None
        code = err.character if isinstance(err.character, int) else 0xFFFD
        raise MapInvalid(
            name,
            [
                Problem(
                    f"invalid YAML: the character U+{code:04X} is not allowed in YAML as it is",
                    line=line,
                    column=column,
                    hint="Remove it: a map's text cannot hold NUL."
                    if code == 0
                    else f'Remove it, or write it as the escape "\\u{code:04x}" inside a double-quoted string.',
                )
            ],
        ) from None
    except yaml.YAMLError as err:
        raise MapInvalid(name, [Problem(f"invalid YAML: {err}")]) from None
    except (ValueError, TypeError, OverflowError) as err:  # a tag's constructor refused its value: "!!int x"
        offset = text.find("!!")
        line = text.count("\n", 0, offset) + 1 if offset >= 0 else None
        column = offset - text.rfind("\n", 0, offset) if offset >= 0 else None
        raise MapInvalid(
            name,
            [
                Problem(
                    f"invalid YAML: a tagged value cannot be read as its tag says ({err})",
                    line=line,
                    column=column,
                    hint="argmap reads plain YAML only; remove the tag.",
                )
            ],
        ) from None
    except RecursionError:  # the pure-Python parser (without libyaml)
        raise MapInvalid(name, [nesting_problem(max_nesting(), parser=0)]) from None
    check_nesting(data, name, text_locator(text, "yaml"))
    return data


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> Any:
    """Read and validate a map written in YAML."""
    from ..validate import validate  # here, so that parse() alone does not import Pydantic

    return validate(parse(text, name=name), name=name, locate=text_locator(text, "yaml"))


def loads_plain(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> dict[str, Any]:
    """Read and validate a map written in YAML into plain data
    (:func:`argmap.validate.validate_plain`), for commands that need only its graph."""
    from ..validate import validate_plain

    return validate_plain(parse(text, name=name), name=name, locate=text_locator(text, "yaml"))


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The map held by ``graph`` as YAML, fields in schema order
    (``source.file`` as ``options.source_file`` says, when set)."""
    from ..graph import map_data

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    data = map_data(graph, source_file=options.source_file if options else None)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
