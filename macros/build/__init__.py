"""The build: the MkDocs plugin that drives it (``plugin``), reuse between ``mkdocs serve`` rebuilds behind
one seam (``serve``), and what is done to MkDocs' output (``svgstash``, ``compact``, ``searchindex``,
``publish``); ``macros_module`` registers the editors' macros with mkdocs-macros. The only package that
knows MkDocs."""
