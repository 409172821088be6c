"""Each coder against the gold standard (``coder_vs_gold.csv``, and the Coder vs gold tab of
the Agreement window). Written only when the project has a gold layer (:func:`has_gold`).

Definition (README, "Report files"):

* **Articles compared.** Those with a gold standard to compare against: the articles whose
  adjudication status is ``done``; or, while no article of the project is adjudicated done
  yet, every article with any gold row (a gold span, a rejected one included, or a gold answer
  row, a cleared one included). Done
  articles are preferred because on an article still being adjudicated the gold holds only the
  pre-fill (where coders already agreed) plus the lead's first decisions, and comparing against
  it would count every span the lead has not ruled on yet as a coder's error; before any
  article is done, the pre-filled gold is still the best first look. A rejected span counts as
  a gold row because it is a decision about the article (gold has no span there). Only the
  articles of the study count (``--articles``), and for each coder only those the coder
  marked done (an unfinished article is not a judgement yet).
* **Spans**, per coder and schema label, pooled over the compared articles the coder has done:
  ``precision = matched / coder's spans``, ``recall = matched / gold spans``,
  ``f1 = 2 matched / (coder's spans + gold spans)``, with spans matched one-to-one
  (:func:`annotator.core.agreement.span_f1`): ``exact`` (same offsets) or ``overlap`` (sharing
  a character, maximum matching). Rejected gold spans are not gold. Precision is empty when the
  coder has no span, recall when gold has none, F1 when neither has.
* **Token kappa**: Cohen's kappa of the coder's binary token values for the label against
  gold's (a token has the label if a span with it covers any of its characters, as at the token
  level of the agreement report), over the tokens of those articles.
* **Article variables** (``label`` is the variable id, or ``variable:option`` for one option of
  a multi variable, as in :mod:`annotator.core.code_units`): the coder's counted answer (done
  article, where the variable applies on the coder's own answers) against gold's counted answer
  (where it applies on gold's own answers). ``accuracy`` is the share of articles on which
  they are equal, among the compared articles where both have an answer that counts;
  ``cohen_kappa`` is over the same articles. The span columns are empty on these rows.
* ``n_articles``: the articles compared for that row (span rows: compared articles the coder
  has done; variable rows: those where both answered).
* Undefined values are empty (None), never NaN. Rows: coders in study order; for each, the
  labels in schema order, then the variables in schema order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core import agreement
from annotator.core.code_units import _value, code_units_of
from annotator.core.store import Project
from annotator.core.units import Span, StudyData
from annotator.core.variables import Variable, effective

ADJUDICATED = "adjudicated"  # the articles whose adjudication status is done
ANY_GOLD = "any_gold"  # no article done yet: every article with a gold row


@dataclass(frozen=True)
class GoldRow:
    """One coder against gold on one label (span columns) or article variable (accuracy)."""

    coder: str
    label: str
    precision_exact: float | None
    recall_exact: float | None
    f1_exact: float | None
    precision_overlap: float | None
    recall_overlap: float | None
    f1_overlap: float | None
    cohen_kappa: float | None
    n_articles: int
    accuracy: float | None = None
    kind: str = "label"  # "label" or "article_code"


@dataclass
class GoldStandard:
    """What the coders are compared with: the chosen articles, their live gold spans per label
    and their gold answers."""

    basis: str  # ADJUDICATED or ANY_GOLD
    article_ids: list[int]
    spans: dict[int, dict[str, list[Span]]] = field(default_factory=dict)
    answers: dict[int, dict[str, Any]] = field(default_factory=dict)


@dataclass
class CoderVsGold:
    basis: str
    article_ids: list[int]
    rows: list[GoldRow]


def has_gold(project: Project) -> bool:
    """Any gold span (rejected included), gold answer row, or article adjudicated done."""
    return any(project.execute(sql).fetchone() is not None for sql in (
        "SELECT 1 FROM gold_spans LIMIT 1",
        "SELECT 1 FROM gold_codes LIMIT 1",
        "SELECT 1 FROM adjudication WHERE status = 'done' LIMIT 1",
    ))


def gold_articles(
    candidates: Sequence[int], statuses: Mapping[int, str], with_rows: set[int]
) -> tuple[str, list[int]]:
    """(basis, article ids in ``candidates`` order); see the module docstring. Whether any
    article is adjudicated done is judged on the whole project (``statuses``), not only on the
    candidates, so choosing articles never changes what gold means."""
    if "done" in statuses.values():
        return ADJUDICATED, [a for a in candidates if statuses.get(a) == "done"]
    return ANY_GOLD, [a for a in candidates if a in with_rows]


def read_gold(project: Project, data: StudyData) -> GoldStandard:
    """The gold standard of the study's articles (nothing is written)."""
    gold = project.gold
    all_spans = gold.spans(include_deleted=True)
    with_rows = {s.article_id for s in all_spans}
    with_rows.update(a for (a,) in project.execute("SELECT DISTINCT article_id FROM gold_codes"))
    basis, ids = gold_articles([a.id for a in data.articles], gold.statuses(), with_rows)
    chosen = set(ids)
    spans: dict[int, dict[str, list[Span]]] = {a: {} for a in ids}
    for s in all_spans:
        if s.article_id in chosen and not s.deleted:
            spans[s.article_id].setdefault(s.label, []).append((s.start, s.end))
    return GoldStandard(basis, ids, spans, {a: gold.answers(a) for a in ids})


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def compare(
    data: StudyData,
    variables: Sequence[Variable],
    answers: Mapping[int, Mapping[str, Mapping[str, Any]]],
    gold: GoldStandard,
) -> list[GoldRow]:
    """The rows of coder_vs_gold.csv. ``answers`` as ``Codes.all()`` returns them (article ->
    coder -> variable -> answer)."""
    by_id = {a.id: a for a in data.articles}
    articles = [by_id[a] for a in gold.article_ids if a in by_id]
    units = code_units_of(variables)
    gold_counted = {a.id: effective(variables, gold.answers.get(a.id, {})) for a in articles}
    rows: list[GoldRow] = []
    for coder in data.coders:
        mine = [a for a in articles if coder in a.done]
        for label in data.labels:
            counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}  # matched, gold, coder
            coder_tokens: list[int | None] = []
            gold_tokens: list[int | None] = []
            for article in mine:
                reference = gold.spans.get(article.id, {}).get(label, [])
                predicted = article.coder_spans(coder, label)
                for mode, total in counts.items():
                    result = agreement.span_f1(reference, predicted, mode)
                    total[0] += result.matched
                    total[1] += result.n_a
                    total[2] += result.n_b
                coder_tokens += article.token_values(coder, label)
                gold_tokens += article.marks(reference)
            scores = []
            for matched, n_gold, n_coder in counts.values():
                scores += [_ratio(matched, n_coder), _ratio(matched, n_gold),
                           _ratio(2 * matched, n_gold + n_coder)]
            kappa = agreement.cohen_kappa(coder_tokens, gold_tokens).value
            rows.append(GoldRow(coder, label, *scores, kappa, len(mine)))
        counted = {a.id: effective(variables, answers.get(a.id, {}).get(coder, {})) for a in mine}
        for unit in units:
            pairs = [(x, y) for a in mine
                     if (x := _value(unit, counted[a.id])) is not None
                     and (y := _value(unit, gold_counted[a.id])) is not None]
            same = sum(x == y for x, y in pairs)
            kappa = agreement.cohen_kappa([x for x, _ in pairs], [y for _, y in pairs]).value
            rows.append(GoldRow(coder, unit.id, None, None, None, None, None, None, kappa,
                                len(pairs), _ratio(same, len(pairs)), "article_code"))
    return rows


def coder_vs_gold(project: Project, data: StudyData) -> CoderVsGold | None:
    """Every coder of ``data`` against the project's gold, or None without a gold layer."""
    if not has_gold(project):
        return None
    gold = read_gold(project, data)
    rows = compare(data, project.schema.variables, project.codes.all(), gold)
    return CoderVsGold(gold.basis, gold.article_ids, rows)
