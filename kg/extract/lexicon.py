"""Words that signal types and relations in entertainment news, grouped by what they signal."""
from __future__ import annotations

#: Nouns naming a kind of work: "the series", "a film starring", "drama, Tin Road".
WORK_NOUNS = frozenset("""
series show drama comedy film movie sitcom miniseries docuseries thriller documentary anthology
feature dramedy procedural reboot revival remake sequel prequel spinoff spin-off adaptation
franchise musical telenovela soap eight-parter six-parter four-parter parter limited
animated cartoon biopic romcom rom-com horror western pilot special melodrama programme program picture
mystery satire saga indie whodunit
""".split())
TV_NOUNS = frozenset("series show sitcom miniseries docuseries telenovela soap procedural parter "
                     "eight-parter six-parter four-parter season seasons episode episodes pilot".split())
MOVIE_NOUNS = frozenset("film movie feature biopic picture".split())
#: Nouns of things a work has: "season of X", "X's premiere".
WORK_PARTS = frozenset("""
season seasons episode episodes trailer premiere finale cast set sequel prequel reboot remake
pilot opener debut run installment instalment chapter volume adaptation showrunner soundtrack
""".split())

#: Last words that make a name a company ("Low Tide Films", "Disney Branded Television"), and the
#: kind of organization they usually are.
ORG_SUFFIXES = {"films": "Studio", "pictures": "Studio", "productions": "Studio", "studios": "Studio",
                "entertainment": "Studio", "media": "Studio", "television": "Studio", "animation": "Studio",
                "corporation": "Studio", "inc.": "Studio", "ltd": "Studio", "llc": "Studio", "records": "Studio", "film": "Studio",
                "network": "Network", "channel": "Network", "broadcasting": "Network"}
