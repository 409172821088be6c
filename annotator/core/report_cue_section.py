"""The cue-effect section of the reliability report (:mod:`annotator.core.html_report`): shown
only when the project has coding both with and without the cue underlines (cue-free copies).

The numbers are those of `annotator cue-effect` with the report's coders, bootstrap and seed:
a table per label and measure and the plain-words lines of
:func:`annotator.core.cue_effect_files.summary_line`, in the report's language.
"""

from __future__ import annotations

from html import escape

from annotator.core import report_sections as s
from annotator.core.agreement import OVERALL
from annotator.core.cue_effect import CueEffect
from annotator.core.cue_effect_data import WITH, WITHOUT
from annotator.core.cue_effect_files import summary_line

TITLE = ("手がかり語の下線の影響", "The cue effect")

MEASURE_NAMES = {
    "cue_words_marked": ("印を付けた手がかり語の割合", "cue words marked"),
    "span_chars_on_cues": ("手がかり語の上のスパン文字の割合", "span characters on cue words"),
    "token_alpha": ("トークン α", "token alpha"),
    "unitizing_alpha": ("単位化 α", "unitizing alpha"),
    "gold_recall_cue_tokens": ("正解に対する再現率(手がかり語)", "recall vs gold (cue words)"),
    "gold_precision_cue_tokens": ("正解に対する適合率(手がかり語)",
                                  "precision vs gold (cue words)"),
    "gold_recall_other_tokens": ("正解に対する再現率(その他)", "recall vs gold (other tokens)"),
    "gold_precision_other_tokens": ("正解に対する適合率(その他)",
                                    "precision vs gold (other tokens)"),
}


def cue_section(effect: CueEffect, names: s.Names, w: s.Words) -> str:
    """The whole section (heading, note, plain words, table)."""
    pct = f"{effect.level * 100:g}%"
    seen = effect.seen
    intro = s.note(
        w, f"下線ありで{seen.get(WITH, 0)}件、下線なしで{seen.get(WITHOUT, 0)}件"
           "(コーダーと完了記事の組)をコーディングした。差は「なし − あり」。"
           + (f"区間は記事を復元抽出する{effect.bootstrap_b:,}回の対応のあるブートストラップ"
              f"(シード{effect.seed})による。" if effect.bootstrap_b else ""),
        f"Coded with the underlines: {seen.get(WITH, 0)} (coder, done article) pairs; without: "
        f"{seen.get(WITHOUT, 0)}. Differences are without − with."
        + (f" Intervals: {effect.bootstrap_b:,} paired bootstrap resamples of articles (seed "
           f"{effect.seed})." if effect.bootstrap_b else ""))
    lines = []
    for code, index in (("ja", 0), ("en", 1)):
        if w.lang not in (code, "both"):
            continue
        for label in [*effect.labels, OVERALL]:
            name = names.pair(label)[index]
            line = summary_line(effect, label, name[:1].upper() + name[1:], code)
            lines.append(f'<p class="summary" lang="{code}">{escape(line)}</p>')
    head = [w("フレーム", "frame"), w("指標", "measure"), w("下線あり", "with cues"),
            w("下線なし", "without cues"), w("差", "difference"),
            w(f"{pct}区間 下限", f"{pct} CI low"), w(f"{pct}区間 上限", f"{pct} CI high"),
            w("記事数(あり)", "articles with"), w("記事数(なし)", "articles without")]
    rows = [[f"<td>{names.html(w, r.label)}</td>", f"<td>{w(*MEASURE_NAMES[r.measure])}</td>",
             s.number(r.with_cues), s.number(r.without_cues), s.number(r.difference),
             s.number(r.ci_low), s.number(r.ci_high), s.count(r.articles_with),
             s.count(r.articles_without)] for r in effect.rows]
    return s.section("cue_effect", w(*TITLE), intro, "\n".join(lines), s.table(head, rows))
