"""Read the knowledge graph's RDF into a networkx graph of entities and facts, with provenance.

Nodes are entities keyed by IRI; edges are direct facts keyed by the model's predicate name, plus
a "plays" edge from each actor to the character they play. `select` picks the part of a graph to
draw (a focus neighbourhood, some types or predicates, the most connected). This module does not render.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.terms import (
    ARTICLE,
    CHARACTER,
    CONFIDENCE,
    METHOD,
    PERFORMANCE,
    PREDICATE_OF_PROPERTY,
    PROPERTIES,
    SCHEMA,
    SENTENCE,
    SENTENCE_START,
    TYPE_OF_CLASS,
)
from kg.resolve import name_key

PLAYS = "plays"  # predicate (and edge key) of the actor -> character edges

Articles = dict[Node, tuple[str, str | None]]  # article node -> (id, publication date)


class _Index:
    """All triples of a Graph (or of every graph of a Dataset) as subject -> property -> objects.

    One pass and dict lookups afterwards: faster than rdflib's per-pattern lookups, and rdflib
    7.6's Dataset.triples() issues a DeprecationWarning on every call.
    """

    def __init__(self, graph: Graph) -> None:
        self.props: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
        if isinstance(graph, ConjunctiveGraph):  # includes Dataset, whatever its default_union
            triples: Iterable = (quad[:3] for quad in graph.quads((None, None, None, None)))
        else:
            triples = graph.triples((None, None, None))
        for s, p, o in triples:
            self.props[s][p].add(o)

    def objects(self, node: Node, prop: URIRef) -> set[Node]:
        props = self.props.get(node)
        return props.get(prop, set()) if props else set()

    def value(self, node: Node | None, prop: URIRef) -> Node | None:
        """One object (the smallest, so that the choice is stable), or None."""
        objects = self.objects(node, prop) if node is not None else set()
        return min(objects) if objects else None

    def text(self, node: Node | None, prop: URIRef) -> str | None:
        value = self.value(node, prop)
        return None if value is None else str(value)

    def of_type(self, cls: URIRef) -> list[Node]:
        return sorted(s for s, props in self.props.items() if cls in props.get(RDF.type, ()))


def _tail(node: Node) -> str:
    return str(node).rsplit("/", 1)[-1]


def _entity_type(index: _Index, node: Node) -> tuple[str, str | None] | None:
    classes = index.objects(node, RDF.type)
    return next((kind for cls, kind in TYPE_OF_CLASS.items() if cls in classes), None)


def _articles(index: _Index) -> Articles:
    """Id and publication date of every article node."""
    return {a: (index.text(a, SCHEMA.identifier) or _tail(a), index.text(a, SCHEMA.datePublished))
            for a in index.of_type(ARTICLE)}


def _add_entities(index: _Index, articles: Articles, out: nx.MultiDiGraph) -> None:
    mentions: dict[Node, set[str]] = defaultdict(set)
    for article, (article_id, _) in articles.items():
        for entity in index.objects(article, SCHEMA.mentions):
            mentions[entity].add(article_id)
    for node in sorted(index.props):
        kind = _entity_type(index, node)
        if kind is None or not isinstance(node, URIRef):
            continue
        names = {str(n) for prop in (RDFS.label, SCHEMA.name) for n in index.objects(node, prop)}
        # Articles may spell one slug differently ("Zoe", "Zoë"): keep the longest, then
        # the highest code points (accented over plain), and the others as aliases.
        label = max(names, key=lambda n: (len(n), n)) if names else _tail(node)
        aliases = (names | {str(a) for a in index.objects(node, SKOS.altLabel)}) - {label}
        out.add_node(str(node), label=label, type=kind[0], subtype=kind[1],
                     aliases=sorted(aliases), articles=sorted(mentions[node]))


def _number(value: Node | None, kind: type) -> float | int | None:
    return kind(value) if isinstance(value, Literal) else None


def _sources(index: _Index, articles: Articles) -> dict[tuple[str, str, str], list[dict]]:
    """Provenance records, as plain JSON-able dicts, grouped by the (s, p, o) they state."""
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for st in index.of_type(RDF.Statement):
        s, p, o = (index.value(st, t) for t in (RDF.subject, RDF.predicate, RDF.object))
        if p not in PREDICATE_OF_PROPERTY or s is None or o is None:
            continue
        article_id, date = articles.get(index.value(st, PROV.wasDerivedFrom), (None, None))
        grouped[(str(s), str(p), str(o))].append({
            "article": article_id,
            "date": date,
            "sentence": index.text(st, SENTENCE),
            "start": _number(index.value(st, SENTENCE_START), int),
            "confidence": _number(index.value(st, CONFIDENCE), float),
            "method": index.text(st, METHOD),
            "character": index.text(st, SCHEMA.characterName),
        })
    for records in grouped.values():
        records.sort(key=lambda r: (r["article"] or "", r["start"] or 0, r["sentence"] or ""))
    return grouped


def _roles(index: _Index) -> dict[tuple[str, str], list[tuple[str | None, str | None]]]:
    """Cast entries: (work, actor) -> [(character name, character node IRI)]."""
    roles: dict[tuple[str, str], list[tuple[str | None, str | None]]] = defaultdict(list)
    for work in sorted(index.props):
        for role in sorted(index.objects(work, PERFORMANCE)):
            actor = index.value(role, SCHEMA.actor)
            if actor is not None:
                roles[(str(work), str(actor))].append(
                    (index.text(role, SCHEMA.characterName), index.text(role, CHARACTER)))
    return roles


def _add_facts(index: _Index, articles: Articles, out: nx.MultiDiGraph) -> None:
    sources = _sources(index, articles)
    roles = _roles(index)
    for s in sorted(index.props):
        for prop, predicate in PREDICATE_OF_PROPERTY.items():
            for o in sorted(index.objects(s, prop)):
                if str(s) not in out or str(o) not in out:
                    continue
                names = sorted({name for name, _ in roles.get((str(s), str(o)), []) if name})
                out.add_edge(str(s), str(o), key=predicate, predicate=predicate,
                             character=" / ".join(names) or None,
                             sources=sources.get((str(s), str(prop), str(o)), []))
    for (work, actor), entries in sorted(roles.items()):
        for name, character in entries:
            if character is not None and character in out and actor in out:
                _add_plays(out, actor, character, name, work, sources)


def _add_plays(out: nx.MultiDiGraph, actor: str, character: str, name: str | None,
               work: str, sources: dict[tuple[str, str, str], list[dict]]) -> None:
    """Add (or extend) the actor -> character edge with the work and its statements."""
    name = name or out.nodes[character]["label"]
    records = [r for r in sources.get((work, str(PROPERTIES["cast_member"]), actor), [])
               if r["character"] == name]
    if out.has_edge(actor, character, key=PLAYS):
        data = out.edges[actor, character, PLAYS]
        data["works"] = sorted(set(data["works"]) | {work})
        data["sources"].extend(r for r in records if r not in data["sources"])
    else:
        out.add_edge(actor, character, key=PLAYS, predicate=PLAYS, character=name,
                     work=work, works=[work], sources=list(records))


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes and facts (with their sources) as edges, from a Graph or Dataset."""
    index = _Index(graph)
    articles = _articles(index)
    out = nx.MultiDiGraph()
    _add_entities(index, articles, out)
    _add_facts(index, articles, out)
    return out


