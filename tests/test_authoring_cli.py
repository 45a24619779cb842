"""The authoring commands through the command line: init, quote, coverage, draft."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.loader import data_dir

SEED = Path(str(data_dir().joinpath("seeds", "sco-in-the-war-on-terror.txt")))
EMBEDDED = Path(str(data_dir().joinpath("sco.yaml")))

ARTICLE = """\
Cheaper Buses for Riverton

Riverton's buses carry fewer people every year. Fares rose by a third since 2019, while wages stayed flat.

Therefore the council should cut fares by half. Because cheaper fares bring riders back, the cut pays for itself within five years.

The transport director said that the budget cannot absorb the loss. However, the city holds a reserve fund for exactly this purpose.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "texts" / "buses.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --------------------------------------------------------------------- init ---


def test_init_writes_a_starter_map_that_validates(run, article, tmp_path):
    out = tmp_path / "maps" / "buses.yaml"
    out.parent.mkdir()
    result = run("init", article, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.stderr and "starter map of 'Cheaper Buses for Riverton'" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert 'file: "../texts/buses.txt"' in text
    # the paragraphs as validate numbers them, as comments
    assert "#   ¶1  Riverton's buses carry fewer people every year." in text
    assert "#   ¶3  The transport director said that the budget cannot absorb the loss." in text
    checked = run("validate", out)
    assert checked.exit_code == 0, checked.output
    assert "4 statements (1 proposal, 1 claim, 2 premises), 2 arguments, 1 attack; quotes checked" in checked.stdout


def test_init_example_items_quote_real_sentences(run, article, tmp_path):
    import yaml

    out = tmp_path / "m.yaml"
    assert run("init", article, "-o", out).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["statements"]}
    assert by_id["example-proposal"]["quote"] == "Therefore the council should cut fares by half"
    assert by_id["example-objection"]["quote"].startswith("However, the city holds a reserve fund")


def test_init_to_stdout_names_the_source_from_the_current_folder(run, article, monkeypatch):
    monkeypatch.chdir(article.parent.parent)
    result = run("init", article)
    assert result.exit_code == 0, result.output
    assert 'file: "texts/buses.txt"' in result.stdout


def test_init_never_overwrites_a_map_without_force(run, article, tmp_path):
    out = tmp_path / "m.yaml"
    out.write_text("my precious edits\n", encoding="utf-8")
    result = run("init", article, "-o", out)
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "my precious edits\n"
    assert run("init", article, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# A map of Cheaper Buses")


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"", "has no text to map"),
        (b"Just A Title\n", "has no text to map (only a title line)"),
        (b"\xff\xfe bad bytes", "is not UTF-8 text"),
    ],
)
def test_init_explains_a_source_it_cannot_use(run, tmp_path, content, message):
    path = tmp_path / "source.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("init", path, "-o", tmp_path / "m.yaml")
    assert result.exit_code == 1
    assert message in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "m.yaml").exists()


# -------------------------------------------------------------------- quote ---


def test_quote_prints_the_exact_words_and_paragraph(run):
    result = run("quote", "hot", "isues", "remain")
    assert result.exit_code == 0, result.output
    assert result.stdout == "¶6  Hot issues remain\n"
    assert "1 edit" in result.stderr


def test_quote_yaml_snippet_and_json(run):
    result = run("quote", "prosecution not extradition", "--yaml")
    assert result.stdout == '    quote: "prosecution not extradition"\n    paragraph: 7\n'
    data = json.loads(run("quote", "harmonious area", "--json").stdout)
    assert data == [
        {
            "edits": 0,
            "paragraph": 5,
            "quote": "harmonious area",
            "quoted_by": ["china-real-interest"],
            "source": "seeds/sco-in-the-war-on-terror.txt",
        }
    ]


def test_quote_lists_ambiguous_passages_and_says_so(run):
    result = run("quote", "China is actively pushing")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["¶1  China is actively pushing", "¶5  China is actively pushing"]
    assert "2 passages match" in result.stderr and "add words to pick one" in result.stderr


def test_quote_searches_a_maps_source_or_a_given_file(run, article, tmp_path):
    result = run("quote", "reserve fund", "--source", article)
    assert result.stdout == "¶3  reserve fund\n"
    out = tmp_path / "m.yaml"
    run("init", article, "-o", out)
    assert run("quote", "cut fares", "--map", out).stdout == "¶2  cut fares\n"


def test_quote_errors_name_the_source_and_what_to_do(run, article, tmp_path):
    result = run("quote", "Therefor the council shuld cut", "--source", article)
    assert result.stdout == "¶2  Therefore the council should cut\n"  # two typos forgiven
    result = run("quote", "subsidies for electric scooters", "--source", article)
    assert result.exit_code == 1
    assert f"{article}: no passage matches 'subsidies for electric scooters'" in result.stderr
    result = run("quote", "the budget cannot absorb the losses incurred", "--source", article)
    assert result.exit_code == 1 and "Closest passage (paragraph 3)" in result.stderr
    both = run("quote", "x", "--source", article, "--map", EMBEDDED)
    assert both.exit_code == 2 and "Give one of them" in both.stderr


