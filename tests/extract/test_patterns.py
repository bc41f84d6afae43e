"""Each relation-pattern family on invented sentences: the right predicate, direction and character,
and nothing spurious where it matters (quotes, photo credits, people in other roles).

All people and titles here are made up; none come from the shared evaluation texts.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from kg.corpus import article_from_text
from kg.model import ArticleExtraction
from kg.pipeline import extract_articles
from kg.textnorm import fold


@pytest.fixture(scope="module")
def extract(nlp):
    """Extract one article from a string (the session's pipeline is already loaded)."""
    def run(text: str, article_id: str = "t") -> ArticleExtraction:
        [extraction] = list(extract_articles([article_from_text(text, article_id)]))
        return extraction
    return run


def facts(ex: ArticleExtraction) -> set[tuple[str, str, str, str | None]]:
    return {f.key for f in ex.facts}


def triples(ex: ArticleExtraction) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in ex.facts}


def entity_type(ex: ArticleExtraction, label: str) -> str | None:
    ent = ex.entity(label)
    return ent.type if ent else None


def involving(ex: ArticleExtraction, label: str) -> list[tuple]:
    return [f.key for f in ex.facts if label in (f.subject, f.object, f.character)]


# -- prior credits in parentheses ---------------------------------------------------------------

def test_prior_credits_in_parentheses_are_person_credits(extract):
    ex = extract("Mara Quillfeather (Tin Lanterns, Ravenhollow) stars in Gullwing Bay.")
    got = triples(ex)
    assert ("Mara Quillfeather", "credit", "Tin Lanterns") in got
    assert ("Mara Quillfeather", "credit", "Ravenhollow") in got
    assert ("Gullwing Bay", "cast_member", "Mara Quillfeather") in got
    # direction: a credit runs Person -> Work, and the prior works are not where she stars now
    assert ("Tin Lanterns", "cast_member", "Mara Quillfeather") not in got
    assert ("Ravenhollow", "cast_member", "Mara Quillfeather") not in got
    assert not any(p == "credit" and s != "Mara Quillfeather" for s, p, o in got)
    assert entity_type(ex, "Mara Quillfeather") == "Person"
    assert entity_type(ex, "Tin Lanterns") == entity_type(ex, "Ravenhollow") == "Work"
    for f in ex.facts:
        assert f.provenance.sentence == "Mara Quillfeather (Tin Lanterns, Ravenhollow) stars in Gullwing Bay."


def test_stars_in_the_new_series_w_goes_to_w_not_to_a_prior_credit(extract):
    ex = extract("Mara Quillfeather (Tin Lanterns, Ravenhollow) stars in the new series Gullwing Bay.")
    got = triples(ex)
    assert ("Mara Quillfeather", "credit", "Tin Lanterns") in got
    assert ("Gullwing Bay", "cast_member", "Mara Quillfeather") in got
    assert ("Tin Lanterns", "cast_member", "Mara Quillfeather") not in got


# -- characters ---------------------------------------------------------------------------------

def test_x_plays_y_in_w_gives_cast_member_with_character(extract):
    ex = extract("Oskar Brandvold plays Bellamy in The Copper Tide.")
    assert facts(ex) == {("The Copper Tide", "cast_member", "Oskar Brandvold", "Bellamy")}
    assert entity_type(ex, "Bellamy") == "Character"
    assert entity_type(ex, "Oskar Brandvold") == "Person"
    assert entity_type(ex, "The Copper Tide") == "Work"


def test_plays_in_a_later_sentence_uses_the_work_named_earlier(extract):
    ex = extract("Saltwick Abbey is a new drama series from Netflix.\n\n"
                 "Oskar Brandvold plays Bellamy in Saltwick Abbey.")
    assert ("Saltwick Abbey", "cast_member", "Oskar Brandvold", "Bellamy") in facts(ex)
    assert involving(ex, "Bellamy") == [("Saltwick Abbey", "cast_member", "Oskar Brandvold", "Bellamy")]


def test_x_plays_a_two_word_character(extract):
    ex = extract("Oskar Brandvold plays Wendeline Thorpe in The Copper Tide.")
    assert ("The Copper Tide", "cast_member", "Oskar Brandvold", "Wendeline Thorpe") in facts(ex)
    assert entity_type(ex, "Wendeline Thorpe") == "Character"


def test_x_plays_y_in_a_title_that_looks_like_a_name(extract):
    ex = extract("Oskar Brandvold plays Bellamy in Saltwick Abbey.")
    assert ("Saltwick Abbey", "cast_member", "Oskar Brandvold", "Bellamy") in facts(ex)


def test_caption_character_then_actor_in_parentheses(extract):
    ex = extract("Saltwick Abbey is a new drama series.\n\n"
                 "Bellamy (Oskar Brandvold) and Marguerite (Hattie Vornholt) in Saltwick Abbey\n\n"
                 "The series arrives in June.")
    got = facts(ex)
    assert ("Saltwick Abbey", "cast_member", "Oskar Brandvold", "Bellamy") in got
    assert ("Saltwick Abbey", "cast_member", "Hattie Vornholt", "Marguerite") in got
    assert entity_type(ex, "Bellamy") == entity_type(ex, "Marguerite") == "Character"
    # the parenthesis is a character caption, not a prior credit of the character
    assert not [f for f in ex.facts if f.predicate == "credit"]
    assert not [f for f in ex.facts if f.object in ("Bellamy", "Marguerite")]
    # and the pairs are not crossed
    assert ("Saltwick Abbey", "cast_member", "Oskar Brandvold", "Marguerite") not in got
    assert ("Saltwick Abbey", "cast_member", "Hattie Vornholt", "Bellamy") not in got


# -- cast lists ---------------------------------------------------------------------------------

def test_starring_a_b_and_c(extract):
    ex = extract("The new comedy Pebblebrook Lane, starring Hattie Vornholt, Rufus Delacorte and "
                 "Imogen Strayhorn, arrives in June.")
    assert triples(ex) == {("Pebblebrook Lane", "cast_member", "Hattie Vornholt"),
                           ("Pebblebrook Lane", "cast_member", "Rufus Delacorte"),
                           ("Pebblebrook Lane", "cast_member", "Imogen Strayhorn")}
    for name in ("Hattie Vornholt", "Rufus Delacorte", "Imogen Strayhorn"):
        assert entity_type(ex, name) == "Person"


# -- creators, directors, writers, producers ----------------------------------------------------

def test_created_by(extract):
    ex = extract("The thriller Cinder Ward was created by Tobiah Marchetti.")
    assert triples(ex) == {("Cinder Ward", "creator", "Tobiah Marchetti")}


def test_directed_written_and_executive_produced_by(extract):
    ex = extract("The film Lantern Street was directed by Priya Ostrander and written by Calum Whitlock. "
                 "It was executive produced by Delphine Argyle.")
    assert triples(ex) == {("Lantern Street", "director", "Priya Ostrander"),
                           ("Lantern Street", "writer", "Calum Whitlock"),
                           ("Lantern Street", "producer", "Delphine Argyle")}


def test_created_by_then_stars_keeps_the_roles_apart(extract):
    ex = extract("Netflix's new drama, Gullwing Bay, follows a lighthouse keeper on a remote island.\n\n"
                 "Gullwing Bay was created by Tobiah Marchetti and stars Hattie Vornholt and Rufus Delacorte.")
    got = triples(ex)
    assert ("Gullwing Bay", "creator", "Tobiah Marchetti") in got
    assert ("Gullwing Bay", "cast_member", "Hattie Vornholt") in got
    assert ("Gullwing Bay", "cast_member", "Rufus Delacorte") in got
    assert ("Gullwing Bay", "cast_member", "Tobiah Marchetti") not in got
    assert ("Gullwing Bay", "creator", "Hattie Vornholt") not in got
    assert ("Gullwing Bay", "creator", "Rufus Delacorte") not in got


# -- networks -----------------------------------------------------------------------------------

def test_network_possessive_new_drama(extract):
    ex = extract("Netflix's new drama, Gullwing Bay, follows a lighthouse keeper.")
    assert triples(ex) == {("Gullwing Bay", "network", "Netflix")}
    netflix = ex.entity("Netflix")
    assert netflix is not None and netflix.type == "Organization" and netflix.subtype == "Network"
    assert entity_type(ex, "Gullwing Bay") == "Work"


@pytest.mark.parametrize("text", [
    "Gullwing Bay premieres on Netflix in May.",
    "The comedy Gullwing Bay follows a lighthouse keeper.\n\nGullwing Bay premieres on Netflix in May.",
])
def test_premieres_on_network(extract, text):
    ex = extract(text)
    assert triples(ex) == {("Gullwing Bay", "network", "Netflix")}


