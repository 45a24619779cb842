"""A first draft of a map, proposed from the words that mark its parts.

An analyst then corrects it: the draft is only as good as the rules below,
written in argmap's own code and listed here so that nothing is hidden.
Every item quotes the source verbatim (a clause, or part of one) with its
paragraph, and the draft validates.

Rules, applied clause by clause (:mod:`argmap.authoring.text`):

- **Proposals**: a clause saying something should be done: *should*, *must*,
  *ought to*, *need(s) to*, *has/have to*, *it is (especially) important /
  necessary / essential ... that*, *call(s) for*, *urge*, *recommend*,
  *propose*, *push for*, *seek to*, *is ready/willing to*, *deserves
  consideration*, *let us*. After *necessitates*, *requires*, *calls for*,
  *proposed* and the like, a list of actions (``developing X, improving Y and
  boosting Z``; ``doing X and to do Y``) gives one proposal per action.
- **Arguments** from inference markers: a clause opening with *therefore*,
  *thus*, *hence*, *so*, *consequently*, *accordingly*, *as a result*, *for
  this reason*, *it follows that*, *this shows / means / suggests / proves
  (that)*, *against this backdrop*, *in light of this*, *given this* is a
  conclusion; its premises are the clauses before it in the sentence, or else
  the clauses of up to two sentences before it in the paragraph (back to the
  previous conclusion; for *this shows* and the like, one sentence), or else,
  at the start of a paragraph, those at the end of the paragraph before. *X because / since Y*: Y supports X (*Because Y, X*
  the same). *This necessitates / requires / calls for X*: the sentence
  before supports each action of X.
- **Attacks** from adversative and concessive markers: a clause opening with
  *but*, *yet*, *however*, *nevertheless*, *nonetheless*, *still*, *on the
  other hand* rebuts the clause before it (across sentences and paragraphs); in *although / though / even
  though / whereas X, Y*, Y rebuts X.
- **Speakers** from reporting clauses: *NAME said / stated / argued /
  emphasized / added / noted / proposed / warned ... (that)*: the words after
  it are NAME's (a slug of NAME without its article: *a Chinese Defense
  Ministry spokesman* -> ``chinese-defense-ministry-spokesman``, shown by the
  name the text gives, in ``speakers:``); *he / she / they said* continue the
  last speaker named. Everything else is the ``author``'s.
- **Kinds**: proposals as found; a statement some argument concludes is a
  claim; any other a premise.
- A sentence that occurs again in a later paragraph is drafted there only (a
  standfirst repeats the body); a short paragraph of boilerplate (whose views,
  copyright) is left out.

>>> from argmap.source import SourceText
>>> src = SourceText.from_text("T\\n\\nPrices rose by ten percent last year. Therefore, wages should rise too.")
>>> d = draft(src, title="T", source_file="t.txt")
>>> [(s["id"], s["kind"], s["quote"]) for s in d.data["statements"]]
[('prices-rose-ten-percent', 'premise', 'Prices rose by ten percent last year'), ('prop-wages-rise-too', 'proposal', 'wages should rise too')]
>>> [(a["premises"], a["conclusion"], a["quote"]) for a in d.data["arguments"]]
[(['prices-rose-ten-percent'], 'prop-wages-rise-too', 'Therefore')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .text import ADVERSATIVE, CONCESSIVE, CONSEQUENCE, NECESSITY, REASON, Span, clean, fold, paragraph_clauses, words

_DEONTIC = re.compile(
    r"\b(?:should|must|ought\s+to|needs?\s+to|ha(?:s|ve)\s+to"
    r"|it\s+is\s+(?:\w+\s+)?(?:important|necessary|essential|vital|crucial|imperative|urgent|high\s+time)\s+"
    r"(?:that|to|for)"
    r"|call(?:s|ed|ing)?\s+(?:for|on)|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)"
    r"|push(?:es|ed|ing)?\s+for|seek(?:s|ing)?\s+to|sought\s+to"
    r"|(?:is|are|was|were)\s+(?:ready|willing)(?:\s+and\s+(?:ready|willing))?\s+to"
    r"|deserves?\s+(?:consideration|attention)|let\s+us)\b",
    re.IGNORECASE,
)
#: the same as an opener, inside a clause: "we should therefore act"
_INLINE_CONSEQUENCE = re.compile(r"\b(?:therefore|thus|hence|consequently|accordingly)\b", re.IGNORECASE)
_LIST_HEAD = re.compile(
    r"\b(?:necessitates|requires|calls\s+for|propos(?:e|es|ed)|recommend(?:s|ed)?|suggest(?:s|ed)|urg(?:e|es|ed))\s+",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?P<verb>said|says|say|stated|states|argued|argues|argue|emphasi[sz]ed|emphasi[sz]es|stressed|stresses"
    r"|added|adds|told(?:\s+(?:the\s+)?\w+)?|warn|claim|insist|believe"
    r"|noted|notes|claimed|claims|proposed|proposes|suggested|suggests|warned|warns|insisted|insists|maintained"
    r"|maintains|announced|announces|declared|declares|explained|explains|believes|urged|urges"
    r"|recommended|recommends|pointed\s+out)\b(?:\s+that\b)?",
    re.IGNORECASE,
)
#: reporting verbs whose words are a proposal
_PROPOSING = re.compile(r"(?:propos|suggest|urg|recommend)", re.IGNORECASE)
_AUXILIARIES = frozenset(
    [
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "am",
        "has",
        "have",
        "had",
        "can",
        "could",
        "may",
        "might",
        "must",
        "will",
        "would",
        "to",
    ]
)
_IMPERSONAL = re.compile(r"\bit\s+(?:\w+\s+){0,2}(?:be|been|is|was)\s+$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|we)$", re.IGNORECASE)
_NOT_SPEAKER = re.compile(r"^(?:it|this|that|which|who|there|what|these|those|i|you)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:a|an|the|one|another|some)\s+", re.IGNORECASE)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "will",
        "would",
        "should",
        "must",
        "can",
        "could",
        "may",
        "might",
        "shall",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "so",
        "such",
        "not",
        "no",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "also",
        "very",
        "more",
        "most",
        "much",
        "many",
        "some",
        "any",
        "each",
        "every",
        "all",
        "both",
        "either",
        "neither",
        "own",
        "same",
        "other",
        "only",
        "just",
        "even",
        "still",
        "yet",
        "however",
        "therefore",
        "thus",
        "hence",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "being",
    ]
)


@dataclass
class Draft:
    """A drafted map: ``data`` in the map format, and per item id the words that
    suggested it (``reasons``), for the comments of the YAML file."""

    data: dict[str, Any]
    reasons: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class _Statement:
    id: str
    span: Span  # the quoted words
    kind: str = "premise"
    speaker: str = "author"
    why: str = ""


def slug(text: str, words_: int = 4) -> str:
    """A short id from the first content words of ``text``.

    >>> slug("The international community should work to reinforce cooperation")
    'international-community-work-reinforce'
    """
    found = [w.lower().replace("’", "").replace("'", "") for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)]
    content = [w for w in found if w not in _STOPWORDS] or found
    ascii_words = [re.sub(r"[^a-z0-9]+", "-", _ascii(w)).strip("-") for w in content]
    return "-".join([w for w in ascii_words if w][:words_]) or "item"


def _ascii(word: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


class _Ids:
    """Unique ids: a repeated one gets ``-2``, ``-3`` ..."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, base: str) -> str:
        name, k = base, 2
        while name in self.used:
            name = f"{base}-{k}"
            k += 1
        self.used.add(name)
        return name


