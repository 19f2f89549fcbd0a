"""safeguide: structured safeguarding guidance to a searchable static site."""

__version__ = "0.1.0"
