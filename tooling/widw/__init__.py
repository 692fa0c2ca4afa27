"""Wij in de Wijk: the case library core, its site generator, search and citation tools."""

__version__ = "0.1.0"
