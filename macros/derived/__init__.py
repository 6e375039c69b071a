"""Facts derived from the model before anything renders: addresses, relations both ways, progress, the
timeline, who does what, and the Danish words for names, dates and numbers. No output format lives here."""