def test_quote_on_a_map_without_a_findable_source(run, write, tmp_path):
    none = write("none.yaml", "title: T\nstatements:\n  - {id: a, kind: claim, text: A.}\n")
    result = run("quote", "x", "--map", none)
    assert result.exit_code == 1 and "names no source text" in result.stderr
    lost = write("lost.yaml", "title: T\nsource: {file: gone.txt}\nstatements:\n  - {id: a, kind: claim, text: A.}\n")
    result = run("quote", "x", "--map", lost)
    assert result.exit_code == 1
    assert "source file 'gone.txt' not found" in result.stderr and str(tmp_path / "gone.txt") in result.stderr


# ----------------------------------------------------------------- coverage ---


def test_coverage_of_the_embedded_map_names_only_what_is_left_out_on_purpose(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("coverage")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Coverage of seeds/sco-in-the-war-on-terror.txt by embedded map (sco.yaml)"
    assert "¶1     0%  standfirst: repeats ¶5, mapped there" in lines
    assert "¶8     0%  disclaimer" in lines
    assert "unmapped" not in result.stdout  # no noise: every other passage is mapped
    assert result.stdout.rstrip().endswith("nothing else to map.")


def test_coverage_json_lists_unmapped_clauses_by_paragraph(run, article, tmp_path):
    out = tmp_path / "m.yaml"
    run("init", article, "-o", out)
    data = json.loads(run("coverage", "--map", out, "--json").stdout)
    assert data["map"] == str(out)
    assert [p["paragraph"] for p in data["paragraphs"]] == [1, 2, 3]
    unmapped = [c["text"] for p in data["paragraphs"] for c in p["unmapped"]]
    assert "Riverton's buses carry fewer people every year." not in unmapped  # an example quotes it
    assert "Because cheaper fares bring riders back," in unmapped
    assert 0 < data["share"] < 1 and data["gaps"] == len(unmapped)


# -------------------------------------------------------------------- draft ---


def test_draft_proposes_items_from_their_markers_and_validates(run, article, tmp_path):
    import yaml

    out = tmp_path / "draft.yaml"
    result = run("draft", article, "-o", out)
    assert result.exit_code == 0, result.output
    assert "every quote checked against the source" in result.stderr
    assert run("validate", out).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["statements"]}
    proposals = [s["quote"] for s in data["statements"] if s["kind"] == "proposal"]
    assert proposals == ["the council should cut fares by half"]
    arguments = {(tuple(a["premises"]), a["conclusion"], a.get("quote")) for a in data["arguments"]}
    # "Therefore" opening a paragraph: the two sentences ending the one before support it
    therefore = next(a for a in arguments if a[2] == "Therefore")
    assert [by_id[p]["quote"] for p in therefore[0]] == [
        "Riverton's buses carry fewer people every year",
        "Fares rose by a third since 2019",
        "wages stayed flat",
    ]
    # "Because X, Y": X supports Y
    because = next(a for a in arguments if a[2] == "Because")
    assert by_id[because[0][0]]["quote"] == "cheaper fares bring riders back"
    assert by_id[because[1]]["quote"] == "the cut pays for itself within five years"
    # "However": the clause rebuts the sentence before; the reported clause is the director's
    [attack] = data["attacks"]
    assert by_id[attack["from"]]["quote"] == "the city holds a reserve fund for exactly this purpose"
    assert by_id[attack["to"]]["quote"] == "the budget cannot absorb the loss"
    assert by_id[attack["to"]]["speaker"] == "transport-director"
    assert "# “should”" in out.read_text(encoding="utf-8")


def test_draft_of_the_embedded_source_scores_against_the_curated_map(run):
    result = run("draft", SEED, "--against", EMBEDDED)
    assert result.exit_code == 0, result.output
    assert "proposals:" in result.stderr and "arguments:" in result.stderr and "precision" in result.stderr
    assert result.stdout.startswith("# A first draft of a map of")


def test_draft_leaves_out_repeats_and_boilerplate(tmp_path, run):
    import yaml

    path = tmp_path / "s.txt"
    shutil.copy(SEED, path)
    data = yaml.safe_load(run("draft", path).stdout)
    assert {s["paragraph"] for s in data["statements"]}.isdisjoint({1, 8})  # standfirst, disclaimer


