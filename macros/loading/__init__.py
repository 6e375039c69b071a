"""From ``data/*.yaml`` to a validated model: read (``yamlio``), convert (``convert``), check across elements
(``validate``), every problem collected and phrased for editors (``problems``), each with a stable code from
the ``catalogue``. Also the JSON Schema of the format (``schema``), generated from the same field declarations.
``validate.load_site`` is the entry point."""
