"""The sections of the reliability report (:mod:`annotator.core.html_report`) as HTML text.

Every text that comes from the project (titles, coder names, span text, labels) passes through
:func:`html.escape`; numbers are written with three decimals and carry the exact value in a
``data-value`` attribute, so a script (or a test) can check them against the CSV reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from annotator.core.reports import OVERALL, AgreementReport

ALPHAS = ("krippendorff_alpha", "krippendorff_alpha_ordinal", "unitizing_alpha")
FOREST_LEVELS = ("token", "character", "article_code")  # the forest plot's groups, in order
MAX_DISAGREEMENTS = 30


@dataclass(frozen=True)
class Words:
    """Text in the report's language: ``ja``, ``en`` or ``both`` (Japanese, then English)."""

    lang: str

    def plain(self, ja: str, en: str) -> str:
        """Unescaped text (figure labels): one language, or ``ja (en)`` / ``ja / en``."""
        if self.lang == "ja":
            return ja
        if self.lang == "en":
            return en
        return ja if ja == en else f"{ja} / {en}"

    def __call__(self, ja: str, en: str) -> str:
        """Escaped HTML; with both languages the English in a quieter span."""
        if self.lang == "ja":
            return escape(ja)
        if self.lang == "en" or ja == en:
            return escape(en)
        return f'{escape(ja)} <span class="en" lang="en">{escape(en)}</span>'


@dataclass
class Names:
    """Display names of labels and article variables: id -> (Japanese, English)."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)

    def pair(self, key: str) -> tuple[str, str]:
        if key == OVERALL:
            return ("全フレーム", "all frames")
        return self.names.get(key, (key, key))

    def plain(self, words: Words, key: str) -> str:
        ja, en = self.pair(key)
        if words.lang == "both" and ja != en:
            return f"{ja} ({en})"
        return words.plain(ja, en)

    def html(self, words: Words, key: str) -> str:
        return escape(self.plain(words, key))


def number(value: float | None, digits: int = 3) -> str:
    """A table cell for a number: three decimals shown, the exact value in data-value."""
    if value is None:
        return '<td class="num empty">—</td>'
    return f'<td class="num" data-value="{value!r}">{value:.{digits}f}</td>'


def count(value: int) -> str:
    return f'<td class="num" data-value="{value}">{value}</td>'


def text(value: object) -> str:
    return f"<td>{escape(str(value))}</td>"


def table(head: Sequence[str], rows: Sequence[Sequence[str]], cls: str = "") -> str:
    """A table from escaped header cells and ready-made ``<td>`` rows."""
    if not rows:
        return ""
    klass = f' class="{cls}"' if cls else ""
    header = "".join(f"<th>{h}</th>" for h in head)
    body = "\n".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    return f"<table{klass}><thead><tr>{header}</tr></thead><tbody>\n{body}\n</tbody></table>"


def section(key: str, title: str, *parts: str) -> str:
    inner = "\n".join(p for p in parts if p)
    return f'<section id="{key}">\n<h2>{title}</h2>\n{inner}\n</section>'


def note(words: Words, ja: str, en: str) -> str:
    return f'<p class="note">{words(ja, en)}</p>'


# --- the summary table beside the forest plot -------------------------------------------------


def level_name(words: Words, level: str) -> str:
    return words(*{
        "token": ("トークン", "tokens"), "character": ("文字(単位化)", "characters (unitizing)"),
        "article": ("記事(有無)", "articles (presence)"),
        "article_code": ("記事の変数", "article variables"),
    }.get(level, (level, level)))


def summary_rows(report: AgreementReport, names: Names, words: Words) -> list[list[str]]:
    """The alphas of the forest plot, with interval, q and n, one row each."""
    rows = []
    for level in FOREST_LEVELS:
        for r in report.summary:
            if r.level != level or r.measure not in ALPHAS:
                continue
            q = r.q_below
            rows.append([
                f"<td>{level_name(words, r.level)}</td>", f"<td>{names.html(words, r.label)}</td>",
                text(r.measure), number(r.value), number(r.ci_low),
                number(r.ci_high), number(q.get(0.667)), number(q.get(0.8)),
                count(r.n_units), count(r.n_coders),
            ])
    return rows


def summary_head(words: Words, level: float) -> list[str]:
    pct = f"{level * 100:g}%"
    return [words("単位", "unit"), words("フレーム・変数", "frame or variable"),
            words("指標", "measure"), "α", words(f"{pct}区間 下限", f"{pct} CI low"),
            words(f"{pct}区間 上限", f"{pct} CI high"), "q &lt; 0.667", "q &lt; 0.800",
            words("単位数", "units"), words("コーダー数", "coders")]


# --- coder by coder --------------------------------------------------------------------------


def _shade(value: float | None) -> str:
    """A background from red (0 or less) through white to blue (1), to read a matrix at a
    glance; the number stays written in the cell."""
    if value is None:
        return ""
    v = max(-1.0, min(1.0, value))
    if v >= 0.5:
        k = (v - 0.5) / 0.5
        r, g, b = (round(255 - 120 * k), round(255 - 80 * k), 255)
    else:
        k = (0.5 - v) / 1.5
        r, g, b = (255, round(255 - 110 * k), round(255 - 110 * k))
    return f' style="background:#{r:02x}{g:02x}{b:02x}"'


def kappa_matrices(report: AgreementReport, names: Names, words: Words) -> str:
    """One coders x coders matrix of Cohen's kappa per label (tokens) and article variable."""
    out = []
    keys = [(label, "token") for label in report.labels]
    keys += [(unit.id, "article_code") for unit in report.codes]
    for key, level in keys:
        head = [words("コーダー", "coder"), *(escape(c) for c in report.coders)]
        rows = []
        for a in report.coders:
            cells = [f"<th>{escape(a)}</th>"]
            for b in report.coders:
                if a == b:
                    cells.append('<td class="num empty">—</td>')
                    continue
                pair = report.pair(a, b, key, level)
                value = pair.cohen_kappa if pair else None
                cells.append(number(value).replace("<td", f"<td{_shade(value)}", 1))
            rows.append(cells)
        caption = f"{names.html(words, key)} — {level_name(words, level)}"
        out.append(f'<figure class="matrix"><figcaption>{caption}</figcaption>'
                   f'{table(head, rows, "matrix")}</figure>')
    return '<div class="matrices">' + "\n".join(out) + "</div>" if out else ""