# -- where no fact may come from ----------------------------------------------------------------

INTRO = "The drama Gullwing Bay follows a lighthouse keeper.\n\n"


def test_fan_quote_states_no_fact(extract):
    stated = "Mara Quillfeather plays Bellamy in Gullwing Bay and she is wonderful."
    # Control: the same words outside quotes do state a fact, so the quote is what blocks it.
    assert ("Gullwing Bay", "cast_member", "Mara Quillfeather", "Bellamy") in facts(extract(INTRO + stated))
    quoted = extract(INTRO + f'One viewer wrote: "{stated[:-1]}, I love it."')
    assert quoted.facts == []


def test_fan_quote_naming_a_network_and_cast_states_no_fact(extract):
    ex = extract(INTRO + 'A fan posted: "Gullwing Bay is the best show on HBO and it stars Rufus Delacorte, honestly!"')
    assert ex.facts == []


def test_a_long_quoted_title_is_a_title_not_speech(extract):
    ex = extract('"Down the Long Road to Saltmarsh Hill" was written by Idris Vane and produced by Ola Brandt.')
    assert {("Down the Long Road to Saltmarsh Hill", "writer", "Idris Vane"),
            ("Down the Long Road to Saltmarsh Hill", "producer", "Ola Brandt")} <= triples(ex)
    # A title quoted with its comma or full stop inside the quotes is a title too.
    comma = extract('Hulu has ordered Mile End. Its first episode, "The Long Night Shift," was directed by Tomas Brek.')
    assert ("The Long Night Shift", "director", "Tomas Brek") in triples(comma)
    episode = extract('"Friends of Jo D." is the fourth episode of the drama series Saltgrass. The episode was '
                      'written by Ida Marr.')
    assert ("Friends of Jo D.", "writer", "Ida Marr") in triples(episode)
    # Control: words of the same length that read as speech still state nothing.
    said = extract(INTRO + 'Ola Brandt said: "Idris Vane wrote every scene of Gullwing Bay for us"')
    assert said.facts == []


@pytest.mark.parametrize("text", [
    "© Courtesy of Jane Doe for HBO Mara Quillfeather on the set of Gullwing Bay\n\n"
    "The series premieres on Peacock in May.",
    "© Courtesy of Jane Doe for HBO Mara Quillfeather plays Bellamy in Gullwing Bay\n\n"
    "The series premieres on Peacock in May.",
    "© Courtesy of Jane Doe for HBO\n\nThe series premieres on Peacock in May.",
    "Gullwing Bay premieres on Peacock in May. © Courtesy of Jane Doe for HBO",
], ids=["caption", "caption-plays", "own-line", "end-of-paragraph"])
def test_photo_credit_states_nothing_about_its_network(extract, text):
    ex = extract(INTRO + text)
    got = triples(ex)
    assert ("Gullwing Bay", "network", "Peacock") in got
    for name in ("HBO", "Jane Doe", "Courtesy"):
        assert not [f.key for f in ex.facts if name in (f.subject, f.object, f.character)], (name, got)


def test_photo_credit_cue_is_not_an_entity(extract):
    ex = extract(INTRO + "© Courtesy of Jane Doe for HBO Mara Quillfeather on the set of Gullwing Bay\n\n"
                 "The series premieres on Peacock in May.")
    assert ex.entity("Courtesy") is None


@pytest.mark.xfail(strict=True, reason=(
    "a caption right after a photo credit loses its person: 'HBO Mara Quillfeather' now splits "
    "into the network and the name, but the NER gives the name no label and 'on the set of W' is "
    "no person cue, so it has no type and is left out"))
def test_caption_after_photo_credit_keeps_its_person(extract):
    ex = extract(INTRO + "© Courtesy of Jane Doe for HBO Mara Quillfeather on the set of Gullwing Bay\n\n"
                 "The series premieres on Peacock in May.")
    assert entity_type(ex, "Mara Quillfeather") == "Person"
    assert not [e for e in ex.entities if "HBO" in e.label and e.label != "HBO"]


# -- merging spellings --------------------------------------------------------------------------

def test_hashtag_and_plain_title_are_one_entity(extract):
    ex = extract("#GullwingBay fans rejoice. The drama Gullwing Bay returns. Fans of Gullwing Bay cheered.")
    works = [e for e in ex.entities if e.type == "Work"]
    assert [e.label for e in works] == ["Gullwing Bay"]
    assert "GullwingBay" in works[0].aliases


def test_accented_unaccented_and_hashtag_title_are_one_entity(extract):
    ex = extract("The drama Pénombre follows a lighthouse keeper. Penombre stars Mara Quillfeather. "
                 "Fans posted #Pénombre and #Penombre all night.")
    works = [e for e in ex.entities if fold(e.label) == "penombre" or any(fold(a) == "penombre" for a in e.aliases)]
    assert len(works) == 1, [e.to_json() for e in ex.entities]
    assert works[0].type == "Work"
    assert works[0].label == "Pénombre"  # the accented spelling is the label
    # the fact read from the unaccented sentence lands on the one entity
    assert ("Pénombre", "cast_member", "Mara Quillfeather") in triples(ex)


def test_first_name_and_surname_alone_merge_into_the_person(extract):
    ex = extract("The drama Gullwing Bay was created by Tobiah Marchetti. Tobiah said the show took years. "
                 "Marchetti also directed the pilot.")
    people = [e for e in ex.entities if e.type == "Person"]
    assert [p.label for p in people] == ["Tobiah Marchetti"]
    assert {"Tobiah", "Marchetti"} <= set(people[0].aliases)
    assert ex.entity("Tobiah") is None and ex.entity("Marchetti") is None
    assert ("Gullwing Bay", "creator", "Tobiah Marchetti") in triples(ex)


def test_ambiguous_first_name_is_not_merged_into_either_person(extract):
    ex = extract("Hattie Vornholt and Hattie Lindqvist star in the drama Gullwing Bay. Hattie said she loved the role.")
    for label in ("Hattie Vornholt", "Hattie Lindqvist"):
        ent = ex.entity(label)
        assert ent is not None and "Hattie" not in ent.aliases
    assert ("Gullwing Bay", "cast_member", "Hattie Vornholt") in triples(ex)
    assert ("Gullwing Bay", "cast_member", "Hattie Lindqvist") in triples(ex)


# -- the headline ------------------------------------------------------------------------------

def test_a_title_quoted_in_the_headline_is_the_work_the_article_is_about(extract):
    # Without the headline the tagger reads the one-word title as a person and the cast has no work.
    ex = extract("'Marrowgate' Returns for a Third Season\n\n"
                 "Marrowgate is back. Fans cheered when Tamsin Oduya signed on to return as Wren.")
    assert ex.article.title == "'Marrowgate' Returns for a Third Season"
    assert entity_type(ex, "Marrowgate") == "Work"
    assert ("Marrowgate", "cast_member", "Tamsin Oduya", "Wren") in facts(ex)


def test_company_names_and_banners_are_production_companies(extract):
    ex = extract("Harbor Lights is a new drama series. Sela Marwick will executive produce through her "
                 "Tidewater Pictures banner, and Greyfield Productions is also producing.")
    got = facts(ex)
    assert ("Harbor Lights", "producer", "Sela Marwick", None) in got
    assert ("Harbor Lights", "production_company", "Tidewater Pictures", None) in got
    assert entity_type(ex, "Greyfield Productions") == "Organization"
    assert not [f for f in ex.facts if f.object == "Greyfield Productions" and f.predicate == "producer"]


def test_festival_premiere_is_not_a_network(extract):
    ex = extract("The documentary Saltgrass premiered at Telluride and was later acquired by Hulu.")
    got = facts(ex)
    assert ("Saltgrass", "network", "Hulu", None) in got
    assert not [f for f in ex.facts if f.object == "Telluride"]


def test_studio_roles_banners_and_co_producers(extract):
    ex = extract("Peacock has ordered the drama Tidewater. Calder Films is the studio. Ines Brandt will "
                 "executive produce alongside Rowan Pike and Odile Marsh, and the series is made in "
                 "association with Northlight Productions.")
    got = facts(ex)
    assert ("Tidewater", "network", "Peacock", None) in got
    assert ("Tidewater", "production_company", "Calder Films", None) in got
    assert ("Tidewater", "production_company", "Northlight Productions", None) in got
    for person in ("Ines Brandt", "Rowan Pike", "Odile Marsh"):
        assert ("Tidewater", "producer", person, None) in got


