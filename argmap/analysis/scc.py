"""Strongly connected components (Tarjan), the one implementation the analyses share.

>>> scc(3, [[1], [0], [0]])
[[0, 1], [2]]
"""

from __future__ import annotations


def scc(n: int, succ: list[list[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components of the graph on ``0..n-1`` with
    successor lists ``succ``, without recursion. Components come sinks first
    (reverse topological order), each in order of discovery.

    >>> scc(4, [[1], [0, 2], [], [2]])
    [[2], [0, 1], [3]]
    """
    index = [-1] * n
    low = [0] * n
    ptr = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [root]
        while work:
            v = work[-1]
            children = succ[v]
            i = ptr[v]
            if i < len(children):
                ptr[v] = i + 1
                w = children[i]
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append(w)
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1]]:
                low[work[-1]] = low[v]
            if low[v] == index[v]:
                w = stack.pop()
                on_stack[w] = False
                component = [w]
                while w != v:
                    w = stack.pop()
                    on_stack[w] = False
                    component.append(w)
                if len(component) > 1:
                    component.reverse()
                out.append(component)
    return out
