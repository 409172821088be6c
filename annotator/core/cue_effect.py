"""The cue effect: do the cue underlines steer the coders? Each measure with cues and without,
per label and overall, and the difference (without − with) with a bootstrap interval over
articles (README, "The cue effect").

Measures (``measure`` column of cue_effect.csv):

* ``token_alpha``: Krippendorff's alpha on tokens (the agreement report's token level) among
  the coders who saw an article in the condition. An article counts in a condition when at
  least two done coders saw it there; the other coders' values are missing. Overall (``*``):
  the tokens of every label pooled as units.
* ``unitizing_alpha``: the report's unitizing alpha on the articles with at least two done
  coders in the condition, laid end to end. Unitizing alpha needs the same number of coders on
  every article: it uses ``r`` coders per article, ``r`` the smallest number a counted article
  has in that condition, taking the first ``r`` in study order (with a per-article design the
  coders differ between articles; alpha treats coders as interchangeable observers).
* ``span_chars_on_cues``: the share of coders' span characters of a label (each coder's spans
  of the label united) that lie in a cue word of that label.
* ``cue_words_marked``: the share of (cue word of a label, coder) pairs where the coder's spans
  of that label cover a character of the cue word.
* With a gold layer, ``gold_recall_cue_tokens`` / ``gold_precision_cue_tokens`` on the tokens
  inside a cue word of the label and ``gold_recall_other_tokens`` /
  ``gold_precision_other_tokens`` on the others: the coders' binary token values against
  gold's, pooled over coders and gold articles.

The shares and gold scores count every done coder in the condition (one is enough). Overall
(``*``) pools the labels. The interval is a paired bootstrap: each resample draws the articles
with replacement once and computes both conditions on it, so an article seen in both conditions
counts in both, as the design made it; the coders are fixed, not resampled.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.agreement import OVERALL, _merge
from annotator.core.bootstrap import draw_seed, interval
from annotator.core.bootstrap_coincidence import CoincidenceAlpha
from annotator.core.bootstrap_unitizing import UnitizingAlphas
from annotator.core.cue_effect_data import CONDITIONS, WITH, WITHOUT, CueArticle, CueStudy
from annotator.core.progress import Progress, report
from annotator.core.units import ArticleUnits, Span, StudyData

TOKEN_ALPHA, UNITIZING = "token_alpha", "unitizing_alpha"
ON_CUES, MARKED = "span_chars_on_cues", "cue_words_marked"
GOLD_MEASURES = ("gold_recall_cue_tokens", "gold_precision_cue_tokens",
                 "gold_recall_other_tokens", "gold_precision_other_tokens")
MEASURES = (MARKED, ON_CUES, TOKEN_ALPHA, UNITIZING, *GOLD_MEASURES)

Key = tuple[str, str]  # (label, measure)


@dataclass(frozen=True)
class EffectRow:
    """One label and measure in both conditions; ``difference`` is without − with."""

    label: str
    measure: str
    with_cues: float | None
    without_cues: float | None
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    units_with: int
    units_without: int
    articles_with: int
    articles_without: int


@dataclass
class CueEffect:
    coders: list[str]
    labels: list[str]
    n_articles: int
    bootstrap_b: int
    seed: int | None
    level: float
    has_gold: bool
    rows: list[EffectRow] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)  # condition -> (coder, done article) pairs

    def row(self, label: str, measure: str) -> EffectRow | None:
        return next((r for r in self.rows if (r.label, r.measure) == (label, measure)), None)


class _Ratio:
    """A share pooled over articles: sum of numerators / sum of denominators."""

    def __init__(self, n: int) -> None:
        self.num = [0] * n
        self.den = [0] * n

    def value(self, idx: Sequence[int]) -> float | None:
        den = sum(map(self.den.__getitem__, idx))
        return sum(map(self.num.__getitem__, idx)) / den if den else None


@dataclass
class _Condition:
    """Every statistic of one condition as a function of a resample, with its sizes."""

    ratios: dict[Key, _Ratio] = field(default_factory=dict)
    alphas: dict[Key, CoincidenceAlpha] = field(default_factory=dict)
    unitizing: UnitizingAlphas | None = None
    units: dict[Key, int] = field(default_factory=dict)
    articles: dict[Key, int] = field(default_factory=dict)

    def values(self, idx: Sequence[int], labels: Sequence[str]) -> dict[Key, float | None]:
        out: dict[Key, float | None] = {k: r.value(idx) for k, r in self.ratios.items()}
        out.update({k: a.value(idx) for k, a in self.alphas.items()})
        if self.unitizing is not None:
            found = self.unitizing.values(idx)
            out.update({(label, UNITIZING): v for label, v in zip([*labels, OVERALL], found)})
        return out


def _length(spans: Sequence[Span]) -> int:
    return sum(e - s for s, e in spans)


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters shared by two merged, ascending span lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _shares(cond: _Condition, a: int, article: CueArticle, coders: Sequence[str],
            label: str) -> None:
    cues = article.cues.get(label, [])
    for key in ((label, ON_CUES), (OVERALL, ON_CUES)):
        ratio = cond.ratios[key]
        for coder in coders:
            spans = _merge(article.units.coder_spans(coder, label))[0]
            ratio.den[a] += _length(spans)
            ratio.num[a] += _overlap(spans, cues)
    for key in ((label, MARKED), (OVERALL, MARKED)):
        ratio = cond.ratios[key]
        for coder in coders:
            spans = _merge(article.units.coder_spans(coder, label))[0]
            ratio.den[a] += len(cues)
            ratio.num[a] += sum(1 for cue in cues if _overlap(spans, [cue]))


def _gold(cond: _Condition, a: int, article: CueArticle, coders: Sequence[str],
          label: str) -> None:
    units = article.units
    gold = units.marks((article.gold or {}).get(label, []))
    cue = units.marks(article.cues.get(label, []))
    for coder in coders:
        mine = units.token_values(coder, label)
        for inside, recall, precision in ((1, GOLD_MEASURES[0], GOLD_MEASURES[1]),
                                          (0, GOLD_MEASURES[2], GOLD_MEASURES[3])):
            hits = sum(1 for m, g, c in zip(mine, gold, cue) if c == inside and m and g)
            for name, den in ((recall, sum(1 for g, c in zip(gold, cue) if c == inside and g)),
                              (precision, sum(1 for m, c in zip(mine, cue) if c == inside and m))):
                for key in ((label, name), (OVERALL, name)):
                    cond.ratios[key].num[a] += hits
                    cond.ratios[key].den[a] += den


def _condition(study: CueStudy, condition: str) -> _Condition:
    n = len(study.articles)
    labels = [*study.labels, OVERALL]
    names = [ON_CUES, MARKED, *(GOLD_MEASURES if study.has_gold else ())]
    cond = _Condition({(label, m): _Ratio(n) for label in labels for m in names})
    token_rows: dict[str, list[list[list[int | None]]]] = {label: [] for label in labels}
    for a, article in enumerate(study.articles):
        coders = article.coders(condition)
        paired = len(coders) >= 2
        for label in study.labels:
            _shares(cond, a, article, coders, label)
            if article.gold is not None:
                _gold(cond, a, article, coders, label)
            token_rows[label].append(
                [article.units.token_values(c, label) for c in coders] if paired else [])
        token_rows[OVERALL].append(
            [[v for label in study.labels for v in article.units.token_values(c, label)]
             for c in coders] if paired else [])
    for label in labels:
        cond.alphas[(label, TOKEN_ALPHA)] = CoincidenceAlpha(token_rows[label])
    paired = [a for a in study.articles if len(a.coders(condition)) >= 2]
    tokens = sum(len(a.units.starts) for a in paired)
    for label in labels:
        for name in names:
            ratio = cond.ratios[(label, name)]
            cond.units[(label, name)] = sum(ratio.den)
            cond.articles[(label, name)] = sum(1 for d in ratio.den if d)
        cond.units[(label, TOKEN_ALPHA)] = tokens * (len(study.labels) if label == OVERALL else 1)
        cond.units[(label, UNITIZING)] = sum(a.units.length for a in paired)
        for name in (TOKEN_ALPHA, UNITIZING):
            cond.articles[(label, name)] = len(paired)
    cond.unitizing = UnitizingAlphas(_slots(study, condition))
    return cond


def _slots(study: CueStudy, condition: str) -> StudyData:
    """The condition's articles for unitizing alpha: ``r`` interchangeable coder slots."""
    counts = [len(a.coders(condition)) for a in study.articles]
    r = min((k for k in counts if k >= 2), default=0)
    slots = [f"#{k + 1}" for k in range(r)]
    articles = []
    for article, k in zip(study.articles, counts):
        u = article.units
        chosen = article.coders(condition)[:r] if r and k >= 2 else ()
        articles.append(ArticleUnits(
            u.id, u.external_id, u.title, u.text, u.starts, u.ends, set(slots) if chosen else set(),
            {slot: u.spans.get(coder, {}) for slot, coder in zip(slots, chosen)}))
    return StudyData(slots, list(study.labels), articles)


