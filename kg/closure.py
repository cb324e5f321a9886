"""Transitive closure over a mapping of direct links, shared by the stages that need it
(superclasses, super-properties, documents that report on reports)."""
from __future__ import annotations

from typing import Hashable, Iterable, Mapping


def reachable(start: Hashable, links: Mapping[Hashable, Iterable[Hashable]]) -> set:
    """Everything reachable from ``start`` by one or more links (``start`` itself only on a cycle).

    >>> sorted(reachable("a", {"a": ["b"], "b": ["c"], "c": []}))
    ['b', 'c']
    """
    seen: set = set()
    todo = list(links.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(links.get(node, ()))
    return seen