def test_hyphenated_co_star_closes_a_cast_list(extract):
    ex = extract("Tidewater premieres on Peacock. Ines Brandt, Rowan Pike and Odile Marsh co-star.")
    assert {f.object for f in ex.facts if f.predicate == "cast_member"} == {"Ines Brandt", "Rowan Pike", "Odile Marsh"}


# -- patterns of trade prose added for news the extractor has never seen ---------------------------
@dataclass(frozen=True)
class Prose:
    """A case of trade prose: the facts it must give (a 4-tuple names the character too), the
    facts it must not give, and a test that no fact may pass."""

    text: str
    expected: set = field(default_factory=set)
    absent: set = field(default_factory=set)
    forbidden: Callable[[tuple], bool] | None = None


PROSE = {
    "credit block of a review": Prose(
        "'The Quiet Weir' Review: A Dam, a Village and a Long Goodbye\n\nThe Quiet Weir, the second feature "
        "of its director, opens Friday.\n\nDirector: Hanne Lindqvist\nProducers: Omar Vell, Ruth Abara\n"
        "Production: Fjordlight Pictures\nWith: Tomas Brek, Julia Menz",
        {("The Quiet Weir", "director", "Hanne Lindqvist"), ("The Quiet Weir", "producer", "Omar Vell"),
         ("The Quiet Weir", "producer", "Ruth Abara"), ("The Quiet Weir", "cast_member", "Tomas Brek"),
         ("The Quiet Weir", "cast_member", "Julia Menz"),
         ("The Quiet Weir", "production_company", "Fjordlight Pictures")}),
    "prior credits after 'best known for'": Prose(
        "Netflix has ordered Saltgrass. Lena Okafor, best known for Copper Bay and Night Ferry, will star.",
        {("Lena Okafor", "credit", "Copper Bay"), ("Lena Okafor", "credit", "Night Ferry")}),
    "a veteran of two shows, then the pronoun": Prose(
        "Netflix has ordered Saltgrass. A veteran of NBC's Crosstown and Hulu's Mile End, Tom Brandt will "
        "direct the pilot.",
        {("Tom Brandt", "credit", "Crosstown"), ("Tom Brandt", "credit", "Mile End"),
         ("Saltgrass", "director", "Tom Brandt")}),
    "as will A and B": Prose(
        "Peacock has renewed Long Field. Henrik Dahl will be back for the new season, as will Mei Harrow "
        "and Guy Ibarra.",
        {("Long Field", "cast_member", "Henrik Dahl"), ("Long Field", "cast_member", "Mei Harrow"),
         ("Long Field", "cast_member", "Guy Ibarra")}),
    "leads and executive producers include": Prose(
        "Netflix has ordered Saltgrass. She joins previously announced leads Henrik Dahl and Priya Cole. "
        "Executive producers include Mara Quill and Teodor Lind.",
        {("Saltgrass", "cast_member", "Henrik Dahl"), ("Saltgrass", "cast_member", "Priya Cole"),
         ("Saltgrass", "producer", "Mara Quill"), ("Saltgrass", "producer", "Teodor Lind")}),
    "a show's name before a person's": Prose(
        "Copper Bay star Lena Okafor has joined the cast of the BBC drama Night Ferry.",
        {("Lena Okafor", "credit", "Copper Bay"), ("Night Ferry", "cast_member", "Lena Okafor")}),
    "a person's verb reaches every work of a long list": Prose(
        "Tobin Achterberg is a Dutch actor. He has also appeared in Brine Harbour (2008), Lamplight (2009), "
        "Glass Orchard (uncredited) and played the ferryman in Wick Hollow.",
        {("Brine Harbour", "cast_member", "Tobin Achterberg"), ("Lamplight", "cast_member", "Tobin Achterberg"),
         ("Glass Orchard", "cast_member", "Tobin Achterberg"), ("Wick Hollow", "cast_member", "Tobin Achterberg")}),
    "a gerund's works belong to the sentence's subject": Prose(
        "Odile Varenne is a French filmmaker. Varenne won acclaim for directing Salt Meadow (2001), "
        "Paper Kites (2004) and The Lantern Keeper (2009).",
        {("Salt Meadow", "director", "Odile Varenne"), ("Paper Kites", "director", "Odile Varenne"),
         ("The Lantern Keeper", "director", "Odile Varenne")}),
    "roles in films including a list": Prose(
        "Ruben Castellano is an American actor. He has had roles in films including Dust Road, Copper Mile "
        "and Night Orchard.",
        {("Dust Road", "cast_member", "Ruben Castellano"), ("Copper Mile", "cast_member", "Ruben Castellano"),
         ("Night Orchard", "cast_member", "Ruben Castellano")}),
    "a network before a genre noun, and 'aired on <date> on N'": Prose(
        "Halden Marsh is an actor known for his role as Eli Crane in the NBC legal drama Courtside. "
        "Courtside first aired on March 3, 2019 on NBC.",
        {("Courtside", "network", "NBC"), ("Courtside", "cast_member", "Halden Marsh")}),
    "hosts, voices and a company banner": Prose(
        "Night Desk is a talk show. It is hosted by comedian Priya Lanning and actress Moira Tench. "
        "Skyward is an animated film. It features the voices of Ansel Dray and Kit Moravec. "
        "It was made under the banner of Fenwick Pictures.",
        {("Night Desk", "cast_member", "Priya Lanning"), ("Night Desk", "cast_member", "Moira Tench"),
         ("Skyward", "cast_member", "Ansel Dray"), ("Skyward", "cast_member", "Kit Moravec"),
         ("Skyward", "production_company", "Fenwick Pictures")}),
    "the author of the book a film is based on is its writer": Prose(
        "Cold Harbour Lights is a 1971 drama film based on Irma Kessel's 1950 novel of the same name and "
        "directed by Tomas Wenger. Saltgrass is a drama based on the bestselling novel by Jo Verity.",
        {("Cold Harbour Lights", "writer", "Irma Kessel"), ("Cold Harbour Lights", "director", "Tomas Wenger"),
         ("Saltgrass", "writer", "Jo Verity")}),
    "a person's film named with words between": Prose(
        "The song was used in Dario Velt's controversial film Red Orchard, during the chase.",
        {("Dario Velt", "credit", "Red Orchard")}),
    "released on a date by a studio; written by and starring": Prose(
        "Glass Tide is a 1970 drama written by and starring Hollis Brandt. The film was released on "
        "February 27, 1970, by Paramount Pictures.",
        {("Glass Tide", "writer", "Hollis Brandt"), ("Glass Tide", "cast_member", "Hollis Brandt"),
         ("Glass Tide", "production_company", "Paramount Pictures")}),
    "'also known as' is not part of the title": Prose(
        "Sea Glass, also known as, is a 1993 television film directed by Tomo Achida.",
        {("Sea Glass", "director", "Tomo Achida")}),
    "a title's first word before a name the NER finds, and a sequel's number": Prose(
        "Tessa Quarrington is an American actress. She has had roles in films including Copper Mile, "
        "Natural Wild Orchards, Glassjaw 2 and Night Ferry.",
        {("Natural Wild Orchards", "cast_member", "Tessa Quarrington"),
         ("Glassjaw 2", "cast_member", "Tessa Quarrington")}),
    "a nationality is not one of a person's roles": Prose(
        "Milo Quartermain is an American actor, writer and director. He wrote Stillwater Bay.",
        {("Stillwater Bay", "writer", "Milo Quartermain")},
        forbidden=lambda f: "American" in f[:3]),
    "verbs that share one object, and a cast member of a revival": Prose(
        "Saltgrass is a series on Netflix. Lars Odegaard was a cast member of a 1990s revival of Harbour Lights. "
        "He also wrote and directed the film Dough Street, released in 2008.",
        {("Harbour Lights", "cast_member", "Lars Odegaard"), ("Dough Street", "writer", "Lars Odegaard"),
         ("Dough Street", "director", "Lars Odegaard")},
        forbidden=lambda f: f[0] == "Saltgrass"),  # the series the article opens with
    "a by-list with role words between the names; the defined title is the article's work": Prose(
        "The Long Nap is a 2012 animated short film based on the series Marrow Street, and the first "
        "Marrow Street film in cinemas. The picture was written by producers Ada Brook and Ivo Jenn, writers "
        "Kai Price and Lu Mendel, as well as show creator Otto Grieve. It features the voices of Bea Lund, "
        "Cal Orrin, Dee Sato and Eli Vance as well as Fay Dunn.",
        {("The Long Nap", "writer", "Ada Brook"), ("The Long Nap", "writer", "Ivo Jenn"),
         ("The Long Nap", "writer", "Kai Price"), ("The Long Nap", "writer", "Lu Mendel"),
         ("The Long Nap", "writer", "Otto Grieve"), ("The Long Nap", "cast_member", "Fay Dunn"),
         ("The Long Nap", "producer", "Ivo Jenn")},
        absent={("The Long Nap", "producer", "Kai Price")},  # a writer, named after "writers"
        forbidden=lambda f: f[1] == "cast_member" and f[2] == "Eli Vance" and bool(f[3])),
    "a birth parenthesis names places; an ensemble cast names people": Prose(
        "Ennio Valdar (born March 2, 1970, Marlow Heights, Ohio) is an American filmmaker who directed the 2012 "
        "film The Quiet Few, which featured the ensemble cast of Tamsin Rhee, Bram Holloway and Ada Kerr.",
        {("The Quiet Few", "director", "Ennio Valdar"), ("The Quiet Few", "cast_member", "Tamsin Rhee"),
         ("The Quiet Few", "cast_member", "Bram Holloway"), ("The Quiet Few", "cast_member", "Ada Kerr")},
        forbidden=lambda f: "Marlow Heights" in f[:3] or "Ohio" in f[:3]),
    "a cast list that goes on after each role": Prose(
        "Netflix has ordered Saltgrass. The drama stars Jory Madd as a coxswain with a stammer and Anna Vuko "
        "as the coach who recruits him. The cast also includes Teo Orm as the son, Lys Quay as a crooked "
        "promoter, and Mira Tove.",
        {("Saltgrass", "cast_member", "Jory Madd"), ("Saltgrass", "cast_member", "Anna Vuko"),
         ("Saltgrass", "cast_member", "Teo Orm"), ("Saltgrass", "cast_member", "Lys Quay"),
         ("Saltgrass", "cast_member", "Mira Tove")},
        forbidden=lambda f: bool(f[3])),  # "the son" is no character's name
    "a profession is not a role on the article's work; 'the Dutch actress' refers back": Prose(
        "Netflix has ordered Saltgrass. Lena Farrow-Hale, a playwright, previously wrote the Off-Broadway hit "
        "Copper Psalms. Mirthe Aalbers joins the cast. The Dutch actress is best known for the film Winter Reeds.",
        {("Copper Psalms", "writer", "Lena Farrow-Hale"), ("Mirthe Aalbers", "credit", "Winter Reeds")},
        absent={("Saltgrass", "writer", "Lena Farrow-Hale")}),
    "a title the NER calls a person is a work by what is said of it": Prose(
        "Harbour Row hails from creator Silas Ondine, who also serves as showrunner. Harbour Row is produced by "
        "Copperline Studios in association with Fieldhouse Pictures. Quiet Acres, which premiered on Hulu in "
        "2023, was renewed for a third season.",
        {("Harbour Row", "creator", "Silas Ondine"), ("Harbour Row", "production_company", "Copperline Studios"),
         ("Harbour Row", "production_company", "Fieldhouse Pictures"), ("Quiet Acres", "network", "Hulu")}),
    "the subject of 'stars' is the work, and a by-list ends before it": Prose(
        "Directed by Talia Brenn from a screenplay by Oren Vale, Quiet Acres stars Mara Ives and Jonah Pell.",
        {("Quiet Acres", "director", "Talia Brenn"), ("Quiet Acres", "writer", "Oren Vale"),
         ("Quiet Acres", "cast_member", "Mara Ives"), ("Quiet Acres", "cast_member", "Jonah Pell")},
        absent={("Mara Ives", "credit", "Quiet Acres"), ("Quiet Acres", "writer", "Quiet Acres")}),
    "two newcomers with prior credits in parentheses, and a reprised role": Prose(
        "Priya Dass (The Lantern Years) and Oren Vale (Salt Crown) have joined the cast of Harbour Row, "
        "Netflix's upcoming limited series. Mara Ives will reprise her role as Detective Rhea Cole.",
        {("Priya Dass", "credit", "The Lantern Years"), ("Oren Vale", "credit", "Salt Crown"),
         ("Harbour Row", "cast_member", "Priya Dass"), ("Harbour Row", "cast_member", "Oren Vale"),
         ("Harbour Row", "network", "Netflix"), ("Harbour Row", "cast_member", "Mara Ives"),
         ("Harbour Row", "cast_member", "Mara Ives", "Rhea Cole")}),
    "a studio lands a film; producers make it for a company; writer-director": Prose(
        "Amazon MGM Studios has landed Red Meridian, a thriller from writer-director Kofi Mensah. Ana Lutz and "
        "Pete Sorensen will produce for Bright Hour Films.",
        {("Red Meridian", "production_company", "Amazon MGM Studios"), ("Red Meridian", "director", "Kofi Mensah"),
         ("Red Meridian", "writer", "Kofi Mensah"), ("Red Meridian", "producer", "Ana Lutz"),
         ("Red Meridian", "producer", "Pete Sorensen"), ("Red Meridian", "production_company", "Bright Hour Films")},
        absent={("Ana Lutz", "producer", "Pete Sorensen")}),
    "a prior credit is not the work a later role is in": Prose(
        "Ines Marr, known for her turn in Black Wells, has signed on to star in Apple TV+'s Tin Valley. "
        "She will play Ada, a miner's daughter.",
        {("Ines Marr", "credit", "Black Wells"), ("Tin Valley", "cast_member", "Ines Marr"),
         ("Tin Valley", "network", "Apple TV+"),
         ("Tin Valley", "cast_member", "Ines Marr", "Ada")}),
    "'W, starring X as ..., premieres on N'": Prose(
        "The Orchard Keeper, starring Ben Fry as a widowed farmer, premieres Friday on Netflix. The film was "
        "written and directed by Cara Voss and produced by Lumen Pictures.",
        {("The Orchard Keeper", "cast_member", "Ben Fry"), ("The Orchard Keeper", "network", "Netflix"),
         ("The Orchard Keeper", "director", "Cara Voss"), ("The Orchard Keeper", "writer", "Cara Voss"),
         ("The Orchard Keeper", "production_company", "Lumen Pictures")}),
    "roles named as 'the role of C', 'rounds out the cast as C', 'In the series, X stars as C'": Prose(
        "Netflix has ordered Harbour Row. Mara Ives has been cast in the lead role of Rhea Cole. Tom Aske takes "
        "on the role of Nils Berg. Jonah Pell rounds out the cast as Eli Brandt. In the series, Ada Frost stars "
        "as Vera Lund, opposite Kit Moss as Oona Hale.",
        {("Harbour Row", "cast_member", "Mara Ives", "Rhea Cole"),
         ("Harbour Row", "cast_member", "Tom Aske", "Nils Berg"),
         ("Harbour Row", "cast_member", "Jonah Pell", "Eli Brandt"),
         ("Harbour Row", "cast_member", "Ada Frost", "Vera Lund"),
         ("Harbour Row", "cast_member", "Kit Moss", "Oona Hale")}),
    "a cancelled show and who was in it": Prose(
        "Hulu has cancelled Brightwater after three seasons. The drama, which starred Lena Park and Owen Tate, "
        "was produced by Sable Light Studios.",
        {("Brightwater", "network", "Hulu"), ("Brightwater", "cast_member", "Lena Park"),
         ("Brightwater", "cast_member", "Owen Tate"), ("Brightwater", "production_company", "Sable Light Studios")}),
    "a new season's premiere and cast, and the companies a show is made for": Prose(
        "Season two of Harbour Row will premiere on Netflix in March. New cast members include Zoe Lamb, who "
        "plays a rival detective, and Omar Diaz. Harbour Row is executive produced by Dana Holt for Sable Light "
        "Studios and Blue Door Pictures.",
        {("Harbour Row", "network", "Netflix"), ("Harbour Row", "cast_member", "Zoe Lamb"),
         ("Harbour Row", "cast_member", "Omar Diaz"), ("Harbour Row", "producer", "Dana Holt"),
         ("Harbour Row", "production_company", "Sable Light Studios"),
         ("Harbour Row", "production_company", "Blue Door Pictures")}),
    "a studio releases a film": Prose(
        "Warner Bros. Pictures will release the film Iron Garden on June 5.",
        {("Iron Garden", "production_company", "Warner Bros. Pictures")}),
    "a profile has no one work that every verb is about": Prose(
        "Odo Brisk (born May 2, 1966) is an American actor. He starred in Harrow Lane and Night Ferry. "
        "He also directed several episodes of television.",
        {("Harrow Lane", "cast_member", "Odo Brisk"), ("Night Ferry", "cast_member", "Odo Brisk")},
        forbidden=lambda f: f[1] == "director"),
    "news that opens with who a person is still has its work": Prose(
        "Odo Brisk is the latest actor to join Harrow Lane. He will play Tom Vale, a ferryman.",
        {("Harrow Lane", "cast_member", "Odo Brisk"),
         ("Harrow Lane", "cast_member", "Odo Brisk", "Tom Vale")}),
    "a work that casts, adds or taps a person": Prose(
        "Netflix's Harbour Row has cast Zoe Lamb in a recurring role. Quiet Acres (Hulu) adds Omar Diaz. "
        "Brightwater has tapped Ruth Ober to direct.",
        {("Harbour Row", "cast_member", "Zoe Lamb"), ("Quiet Acres", "cast_member", "Omar Diaz"),
         ("Brightwater", "director", "Ruth Ober"), ("Harbour Row", "network", "Netflix")}),
    "'this <Studio> feature'; a name before the next sentence's verb is not its subject": Prose(
        "Bright Acre is a 1952 film. This 20th Century Fox feature was produced by Lamar Trott. "
        "It premieres on the 21st of May.",
        {("Bright Acre", "production_company", "20th Century Fox"), ("Bright Acre", "producer", "Lamar Trott")}),
    "a described role with its actor in parentheses; a network executive is not a show": Prose(
        "Peacock has ordered Harrow & Vane. The series stars Mara Ives as Rhea Harrow, a prosecutor who opens "
        "a firm with her former rival, Felix Vane (Jonah Pell). \"We loved it,\" said Peacock's head of "
        "scripted, Ana Lutz. Holt will executive produce through her Bright Hour Films banner alongside Lev Arno.",
        {("Harrow & Vane", "cast_member", "Jonah Pell"), ("Harrow & Vane", "producer", "Lev Arno"),
         ("Harrow & Vane", "production_company", "Bright Hour Films"),
         ("Harrow & Vane", "cast_member", "Jonah Pell", "Felix Vane")},
        absent={("Felix Vane", "credit", "Jonah Pell"), ("Ana Lutz", "network", "Peacock")}),
    "characters and their actors in a story's summary": Prose(
        "The Salt Road is a western from writer-director Ines Varga. It follows a widowed rancher, Clara Doyle "
        "(Ruth Ober), across a valley. The trailer finds Abel Stone (Omar Diaz) and Nan Pike (Kit Moss) at a well, while Sheriff "
        "Hale (Lou Bram) closes in.",
        {("The Salt Road", "cast_member", "Ruth Ober", "Clara Doyle"),
         ("The Salt Road", "cast_member", "Omar Diaz", "Abel Stone"),
         ("The Salt Road", "cast_member", "Kit Moss", "Nan Pike"),
         ("The Salt Road", "cast_member", "Lou Bram", "Sheriff Hale")},
        forbidden=lambda f: f[1] == "credit"),
    "a profile's body of work with its person unnamed": Prose(
        "Fabien Talmont (born 1962) is a French composer. Notable film scores include Iron Lark (1989), "
        "Glass Fen (1992) and The Tempest Hour (1993).",
        {("Fabien Talmont", "credit", "Iron Lark"), ("Fabien Talmont", "credit", "Glass Fen"),
         ("Fabien Talmont", "credit", "The Tempest Hour")}),
    "a network that announces news of its show": Prose(
        "Mara Ives will not return for the second season of Harbour Row, Starz confirmed Thursday.",
        {("Harbour Row", "network", "Starz")},
        absent={("Harbour Row", "cast_member", "Mara Ives")}),
    "a relative clause's second verb has the same subject": Prose(
        "Netflix has ordered Tidal Row. Tidal Row comes from writer-producer Malo Osterby, who wrote the pilot "
        "and will executive produce with Dana Farr.",
        {("Tidal Row", "writer", "Malo Osterby"), ("Tidal Row", "producer", "Malo Osterby"),
         ("Tidal Row", "producer", "Dana Farr")},
        absent={("Tidal Row", "writer", "Dana Farr")}),
    "a surname the tagger reads as a word stays in a cast list": Prose(
        "Salt Wind is a 2009 South Korean drama series, starring Kim Ha-neul, Oh Min-jae, Park Seo-yun and Yoo Jin.",
        {("Salt Wind", "cast_member", "Kim Ha-neul"), ("Salt Wind", "cast_member", "Oh Min-jae"),
         ("Salt Wind", "cast_member", "Park Seo-yun"), ("Salt Wind", "cast_member", "Yoo Jin")}),
    "a title with a colon defines the article; 'the' is not part of a company's name": Prose(
        "Harbor Lights: The Last Crossing is a 1971 documentary film directed by Ola Brandt. The film first "
        "aired on the Northwind Broadcasting Company.",
        {("Harbor Lights: The Last Crossing", "director", "Ola Brandt"),
         ("Harbor Lights: The Last Crossing", "network", "Northwind Broadcasting Company")}),
    "her new film, his directorial debut, her third album": Prose(
        "Ines Calloway is an American actress. Her new film Tidewater opens Friday. Ines Calloway's third "
        "studio album, Harbour Glass, came out in May.\n\nRuben Osei is a director. His directorial debut, "
        "Salt Lines, premiered in 2019.",
        {("Ines Calloway", "credit", "Tidewater"), ("Salt Lines", "director", "Ruben Osei"),
         ("Ines Calloway", "credit", "Harbour Glass")},
        absent={("Ruben Osei", "credit", "Tidewater"), ("Ines Calloway", "credit", "Salt Lines")}),
    "a song by an artist is the artist's credit; a record label is not an artist": Prose(
        '"Paper Moons" is a song by Canadian recording artist Lise Marchetti. It was released as a single by '
        'Northgate Records in 2015.',
        {("Lise Marchetti", "credit", "Paper Moons")},
        absent={("Northgate Records", "credit", "Paper Moons")}),
    "a telenovela made for a network; its leads; a network's premises are not its show": Prose(
        "Rosa del Puerto is a 1995 Mexican telenovela produced by Ana Villaseñor for Televisa. The main "
        "protagonists are Lucía Ferrer and Mateo Ibarra. The film features Tomás Ruiz in dual lead roles as well "
        "as Elena Sosa and Raúl Pineda. It was taped at Televisa's Mexico City studios.",
        {("Rosa del Puerto", "network", "Televisa"), ("Rosa del Puerto", "cast_member", "Lucía Ferrer"),
         ("Rosa del Puerto", "cast_member", "Mateo Ibarra"), ("Rosa del Puerto", "cast_member", "Tomás Ruiz"),
         ("Rosa del Puerto", "cast_member", "Elena Sosa"), ("Rosa del Puerto", "cast_member", "Raúl Pineda")},
        absent={("Mexico City", "network", "Televisa")}),
    "a title after a work noun keeps its 'from' and 'on', up to a network": Prose(
        "Wes Harrow is an American actor. His first role was in the 1979 movie Flight from Carrowmore as a "
        "guard. He later appeared in the 1984 horror film A Night on Wren Street and in the series Tidewater "
        "on NBC.",
        {("Flight from Carrowmore", "cast_member", "Wes Harrow"), ("A Night on Wren Street", "cast_member", "Wes Harrow"),
         ("Tidewater", "cast_member", "Wes Harrow")},
        absent={("Tidewater on NBC", "cast_member", "Wes Harrow"), ("A Night", "cast_member", "Wes Harrow")}),
    "'to feature X as C' is a verb, and a nationality before 'comedies' is not a title": Prose(
        "Salt Harbor is a 1994 thriller film directed by Ola Brandt. It is the last film to feature Tomas Brek as "
        "Ryder and Ida Marr as Captain Jo Hale.\n\nRuben Osei is a British director. He is best known for his "
        "work on the American comedies Glass Acres, Night Desk and Copper Lane.",
        {("Salt Harbor", "cast_member", "Tomas Brek", "Ryder"), ("Salt Harbor", "cast_member", "Ida Marr", "Jo Hale"),
         ("Ruben Osei", "credit", "Glass Acres"), ("Ruben Osei", "credit", "Night Desk"),
         ("Ruben Osei", "credit", "Copper Lane")},
        absent={("Ruben Osei", "credit", "American")}),
    "a place before the verb is not one of the works after it": Prose(
        "Ines Calloway is a Portuguese actress. In Porto Alegre she starred in the films Copper Bay and Night Ferry.",
        {("Copper Bay", "cast_member", "Ines Calloway"), ("Night Ferry", "cast_member", "Ines Calloway")},
        absent={("Porto Alegre", "cast_member", "Ines Calloway")}),
    "a title with a possessive inside is one title; a network's possessive is not": Prose(
        "Lionsgate Boards 'The Lamplighter's Daughter'\n\nLionsgate has acquired The Lamplighter's Daughter, a "
        "thriller starring Ines Calloway. Emmy winner Ruben Osei (Saint Veronica's Bones) co-stars. She "
        "previously starred in The Widow's Almanac, HBO's limited series, and in The CW's Night Desk.",
        {("The Lamplighter's Daughter", "cast_member", "Ines Calloway"),
         ("Ruben Osei", "credit", "Saint Veronica's Bones"), ("The Widow's Almanac", "network", "HBO"),
         ("Night Desk", "network", "The CW")},
        absent={("Daughter", "cast_member", "Ines Calloway"), ("Almanac", "network", "HBO")}),
    "'from the mind of X' is its creator; the outlet that learned the news is no one": Prose(
        "Netflix has handed a series order to Glass Acres, a fantasy drama created by Ida Marr, Variety has "
        "learned. The series comes from the mind of Ida Marr and Tomas Brek.",
        {("Glass Acres", "creator", "Ida Marr"), ("Glass Acres", "creator", "Tomas Brek"),
         ("Glass Acres", "network", "Netflix")},
        forbidden=lambda fact: "Variety" in fact),
    "a negotiation governs a role named long after it": Prose(
        "Hulu has renewed Brackmoor. Producers are said to be in talks with Oscar nominee Hester Vale "
        "(The Pale Field) to play a rival judge. Ida Marr will play the judge's wife.",
        {("Hester Vale", "credit", "The Pale Field"), ("Brackmoor", "cast_member", "Ida Marr")},
        absent={("Brackmoor", "cast_member", "Hester Vale")}),
    "after a photo caption, 'Surname (A, B) plays C'; 'will recur as', 'guest stars as'": Prose(
        "Peacock has unveiled the first look at Harbor Nine, its heist series.\n\nRhea Lund (Anja Thorne) in "
        "Harbor Nine. Image via Peacock\n\nThorne (Velvet Sums, The Quiet Ward) plays Rhea, a fleet captain. "
        "Emmy winner Cormac Dale (Red County) guest stars as the vault's architect, Ezra Haim. Newcomer Pip "
        "Abernathy will recur as Tam Lund, Rhea's nephew.",
        {("Harbor Nine", "cast_member", "Anja Thorne", "Rhea Lund"), ("Anja Thorne", "credit", "Velvet Sums"),
         ("Anja Thorne", "credit", "The Quiet Ward"), ("Cormac Dale", "credit", "Red County"),
         ("Harbor Nine", "cast_member", "Cormac Dale", "Ezra Haim"),
         ("Harbor Nine", "cast_member", "Pip Abernathy", "Tam Lund")}),
    "'C (A)' in a review's prose, where the actor is named alone elsewhere": Prose(
        "Halfway through Brine Courts, public defender June Varro (Noa Castel) rehearses a closing argument. "
        "Her foe is a prosecutor, Silas Ondry (Rafe Lewin-Cole). Castel is ferocious, and Lewin-Cole, the "
        "Harrow Lane alum, is all menace.",
        {("Brine Courts", "cast_member", "Noa Castel", "June Varro"),
         ("Brine Courts", "cast_member", "Rafe Lewin-Cole", "Silas Ondry")},
        forbidden=lambda fact: fact[1] == "credit" and fact[2] in ("Noa Castel", "Rafe Lewin-Cole")),
    "a credit block's distributor is its network, whatever else the company does": Prose(
        "Brine Courts is a legal drama.\n\nBrine Courts\nVenue: Sundance Film Festival\nDistributor: Neon\n"
        "Production companies: Blackwick Pictures, Tallowmere Films\nCast: Noa Castel, Rafe Lewin\n",
        {("Brine Courts", "network", "Neon"), ("Brine Courts", "production_company", "Blackwick Pictures"),
         ("Brine Courts", "production_company", "Tallowmere Films"), ("Brine Courts", "cast_member", "Noa Castel"),
         ("Brine Courts", "cast_member", "Rafe Lewin")},
        absent={("Brine Courts", "production_company", "Neon")}),
    "a character who is a pilot; a subject before a 'whose' clause": Prose(
        "Apple TV+ has ordered Low Tide. Odessa Kran has joined the cast. Kran will play Ines Hall, a disgraced "
        "harbor pilot who comes home. Priya Dunn, whose casting was announced in December, stars as Detective "
        "Ruth Ash.",
        {("Low Tide", "cast_member", "Odessa Kran", "Ines Hall"),
         ("Low Tide", "cast_member", "Priya Dunn", "Ruth Ash")}),
    "'is set to star opposite her as C' is the subject's role; 'the Danish series W' is W": Prose(
        "Netflix has ordered Lampfall. Newcomer Tam Rook has been cast as Marisol, while Emmy winner Della Acker "
        "(Stonecutter's Son) is set to star opposite her as Guildmistress Orla Penn. Kaia Stell, best known for "
        "the Danish series Fjordmark, also stars.",
        {("Lampfall", "cast_member", "Tam Rook", "Marisol"),
         ("Lampfall", "cast_member", "Della Acker", "Guildmistress Orla Penn"),
         ("Della Acker", "credit", "Stonecutter's Son"), ("Kaia Stell", "credit", "Fjordmark")},
        absent={("Lampfall", "cast_member", "Guildmistress Orla Penn"), ("Kaia Stell", "credit", "Danish")}),
    "'are back as C and D, respectively'; 'X (W), who has landed a series regular role as C'": Prose(
        "Hulu has renewed Brackmoor. Series regulars Celia Arbo (Dunmore Hall) and Fenn Pratt are also back as "
        "Ottilie Brous and Deputy Ray Lander, respectively. Joining them is Teo Grims (The Ninth Lamp), who has "
        "landed a series regular role as Elias Fonte.",
        {("Brackmoor", "cast_member", "Celia Arbo", "Ottilie Brous"),
         ("Brackmoor", "cast_member", "Fenn Pratt", "Ray Lander"),
         ("Brackmoor", "cast_member", "Teo Grims", "Elias Fonte"), ("Celia Arbo", "credit", "Dunmore Hall"),
         ("Teo Grims", "credit", "The Ninth Lamp")},
        forbidden=lambda fact: (fact[2], fact[3]) in (("Celia Arbo", "Ray Lander"),
                                                      ("Fenn Pratt", "Ottilie Brous"))),
    "'X, an alum of W, rounds out the cast as C': W is a prior credit, C the role in the new work": Prose(
        "Netflix has ordered Lampfall. Jem Vane, an alum of The Brass Needle, rounds out the cast as Aldo Crane, "
        "a smuggler.",
        {("Lampfall", "cast_member", "Jem Vane", "Aldo Crane"), ("Jem Vane", "credit", "The Brass Needle")},
        absent={("The Brass Needle", "cast_member", "Jem Vane")}),
    "producers after a second verb, around a relative clause, and 'she' after 'created by'": Prose(
        "Hulu has renewed Brackmoor. Teo Grims joins the cast. Brackmoor was created by Jo Marchetti, who wrote "
        "every episode. She previously created Ironwood Parish. Marchetti executive produces Brackmoor alongside "
        "Anders Kilby, who also directed its first episode, and Ruth Falco. Toby Ekwu will helm two episodes "
        "and also executive produces.",
        {("Brackmoor", "creator", "Jo Marchetti"), ("Ironwood Parish", "creator", "Jo Marchetti"),
         ("Brackmoor", "producer", "Jo Marchetti"), ("Brackmoor", "producer", "Anders Kilby"),
         ("Brackmoor", "producer", "Ruth Falco"), ("Brackmoor", "director", "Toby Ekwu"),
         ("Brackmoor", "producer", "Toby Ekwu")},
        absent={("Ironwood Parish", "creator", "Teo Grims")}),
    "a studio producing with a company described as someone's own": Prose(
        "HBO has ordered Glass Almanac. A24 is producing with Little Ferro, Ines Vant's own company.",
        {("Glass Almanac", "production_company", "A24"), ("Glass Almanac", "production_company", "Little Ferro")},
        forbidden=lambda fact: fact[1] == "producer" and fact[2] == "Little Ferro"),
    "a studio producing in association with a person's company": Prose(
        "Peacock has ordered Ember Code. Universal Television produces in association with Perrin Woods' Quarry "
        "Hill Productions.",
        {("Ember Code", "production_company", "Universal Television"),
         ("Ember Code", "production_company", "Quarry Hill Productions")}),
    "a studio producing with a foreign outfit": Prose(
        "Lionsgate has acquired The Map Wake. Nordvind Film is producing with UK outfit Greyhope Pictures.",
        {("The Map Wake", "production_company", "Nordvind Film"),
         ("The Map Wake", "production_company", "Greyhope Pictures")},
        forbidden=lambda fact: fact[1] == "producer" and fact[2] == "Nordvind Film"),
    "a banner 'which is producing with' a studio": Prose(
        "Netflix has ordered Lampfall, created by Wren Osei. Osei executive produces via her Halfmoon Lane banner, "
        "which is producing with Warner Bros. Television.",
        {("Lampfall", "production_company", "Halfmoon Lane"),
         ("Lampfall", "production_company", "Warner Bros. Television"), ("Lampfall", "producer", "Wren Osei")}),
    "producers named with their company: 'A of Oslo-based X Film, B and C', 'A and B of X also produce'": Prose(
        "Netflix has ordered Lampfall. Wren Osei executive produces via her Halfmoon Lane banner. Gid Fairley and "
        "Noor Hadd of Halfmoon Lane also executive produce. Producers are Frida Lind of Oslo-based Nordvik Film, "
        "Paul Okon and Ida Marr.",
        {("Lampfall", "producer", "Wren Osei"), ("Lampfall", "producer", "Gid Fairley"),
         ("Lampfall", "producer", "Noor Hadd"), ("Lampfall", "producer", "Frida Lind"),
         ("Lampfall", "producer", "Paul Okon"), ("Lampfall", "producer", "Ida Marr")},
        forbidden=lambda fact: "Noor Hadd of Halfmoon Lane" in fact or fact[0] == "Paul Okon"),
    "a profile: 'stars in and executive produces W', then 'her co-stars include'": Prose(
        "Carys Vant is an American actress. Best known for six seasons on Lowland Psalms, she now stars in and "
        "executive produces The Widow's Ledger, HBO's new limited series. Her co-stars include Jude Kettle as "
        "Agnes' brother-in-law, Lionel Pell, while Lowland Psalms veteran Pell Rasmus turns up in a cameo.",
        {("The Widow's Ledger", "cast_member", "Carys Vant"), ("The Widow's Ledger", "producer", "Carys Vant"),
         ("Carys Vant", "credit", "Lowland Psalms"), ("The Widow's Ledger", "cast_member", "Jude Kettle"),
         ("Pell Rasmus", "credit", "Lowland Psalms"), ("The Widow's Ledger", "network", "HBO")},
        absent={("Lowland Psalms", "cast_member", "Jude Kettle"), ("Lowland Psalms", "cast_member", "Carys Vant")}),
    "'created by A, who is showrunner, and B (W) directed': B starts a clause of her own": Prose(
        "HBO has ordered Glass Ledger. The series was created by playwright Osric Bapt, who also serves as "
        "showrunner, and Mira Touss (Salt Harbor) directed all six episodes.",
        {("Glass Ledger", "creator", "Osric Bapt"), ("Glass Ledger", "director", "Mira Touss"),
         ("Mira Touss", "credit", "Salt Harbor")},
        absent={("Glass Ledger", "creator", "Mira Touss")}),
    "'co-created N's W'; 'so memorable in W'; 'X, the W alum,'; 'turns up in a cameo'": Prose(
        "Peacock has ordered Ember Code. Perrin Woods and Dov Green previously co-created Showtime's Dead "
        "Reckon Club. Noa Castel, so memorable in The Orchard Feud, stars, and Rafe Lewin, the Harrow Lane alum, "
        "is all menace. Lowland Psalms veteran Pell Rasmus turns up in a cameo.",
        {("Dead Reckon Club", "creator", "Perrin Woods"), ("Dead Reckon Club", "creator", "Dov Green"),
         ("Dead Reckon Club", "network", "Showtime"), ("Noa Castel", "credit", "The Orchard Feud"),
         ("Rafe Lewin", "credit", "Harrow Lane"), ("Ember Code", "cast_member", "Pell Rasmus")},
        absent={("Ember Code", "creator", "Dov Green")}),
    "'X, whose W was a festival favourite, will helm from a script he co-wrote with Y'": Prose(
        "Lionsgate has acquired The Map Wake. Norwegian filmmaker Hal Quist, whose Winter Tally was a festival "
        "favourite, will helm from a script he co-wrote with Mar Sand (The Lamp Keepers).",
        {("The Map Wake", "director", "Hal Quist"), ("The Map Wake", "writer", "Hal Quist"),
         ("The Map Wake", "writer", "Mar Sand"), ("Hal Quist", "credit", "Winter Tally"),
         ("Mar Sand", "credit", "The Lamp Keepers")},
        absent={("Winter Tally", "director", "Hal Quist"), ("The Map Wake", "writer", "Winter Tally")}),
    "ensemble phrasings: 'is on board as C', 'the role of C ... will be played by X', '(A Title in Place)'": Prose(
        "Apple TV+ has rounded out the cast of Hollow Reach. Cor Blethe (The Tallow Monks) is on board as Fen Oare, "
        "the medic. The role of Hester Callow, a diver who signed on under a false name, will be played by Juno Marrow "
        "(Brackmoor Lane). Lena Drub (Quiet Hours in Varnhem) joins as Pet Solle, a cartographer. Tobi Grenn (Carrion "
        "Year) plays the lighthouse's former keeper, Matt Welk, and newcomer Sorcha Lind has been cast as Welk's "
        "estranged daughter, Orla.",
        {("Hollow Reach", "cast_member", "Cor Blethe", "Fen Oare"), ("Hollow Reach", "cast_member", "Juno Marrow", "Hester Callow"),
         ("Hollow Reach", "cast_member", "Lena Drub", "Pet Solle"), ("Lena Drub", "credit", "Quiet Hours in Varnhem"),
         ("Hollow Reach", "cast_member", "Sorcha Lind", "Orla"), ("Juno Marrow", "credit", "Brackmoor Lane")},
        forbidden=lambda fact: fact[2] == "Tobi Grenn" and fact[3] == "Orla"),
    "a cancellation: 'decided not to renew W' is still N's show; producers and banners after relative clauses": Prose(
        "Max has decided not to renew Ashmoor Files, the legal drama created by Wendy Harrow. Leo Dunn (Harbinger "
        "Way) co-starred as the forensic examiner Quentin Sall. Harrow, who wrote every episode of the first "
        "season, executive produced with Delia Mow and Osric Penn, who took over as showrunner. The series was "
        "produced by Warner Bros. Television and Harrow's banner, Lanternfold Productions.",
        {("Ashmoor Files", "network", "Max"), ("Ashmoor Files", "creator", "Wendy Harrow"),
         ("Ashmoor Files", "cast_member", "Leo Dunn", "Quentin Sall"), ("Ashmoor Files", "producer", "Wendy Harrow"),
         ("Ashmoor Files", "producer", "Delia Mow"), ("Ashmoor Files", "producer", "Osric Penn"),
         ("Ashmoor Files", "production_company", "Warner Bros. Television"),
         ("Ashmoor Files", "production_company", "Lanternfold Productions")}),
    "'leads the cast as C'": Prose(
        "BBC One has commissioned The Kestrel Book. Hugo Ravens (The Gull Path) leads the cast as DI Conrad Tall, "
        "a detective.",
        {("The Kestrel Book", "cast_member", "Hugo Ravens", "Conrad Tall"), ("Hugo Ravens", "credit", "The Gull Path"),
         ("The Kestrel Book", "network", "BBC One")}),
    "a voice cast: 'lends her voice to C', 'voices the character of C', 'C will be voiced by X', a co-production": Prose(
        "'Bramble and the Glowfish' Voice Cast Set\n\nSony Pictures Animation has unveiled the voice cast for Bramble and the "
        "Glowfish. Nadia Solv (Ember Lane) "
        "lends her voice to Bramble, a keeper's daughter. Gus Pell, best known for The Widow of Castel, voices the "
        "character of Captain Grist. The Tide Queen will be voiced by Marisol Feather (Gilt Line), and Des Obi "
        "plays Pip, a glowfish. The film is a co-production with Dublin-based Brightwater Animation.",
        {("Bramble and the Glowfish", "cast_member", "Nadia Solv", "Bramble"),
         ("Bramble and the Glowfish", "cast_member", "Gus Pell", "Captain Grist"),
         ("Bramble and the Glowfish", "cast_member", "Marisol Feather", "The Tide Queen"),
         ("Bramble and the Glowfish", "cast_member", "Des Obi", "Pip"), ("Gus Pell", "credit", "The Widow of Castel"),
         ("Bramble and the Glowfish", "production_company", "Brightwater Animation")},
        forbidden=lambda fact: fact[0] == "The Tide Queen"),
    "a profile's dated titles keep their 'for' ('Paper Lamps for Magda (2015)')": Prose(
        "Isa Kvell is a Norwegian director. Her debut, Paper Lamps for Magda (2015), which she also wrote, starred "
        "Hal Brekk as the ferryman Teo Lind.",
        {("Paper Lamps for Magda", "cast_member", "Hal Brekk", "Teo Lind"), ("Paper Lamps for Magda", "writer", "Isa Kvell")},
        forbidden=lambda fact: "Paper Lamps" in fact or fact[0] == "Magda"),
    "'A (W) stars as C, ..., and B (The Lamp Keepers of Oslo) plays D'": Prose(
        "Berlin: Rado Pike to Direct 'Salt and Ember'\n\nSales are under way on Salt and Ember, a period drama. "
        "Cass Moor (Brimstone Hymn) stars as Elias Wrenn, a disgraced foreman who leads a rescue after a collapse, "
        "and Fel Ambro (The Lamp Keepers of Oslo) plays Ottilie Marsh, the mine owner's daughter.",
        {("Salt and Ember", "cast_member", "Cass Moor", "Elias Wrenn"),
         ("Salt and Ember", "cast_member", "Fel Ambro", "Ottilie Marsh"), ("Fel Ambro", "credit", "The Lamp Keepers of Oslo")},
        forbidden=lambda fact: fact[2] == "Cass Moor" and fact[3] == "Ottilie Marsh"),
    "a network's 'W, its new series', 'a feature for N', 'created W for N'; an executive is no director": Prose(
        "Peacock has unveiled the first look at Ember Code, its glossy heist series. Jo Marl created it. She "
        "previously created Ironwood Lane for FX. \"We love it,\" said Una Cass, Peacock's director of drama.",
        {("Ember Code", "network", "Peacock"), ("Ironwood Lane", "network", "FX"), ("Ironwood Lane", "creator", "Jo Marl")},
        forbidden=lambda fact: "Una Cass" in fact),
    "'B replaces A, who had been attached to direct'; 'Studio's A and B are producing'": Prose(
        "Berlin: 'Salt and Ember' Sold\n\nSales are under way on Salt and Ember. Hal Pike, who directed Iron Sonata, "
        "replaces Gideon Farrow, who had been attached to direct. Lodestar Pictures' Helga Tron and Ambrose Kettle "
        "are producing.",
        {("Salt and Ember", "producer", "Helga Tron"), ("Salt and Ember", "producer", "Ambrose Kettle"),
         ("Salt and Ember", "production_company", "Lodestar Pictures"), ("Iron Sonata", "director", "Hal Pike")},
        absent={("Salt and Ember", "director", "Gideon Farrow")}),
    "a role named after kin or a job: 'plays his sister-in-law, C', 'as Agnes' brother, C', 'as the pharmacist, C'": Prose(
        "BBC One has ordered The Kestrel Book. Ama Osei (Bleakmoor) plays his sister-in-law, Bronwen Tall, who runs "
        "the harbour cafe. Jude Kettle co-stars as Agnes' brother, Lionel Pell, and Harriet Somer as the town "
        "pharmacist, Edie Marsh.",
        {("The Kestrel Book", "cast_member", "Ama Osei", "Bronwen Tall"),
         ("The Kestrel Book", "cast_member", "Jude Kettle", "Lionel Pell"),
         ("The Kestrel Book", "cast_member", "Harriet Somer", "Edie Marsh")},
        forbidden=lambda fact: fact[2] in ("Lionel Pell", "Edie Marsh", "Bronwen Tall") or fact[3] == "Agnes"),
    "'Joining the cast for season two are A, B and C'; 'X takes over as showrunner from series creator Y'": Prose(
        "Prime Video has renewed Vesper Code. Joining the cast for season two are Eva Strick (Hollow Lake), Kas Bell "
        "(The Copper Yard) and Yola Marr. Behind the camera, Cora Banfield takes over as showrunner from series "
        "creator Lucan Ash.",
        {("Vesper Code", "cast_member", "Eva Strick"), ("Vesper Code", "cast_member", "Kas Bell"),
         ("Vesper Code", "cast_member", "Yola Marr"), ("Vesper Code", "producer", "Cora Banfield"),
         ("Vesper Code", "creator", "Lucan Ash")},
        absent={("Vesper Code", "creator", "Cora Banfield")}),
    "a trailer: 'N has unveiled the first trailer for W'; 'outlaw preacher C (A)' is a role and its actor": Prose(
        "Prime Video has unveiled the first trailer for Star Reach, the western from creator Ida Vail. She soon "
        "trades threats with outlaw preacher Silas Morr (Ben Varga-Holm). Series regular Cela Arbo (Dunmore Hall) "
        "is back.",
        {("Star Reach", "network", "Prime Video"), ("Star Reach", "cast_member", "Ben Varga-Holm", "Silas Morr"),
         ("Cela Arbo", "credit", "Dunmore Hall")},
        forbidden=lambda fact: fact[1] == "credit" and fact[2] == "Ben Varga-Holm"),
    "writing a score is a credit, not writing the work": Prose(
        "Harrow Lane is a 1998 drama film directed by Bea Sandor. Lior Katzman wrote the music score for the film.",
        {("Harrow Lane", "director", "Bea Sandor"), ("Lior Katzman", "credit", "Harrow Lane")},
        absent={("Harrow Lane", "writer", "Lior Katzman")}),
}


