"""The HTML view in a real headless Chromium (Debian's), driven by playwright, with the network blocked.

Run by hand with KG_SCREENSHOTS=outputs to keep a screenshot of each page under outputs/.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from view_fixture import HOSTILE, HOSTILE_SENTENCE, QUOTED, iri
from kg.graph import KnowledgeGraph
from kg.view import write_html

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

# Our own articles: one work spelled with and without its accent, and a sentence with markup.
RENEWED = """date 2025-06-02
Netflix has renewed the ballet drama Étoile for a second season.

Étoile was created by Marguerite Okonkwo-Lind.

Tavish Brennock plays Odile Farrant in Étoile, alongside Sunniva Halvorsen as Bastien Roux.
"""
RIVAL = """date 2025-09-14
Ines Castellane plays Magali Dufresne in Etoile </script><img src=x onerror=alert(1)> \\o/ "yes".
"""
MARKUP = "</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def etoile(nlp) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.add_text(RENEWED, article_id="etoile-renewed")
    graph.add_text(RIVAL, article_id="etoile-rival")
    return graph


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@dataclass
class Visit:
    """A page open in the browser, with everything it tried to do besides drawing."""

    page: object
    requests: list[str] = field(default_factory=list)  # every URL asked for that is not the file
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm(), prompt()

    def text(self, selector: str) -> str:
        return self.page.locator(selector).first.text_content()

    def search(self, query: str, found: bool = True) -> None:
        """Type `query` and press Enter; when it is `found`, wait for the view to centre on it."""
        self.page.fill("#kg-search", query)
        self.centring(lambda: self.page.press("#kg-search", "Enter"), found)

    def centring(self, action, moves: bool = True) -> None:
        """Do `action`; if it `moves` the view, wait (30 s at most) for the animation to end."""
        if moves:
            self.page.evaluate("() => { window.kgMoving = true;"
                               " kgNetwork.once('animationFinished', () => { kgMoving = false; }); }")
        action()
        for _ in range(300 if moves else 0):
            if not self.page.evaluate("window.kgMoving"):
                break
            self.page.wait_for_timeout(100)

    def screenshot(self, tmp_path: Path, name: str) -> Path:
        """A picture of the page in tmp_path, copied to $KG_SCREENSHOTS when set (by hand)."""
        path = tmp_path / f"{name}.png"
        self.page.screenshot(path=path)
        if os.environ.get("KG_SCREENSHOTS"):
            folder = Path(os.environ["KG_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, folder / path.name)
        return path


@pytest.fixture
def visit(browser):
    """Open an HTML file offline: every request but the file itself is recorded and aborted."""
    contexts = []

    def open_page(path: Path) -> Visit:
        context = browser.new_context(viewport={"width": 1400, "height": 860})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)

        def block(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                seen.requests.append(route.request.url)
                route.abort()

        context.route("**/*", block)
        page.on("request", lambda r: r.url.startswith("file:") or seen.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text))
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_selector("#kg-network[data-drawn-nodes]", timeout=60_000)
        return seen

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def etoile_page(etoile, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view") / "etoile.html"
    etoile.to_html(path, title="Étoile")
    return path


def node_id(visit: Visit, label: str) -> str:
    return visit.page.evaluate(
        "label => JSON.parse(document.getElementById('kg-data').textContent)"
        ".nodes.find(n => n.label === label).id", label)


def click_node(visit: Visit, node: str) -> None:
    """A real mouse click where the network drew the node."""
    x, y = visit.page.evaluate(
        "id => { const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]); return [p.x, p.y]; }",
        node)
    box = visit.page.locator("#kg-network").bounding_box()
    visit.page.mouse.click(box["x"] + x, box["y"] + y)


def test_page_loads_offline_and_draws_every_entity(etoile, etoile_page, visit, tmp_path):
    seen = visit(etoile_page)
    nodes = len(etoile.to_networkx())
    assert nodes >= 9
    assert seen.page.get_attribute("#kg-network", "data-drawn-nodes") == str(nodes)
    assert seen.page.get_attribute("#kg-network", "data-shown-nodes") == str(nodes)
    assert seen.text("#kg-counts").startswith(f"{nodes} of {nodes} entities")
    assert seen.page.locator("#kg-network canvas").count() == 1
    seen.screenshot(tmp_path, "view-etoile")
    assert seen.requests == [] and seen.errors == [] and seen.dialogs == []


def test_search_without_accent_finds_the_accented_work_and_centres_on_it(etoile_page, visit, tmp_path):
    seen = visit(etoile_page)
    seen.search("Etoile")
    etoile = node_id(seen, "Étoile")
    assert seen.text("#kg-panel h2") == "Étoile"
    assert seen.page.evaluate("kgNetwork.getSelectedNodes()") == [etoile]
    assert "Etoile" in seen.text("#kg-panel dl")  # the other spelling, listed
    centre = seen.page.evaluate("kgNetwork.getViewPosition()")
    node = seen.page.evaluate("id => kgNetwork.getPositions([id])[id]", etoile)
    assert abs(centre["x"] - node["x"]) < 1 and abs(centre["y"] - node["y"]) < 1
    seen.screenshot(tmp_path, "view-etoile-search")
    seen.search("nobody at all", found=False)
    assert seen.text("#kg-search-status") == "no match"
    assert seen.errors == [] and seen.requests == []


def test_clicking_a_node_shows_its_facts_with_article_date_and_sentence(etoile_page, visit):
    seen = visit(etoile_page)
    click_node(seen, node_id(seen, "Marguerite Okonkwo-Lind"))
    panel = seen.page.locator("#kg-panel")
    assert seen.text("#kg-panel h2") == "Marguerite Okonkwo-Lind"
    assert "Person" in seen.text("#kg-panel .kind")
    fact = panel.locator("li.fact").first
    assert "creator" in fact.text_content() and "Étoile" in fact.text_content()
    assert fact.locator(".meta").text_content().startswith(
        "etoile-renewed \u00b7 2025-06-02 \u00b7 confidence 0.")
    assert fact.locator("blockquote").text_content() == "Étoile was created by Marguerite Okonkwo-Lind."
    seen.centring(fact.locator("button.entity").click)  # on to the work
    assert seen.text("#kg-panel h2") == "Étoile"
    assert seen.errors == []


def test_type_filter_hides_entities_and_search_shows_them_again(etoile, etoile_page, visit):
    seen = visit(etoile_page)
    graph = etoile.to_networkx()
    people = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Person")
    seen.page.uncheck('input[data-kind="Person"]')
    assert seen.page.get_attribute("#kg-network", "data-shown-nodes") == str(len(graph) - people)
    seen.page.uncheck('input[data-predicate="plays"]')  # characters are left with no fact
    shown = int(seen.page.get_attribute("#kg-network", "data-shown-nodes"))
    assert 0 < shown < len(graph) - people
    seen.search("tavish brennock")
    assert seen.page.is_checked('input[data-kind="Person"]')
    assert seen.text("#kg-panel h2") == "Tavish Brennock"
    assert seen.errors == []


def test_markup_in_an_article_sentence_shows_as_text_and_runs_nothing(etoile_page, visit):
    seen = visit(etoile_page)
    seen.search("Ines Castellane")
    sentences = seen.page.locator("#kg-panel blockquote").all_text_contents()
    assert any(MARKUP in s for s in sentences), sentences
    assert seen.page.locator("img").count() == 0
    assert seen.page.evaluate("document.scripts.length") == 3
    assert seen.dialogs == [] and seen.errors == [] and seen.requests == []


def test_markup_quotes_and_backslashes_in_names_show_as_text(nx_graph, visit, tmp_path):
    seen = visit(write_html(nx_graph, tmp_path / "hostile.html", title=HOSTILE))
    assert seen.page.title() == HOSTILE
    for name in (HOSTILE, QUOTED):
        seen.search(name)
        assert seen.text("#kg-panel h2") == name
    seen.search(HOSTILE)
    seen.centring(seen.page.locator("#kg-panel button.entity", has_text="Étoile").click)
    assert HOSTILE_SENTENCE in seen.page.locator("#kg-panel blockquote").all_text_contents()
    click_node(seen, iri("Person", HOSTILE))
    assert seen.text("#kg-panel h2") == HOSTILE
    seen.page.wait_for_timeout(300)  # any onerror would have fired by now
    assert seen.page.locator("img").count() == 0
    assert seen.page.evaluate("document.scripts.length") == 3
    seen.screenshot(tmp_path, "view-hostile")
    assert seen.dialogs == [] and seen.errors == [] and seen.requests == []
