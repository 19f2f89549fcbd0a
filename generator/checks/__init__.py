"""Cross-file rules on a resolved edition, and walking its trees' routes."""
