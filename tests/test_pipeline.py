"""The spaCy pipeline and its components, on hand-built docs, with no trained model."""

from __future__ import annotations

from factcheck.nlp.mentions import EntityKind
from factcheck.nlp.pipeline import build_pipeline, to_mentions


def names(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    nlp = build_pipeline()
    finder = nlp.get_pipe("factcheck_names")
    return [(m.text, m.kind.value, m.ids) for m in finder.match(nlp.make_doc(text))]


def test_pipeline_is_blank_english_with_our_components_and_built_once():
    nlp = build_pipeline()
    assert nlp is build_pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["factcheck_sentences", "factcheck_numbers", "factcheck_names"]
    assert not nlp.meta.get("vectors", {}).get("width")


def test_ledger_aliases_name_people_parties_and_constituencies():
    found = names("Steve Norris, Siân Berry and Count Binface; the Tories and the Lib Dems; Barnet and Camden.")
    assert ("Steve Norris", "person", ("steven-norris",)) in found
    assert ("Siân Berry", "person", ("sian-berry",)) in found
    assert ("Count Binface", "person", ("count-binface",)) in found
    assert ("Tories", "party", ("conservative",)) in found
    assert ("Lib Dems", "party", ("liberal-democrats",)) in found
    assert ("Barnet and Camden", "constituency", ("barnet-and-camden",)) in found


def test_bare_surname_can_mean_several_people_until_the_election_decides():
    [(text, kind, ids)] = names("Johnson spoke.")
    assert {"darren-johnson", "boris-johnson"} <= set(ids)  # and every general election candidate Johnson


def test_city_hall_is_not_susan_hall():
    assert names("She returned to City Hall.") == []
    assert names("Ms Hall returned.")[0][2] == ("susan-hall",)


def test_another_first_name_blocks_a_bare_surname():
    assert names("Mary Corbyn and Gordon Brown watched.") == []  # "Gordon" is a seat, but not before "Brown"
    assert names("Piers Corbyn watched.")[0][2] == ("piers-corbyn",)


def test_party_codes_count_only_in_brackets():
    assert ("C", "party", ("conservative",)) in names("Shaun Bailey (C) 893,051")
    assert not [n for n in names("Plan C was dropped") if n[1] == "party"]


def test_misspelt_surname_is_matched_by_similarity():
    nlp = build_pipeline()
    found = nlp.get_pipe("factcheck_names").match(nlp.make_doc("Voters backed Mr Livingston and Ms Porrit."))
    assert [(m.text, m.ids, m.fuzzy) for m in found] == [("Livingston", ("ken-livingstone",), True),
                                                        ("Porrit", ("luisa-porritt",), True)]


def test_table_rows_are_separate_sentences_but_wrapped_prose_is_not():
    nlp = build_pipeline()
    table = "First round\nSadiq Khan (Lab) 1,013,721\nShaun Bailey (C) 893,051"
    assert len(list(nlp(table).sents)) == 3
    line = "Labour's candidate held on in a count that went on late into the night in the capital, "
    wrapped = "\n".join([line + "and the result", "was declared at last by the returning officer after much delay and",
                         "argument between the parties and their agents about the boxes that had gone missing."] * 3)
    sentences = list(nlp(wrapped).sents)
    assert all("\n" not in s.text.strip() or s.text.count("\n") >= 1 for s in sentences)
    assert len(sentences) < 9


def test_mentions_are_plain_offsets_into_the_text():
    nlp = build_pipeline()
    text = "Khan won 1,206,034 votes."
    m = to_mentions(nlp(text))
    [number] = m.numbers
    assert text[number.start:number.end] == "1,206,034"
    [entity] = m.entities
    assert (entity.kind, text[entity.start:entity.end]) == (EntityKind.PERSON, "Khan")
    assert m.sentences[0].start == 0
