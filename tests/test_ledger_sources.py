"""Every ledger figure cites its primary publication first; copies it was read from appear only as "read via"."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from factcheck.ledger.model import SourceKind

# Hosts that only ever hold copies of other publications (mirrors, transcriptions, syndication).
COPY_HOSTS = {"docslib.org", "lawsdocbox.com", "db0nus869y26v.cloudfront.net", "talk.dob.jp", "ktyuxcsxc.shop",
              "wikimili.com", "encyclopedia.datana.cloud", "ca.news.yahoo.com", "kensingtonview.com", "github.com"}
LONDON = [f"london-mayor-{y}" for y in (2000, 2004, 2008, 2012, 2016, 2021, 2024)]


@pytest.mark.parametrize("election", LONDON + ["uk-general-2017", "uk-general-2019", "uk-general-2024"])
def test_each_figure_cites_a_primary_publication_first(index, election):
    for fact in index.standard_facts(election):
        first = index.source(election, fact.sources[0])
        assert first.kind in (SourceKind.OFFICIAL, SourceKind.OFFICIAL_REPORT), (fact.kind, fact.subject, fact.sources)


@pytest.mark.parametrize("election", LONDON + ["uk-general-2024"])
def test_copies_are_never_the_source_itself_only_read_via(index, election):
    for sid, source in index.elections[election].sources.items():
        if source.url:
            assert urlparse(source.url).hostname not in COPY_HOSTS, (sid, source.url)


def test_unseen_primaries_say_so_and_copies_read_as_read_via(index):
    declaration_2000 = index.source("london-mayor-2000", "glro-2000")
    assert not declaration_2000.seen and "not seen" in declaration_2000.label()
    declaration_2021 = index.source("london-mayor-2021", "london-elects-2021")
    assert declaration_2021.seen and declaration_2021.label().endswith("(read via PDF copy in "
                                                                        "mattkerlogue/londonelect2021 (pdfs/Mayoral_Final_"
                                                                        "Results_2021.pdf); docslib transcription)")
    briefing = index.source("london-mayor-2021", "commons-library-cbp-9231")
    assert briefing.url.startswith("https://commonslibrary.parliament.uk/") and "read via docslib copy" in briefing.citation()
    commons = next(iter(index.elections["uk-general-2024"].sources.values()))
    assert commons.publisher == "House of Commons Library" and "psephology" in commons.via[0].url
