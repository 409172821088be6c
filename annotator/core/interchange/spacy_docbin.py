"""spaCy ``DocBin`` (``.spacy``): the project as training data for a span categorizer or a text
classifier. Export only; spaCy is an optional extra (``[spacy]``), needed only here.

One ``Doc`` an article, in project order, built from OUR tokens (fugashi's, as the cache holds
them) with ``Doc(vocab, words, spaces)`` so that ``doc.text`` is the stored text exactly: a
single U+0020 after a token is that token's trailing space, any other text between tokens
(newlines, U+3000, runs of spaces) is a token of its own. No spaCy pipeline (and so no
SudachiPy) is involved.

- ``doc.spans[coder]``: each coder's spans, ``doc.spans["gold"]`` the gold standard's, label =
  our label id (a ``SpanGroup`` keeps overlaps and duplicates), ordered by start, longest first.
- A span edge inside one of our tokens (a span made in character precision) splits that token
  in the ``Doc``, so every span covers exactly its characters; the summary line says how many
  spans did so and which. Nothing is dropped or moved.
- ``doc.cats``: article codes, one-hot — ``"variable=option"`` 1.0 for each chosen option and 0.0
  for the others (``multi``: every option chosen is 1.0), ``"variable"`` 1.0/0.0 for yes/no;
  unanswered variables are absent. Whose answers: the gold standard's for a whole-project
  export, the coder's with ``--coder``.
- ``doc.user_data``: ``article_id``, ``title``, ``notes`` (group -> the notes in the order of
  ``doc.spans[group]``; gold's are rationales), ``codes`` (coder or ``gold`` -> variable ->
  answer, everybody's), ``cats_from`` (whose answers ``cats`` hold, or None). Custom ``Span._``
  attributes would not survive a DocBin, hence the parallel lists (read back as tuples).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import ProjectError
from annotator.core.files import atomic_write
from annotator.core.gold_io import GOLD
from annotator.core.interchange.span_offsets import articles_with_spans
from annotator.core.model import Annotation, Article
from annotator.core.progress import Progress
from annotator.core.report_figures import MissingExtra
from annotator.core.schema import Schema
from annotator.core.store import Project
from annotator.core.tokenizer import token_bounds, tokenizer_id

EXTRA = "spacy"  #: the optional dependency group that installs spaCy
_LISTED = 10  #: spans split tokens: how many the summary line names before "and N more"


def require_spacy() -> None:
    """Raise :class:`MissingExtra` (one line: what is missing, how to install it) when spaCy
    cannot be imported."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        raise MissingExtra(
            "--format spacy needs spaCy, which is not installed here (the coders' bundle leaves "
            f"it out): pip install 'framing-annotator[{EXTRA}]'"
        ) from None


def export_project(project: Project, out: Path, coder: str | None = None,
                   progress: Progress | None = None) -> str:
    """Write ``out`` (a ``.spacy`` file) whole or not at all; return the summary line."""
    require_spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    docbin = DocBin(store_user_data=True)
    answers = _answers(project, coder)
    n_spans, groups, off_token = 0, set(), []
    for article, spans in articles_with_spans(project, coder, progress):
        bounds = _our_tokens(project, article)
        words, spaces, split = _words(article.text, bounds, spans)
        off_token.extend((article.external_id, s) for s in split)
        doc = _doc(vocab, words, spaces, article, spans)
        codes = answers.get(article.id, {})
        cats_from = coder if coder is not None else (GOLD if GOLD in codes else None)
        doc.cats = one_hot(project.schema, codes.get(cats_from, {})) if cats_from else {}
        doc.user_data.update({
            "article_id": article.external_id,
            "title": article.title,
            "notes": {name: [s.note for s in spans if s.coder == name]
                      for name in doc.spans},
            "codes": codes,
            "cats_from": cats_from,
        })
        docbin.add(doc)
        n_spans += len(spans)
        groups.update(doc.spans)
    atomic_write(out, docbin.to_bytes())
    return _summary(out, len(docbin), n_spans, groups, off_token)