@pytest.mark.parametrize("name", PROSE)
def test_trade_prose_patterns(extract, name):
    case = PROSE[name]
    found = facts(extract(case.text))
    got = {fact[:3] for fact in found}
    missing = {e for e in case.expected if e not in (found if len(e) == 4 else got)}
    assert not missing, f"missing: {missing}"
    assert not case.absent & got, f"not in the text: {case.absent & got}"
    if case.forbidden is not None:
        assert not [fact for fact in found if case.forbidden(fact)]


def test_the_actress_and_the_streamer_refer_back(extract):
    ex = extract("Hulu has ordered Mile End. Lena Okafor stars in the drama. The actress previously starred "
                 "in Copper Bay. The streamer will premiere Mile End in May.")
    got = triples(ex)
    assert ("Copper Bay", "cast_member", "Lena Okafor") in got
    assert ("Mile End", "network", "Hulu") in got


def test_a_title_quoted_in_the_headline_is_one_name_in_the_body(extract):
    ex = extract("Searchlight Boards Boxing Drama 'Canvas and Rope'\n\nSearchlight Pictures will produce Canvas "
                 "and Rope, a boxing drama. Ravi Kell will direct the film.")
    assert entity_type(ex, "Canvas and Rope") == "Work"
    assert ("Canvas and Rope", "director", "Ravi Kell") in triples(ex)


