"""Analyses of a map's graph, each a module of pure functions over it.

- :mod:`~argmap.analysis.framework`: the map as an abstract argumentation framework;
- :mod:`~argmap.analysis.semantics`: its grounded, preferred and stable labellings
  (:mod:`~argmap.analysis.search`: the exact search behind the last two);
- :mod:`~argmap.analysis.explain`: why a node has its label;
- :mod:`~argmap.analysis.lint`: what an analyst should look at that validation allows;
- :mod:`~argmap.analysis.critical`: the load-bearing premises of a statement;
- :mod:`~argmap.analysis.rank`: statements ranked by what rests on them;
- :mod:`~argmap.analysis.diff`: what changed between two maps;
- :mod:`~argmap.analysis.scc`: strongly connected components, shared by the others.
"""