def _answers(project: Project, coder: str | None) -> dict[int, dict[str, dict[str, Any]]]:
    """Article id -> coder (or ``gold``) -> variable -> answer, for the coders exported."""
    out: dict[int, dict[str, dict[str, Any]]] = {}
    if coder != GOLD:
        for article_id, per in project.codes.all().items():
            kept = {c: a for c, a in per.items() if coder is None or c == coder}
            if kept:
                out[article_id] = kept
    if coder in (None, GOLD):
        for summary in project.articles.summaries():
            gold = project.gold.answers(summary.id)
            if gold:
                out.setdefault(summary.id, {})[GOLD] = gold
    return out


def one_hot(schema: Schema, answers: dict[str, Any]) -> dict[str, float]:
    """``doc.cats`` of one set of answers (see the module's docstring); variables in schema
    order, options in their order."""
    cats: dict[str, float] = {}
    for var in schema.variables:
        value = answers.get(var.id)
        if value is None:
            continue
        if var.type == "boolean":
            cats[var.id] = 1.0 if value else 0.0
            continue
        chosen = set(value) if isinstance(value, list) else {value}
        for option in var.option_ids:
            cats[f"{var.id}={option}"] = 1.0 if option in chosen else 0.0
    return cats


def _our_tokens(project: Project, article: Article) -> list[tuple[int, int]]:
    """Our token bounds: the project's cache when current, else fugashi now (nothing stored:
    an export reads the project, it does not write it)."""
    cached = project.tokens.bounds(article.id, tokenizer_id(), len(article.text))
    return cached if cached is not None else token_bounds(article.text)


def _words(text: str, bounds: list[tuple[int, int]], spans: list[Annotation]
           ) -> tuple[list[str], list[bool], list[Annotation]]:
    """Words and trailing spaces of a ``Doc`` whose text is ``text``, cut at our token bounds
    and at every span edge; also the spans with an edge inside one of our tokens."""
    edges = {0, len(text)}
    inside: set[int] = set()  # positions strictly inside one of our tokens
    for start, end in bounds:
        edges.update((start, end))
        inside.update(range(start + 1, end))
    starts = {s.start for s in spans}
    ends = {s.end for s in spans}
    edges |= starts | ends
    split = [s for s in spans if s.start in inside or s.end in inside]
    token_starts = {start for start, _ in bounds}
    cuts = sorted(e for e in edges if 0 <= e <= len(text))
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        between = a not in token_starts and a not in inside  # not part of one of our tokens
        if (piece == " " and between and words and not spaces[-1]
                and a not in starts and b not in ends):
            spaces[-1] = True  # one plain space after a token: spaCy's trailing whitespace
            continue
        words.append(piece)
        spaces.append(False)
    return words, spaces, split


def _doc(vocab: Any, words: list[str], spaces: list[bool], article: Article,
         spans: list[Annotation]) -> Any:
    from spacy.tokens import Doc

    doc = Doc(vocab, words=words, spaces=spaces)
    if doc.text != article.text:  # the words are cut from the text: this cannot differ
        raise ProjectError(f"article {article.external_id}: spaCy's text differs from the "
                           "stored text; nothing was written")
    groups: dict[str, list] = {}
    for span in spans:
        placed = doc.char_span(span.start, span.end, label=span.label,
                               alignment_mode="strict")
        if placed is None or placed.text != article.text[span.start:span.end]:
            raise ProjectError(f"article {article.external_id}: span {span.start}-{span.end} "
                               f"of {span.coder} cannot be placed on spaCy tokens; nothing "
                               "was written")
        groups.setdefault(span.coder, []).append(placed)
    for name, placed_spans in groups.items():
        doc.spans[name] = placed_spans
    return doc


def _summary(out: Path, n_docs: int, n_spans: int, groups: set[str],
             off_token: list[tuple[str, Annotation]]) -> str:
    names = ", ".join(sorted(groups)) or "none"
    line = f"{out}: {n_docs} docs, {n_spans} spans (span groups: {names})"
    if not off_token:
        return line + "; every span on our token edges"
    listed = "; ".join(f"{aid} {s.coder} {s.label} {s.start}-{s.end} {s.text!r}"
                       for aid, s in off_token[:_LISTED])
    more = f"; and {len(off_token) - _LISTED} more" if len(off_token) > _LISTED else ""
    return (f"{line}; {len(off_token)} spans have an edge inside one of our tokens, which "
            f"spaCy gets split there: {listed}{more}")
