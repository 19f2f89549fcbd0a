"""What changed since the last build: snapshots, their comparison, the previous build."""
