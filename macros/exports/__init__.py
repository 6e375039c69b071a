"""Files published beside the pages for machines and other tools (the link map), made from the model and
the address book. Same layer as the renderers; neither imports the other."""
