"""The agreement report: every measure at every level, per label, as rows a lead can publish.

Computed once from :class:`~annotator.core.units.StudyData` (spans) and
:class:`~annotator.core.code_units.CodeData` (article codes, level ``article_code``); the CLI
writes it as CSV (:mod:`annotator.core.report_files`) and the Agreement window shows the same
rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from annotator.core import agreement
from annotator.core import measure_notes as notes
from annotator.core.agreement_ordinal import (
    cohen_kappa_quadratic_of,
    krippendorff_alpha_ordinal,
)
from annotator.core.bootstrap import bootstrap_alphas, draw_seed
from annotator.core.code_units import CodeData, CodeUnit, collect_codes
from annotator.core.coder_vs_gold import CoderVsGold, coder_vs_gold
from annotator.core.errors import ProjectError
from annotator.core.label_confusion import LabelConfusionRow, label_confusion
from annotator.core.progress import Progress
from annotator.core.store import Project
from annotator.core.units import ArticleUnits, StudyData, collect

OVERALL = "*"
CONTEXT = 20  #: characters of text shown each side of a disagreement


@dataclass(frozen=True)
class SummaryRow:
    measure: str
    level: str
    label: str
    value: float | None
    observed_agreement: float | None
    n_units: int
    n_coders: int
    note: str
    # bootstrap over articles (annotator.core.bootstrap); None / empty when it was off
    ci_low: float | None = None
    ci_high: float | None = None
    q_below: dict[float, float] = field(default_factory=dict)  # threshold -> share below it
    bootstrap_b: int = 0
    seed: int | None = None
    ci_level: float = 0.95  # (``level`` is the coding level: token, article, ...)


@dataclass(frozen=True)
class PairRow:
    """One coder pair on one label (level ``token``: kappa on tokens, F1 on spans) or one
    article code (level ``article_code``: kappa on articles, no F1)."""

    coder_a: str
    coder_b: str
    label: str
    cohen_kappa: float | None
    f1_exact: float | None
    f1_overlap: float | None
    n_units: int
    level: str = "token"
    cohen_kappa_quadratic: float | None = None  # ordinal article codes only


@dataclass(frozen=True)
class ConfusionRow:
    """How often coder_a answered ``answer_a`` where coder_b answered ``answer_b`` (articles
    both have done and both answered; ``variable`` may be ``variable:option``)."""

    variable: str
    coder_a: str
    coder_b: str
    answer_a: Any
    answer_b: Any
    count: int


@dataclass(frozen=True)
class ArticleRow:
    article_id: str
    title: str
    label: str
    krippendorff_alpha: float | None
    n_coders: int
    note: str = ""


@dataclass(frozen=True)
class Disagreement:
    article: int  # internal id, to open the article
    article_id: str
    title: str
    label: str
    start: int
    end: int
    text: str
    coders_with: tuple[str, ...]
    coders_without: tuple[str, ...]
    before: str = ""  # up to CONTEXT characters before the stretch, to read it in place
    after: str = ""  # and after it


@dataclass
class AgreementReport:
    coders: list[str]
    labels: list[str]
    n_articles: int
    summary: list[SummaryRow] = field(default_factory=list)
    pairwise: list[PairRow] = field(default_factory=list)
    per_article: list[ArticleRow] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    codes: list[CodeUnit] = field(default_factory=list)  # the article codes compared, in order
    codes_confusion: list[ConfusionRow] = field(default_factory=list)
    label_confusion: list[LabelConfusionRow] = field(default_factory=list)  # tokens, label x label
    gold: CoderVsGold | None = None  # each coder against gold; None without a gold layer
    bootstrap_b: int = 0  # resamples of articles behind each interval; 0: no intervals
    seed: int | None = None  # the seed of those resamples (drawn when not given)
    level: float = 0.95  # the intervals' confidence level

    def value(self, measure: str, level: str, label: str) -> float | None:
        for row in self.summary:
            if (row.measure, row.level, row.label) == (measure, level, label):
                return row.value
        raise KeyError((measure, level, label))

    def pair(
        self, coder_a: str, coder_b: str, label: str, level: str = "token"
    ) -> PairRow | None:
        for row in self.pairwise:
            if ({row.coder_a, row.coder_b} == {coder_a, coder_b} and row.label == label
                    and row.level == level):
                return row
        return None

    def confusion(self, coder_a: str, coder_b: str, variable: str) -> list[ConfusionRow]:
        """The answer-against-answer counts of a pair, oriented as asked (a's answer first)."""
        out = []
        for r in self.codes_confusion:
            if r.variable != variable:
                continue
            if (r.coder_a, r.coder_b) == (coder_a, coder_b):
                out.append(r)
            elif (r.coder_a, r.coder_b) == (coder_b, coder_a):
                out.append(
                    ConfusionRow(variable, coder_a, coder_b, r.answer_b, r.answer_a, r.count))
        return out


def _summary(measure: str, level: str, label: str, result: agreement.Agreement) -> SummaryRow:
    return SummaryRow(
        measure, level, label, result.value, result.observed, result.n_units, result.n_coders,
        result.reason,
    )


def agreement_report(
    project: Project, coders: list[str] | None = None, articles: list[str] | None = None,
    round: str | None = None, *, bootstrap: int = 2000, seed: int | None = None,
    level: float = 0.95, progress: Progress | None = None,
) -> AgreementReport:
    """Everything `annotator agreement` writes, computed from the project; ``round``: only
    that calibration round's articles (of ``articles``, if given) and, unless ``coders`` are
    named, the coders who marked one of them done. ``bootstrap`` resamples of the articles
    give every alpha a percentile interval at ``level`` (0: none); ``seed`` None draws one,
    recorded in the report."""
    if round is not None:
        articles, coders = _round_scope(project, round, articles, coders)
    data = collect(project, coders, articles)
    report = build_report(data, collect_codes(project, data), bootstrap=bootstrap, seed=seed,
                          level=level, progress=progress)
    report.gold = coder_vs_gold(project, data)
    return report


def _round_scope(
    project: Project, name: str, articles: list[str] | None, coders: list[str] | None
) -> tuple[list[str], list[str] | None]:
    """The external ids of a round's articles (within ``articles``) and its default coders."""
    found = project.rounds.get(name)
    ids = list(found.article_ids)
    if articles:
        wanted = {project.articles.find(ref).id for ref in articles}
        ids = [a for a in ids if a in wanted]
    if not ids:
        raise ProjectError(f"{project.path}: round {found.name!r} has no articles"
                           + (" among those asked for" if articles else ""))
    if not coders:
        done = project.statuses.done()
        in_round = set().union(*(done.get(a, set()) for a in ids))
        coders = [c for c in project.coders.names() if c in in_round] or None
    return [project.articles.get(a, verify=False).external_id for a in ids], coders


def build_report(
    data: StudyData, codes: CodeData | None = None, *, bootstrap: int = 0,
    seed: int | None = None, level: float = 0.95, progress: Progress | None = None,
) -> AgreementReport:
    """The report of the spans in ``data`` and, if given, of the article codes in ``codes``
    (which must have the same coders); with ``bootstrap`` > 0 every alpha gets an interval
    (:func:`annotator.core.bootstrap.bootstrap_alphas`; ``seed`` None draws one)."""
    report = _point_report(data, codes)
    if bootstrap > 0:
        _add_intervals(report, data, codes, bootstrap, seed, level, progress)
    return report


def _add_intervals(
    report: AgreementReport, data: StudyData, codes: CodeData | None, b: int,
    seed: int | None, level: float, progress: Progress | None,
) -> None:
    """Put the bootstrap interval and q of every alpha on its summary row."""
    seed = draw_seed() if seed is None else seed
    found = bootstrap_alphas(data, codes, b, seed, level, progress)
    report.bootstrap_b, report.seed, report.level = b, seed, level
    rows = []
    for row in report.summary:
        result = found.get((row.measure, row.level, row.label))
        if result is None:
            rows.append(row)
            continue
        note = row.note
        if row.value is not None and result.defined < b:
            note = notes.join(note, notes.write(
                notes.UNDEFINED_RESAMPLES, undefined=b - result.defined, b=b))
        rows.append(replace(
            row, note=note, ci_low=result.low if row.value is not None else None,
            ci_high=result.high if row.value is not None else None,
            q_below=dict(result.q_below) if row.value is not None else {},
            bootstrap_b=b, seed=seed, ci_level=level))
    report.summary = rows


def _point_report(data: StudyData, codes: CodeData | None) -> AgreementReport:
    report = AgreementReport(list(data.coders), list(data.labels), len(data.articles))
    pairs = list(combinations(data.coders, 2))
    index = {c: k for k, c in enumerate(data.coders)}
    for label in data.labels:
        rows = data.token_rows(label)
        counted = agreement.Patterns.of([rows[c] for c in data.coders])  # count tokens once
        report.summary.append(
            _summary("krippendorff_alpha", "token", label, agreement.krippendorff_alpha(counted))
        )
        report.summary.append(
            _summary("fleiss_kappa", "token", label, agreement.fleiss_kappa(counted))
        )
        for a, b in pairs:
            kappa = agreement.cohen_kappa_of(counted, index[a], index[b])
            exact, overlap = _pair_f1(data, a, b, label)
            report.pairwise.append(
                PairRow(a, b, label, kappa.value, exact, overlap, kappa.n_units)
            )
    spans, length, count = data.continuum(data.coders)
    unitizing = agreement.unitizing_alpha(spans, length)
    note = notes.write(notes.LAID_END_TO_END, count=count, coders=len(data.coders))
    for label in [*data.labels, OVERALL]:
        result = unitizing.get(label) or agreement.Agreement(
            None, None, length, len(data.coders), notes.LABEL_UNUSED
        )
        row = _summary("unitizing_alpha", "character", label, result)
        report.summary.append(
            SummaryRow(**{**row.__dict__, "note": notes.join(row.note, note)})
        )
    for label in data.labels:
        rows = data.article_rows(label)
        matrix = [rows[c] for c in data.coders]
        report.summary.append(
            _summary("krippendorff_alpha", "article", label, agreement.krippendorff_alpha(matrix))
        )
        report.summary.append(
            _summary("fleiss_kappa", "article", label, agreement.fleiss_kappa(matrix))
        )
    for article in data.articles:
        done = [c for c in data.coders if c in article.done]
        for label in data.labels:
            result = agreement.krippendorff_alpha([article.token_values(c, label) for c in done])
            report.per_article.append(
                ArticleRow(article.external_id, article.title, label, result.value, len(done),
                           result.reason)
            )
            report.disagreements.extend(_disagreements(article, label, done))
    report.label_confusion = label_confusion(data)
    if codes is not None:
        _code_agreement(report, codes)
    return report


ARTICLE_CODE = "article_code"


def _code_agreement(report: AgreementReport, codes: CodeData) -> None:
    """Article-code rows: alpha (ordinal metric for ordinal variables, else nominal), Fleiss'
    kappa for nominal ones, per pair Cohen's kappa (and quadratic-weighted for ordinal) and the
    answer-against-answer counts."""
    report.codes = list(codes.units)
    pairs = list(combinations(range(len(codes.coders)), 2))
    for unit in codes.units:
        counted = agreement.Patterns.of(codes.matrix(unit.id))
        if unit.ordinal:
            alpha = krippendorff_alpha_ordinal(counted, unit.categories)
            report.summary.append(
                _summary("krippendorff_alpha_ordinal", ARTICLE_CODE, unit.id, alpha))
        else:
            report.summary.append(_summary(
                "krippendorff_alpha", ARTICLE_CODE, unit.id, agreement.krippendorff_alpha(counted)))
            report.summary.append(_summary(
                "fleiss_kappa", ARTICLE_CODE, unit.id, agreement.fleiss_kappa(counted)))
        for i, j in pairs:
            a, b = codes.coders[i], codes.coders[j]
            kappa = agreement.cohen_kappa_of(counted, i, j)
            quadratic = (
                cohen_kappa_quadratic_of(counted, i, j, unit.categories).value
                if unit.ordinal else None
            )
            report.pairwise.append(PairRow(
                a, b, unit.id, kappa.value, None, None, kappa.n_units, ARTICLE_CODE, quadratic))
            together = counted.pair(i, j)
            report.codes_confusion.extend(
                ConfusionRow(unit.id, a, b, x, y, together.get((x, y), 0))
                for x in unit.categories for y in unit.categories
            )


def _pair_f1(data: StudyData, a: str, b: str, label: str) -> tuple[float | None, float | None]:
    """Span F1 of a pair over the articles both have done, pooled (micro-averaged).

    Spans of different articles can never match, so matching article by article and adding
    up the counts gives the same result as one matching over all articles, much faster.
    """
    results = []
    for mode in ("exact", "overlap"):
        matched = n_a = n_b = 0
        for article in data.articles:
            if a in article.done and b in article.done:
                result = agreement.span_f1(
                    article.coder_spans(a, label), article.coder_spans(b, label), mode
                )
                matched, n_a, n_b = matched + result.matched, n_a + result.n_a, n_b + result.n_b
        results.append(2 * matched / (n_a + n_b) if n_a + n_b else None)
    return results[0], results[1]


def _disagreements(article: ArticleUnits, label: str, done: list[str]) -> list[Disagreement]:
    """Stretches of text that some done coders gave this label and others did not."""
    if len(done) < 2:
        return []
    edges = {0, article.length}
    for coder in done:
        for start, end in article.coder_spans(coder, label):
            edges.update((start, end))
    points = sorted(edges)
    stretches: list[list] = []  # [start, end, coders_with]
    for a, b in zip(points, points[1:]):
        covering = tuple(
            c for c in done if any(s <= a and e >= b for s, e in article.coder_spans(c, label))
        )
        if not covering or len(covering) == len(done):
            continue
        if stretches and stretches[-1][1] == a and stretches[-1][2] == covering:
            stretches[-1][1] = b
        else:
            stretches.append([a, b, covering])
    return [
        Disagreement(
            article.id, article.external_id, article.title, label, start, end,
            article.text[start:end], covering, tuple(c for c in done if c not in covering),
            article.text[max(0, start - CONTEXT):start], article.text[end:end + CONTEXT],
        )
        for start, end, covering in stretches
        if article.text[start:end].strip()
    ]