def _names(nx_graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
    data = nx_graph.nodes[node]
    return [data.get("label", node), *data.get("aliases", [])]


def find_nodes(nx_graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose label (or, failing that, an alias) matches `name`; LookupError if none."""
    key = name_key(name)
    by_label = [n for n in nx_graph if name_key(nx_graph.nodes[n].get("label", n)) == key]
    if by_label:
        return by_label
    by_alias = [n for n in nx_graph if any(name_key(a) == key for a in _names(nx_graph, n))]
    if by_alias:
        return by_alias
    labels: dict[str, str] = {}  # name key -> label of the entity with that name
    for node in nx_graph:
        for alias in _names(nx_graph, node):
            labels.setdefault(name_key(alias), nx_graph.nodes[node].get("label", node))
    close = dict.fromkeys(labels[k] for k in difflib.get_close_matches(key, list(labels), n=5))
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise LookupError(f"no entity named {name!r} in the graph{hint}")


def neighbourhood(nx_graph: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The subgraph within `depth` hops (either direction) of the entities called `name`."""
    return around(nx_graph, find_nodes(nx_graph, name), depth)


def around(nx_graph: nx.MultiDiGraph, centres: Iterable[str], depth: int = 1) -> nx.MultiDiGraph:
    """The subgraph within `depth` hops (either direction) of the nodes `centres`."""
    undirected = nx_graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return nx_graph.subgraph(keep).copy()


#: Entity types a view can keep: the types and their subtypes, as kg.terms.CLASSES names them.
TYPES: tuple[str, ...] = tuple(dict.fromkeys(name for kind in TYPE_OF_CLASS.values()
                                             for name in kind if name))
#: Predicates a view can keep: the model's, and the actor -> character "plays".
PREDICATES: tuple[str, ...] = (*PROPERTIES, PLAYS)


def _checked(values: Iterable[str], known: tuple[str, ...], what: str) -> set[str]:
    """`values` folded to their known spelling (case-blind); ValueError naming the unknown ones."""
    by_key = {k.lower(): k for k in known}
    unknown = [v for v in values if v.lower() not in by_key]
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(known)}")
    return {by_key[v.lower()] for v in values}


def keep_predicates(nx_graph: nx.MultiDiGraph, predicates: Iterable[str]) -> nx.MultiDiGraph:
    """Only the facts with these predicates, and the entities they join."""
    wanted = _checked(predicates, PREDICATES, "predicate")
    edges = [(u, v, k) for u, v, k in nx_graph.edges(keys=True) if k in wanted]
    return nx_graph.edge_subgraph(edges).copy()


def keep_types(nx_graph: nx.MultiDiGraph, types: Iterable[str],
               also: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Only entities of these types or subtypes ("Work" keeps every work), plus the nodes `also`."""
    wanted = _checked(types, TYPES, "type")
    keep = {n for n, data in nx_graph.nodes(data=True)
            if data.get("type") in wanted or data.get("subtype") in wanted}
    return nx_graph.subgraph(keep | set(also)).copy()


def most_connected(nx_graph: nx.MultiDiGraph, top: int, also: Iterable[str] = ()) -> nx.MultiDiGraph:
    """The `top` entities with the most facts (ties by label), plus the nodes `also`."""
    also = [n for n in also if n in nx_graph]
    ranked = sorted(nx_graph, key=lambda n: (-nx_graph.degree(n), nx_graph.nodes[n].get("label", n), n))
    keep = dict.fromkeys(also)
    keep.update(dict.fromkeys(n for n in ranked if n not in keep))
    return nx_graph.subgraph(list(keep)[:max(top, len(also))]).copy()


def select(nx_graph: nx.MultiDiGraph, focus: str | None = None, depth: int = 1,
           top: int | None = None, types: Iterable[str] = (),
           predicates: Iterable[str] = ()) -> nx.MultiDiGraph:
    """The part of a graph to draw: facts of `predicates`, around `focus` within `depth` hops,
    entities of `types` (the focus kept), then the `top` most connected. Empty filters keep all."""
    types, predicates = list(types), list(predicates)
    if predicates:
        nx_graph = keep_predicates(nx_graph, predicates)
    centres = find_nodes(nx_graph, focus) if focus else []
    if focus:
        nx_graph = around(nx_graph, centres, depth)
    if types:
        nx_graph = keep_types(nx_graph, types, also=centres)
    if top is not None:
        nx_graph = most_connected(nx_graph, top, also=centres)
    return nx_graph
