"""Strategy site: municipal strategies as YAML, built into an accessible, searchable MkDocs site.

The package is layered; a module imports only from its own package and from layers below it (a test reads
the imports and fails on an upward one):

1. ``model`` (the frozen domain classes) and ``text`` (editor text made safe for Markdown);
2. ``loading``: ``data/*.yaml`` → validated model, every problem collected in Danish;
3. ``derived``: what is computed from the model before anything renders (the frozen address book,
   relations both ways, progress, the timeline, who does what, the Danish words for names and dates);
4. ``diagrams``: style → graphs → DOT → Graphviz (cached) → SVG and A3 PDF;
5. ``rendering`` (Markdown of every generated page and of the editors' macros) and ``exports`` (files
   for machines), side by side;
6. ``build`` (the MkDocs plugin and mkdocs-macros module) and ``__main__`` (``python -m macros``).
"""