SENTENCE_PARTS = st.sampled_from(
    [
        "Therefore",
        "However,",
        "But",
        "Although",
        "because",
        "since",
        "should",
        "must",
        "This shows that",
        "This necessitates",
        "the council",
        "said that",
        "He added that",
        "proposed",
        "developing",
        "improving",
        "and",
        "to build",
        "roads",
        "fares",
        "rise",
        "fall",
        ",",
        ";",
        "A spokesman",
        "it",
        "is",
        "important that",
        "“quoted”",
        "U.S.",
        "Dr.",
        "5.5",
        "—",
        "ça",
        "élan",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.lists(st.lists(SENTENCE_PARTS, min_size=1, max_size=12), min_size=1, max_size=5), min_size=1, max_size=4
    )
)
def test_any_draft_validates_with_every_quote_checked(tmp_path, paragraphs):
    from argmap.authoring.draft import checked, draft
    from argmap.source import SourceText

    text = "\n\n".join(" ".join(" ".join(words) + "." for words in para) for para in paragraphs)
    source = SourceText.from_text(text)
    if not any(c.isalnum() for c in "".join(source.paragraphs)):
        return  # read_source refuses a text without words
    made = draft(source, title="T", source_file="s.txt")
    checked(made, source, "s.txt")  # raises MapInvalid if a rule made an invalid map


def scored(source_path: Path, curated_path: Path) -> dict:
    """The draft of ``source_path`` scored against the map at ``curated_path``."""
    from argmap.authoring.draft import checked, draft, score
    from argmap.authoring.sources import read_source
    from argmap.loader import read_graph

    source, name = read_source(source_path)
    made = draft(source, title="T", source_file=str(source_path))
    return score(checked(made, source, name), read_graph(curated_path).graph, source)


def test_the_readme_gives_the_draft_scores_as_measured_on_the_embedded_map():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n### draft\n", 1)[1].split("\n## ", 1)[0]
    for what, s in scored(SEED, EMBEDDED).items():
        row = f"| {what} | {s.drafted} | {s.curated} | {s.matched} | {100 * s.precision:.0f}% | {100 * s.recall:.0f}% |"
        assert row in section, f"README should say: {row}"


def test_the_html_report_marks_unmapped_passages(run, tmp_path):
    text = tmp_path / "meals.txt"
    shutil.copy(Path(__file__).resolve().parent.parent / "examples" / "school-meals" / "school-meals.txt", text)
    out = tmp_path / "d.yaml"
    run("draft", text, "-o", out)
    page = run("export", "--map", out, "-f", "html").stdout
    gaps = json.loads(run("coverage", "--map", out, "--json").stdout)["gaps"]
    assert gaps > 0 and page.count('<span class="gap" title="not mapped yet">') == gaps
    assert "passages no item quotes yet" in page and "Mapped: 57% of the text" in page
    # a focused export is a part of the map: its gaps would be the rest, so none are marked
    focused = run("export", "--map", out, "-f", "html", "--focus", "prop-council-vote-spring-budget").stdout
    assert 'class="gap"' not in focused and "Mapped:" not in focused


def test_the_html_report_of_the_embedded_map_greys_what_is_left_out_on_purpose(run):
    page = run("export", "-f", "html").stdout
    assert 'class="gap"' not in page
    assert page.count('<span class="aside" title="left out: repeats ¶5">') == 2
    assert '<span class="aside" title="left out: disclaimer">' in page


def test_the_readme_gives_the_draft_scores_as_measured_on_the_new_text():
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("**This text, mapped this way.**", 1)[1].split("\n## ", 1)[0]
    folder = root / "examples" / "school-meals"
    for what, s in scored(folder / "school-meals.txt", folder / "school-meals.yaml").items():
        row = f"| {what} | {s.drafted} | {s.curated} | {s.matched} | {100 * s.precision:.0f}% | {100 * s.recall:.0f}% |"
        assert row in section, f"README should say: {row}"


def test_the_new_texts_map_is_valid_and_quotes_nearly_all_of_it(run):
    folder = Path(__file__).resolve().parent.parent / "examples" / "school-meals"
    result = run("validate", folder / "school-meals.yaml")
    assert result.exit_code == 0, result.output
    assert (
        "21 statements (2 proposals, 6 claims, 13 premises), 13 arguments, 4 attacks; quotes checked" in result.stdout
    )
    data = json.loads(run("coverage", "--map", folder / "school-meals.yaml", "--json").stdout)
    assert data["gaps"] == 0 and round(100 * data["share"]) == 99  # as the README says


def test_quote_names_the_items_that_quote_a_passage_already(run, article, tmp_path):
    out = tmp_path / "m.yaml"
    run("init", article, "-o", out)
    result = run("quote", "--map", out, "cut fares by half")
    assert result.stdout == "¶2  cut fares by half\n"
    assert "¶2: already quoted by example-proposal." in result.stderr
    assert "already quoted" not in run("quote", "--map", out, "transport director").stderr