COMPANY_WORDS = frozenset(ORG_SUFFIXES)
#: Nouns that say a name is a company: "X, the production company behind W", "X is a game developer".
COMPANY_NOUNS = frozenset("""company companies studio studios distributor distributors streamer network
broadcaster channel label developer publisher outfit shingle conglomerate subsidiary""".split())
#: Role nouns written before or after a person's name, and the predicate they give.
ROLE_NOUNS = {
    "director": "director", "directors": "director", "co-director": "director",
    "filmmaker": "director", "helmer": "director",
    "writer": "writer", "writers": "writer", "screenwriter": "writer", "screenwriters": "writer",
    "co-writer": "writer", "scribe": "writer", "playwright": "writer", "novelist": "writer",
    "author": "writer",
    "producer": "producer", "producers": "producer", "co-producer": "producer",
    "creator": "creator", "creators": "creator", "co-creator": "creator", "co-creators": "creator",
    "showrunner": "producer", "showrunners": "producer", "co-showrunner": "producer",
    "cinematographer": "credit", "editor": "credit", "composer": "credit",
    "choreographer": "credit",
}
#: Participles in "<role> by X" and the predicate they give.
BY_VERBS = {
    "directed": "director", "helmed": "director", "co-directed": "director",
    "written": "writer", "penned": "writer", "scripted": "writer", "co-written": "writer",
    "produced": "producer", "co-produced": "producer", "executive-produced": "producer",
    "created": "creator", "co-created": "creator", "developed": "creator",
    "composed": "credit", "edited": "credit", "shot": "credit", "filmed": "credit",
    "photographed": "credit", "scored": "credit", "starring": "cast_member", "starred": "cast_member",
    "broadcast": "network", "broadcasted": "network", "aired": "network", "streamed": "network",
    "distributed": "skip", "released": "network", "ordered": "network", "renewed": "network",
    "commissioned": "network", "picked": "network", "acquired": "network", "hosted": "cast_member",
    "co-hosted": "cast_member",
}
#: Verbs whose subject is a person and object a work: "X directed Y", "X will write".
ACTIVE_VERBS = {
    "direct": "director", "directs": "director", "directed": "director", "directing": "director",
    "helm": "director", "helms": "director", "helmed": "director", "co-directed": "director",
    "write": "writer", "writes": "writer", "wrote": "writer", "writing": "writer",
    "pen": "writer", "pens": "writer", "penned": "writer", "co-wrote": "writer", "scripted": "writer",
    "produce": "producer", "produces": "producer", "produced": "producer", "producing": "producer",
    "co-produce": "producer", "co-produced": "producer",
    "create": "creator", "creates": "creator", "created": "creator", "co-created": "creator",
    "edited": "credit", "edits": "credit", "composed": "credit", "scored": "credit",
    "star": "cast_member", "stars": "cast_member", "starred": "cast_member", "starring": "cast_member",
    "co-star": "cast_member", "co-stars": "cast_member", "co-starred": "cast_member",
    "appear": "cast_member", "appears": "cast_member", "appeared": "cast_member",
    "featured": "cast_member", "joins": "cast_member", "joined": "cast_member", "join": "cast_member",
    "lead": "cast_member", "leads": "cast_member", "headline": "cast_member", "headlines": "cast_member",
    "topline": "cast_member", "toplines": "cast_member", "recur": "cast_member", "recurs": "cast_member",
    "filming": "credit",
}
#: Objects that make writing or producing a credit on a work's music: "wrote the score for W".
MUSIC_WORDS = frozenset("music score scores songs song soundtrack theme musical".split())
#: Verbs by which a work takes a person on: "Harbour Row has cast Jo Doe", "W adds Jo Doe".
CASTING_VERBS = frozenset("""cast casts added adds tapped taps enlisted enlists recruited recruits booked books
signed signs nabbed nabs""".split())
#: Verbs that link a person to a character: "X plays Y", "X has been cast as Y".
PLAY_VERBS = frozenset("""
play plays played playing portray portrays portrayed portraying voice voices voiced voicing
""".split())
#: Verbs (and nouns) whose object or place is a network: "premieres on Netflix".
AIR_WORDS = frozenset("""
air airs aired airing stream streams streamed streaming premiere premieres premiered premiering
debut debuts debuted debuting broadcast broadcasts broadcasted available launch launches launched
return returns returned drop drops dropped arrive arrives arrived land lands landed run runs ran
released exclusively exclusive
""".split())
#: Verbs by which a network takes a work: "<Network> has ordered Z".
ORDER_VERBS = frozenset("""
ordered orders order renewed renews renew greenlit greenlights greenlight commissioned commissions
cancelled canceled cancels picked picks acquired acquires acquire nabbed lands landed
premiere premieres release releases debut debuts launch launches stream streams distribute distributes
""".split())
#: Words after which a list of cast members follows.
CAST_LIST_CUES = frozenset("starring co-starring stars starred star co-stars alongside opposite".split())
#: Words that end a noun phrase's modifiers before a name: "Emmy-winning actor Jane Doe".
PERSON_NOUNS = frozenset("""
actor actress actors actresses star stars newcomer newcomers comedian comic singer rapper
musician model veteran icon alum alumna alumnus performer host artist songwriter
""".split())
#: Nouns for what a real person is in the industry, not a role in a story: "a veteran, Jo Doe (W)".
INDUSTRY_NOUNS = PERSON_NOUNS | frozenset(ROLE_NOUNS) | frozenset("""newcomer veteran alum alumna alumnus
executive agent manager critic""".split())
#: Verbs of a story's summary, after which "C (A)" names a character and its actor: "follows a
#: rancher, C (A)", "the clip finds C (A)".
STORY_VERBS = frozenset("follows follow centers centres finds tells".split())
PRONOUNS_PERSON = frozenset("he she they".split())
#: Possessive endings as tokens: "Netflix's", "Universal Pictures'".
POSSESSIVES = frozenset("'s ’s ' ’".split())
#: Words between a work and the person it says who they are: "Ironbark Station star Jo Doe".
PERSON_AFTER_WORK = frozenset("""star stars actor actress alum breakout lead creator co-star newcomer veteran
favorite favourite""".split())
#: Nouns that, after "the" and with no name following, refer back to the last person named:
#: "the actress", "the Oscar winner".
PERSON_REFERENCES = frozenset("actress actor performer comedian star winner nominee singer rapper".split())
#: Nouns that, after "the", refer back to the last organization of a kind: "the streamer".
ORGANIZATION_REFERENCES = {"streamer": "Network", "network": "Network", "broadcaster": "Network",
                           "channel": "Network", "platform": "Network", "service": "Network",
                           "cabler": "Network", "studio": "Studio"}
