"""Helpers the tests import (``from support.html import read``): reading HTML, building sites, golden files.

Pipeline position: outside the product, beside the tests. Nothing here is a test or a fixture; the
session-built sites live in ``tests/conftest.py``.
"""