# --- gold ------------------------------------------------------------------------------------


def gold_table(report: AgreementReport, names: Names, words: Words) -> str:
    gold = report.gold
    if gold is None:
        return ""
    head = [words("コーダー", "coder"), words("フレーム・変数", "frame or variable"),
            "P exact", "R exact", "F1 exact", "P overlap", "R overlap", "F1 overlap",
            "κ", words("正解率", "accuracy"), words("記事数", "articles")]
    rows = [[text(r.coder), f"<td>{names.html(words, r.label)}</td>",
             number(r.precision_exact), number(r.recall_exact), number(r.f1_exact),
             number(r.precision_overlap), number(r.recall_overlap), number(r.f1_overlap),
             number(r.cohen_kappa), number(r.accuracy), count(r.n_articles)]
            for r in gold.rows]
    return table(head, rows)


def confusion_table(report: AgreementReport, names: Names, words: Words) -> str:
    """Tokens coder A labelled X where coder B labelled Y, summed over the pairs (``*``)."""
    rows = [r for r in report.label_confusion if r.coder_a == "*" and r.coder_b == "*"]
    if not rows:
        return ""
    order = list(dict.fromkeys(r.label_a for r in rows))
    cells = {(r.label_a, r.label_b): r.tokens for r in rows}

    def name(label: str) -> str:
        return names.html(words, label) if label in report.labels else escape(label)

    head = [words("A \\ B", "A \\ B"), *(name(b) for b in order)]
    body = [[f"<th>{name(a)}</th>", *(count(cells.get((a, b), 0)) for b in order)]
            for a in order]
    return table(head, body, "matrix")


# --- disagreements ---------------------------------------------------------------------------


def disagreement_list(report: AgreementReport, names: Names, words: Words) -> str:
    """The longest stretches some coders labelled and others did not, in their context."""
    ranked = sorted(report.disagreements, key=lambda d: (-(d.end - d.start), d.article_id,
                                                         d.start))[:MAX_DISAGREEMENTS]
    head = [words("記事", "article"), words("フレーム", "frame"), words("箇所", "where"),
            words("本文(前後の文脈)", "text in context"), words("付けた", "marked by"),
            words("付けなかった", "not by")]
    rows = [[
        f"<td>{escape(d.article_id)}<br><span class=\"title\">{escape(d.title)}</span></td>",
        f"<td>{names.html(words, d.label)}</td>",
        f'<td class="num">{d.start}–{d.end}</td>',
        f'<td class="context">…{escape(d.before)}<mark>{escape(d.text)}</mark>'
        f"{escape(d.after)}…</td>",
        text(", ".join(d.coders_with)), text(", ".join(d.coders_without)),
    ] for d in ranked]
    return table(head, rows, "disagreements")