PRONOUNS_WORK = frozenset("it".split())
NEGATIONS = frozenset("not never n't no".split())
HYPOTHETICAL = frozenset("""if would could might should may hopes hope hoping hoped rumored rumoured reportedly
rumor rumors rumour rumours speculation speculated talks negotiations negotiating eyeing eyed circling
considering considered campaigned campaigning campaign petition petitions wants want wish wishes
dream potential possible possibly unconfirmed whether""".split())
#: Titles that, before a name with an actor in parentheses, mark a character: "Inspector Hollis (Jo Doe)".
FICTION_RANKS = frozenset("""Inspector Detective Sergeant Sgt. Sheriff Deputy Agent Officer Constable Lieutenant
Lt. Commander Admiral Marshal Chief Superintendent DI DCI""".split())
#: Ranks and titles before a character's full name ("Detective Ruth Ash"): not part of the name.
CHARACTER_RANKS = frozenset(rank.lower() for rank in FICTION_RANKS) | frozenset("""ds dr. dr doctor judge colonel col.
captain capt. major general maj. professor prof. father sister brother reverend rev. mr. mrs. ms. miss lord lady sir
dame special forensic vice""".split())
#: Words for a character's kin and circle: "Agnes' brother-in-law", "June's sister".
RELATIVES = frozenset("""brother sister mother father son daughter wife husband uncle aunt cousin nephew niece
grandmother grandfather mentor rival boss partner fiance fiancee friend""".split())
#: Verbs after an outlet's name that report the news: "Variety has learned", "Deadline reports".
REPORTING_VERBS = frozenset("learned reports reported understands revealed".split())


def reports_news(first: str, second: str) -> bool:
    """True if the two words after a name say it is an outlet reporting the news: "has learned",
    "reports", "can reveal"."""
    return first in REPORTING_VERBS or (first == "has" and second in REPORTING_VERBS) or (first, second) == (
        "can", "reveal")
#: Words of a deal still being negotiated, which may govern a role named well after them.
NEGOTIATIONS = frozenset("talks negotiations negotiating eyed eyeing circling".split())
#: Lower-case words allowed inside a capitalised title or name.
NAME_CONNECTORS = frozenset("of the a an to be de du da di del della des van von der den la le les y el al bin".split())
#: Phrases that list a person's body of work, whose person a profile may leave unnamed:
#: "Notable film scores include A and B".
BODY_OF_WORK_CUES = (("credits", "include"), ("credits", "includes"), ("filmography", "includes"),
                      ("filmography", "include"), ("scores", "include"), ("works", "include"), ("films", "include"))
#: Phrases after which a person's earlier works are listed: "best known for A and B".
PRIOR_CUES = (("known", "for"), ("veteran", "of"), ("alum", "of"), ("alumna", "of"), ("alumnus", "of"),
              ("star", "of"), ("credits", "including"), *BODY_OF_WORK_CUES,
              ("roles", "in"), ("turns", "in"), ("work", "on"), ("breakout", "in"), ("broke", "out", "in"),
              ("remembered", "for"), ("recognized", "for"), ("recognizable", "from"), ("seen", "in"),
              ("seen", "on"), ("turn", "in"), ("film", "since"), ("series", "since"), ("role", "since"),
              ("project", "since"), ("memorable", "in"), ("memorable", "as"), ("whose",))
#: The cues by their first word, so that a word is looked up once.
PRIOR_CUES_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _cue in PRIOR_CUES:
    PRIOR_CUES_BY_FIRST_WORD.setdefault(_cue[0], []).append(_cue)
