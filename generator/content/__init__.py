"""YAML with positions into models: find the project, load, validate, collect."""
