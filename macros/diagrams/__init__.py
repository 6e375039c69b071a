"""Diagrams of the theory of change: style → graphs → DOT → Graphviz (cached) → cleaned SVG and A3 PDF.

``style`` (the typed style file), ``graphs`` (which boxes and arrows), ``dotsource`` (DOT text),
``graphviz`` (running ``dot`` in batches through the cache), ``svg`` and ``pdf`` (clean-up), ``figures``
(``build_diagrams``: all of it for a whole site). No Markdown is written here: the renderers place figures.
"""
