"""Browser suite: built sites in Debian's Chromium (axe-core, keyboard, search, privacy, printing to PDF).

A package so that its ``conftest`` does not shadow ``tests/conftest.py`` under pytest's prepend import mode.
"""
