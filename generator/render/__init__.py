"""Renderers: pure functions from a resolved edition to page text and output files."""
