"""A synthetic corpus of result articles, generated from the ledger in varied house styles.

Each article mixes result sentences (real figures, a few deliberately altered) with the campaign prose,
quotes and context that make up most of a news report, so speed is measured on text shaped like the
real thing. Deterministic for a given seed.

Usage: python benchmarks/corpus.py N DIR [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.kinds import Round  # noqa: E402
from factcheck.ledger import load_index  # noqa: E402

PROSE = [
    "The count ran late into the evening as boxes from outer boroughs were verified.",
    "Campaign teams gathered in the hall long before the declaration was due.",
    "Housing, transport and crime dominated a campaign that rarely caught fire.",
    "Supporters waved placards as the returning officer stepped up to the microphone.",
    "Party strategists said the result would be picked over for weeks.",
    "Several candidates used their speeches to thank volunteers and staff.",
    "Turnout in the inner boroughs was said to be noticeably higher than in the suburbs.",
    "The new term begins on Monday, when the mayor returns to the office on the river.",
    "Opponents promised to scrutinise every decision at the Assembly.",
    "Commentators had expected a closer contest after a bruising final week.",
    "Counting staff worked in shifts across several centres around the capital.",
    "The result was greeted with cheers from one side of the room and silence from the other.",
    "Questions about fares, policing and the cost of living will follow the winner into office.",
    "Some independents ran campaigns built almost entirely on social media.",
    "Officials apologised for a delay caused by a recount request that was later withdrawn.",
    "Business groups said they looked forward to working with City Hall on skills and investment.",
    "The campaign had been fought largely on doorsteps and in local radio studios.",
    "Several smaller parties said they would stand again next time.",
]
QUOTES = [
    "\u201cThis is a mandate for change,\u201d {winner} told supporters.",
    "\u201cWe listened to Londoners and Londoners listened to us,\u201d said {winner}.",
    "\u201cI congratulate {winner} and will hold the mayor to account,\u201d {runner} said.",
    "\u201cIt has been a long night, but a good one,\u201d a spokesman for {winner} said.",
    "{runner} said the result showed the party still had work to do in the capital.",
]
FIGURES = {
    "votes": ["{name} won {votes} votes{round_words}.", "{name} polled {votes}{round_words}.",
              "{name} ({party}) {votes}", "{name} finished with {votes} votes{round_words}."],
    "share": ["{name} took {share} of the vote{round_words}.", "{name} won {share}{round_words}.",
              "That gave {name} {share} of first preferences."],
    "margin": ["{winner} won by {margin} votes{round_words}.", "The winning margin was {margin}.",
               "{winner}'s majority was {margin}."],
    "rank": ["{name} came {ordinal}.", "{name} finished {ordinal} with {votes} votes."],
    "turnout": ["Turnout was {turnout}.", "Turnout stood at {turnout}, officials said."],
    "count": ["{count} candidates stood.", "There were {count} candidates on the ballot."],
}
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
PERCENT_STYLES = [lambda x, d: f"{x:.{d}f} per cent", lambda x, d: f"{x:.{d}f}%", lambda x, d: f"{x:.{d}f}pc",
                  lambda x, d: f"{x:.{d}f} percent"]


def generate(n: int, seed: int = 0) -> list[str]:
    index = load_index()
    rng = random.Random(seed)
    return [_article(index, rng) for _ in range(n)]


def _article(index, rng: random.Random) -> str:
    # Single-contest elections (the mayoralties): a general election's results live in its contests.
    eid = rng.choice([e for e in index.order if len(index.facts(e).order(Round.FIRST)) >= 2])
    facts = index.facts(eid)
    order = facts.order(Round.FIRST)
    winner, runner = facts.name(order[0]), facts.name(order[1])
    paragraphs = [f"{winner} elected Mayor of London" if rng.random() < 0.5 else f"{facts.surname(order[0])} wins City Hall"]
    sentences: list[str] = []
    for _ in range(rng.randint(6, 12)):
        sentences.append(_figure(facts, order, rng))
    for _ in range(rng.randint(25, 45)):
        sentences.append(rng.choice(PROSE) if rng.random() < 0.8 else
                         rng.choice(QUOTES).format(winner=winner, runner=runner))
    rng.shuffle(sentences)
    while sentences:
        k = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[:k]))
        sentences = sentences[k:]
    paragraphs.append(f"The {facts.election.date.year} election was held on {facts.election.date:%-d %B %Y}.")
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _figure(facts, order: list[str], rng: random.Random) -> str:
    kind = rng.choice(list(FIGURES))
    template = rng.choice(FIGURES[kind])
    position = rng.randrange(min(6, len(order)))
    person = order[position]
    round_ = Round.FINAL if facts.is_runoff and position < 2 and rng.random() < 0.4 else Round.FIRST
    round_words = (" after second preferences" if round_ is Round.FINAL else
                   rng.choice(["", " on first preferences", " in the first round"]))
    votes = facts.votes(person, round_)
    share = facts.share(person, round_)
    margin = facts.margin_votes(Round.FINAL if facts.is_runoff else Round.FIRST)
    turnout = facts.turnout()
    error = rng.random() < 0.1  # some articles carry mistakes, as drafts do
    values = {
        "name": facts.name(person), "party": facts.registry.parties[facts.party_of(person)].name,
        "winner": facts.name(order[0]), "round_words": round_words,
        "votes": f"{int(votes.value) + (rng.choice([-1, 1]) * 3000 if error else 0):,}" if votes else "1,000",
        "share": rng.choice(PERCENT_STYLES)((share.value + (3 if error else 0)) if share else 1.0, rng.choice([0, 1, 2])),
        "margin": f"{int(margin.value):,}" if margin else "0", "ordinal": ORDINALS[position],
        "turnout": rng.choice(PERCENT_STYLES)(turnout.value if turnout else 40.0, 1),
        "count": str(len(order)),
    }
    return template.format(**values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(generate(args.n, args.seed)):
        (args.folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
