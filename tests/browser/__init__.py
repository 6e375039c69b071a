"""Browser suite: the built example site in Debian's Chromium (axe-core, keyboard, search, privacy).

A package so that its ``conftest`` does not shadow ``tests/conftest.py`` under pytest's prepend import mode.
"""
