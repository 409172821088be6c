"""The methods paragraph of the reliability report, in English and Japanese, ready to paste
into a paper: what was coded by whom, the units, the measures, how missing data count, how the
intervals were made (bootstrap over articles, B, seed) and which versions computed them.

Every figure in it comes from :class:`MethodsFacts`, filled from the report itself, so the
paragraph can never disagree with the tables beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.report_figures import THRESHOLDS


@dataclass(frozen=True)
class MethodsFacts:
    n_coders: int
    n_articles: int
    labels: Sequence[str]  # frame names as the paper should print them
    variables: Sequence[str]  # nominal article variables (names)
    ordinal: Sequence[str]  # ordinal article variables (names)
    bootstrap_b: int  # 0: no intervals
    seed: int | None
    level: float  # e.g. 0.95
    version: str  # Framing Annotator's version
    tokenizer: str  # tokenizer and dictionary, as tokenizer_id() names them
    round: str | None = None  # the calibration round reported, if one


def _list(names: Sequence[str], sep: str) -> str:
    """Names joined: ``A, B and C`` in English (sep ", "), ``A、B、C`` in Japanese."""
    if sep == ", " and len(names) > 1:
        return f"{sep.join(names[:-1])} and {names[-1]}"
    return sep.join(names)


def fugashi_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("fugashi")
    except PackageNotFoundError:  # a bundle without package metadata
        return "?"


def methods_en(f: MethodsFacts) -> str:
    """The paragraph in English."""
    scope = f' of calibration round "{f.round}"' if f.round else ""
    variables = ""
    if f.variables or f.ordinal:
        parts = []
        if f.variables:
            parts.append(f"the nominal metric for {_list(f.variables, ', ')}")
        if f.ordinal:
            parts.append(f"the ordinal metric for {_list(f.ordinal, ', ')}")
        variables = (" Article-level variables were compared with Krippendorff's alpha, one "
                     "unit per article, using " + ", and ".join(parts) + ".")
    low, high = (f"{t:.3f}" for t in THRESHOLDS)
    if f.bootstrap_b:
        uncertainty = (
            f" {f.level * 100:g}% confidence intervals are percentile intervals of "
            f"{f.bootstrap_b:,} bootstrap resamples of articles drawn with replacement (the "
            "article is the sampling unit: the tokens and spans of one article are not "
            f"independent; seed {f.seed}); q is the share of resamples in which alpha falls "
            f"below {low} or {high} (Hayes & Krippendorff, 2007)."
        )
    else:
        uncertainty = " No bootstrap intervals were computed."
    return (
        f"Intercoder reliability was assessed on {f.n_articles} news articles{scope}, each "
        f"coded independently by up to {f.n_coders} coders. Frames "
        f"({_list(f.labels, ', ')}) were marked as text spans and compared at two levels. "
        "At the token level, the text was segmented with MeCab through fugashi "
        f"{fugashi_version()} (dictionary and rules: {f.tokenizer}); a token carries a frame "
        "for a coder if any of that coder's spans of the frame covers one of its characters, "
        "and agreement per frame is Krippendorff's alpha (nominal, frame present or absent). "
        "At the character level, Krippendorff's unitizing alpha compares the spans' exact "
        "boundaries on the articles that all coders completed, laid end to end." + variables
        + " Pairwise agreement is reported as Cohen's kappa. Missing data: an article a coder "
        "had not marked as done, and a variable that did not apply given that coder's own "
        "answers, count as missing for that coder, and alpha uses every unit coded by at "
        "least two coders." + uncertainty
        + f" All measures were computed with Framing Annotator {f.version}."
    )


def methods_ja(f: MethodsFacts) -> str:
    """The paragraph in Japanese (the same facts as :func:`methods_en`)."""
    scope = f"(較正ラウンド「{f.round}」)" if f.round else ""
    variables = ""
    if f.variables or f.ordinal:
        parts = []
        if f.variables:
            parts.append(f"{_list(f.variables, '、')}には名義尺度")
        if f.ordinal:
            parts.append(f"{_list(f.ordinal, '、')}には順序尺度")
        variables = ("記事単位の変数は、記事を1単位として、" + "、".join(parts)
                     + "のKrippendorffのαで比較した。")
    if f.bootstrap_b:
        uncertainty = (
            f"{f.level * 100:g}%信頼区間は、記事を復元抽出する{f.bootstrap_b:,}回のブートストラップ"
            f"(乱数シード{f.seed})のパーセンタイル法により求めた。"
            "同じ記事のトークンやスパンは独立ではないため、抽出単位は記事とした。"
            f"qは、αが{THRESHOLDS[0]:.3f}または{THRESHOLDS[1]:.3f}を"
            "下回った再標本の割合である(Hayes & Krippendorff, 2007)。"
        )
    else:
        uncertainty = "ブートストラップ信頼区間は算出していない。"
    return (
        f"コーダー間信頼性は、ニュース記事{f.n_articles}件{scope}について、最大{f.n_coders}名の"
        f"コーダーが独立にコーディングした結果で評価した。フレーム({_list(f.labels, '、')})は"
        "本文中のスパンとして付与し、二つの水準で比較した。トークン水準では、本文を"
        f"fugashi {fugashi_version()}経由のMeCab(辞書と規則:{f.tokenizer})で分割し、"
        "あるフレームのスパンがトークンの文字を一つでも覆えば、"
        "そのコーダーはそのトークンにフレームを付けたものとみなして、フレームごとに"
        "Krippendorffのα(名義尺度、有無)を求めた。文字水準では、全コーダーがコーディングを"
        "終えた記事を連結し、スパンの境界そのものをKrippendorffの単位化α(unitizing alpha)で"
        "比較した。" + variables +
        "コーダー対ごとの一致はCohenのκで示した。欠損の扱い:コーダーが完了にしていない記事と、"
        "そのコーダー自身の回答から該当しない変数は、そのコーダーの欠損とし、αは2名以上が"
        "コーディングしたすべての単位を用いた。" + uncertainty +
        f"すべての指標はFraming Annotator {f.version}で算出した。"
    )


def methods_paragraphs(facts: MethodsFacts, lang: str) -> list[tuple[str, str]]:
    """(language code, paragraph) for ``lang`` = ``ja``, ``en`` or ``both`` (Japanese first)."""
    out = []
    if lang in ("ja", "both"):
        out.append(("ja", methods_ja(facts)))
    if lang in ("en", "both"):
        out.append(("en", methods_en(facts)))
    return out
