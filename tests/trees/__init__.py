"""One test file per national decision tree, pinning its routes (alphagov/smart-answers style)."""