def _strip(text: str, start: int, end: int, lead: int = 0) -> tuple[int, int]:
    """``start:end`` less ``lead`` characters of opener, and the spaces and
    punctuation around the words."""
    start += lead
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-"):
        end -= 1
    return start, end


def _opener_length(text: str, span: Span) -> int:
    """How many characters of ``span`` its opener (``span.marker``) takes."""
    if not span.marker or span.marker == ";":
        return 0
    m = re.match(
        r"(?:(?:and|but)\s+)?" + r"\s+".join(map(re.escape, span.marker.split())) + r"\b",
        text[span.start : span.end],
        re.IGNORECASE,
    )
    return m.end() if m else 0


def draft(source: Any, *, title: str, source_file: str | None, source_title: str | None = None) -> Draft:
    """The draft of a map of ``source`` (a :class:`~argmap.source.SourceText`)."""
    builder = _Builder(source)
    builder.run()
    return builder.finish(title, source_file, source_title)


class _Builder:
    def __init__(self, source: Any) -> None:
        self.source = source
        self.ids = _Ids()
        self.statements: dict[tuple[int, int, int], _Statement] = {}
        self.arguments: list[dict[str, Any]] = []
        self.attacks: list[dict[str, Any]] = []
        self.reasons: dict[str, str] = {}
        self.last_speaker: str | None = None
        self.names: dict[str, str] = {"author": "The author"}  # speaker -> the words the text names it by
        self.of_part: dict[tuple[int, int], _Statement] = {}  # (paragraph, clause start) -> its statement
        self.tail: list[_Statement] = []  # the statements of the last sentences of the paragraph before

    # -- statements ---------------------------------------------------------

    def statement(
        self, paragraph: int, start: int, end: int, why: str, speaker: str, least: int = 3
    ) -> _Statement | None:
        """The statement quoting ``start:end`` of a paragraph (made on first use),
        or None when that is fewer than ``least`` words."""
        text = self.source.paragraphs[paragraph - 1]
        start, end = _strip(text, start, end)
        if len(words(text, start, end)) < least:
            return None
        key = (paragraph, start, end)
        found = self.statements.get(key)
        if found is None:
            span = Span(paragraph, start, end, clean(text[start:end]))
            found = _Statement(self.ids.new(slug(span.text)), span, speaker=speaker, why=why)
            self.statements[key] = found
        return found

    def proposal(self, st: _Statement, why: str) -> None:
        if st.kind != "proposal":
            self.ids.used.discard(st.id)
            st.id = self.ids.new("prop-" + st.id.removeprefix("prop-"))
            st.kind, st.why = "proposal", why

    # -- the pass over the text ----------------------------------------------

    def run(self) -> None:
        from .coverage import _BOILERPLATE, BOILERPLATE_WORDS
        from .text import sentences

        last: dict[str, int] = {}  # a sentence's words -> the last paragraph that has it
        by_paragraph = []
        for number, text in enumerate(self.source.paragraphs, 1):
            folded = [fold(text[a:b])[0] for a, b in sentences(text)]
            by_paragraph.append(folded)
            for sentence in folded:
                last[sentence] = number
        for number, text in enumerate(self.source.paragraphs, 1):
            if len(words(text)) <= BOILERPLATE_WORDS and _BOILERPLATE.search(text):
                continue
            folded = by_paragraph[number - 1]
            # a sentence repeated in a later paragraph is drafted there only (a standfirst repeats the body)
            keep = [
                s
                for s in paragraph_clauses(self.source, number)
                if len(folded[s.sentence]) <= 20 or last[folded[s.sentence]] == number
            ]
            self.paragraph(number, text, keep)

    def paragraph(self, number: int, text: str, spans: list[Span]) -> None:  # noqa: C901 (one walk over a paragraph's sentences)
        by_sentence: dict[int, list[Span]] = {}
        for s in spans:
            by_sentence.setdefault(s.sentence, []).append(s)
        order = sorted(by_sentence)
        since = 0  # index in ``order`` of the first sentence after the last conclusion
        for k, sentence in enumerate(order):
            parts = by_sentence[sentence]
            statements: list[_Statement | None] = []
            for part, (start, speaker, verb, verb_end) in zip(parts, self.speakers(text, parts), strict=True):
                lead = _opener_length(text, part)
                if verb and _PROPOSING.match(verb):
                    start = part.start  # "X proposed Y" is the proposal, in the words of the text
                st = self.statement(number, max(start, part.start + lead), part.end, "", speaker)
                statements.append(st)
                if st is None:
                    continue
                self.of_part[(number, part.start)] = st
                deontic = _DEONTIC.search(text, st.span.start, st.span.end)
                if part.marker in NECESSITY:
                    self.actions(number, text, st, st.span.start)
                elif verb and _PROPOSING.match(verb):
                    self.proposal(st, f"“{verb}”")
                    self.actions(number, text, st, verb_end)
                elif deontic is not None:
                    self.proposal(st, f"“{clean(deontic.group())}”")
                    head = _LIST_HEAD.search(text, st.span.start, st.span.end)
                    if head is not None:
                        self.actions(number, text, st, head.end())
            for i, (part, st) in enumerate(zip(parts, statements, strict=True)):
                if st is None:
                    continue
                marker = part.marker
                if not marker and _INLINE_CONSEQUENCE.search(text, part.start, part.end):
                    marker = "therefore"  # "The county should therefore provide ...": a conclusion all the same
                before = [s for s in statements[:i] if s is not None]
                after = statements[i + 1] if i + 1 < len(statements) else None
                if marker in CONSEQUENCE:
                    # "this shows": the sentence before; "therefore": up to two, back to the last conclusion;
                    # at the start of a paragraph, the end of the one before
                    back = order[k - 1 : k] if marker.startswith("this") else order[since:k][-2:] or order[k - 1 : k]
                    premises = (
                        before
                        or self.previous(by_sentence, back)
                        or (self.tail[-1:] if marker.startswith("this") else self.tail)
                    )
                    if self.argue(premises, st, number, text, part):
                        since = k + 1
                elif marker in NECESSITY:
                    premises = self.previous(by_sentence, order[max(since, k - 1) : k]) or self.tail[-1:]
                    for action in self.actions(number, text, st, st.span.start):
                        self.argue(premises, action, number, text, part)
                elif marker in REASON and before:
                    self.argue([st], before[-1], number, text, part)  # X because Y
                elif marker in REASON and after is not None:
                    self.argue([st], after, number, text, part)  # Because Y, X
                elif marker in ADVERSATIVE:
                    target = before[-1] if before else self.last_of(by_sentence, order[:k])
                    if target is None and self.tail:
                        target = self.tail[-1]
                    if target is not None:
                        self.attack(st, target, number, text, part)
                elif marker in CONCESSIVE and after is not None:
                    self.attack(after, st, number, text, part)  # although X, Y: Y rebuts X
        # what an opening "therefore" of the next paragraph draws on
        self.tail = self.previous(by_sentence, order[since:][-2:]) or self.previous(by_sentence, order[-1:])

    def speakers(self, text: str, parts: list[Span]) -> list[tuple[int, str, str, int]]:
        """Per clause of a sentence: where its own words start, whose they are, the
        reporting verb that says so (``""`` for none) and where that verb ends."""
        out = []
        speaker = "author"
        for part in parts:
            start, verb, verb_end = part.start, "", part.start
            m = _REPORT.search(text, part.start, part.end)
            if m is not None:
                before = text[part.start : m.start()]
                who = self.speaker_name(before)
                if who is not None:
                    speaker, start, verb, verb_end = who, m.end(), clean(m.group("verb")).lower(), m.end()
                elif _IMPERSONAL.search(before):  # "it can be said that": the words after are the author's
                    start = m.end()
            out.append((start, speaker, verb, verb_end))
        return out

    def speaker_name(self, before: str) -> str | None:
        """The speaker the words before a reporting verb name, or None."""
        phrase = clean(before)
        phrase = re.sub(
            r"^(?:for\s+instance|for\s+example|in\s+addition|moreover|furthermore|also)\s*,?\s*",
            "",
            phrase,
            flags=re.IGNORECASE,
        )
        phrase = re.sub(r"\s+(?:\w+ly|also)$", "", phrase)  # "recently", "also"
        phrase = phrase.split(",")[-1].strip()
        tokens = phrase.split()
        if not tokens or len(tokens) > 7 or tokens[-1].lower() in _AUXILIARIES:  # "it can be said"
            return None
        if len(tokens) == 1 and _PRONOUN.match(tokens[0]):
            return self.last_speaker
        if _NOT_SPEAKER.match(tokens[0]) or not any(t[:1].isupper() or t.lower() in _PERSONS for t in tokens):
            return None
        name = slug(_ARTICLE.sub("", phrase), words_=6)
        self.names.setdefault(name, phrase[:1].upper() + phrase[1:])
        self.last_speaker = name
        return name

    def actions(self, number: int, text: str, st: _Statement, begin: int) -> list[_Statement]:
        """The actions listed from ``begin`` to the end of a statement (``developing
        X, improving Y and boosting Z``), each made a proposal; the statement
        itself when it lists fewer than two."""
        items = [(a, b) for a, b in _list_items(text, begin, st.span.end) if len(words(text, a, b)) >= 2]
        if len(items) < 2:
            if begin == st.span.start:
                self.proposal(st, "an action called for")
            return [st]
        self.demote(st)
        out = []
        for a, b in items:
            action = self.statement(number, a, b, "", st.speaker, least=2)
            if action is not None:
                self.proposal(action, "one of a list of actions")
                out.append(action)
        return out

    def demote(self, st: _Statement) -> None:
        """A statement that only lists proposals is not one itself: its items are."""
        if not any(a["conclusion"] == st.id or st.id in a["premises"] for a in self.arguments):
            self.statements.pop((st.span.paragraph, st.span.start, st.span.end), None)
            self.ids.used.discard(st.id)

    def previous(self, by_sentence: dict[int, list[Span]], sentences_: list[int]) -> list[_Statement]:
        """The statements of the clauses of the last two of ``sentences_``."""
        out = []
        for k in sentences_[-2:]:
            for part in by_sentence[k]:
                st = self.of_part.get((part.paragraph, part.start))
                if st is not None and (st.span.paragraph, st.span.start, st.span.end) in self.statements:
                    out.append(st)
        return out

    def last_of(self, by_sentence: dict[int, list[Span]], sentences_: list[int]) -> _Statement | None:
        found = self.previous(by_sentence, sentences_[-1:])
        return found[-1] if found else None

    # -- arguments and attacks ----------------------------------------------

    def argue(self, premises: list[_Statement], conclusion: _Statement, number: int, text: str, part: Span) -> bool:
        premises = [p for p in dict.fromkeys(premises) if p is not conclusion]
        if not premises or conclusion.id not in {s.id for s in self.statements.values()}:
            return False
        quote = _marker_words(text, part)
        argument: dict[str, Any] = {
            "id": self.ids.new("arg-" + conclusion.id.removeprefix("prop-")),
            "premises": [p.id for p in premises],
            "conclusion": conclusion.id,
        }
        if quote and _has_words(quote):
            argument.update(quote=quote, paragraph=number)
        self.arguments.append(argument)
        self.reasons[argument["id"]] = f"“{clean(quote).lower() or part.marker}”"
        return True

    def attack(self, attacker: _Statement, target: _Statement, number: int, text: str, part: Span) -> None:
        if attacker is target or any(t["from"] == attacker.id and t["to"] == target.id for t in self.attacks):
            return
        quote = _marker_words(text, part)
        attack: dict[str, Any] = {
            "id": self.ids.new("att-" + attacker.id.removeprefix("prop-")),
            "from": attacker.id,
            "to": target.id,
            "type": "rebut",
        }
        if quote and _has_words(quote):
            attack.update(quote=quote, paragraph=number)
        self.attacks.append(attack)
        self.reasons[attack["id"]] = f"“{clean(quote).lower() or part.marker}”"

    # -- the map -------------------------------------------------------------

    def finish(self, title: str, source_file: str | None, source_title: str | None) -> Draft:
        statements = sorted(self.statements.values(), key=lambda s: (s.span.paragraph, s.span.start))
        live = {s.id for s in statements}
        arguments = [a for a in self.arguments if a["conclusion"] in live and all(p in live for p in a["premises"])]
        attacks = [t for t in self.attacks if t["from"] in live and t["to"] in live]
        concluded = {a["conclusion"] for a in arguments}
        data: dict[str, Any] = {"title": title}
        src = {k: v for k, v in (("title", source_title), ("file", source_file)) if v}
        if src:
            data["source"] = src
        rows = []
        for s in statements:
            kind = s.kind if s.kind == "proposal" else "claim" if s.id in concluded else "premise"
            if (
                s.kind != "proposal"
                and s.id not in concluded
                and not any(s.id in a["premises"] for a in arguments)
                and not any(s.id in (t["from"], t["to"]) for t in attacks)
            ):
                continue  # a clause that no rule used
            rows.append(
                {
                    "id": s.id,
                    "kind": kind,
                    "text": _sentence(s.span.text),
                    "quote": s.span.text,
                    "paragraph": s.span.paragraph,
                    "speaker": s.speaker,
                }
            )
            if s.why:
                self.reasons[s.id] = s.why
        if not rows:
            rows = self.fallback()
        used = {r["speaker"] for r in rows}
        data["speakers"] = {k: v for k, v in self.names.items() if k in used}
        data["statements"] = rows
        if arguments:
            data["arguments"] = arguments
        if attacks:
            data["attacks"] = attacks
        return Draft(data, self.reasons)

    def fallback(self) -> list[dict[str, Any]]:
        """With no marker anywhere, the first sentence as a claim (a map needs a statement)."""
        from .text import sentences

        for number, text in enumerate(self.source.paragraphs, 1):
            for a, b in sentences(text):
                a, b = _strip(text, a, b)
                if a < b and _has_words(text[a:b]):
                    quote = clean(text[a:b])
                    sid = self.ids.new(slug(quote))
                    self.reasons[sid] = "no marker found: the first sentence, to start from"
                    return [
                        {
                            "id": sid,
                            "kind": "claim",
                            "text": _sentence(quote),
                            "quote": quote,
                            "paragraph": number,
                            "speaker": "author",
                        }
                    ]
        from ..errors import InputError

        raise InputError("the source text has no words to quote.", hint="Name the plain-text file of the article.")


