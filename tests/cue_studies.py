"""Simulated cue-effect studies on real project files (issue 16): articles built from sentences
whose cue words come from the default schema's lexicon, four coders in the per-article
cue-free design (:func:`annotator.core.cue_design.cue_free_articles`), and simulated coders who
either follow the underlines where they see them or ignore them.

A *true passage* is a sentence that frames the story (it is also the gold standard); a
*distractor* carries a cue word in a sentence that frames nothing (駅前の市場, 安全な遊び場).
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from annotator.core.cue_design import CUES_PER_ARTICLE, cue_free_articles
from annotator.core.importers import import_paths
from annotator.core.session import tokens_and_cues
from annotator.core.store import Project

CODERS = ["alice", "bob", "carol", "dan"]
TRUE = [
    ("security_concern", "政府は半導体技術の軍事転用に強い懸念を示した。"),
    ("security_concern", "当局は機密情報が流出する恐れがあるとして警戒を強めている。"),
    ("security_concern", "専門家は通信機器に仕込まれたバックドアの脅威を指摘した。"),
    ("economic_interest", "同社は中国市場での販売が好調で、収益が大きく伸びた。"),
    ("economic_interest", "新工場の建設で地元の雇用が増え、賃金も上がった。"),
    ("self_reliance", "政府は海外への依存から脱却し、国産化を急ぐ方針だ。"),
]
DISTRACTORS = [
    "駅前の市場では朝から新鮮な魚が並んでいる。",
    "子どもたちは安全な遊び場で元気に遊んでいた。",
    "彼は独自の料理法で地元の人気を集めている。",
    "祭りの会場では価格の安い屋台が人気だった。",
    "山道では落石への警戒を呼びかける看板が立っている。",
    "その店は常連の顧客に手作りの菓子を配った。",
]
NEUTRAL = [
    "今日は晴れて、公園には多くの家族が訪れた。",
    "川沿いの桜が見頃を迎えている。",
    "週末には近くの町で音楽会が開かれる。",
]


def article_text(rng: random.Random) -> tuple[str, list[tuple[str, int, int]]]:
    """A text of true passages, distractors and neutral sentences, and its true passages as
    (label, start, end)."""
    parts = [(label, s) for label, s in rng.sample(TRUE, 3)]
    parts += [(None, s) for s in rng.sample(DISTRACTORS, 3) + rng.sample(NEUTRAL, 2)]
    rng.shuffle(parts)
    text, passages = "", []
    for label, sentence in parts:
        if label is not None:
            passages.append((label, len(text), len(text) + len(sentence)))
        text += sentence
    return text, passages


def make_template(folder: Path, n_articles: int = 8, seed: int = 1) -> tuple[Path, dict]:
    """A project of ``n_articles`` built articles (tokens and cues cached) and their true
    passages by article id."""
    rng = random.Random(seed)
    built = [article_text(rng) for _ in range(n_articles)]
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"c{k}", "title": f"c{k}", "text": text},
                                           ensure_ascii=False)
                                for k, (text, _) in enumerate(built)), "utf-8")
    path = folder / "template.annot"
    with Project.create(path) as project:
        import_paths(project, [source], processes=1)
        truth = {}
        for article_id, (_, passages) in zip(project.articles.ids(), built):
            tokens_and_cues(project, project.articles.get(article_id))  # cache the cues
            truth[article_id] = passages
    return path, truth


def simulate(template: Path, truth: dict, path: Path, seed: int, follow: bool,
             gold: bool = False) -> Path:
    """A copy of the template coded by simulated coders in the per-article design: with
    ``follow``, a coder who sees the underlines marks the cue words (and only some true
    passages), and without them reads (marks the true passages); otherwise every coder reads
    in both conditions. Reading misses a passage now and then, so coders disagree a little."""
    shutil.copyfile(template, path)
    rng = random.Random(seed)
    with Project.open(path) as project:
        ids = project.articles.ids()
        hidden = cue_free_articles(CUES_PER_ARTICLE, CODERS, ids, {c: ids for c in CODERS}, rng)
        with project.transaction():
            for coder in CODERS:
                project.cue_conditions.record(coder, [(a, a not in hidden[coder]) for a in ids])
                for article_id in ids:
                    shown = article_id not in hidden[coder]
                    article = project.articles.get(article_id)
                    if follow and shown:
                        _, cues = tokens_and_cues(project, article)
                        for cue in cues:
                            if rng.random() < 0.9:
                                project.annotations.add(article_id, coder, cue.label,
                                                        cue.start, cue.end)
                        keep = 0.4
                    else:
                        keep = 0.85
                    for label, start, end in truth[article_id]:
                        if rng.random() < keep:
                            project.annotations.add(article_id, coder, label, start, end)
                    project.statuses.set(article_id, coder, "done")
            if gold:
                for article_id in ids:
                    for label, start, end in truth[article_id]:
                        project.gold.add(article_id, label, start, end, decided_by="lead")
                    project.gold.set_status(article_id, "done")
    return path
