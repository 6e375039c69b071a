"""Strategy site: municipal strategies as YAML, built into an accessible, searchable MkDocs site.

Pipeline: ``yamlio`` (read, marked) → ``convert`` (typed, problems collected) → ``validate`` (cross-element
checks; ``load_site``) → ``pages``/``render``/``diagrams`` (pure renderers) → ``plugin`` (MkDocs) and
``site_macros`` (mkdocs-macros). ``python -m macros check`` runs the first three stages alone.
"""