_PERSONS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "official",
        "officials",
        "expert",
        "experts",
        "scholar",
        "scholars",
        "analyst",
        "analysts",
        "president",
        "secretary",
        "chairman",
        "chair",
        "director",
        "author",
        "authors",
        "critic",
        "critics",
        "researcher",
        "researchers",
        "report",
        "study",
        "government",
        "ministry",
        "commission",
        "committee",
        "council",
        "agency",
        "observers",
        "officer",
        "commentator",
        "commentators",
    ]
)


def _marker_words(text: str, part: Span) -> str:
    """The words of a clause that mark it (its opener, or an inline *therefore*), as a quote."""
    lead = _opener_length(text, part)
    if lead:
        return clean(text[part.start : part.start + lead])
    m = _INLINE_CONSEQUENCE.search(text, part.start, part.end)
    if m is not None and not part.marker:
        return m.group()
    return ""


def _has_words(text: str) -> bool:
    return re.search(r"\w", text) is not None


def _sentence(quote: str) -> str:
    """A statement's text from its quote: a capital first, a stop last."""
    text = quote[:1].upper() + quote[1:]
    return text if text.endswith((".", "!", "?", "”", '"', "’")) else text + "."


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``developing X, improving Y and boosting Z`` as its items' ``(start, end)``;
    ``doing X and to do Y`` as two."""
    piece = text[start:end]
    cuts = [0]
    for m in re.finditer(r",\s+(?:and\s+)?(?=\w+ing\b)|\s+and\s+(?=\w+ing\b)|\s+and\s+(?=to\s)", piece):
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(len(piece))
    items = [(start + a, start + b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    return [(a, b) for a, b in items if len(words(text, a, b)) >= 2]


def checked(d: Draft, source: Any, name: str) -> Any:
    """The draft validated as any map is (fields, references, every quote against
    ``source``), as its graph; a :class:`~argmap.errors.MapInvalid` would be a
    mistake of the rules above."""
    from ..errors import MapInvalid
    from ..graph import build_graph
    from ..loader import _model_sections, quote_problems
    from ..validate import validate

    label = f"draft of {name}"
    amap = validate(d.data, name=label)
    problems = quote_problems(_model_sections(amap), source)
    if problems:
        raise MapInvalid(label, problems)
    return build_graph(amap)


# --------------------------------------------------------------- scoring ---


@dataclass(frozen=True)
class Score:
    """How a draft's items compare with a curated map's: ``matched`` of the
    ``drafted`` match ``matched`` of the ``curated`` (one to one)."""

    drafted: int
    curated: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "drafted": self.drafted,
            "curated": self.curated,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


MATCH_RULE = (
    "a drafted statement matches a curated one when both quote the same paragraph and their quotes overlap by at "
    "least half of the shorter quote; a drafted argument matches a curated one when its conclusion matches the "
    "curated conclusion and at least one of its premises matches a curated premise; each curated item is matched "
    "at most once, the largest overlaps first"
)


def score(drafted: Any, curated: Any, source: Any) -> dict[str, Score]:  # noqa: C901 (the matching rule, case by case)
    """Precision and recall of a draft's proposals and arguments against a curated
    map (both graphs, quoting ``source``), by :data:`MATCH_RULE`."""
    from ..graph import ARGUMENT

    def located(G: Any) -> dict[str, tuple[int, int, int]]:
        out = {}
        for n, d in G.nodes(data=True):
            if d["kind"] == ARGUMENT or not d.get("quote"):
                continue
            para = d.get("paragraph")
            if para is None or not source.contains(d["quote"], para):
                para = source.find(d["quote"])
            if para is None:
                continue
            from .text import occurrences

            hits = occurrences(source.paragraphs[para - 1], d["quote"])
            if hits:
                out[n] = (para, *hits[0])
        return out

    where_d, where_c = located(drafted), located(curated)

    def overlap(a: str, b: str) -> int:
        if a not in where_d or b not in where_c:
            return 0
        (pa, sa, ea), (pb, sb, eb) = where_d[a], where_c[b]
        if pa != pb:
            return 0
        common = min(ea, eb) - max(sa, sb)
        return common if common > 0 and 2 * common >= min(ea - sa, eb - sb) else 0

    def one_to_one(pairs: list[tuple[int, str, str]]) -> int:
        used_d: set[str] = set()
        used_c: set[str] = set()
        for _, a, b in sorted(pairs, key=lambda p: -p[0]):
            if a not in used_d and b not in used_c:
                used_d.add(a)
                used_c.add(b)
        return len(used_d)

    props_d = [n for n, k in drafted.nodes(data="kind") if k == "proposal"]
    props_c = [n for n, k in curated.nodes(data="kind") if k == "proposal"]
    proposal_pairs = [(overlap(a, b), a, b) for a in props_d for b in props_c if overlap(a, b)]

    statements_c = [n for n, k in curated.nodes(data="kind") if k != ARGUMENT]
    match_of: dict[str, set[str]] = {}
    for a in where_d:
        match_of[a] = {b for b in statements_c if overlap(a, b)}

    def parts(G: Any, arg: str) -> tuple[str, list[str]]:
        d = G.nodes[arg]
        return d["conclusion"], list(d["premises"])

    args_d = [n for n, k in drafted.nodes(data="kind") if k == ARGUMENT]
    args_c = [n for n, k in curated.nodes(data="kind") if k == ARGUMENT]
    argument_pairs = []
    for a in args_d:
        conc_a, prem_a = parts(drafted, a)
        for b in args_c:
            conc_b, prem_b = parts(curated, b)
            if conc_b in match_of.get(conc_a, ()) and any(p in match_of.get(q, ()) for q in prem_a for p in prem_b):
                argument_pairs.append((overlap(conc_a, conc_b), a, b))
    return {
        "proposals": Score(len(props_d), len(props_c), one_to_one(proposal_pairs)),
        "arguments": Score(len(args_d), len(args_c), one_to_one(argument_pairs)),
    }


# ------------------------------------------------------------- the file ---


def to_yaml(d: Draft, *, source_name: str) -> str:
    """The draft as a YAML map, with a comment above each item naming the words
    that suggested it."""
    import json

    def q(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    data = d.data
    out = [
        f"# A first draft of a map of {source_name}, made by `argmap draft`.",
        "# Every quote is the source's own words; the kinds, links and speakers are guesses",
        "# from the words that mark proposals, reasons and objections (named in each comment).",
        "# Correct it, then check it: argmap validate THIS-FILE; see what is unmapped: argmap coverage.",
        f"title: {q(data['title'])}",
    ]
    if data.get("source"):
        out.append("source:")
        out += [f"  {k}: {q(v)}" for k, v in data["source"].items()]
    if data.get("speakers"):
        out.append("speakers:  # who says what: the names views show")
        out += [f"  {k}: {q(v)}" for k, v in data["speakers"].items()]
    for section in ("statements", "arguments", "attacks"):
        items = data.get(section) or []
        if not items:
            continue
        out += ["", f"{section}:"]
        for item in items:
            why = d.reasons.get(item["id"])
            if why:
                out.append(f"  # {why}")
            first = True
            for key, value in item.items():
                lead = "  - " if first else "    "
                first = False
                if isinstance(value, list):
                    out.append(f"{lead}{key}: [{', '.join(value)}]")
                elif isinstance(value, int) or key in ("id", "kind", "premises", "conclusion", "from", "to", "type"):
                    out.append(f"{lead}{key}: {value}")
                else:
                    out.append(f"{lead}{key}: {q(value)}")
    return "\n".join(out) + "\n"
