"""The Markdown report: a section per proposal, its reasons and the challenges to it."""

from __future__ import annotations

from ..export_helpers import SMALL, exported


def test_markdown_report_has_a_section_per_proposal_with_reasons_and_challenges():
    text = exported(SMALL, "md")
    assert text.startswith("# A congestion charge for the city centre\n")
    assert "```mermaid\n%%{init" in text
    section = text.split("## Proposal: Charge drivers who enter the centre at peak hours.", 1)[1]
    reasons, challenges = section.split("### Challenges to it", 1)
    assert "Traffic in the centre has doubled in ten years. — “*Traffic in the centre has doubled" in reasons
    assert "(¶ 1)" in reasons and "Undermined by" in reasons and "Undercut by" in reasons
    assert "Rebutted by" in challenges and "A charge will drive customers away." in challenges
