"""Bases and overlays resolved into one edition; drift against the base; scaffolding."""
