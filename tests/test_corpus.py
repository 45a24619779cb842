"""The real-world corpus (tests/corpus/, issue 15): third-party Argdown, AIF and
Kialo files read through argmap and held against an independent count.

Every file is read or refused with a located message (never a crash), every map
read round-trips exactly, and what argmap reads agrees with the independent
count (the reference CLI for Argdown, the raw JSON for AIF, the raw text for
Kialo). ``KNOWN`` lists the disagreements still open; each fix removes its
entries, so a new disagreement or a silent change fails here.
"""

from __future__ import annotations

import pytest

from tests.corpus import sweep

OUTCOMES = {o.path.name: o for o in (sweep.sweep_file(p) for p in sweep.files([sweep.CORPUS]))}

#: file -> the disagreements still open (issue 15 item in the comment)
KNOWN: dict[str, list[str]] = {}


def test_the_corpus_holds_every_format():
    formats = {o.format for o in OUTCOMES.values()}
    assert formats == {"argdown", "aif", "kialo"}
    assert len(OUTCOMES) == 25


def test_every_speaker_the_files_name_is_read():
    named = sum(o.speakers[0] for o in OUTCOMES.values())
    assert named == 9  # nodeset 6064: CL and NL, named only in the L-node texts
    assert sum(o.speakers[1] for o in OUTCOMES.values()) == named


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_no_file_crashes(name):
    outcome = OUTCOMES[name]
    assert outcome.status in ("read", "refused"), outcome.message
    if outcome.status == "refused":
        assert outcome.message.startswith(f"{name}:"), outcome.message


@pytest.mark.parametrize("name", sorted(n for n, o in OUTCOMES.items() if o.status == "read"))
def test_every_map_read_round_trips_exactly(name):
    assert OUTCOMES[name].round_trip is True, OUTCOMES[name].disagreements


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_argmap_agrees_with_the_independent_count(name):
    assert OUTCOMES[name].disagreements == KNOWN.get(name, [])


def test_the_sweep_prints_the_table(capsys):
    assert sweep.main([str(sweep.CORPUS / "kialo")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("|")[1:-1] == [
        " format ",
        " files ",
        " read ",
        " refused ",
        " crashed ",
        " disagree ",
        " round trips exact ",
        " speakers ",
    ]
    assert out[2].split("|")[1].strip() == "kialo"
