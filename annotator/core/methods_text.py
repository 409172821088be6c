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


def cue_methods_en(b: int, seed: int | None, level: float, gold: bool) -> str:
    """The cue-effect paragraph in English (README, "The cue effect")."""
    gold_text = (" Against the gold standard, each condition's recall and precision were "
                 "computed on tokens inside a cue word of the frame and on the other tokens."
                 if gold else "")
    interval = (f" Each difference (without minus with cues) has a {level * 100:g}% percentile "
                f"interval from {b:,} paired bootstrap resamples of articles (both conditions "
                f"computed on the same resample; seed {seed}); coders were not resampled."
                if b else " No bootstrap intervals were computed.")
    return (
        "To test whether the cue underlines steered the coders, some articles were coded "
        "without them (cue-free copies) and the two conditions were compared. A coder's "
        "condition is recorded per article. Agreement in a condition (token alpha and "
        "unitizing alpha, as above) uses, per article, the done coders who saw it in that "
        "condition; an article counts only where at least two did (unitizing alpha uses the "
        "same number of coders on every article: the smallest such number, first coders in "
        "study order). The pull of the lexicon is the share of the coders' span characters "
        "lying in a cue word of the frame, and the share of cue words (overlapping matches of "
        "the frame's lexicon joined) that a coder's spans of the frame touch." + gold_text
        + interval + " With a design per coder, condition and coder are confounded; with a "
        "design per article, each coder serves as their own control.")


def cue_methods_ja(b: int, seed: int | None, level: float, gold: bool) -> str:
    """The cue-effect paragraph in Japanese (the same facts as :func:`cue_methods_en`)."""
    gold_text = ("正解データに対しては、各条件の再現率と適合率を、フレームの手がかり語の中の"
                 "トークンとそれ以外のトークンに分けて求めた。" if gold else "")
    interval = (f"差(下線なし − あり)の{level * 100:g}%信頼区間は、記事を復元抽出する"
                f"{b:,}回の対応のあるブートストラップ(同じ再標本で両条件を計算、乱数シード"
                f"{seed})のパーセンタイル法による。コーダーは再標本化していない。"
                if b else "ブートストラップ信頼区間は算出していない。")
    return (
        "手がかり語の下線がコーダーを誘導したかを調べるため、一部の記事は下線なし"
        "(手がかりなしのコピー)でコーディングし、二つの条件を比較した。コーダーの条件は"
        "記事ごとに記録した。条件ごとの一致(上と同じトークン α と単位化 α)は、記事ごとに"
        "その条件で見た完了コーダーで求め、2名以上がその条件で見た記事だけを用いた"
        "(単位化 α は全記事で同じ人数を要するため、その最小数を研究の順に先頭から用いた)。"
        "語彙への引き寄せは、コーダーのスパンの文字のうちフレームの手がかり語の上にある"
        "割合と、手がかり語(重なる一致は一語とする)のうちそのフレームのスパンが触れた割合で"
        "測った。" + gold_text + interval
        + "コーダーごとの設計では条件とコーダーが交絡し、記事ごとの設計では各コーダーが"
        "自身の対照となる。")


def cue_methods_paragraphs(b: int, seed: int | None, level: float, gold: bool, lang: str
                           ) -> list[tuple[str, str]]:
    """(language code, paragraph) of the cue-effect method, as :func:`methods_paragraphs`."""
    out = []
    if lang in ("ja", "both"):
        out.append(("ja", cue_methods_ja(b, seed, level, gold)))
    if lang in ("en", "both"):
        out.append(("en", cue_methods_en(b, seed, level, gold)))
    return out


def methods_paragraphs(facts: MethodsFacts, lang: str) -> list[tuple[str, str]]:
    """(language code, paragraph) for ``lang`` = ``ja``, ``en`` or ``both`` (Japanese first)."""
    out = []
    if lang in ("ja", "both"):
        out.append(("ja", methods_ja(facts)))
    if lang in ("en", "both"):
        out.append(("en", methods_en(facts)))
    return out
