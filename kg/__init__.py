"""kg: a bilingual (Chinese/English) knowledge-graph builder.

Pipeline stages, one module each: corpus (read) → mentions → extract → resolve →
sources → graph (RDF) → pipeline (write); then query, serve, render, analyse, reason,
validate on the built graph. Only ``kg.cli`` talks to the user.
"""

__version__ = "0.1.0"