def cue_effect(study: CueStudy, b: int = 2000, seed: int | None = None, level: float = 0.95,
               progress: Progress | None = None) -> CueEffect:
    """Every measure with and without cues and its difference; ``b`` paired resamples of the
    articles drawn with ``seed`` (None: drawn, and recorded) give the difference's percentile
    interval at ``level`` (``b`` 0: no intervals)."""
    if not 0 < level < 1:
        raise ValueError(f"the confidence level must be between 0 and 1, not {level}")
    seed = draw_seed() if seed is None and b > 0 else seed
    labels = list(study.labels)
    conds = {c: _condition(study, c) for c in CONDITIONS}
    every = list(range(len(study.articles)))
    point = {c: conds[c].values(every, labels) for c in CONDITIONS}
    keys = [(label, m) for label in [*labels, OVERALL] for m in MEASURES
            if (label, m) in point[WITH]]
    diffs: dict[Key, list[float | None]] = {k: [] for k in keys}
    rng = random.Random(seed)
    step = max(1, b // 100)
    for done in range(b):
        if done % step == 0:
            report(progress, done, b, "resampling articles")
        idx = rng.choices(every, k=len(every)) if every else []
        with_, without = (conds[c].values(idx, labels) for c in CONDITIONS)
        for key in keys:
            x, y = with_[key], without[key]
            diffs[key].append(None if x is None or y is None else y - x)
    report(progress, b, b, "")
    result = CueEffect(list(study.coders), labels, len(study.articles), b, seed, level,
                       study.has_gold, seen={c: sum(len(a.coders(c)) for a in study.articles)
                                             for c in CONDITIONS})
    for key in keys:
        x, y = point[WITH][key], point[WITHOUT][key]
        found = interval(diffs[key], level, ()) if b else None
        defined = x is not None and y is not None
        result.rows.append(EffectRow(
            *key, x, y, y - x if defined else None,
            found.low if found and defined else None, found.high if found and defined else None,
            conds[WITH].units[key], conds[WITHOUT].units[key],
            conds[WITH].articles[key], conds[WITHOUT].articles[key]))
    return result


def project_cue_effect(project, coders: list[str] | None = None, b: int = 2000,
                       seed: int | None = None, level: float = 0.95,
                       progress: Progress | None = None,
                       articles: list[str] | None = None) -> CueEffect:
    """The cue effect of a project's coders (default: all who marked an article done) on
    ``articles`` (external ids; default all); the project is only read."""
    from annotator.core.cue_effect_data import read_cue_study

    return cue_effect(read_cue_study(project, coders, articles), b, seed, level, progress)


__all__ = ["GOLD_MEASURES", "MARKED", "MEASURES", "ON_CUES", "TOKEN_ALPHA", "UNITIZING",
           "CueEffect", "EffectRow", "cue_effect", "project_cue_effect"]
