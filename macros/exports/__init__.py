"""Files published beside the pages for machines, spreadsheets and feed readers, made from the model and the
address book: the link map, each strategy as JSON, CSV and XLSX, the Atom feeds, the DCAT catalogue,
``robots.txt`` (all listed by ``published``), and what each page's head says (``heads``). Same layer as
the renderers; neither imports the other."""