def test_a_defining_sentence_makes_its_whole_subject_one_title(extract):
    ex = extract("Harbor of Lost Lanterns (1971) is an American drama film directed by Paul Merrow.")
    assert ("Harbor of Lost Lanterns", "director", "Paul Merrow") in triples(ex)


def test_a_rank_before_a_characters_name_is_read_with_it_but_not_kept_in_its_label(extract):
    ex = extract("Netflix has ordered Hollow Creek. Ida Lugo has been cast as Sheriff Amos Dunleavy. "
                 "Ilse Brann will star as Maj. Hedda Calder. Tom Rusk plays Captain Grist.")
    got = facts(ex)
    assert ("Hollow Creek", "cast_member", "Ida Lugo", "Amos Dunleavy") in got
    assert ("Hollow Creek", "cast_member", "Ilse Brann", "Hedda Calder") in got
    assert "Sheriff Amos Dunleavy" in ex.entity("Amos Dunleavy").aliases  # the text's form is kept as an alias
    assert ("Hollow Creek", "cast_member", "Tom Rusk", "Captain Grist") in got  # a name that is a rank and one word


def test_a_name_described_as_a_company_is_an_organization(extract):
    ex = extract("Netflix has ordered Harbour Row. Quarry Lane, the production company behind it, will produce. "
                 "Brightfold is a video game developer based in Leeds.")
    assert entity_type(ex, "Quarry Lane") == "Organization"
    assert entity_type(ex, "Brightfold") == "Organization"
