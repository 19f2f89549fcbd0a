"""`safeguide edit`: a small local web app in which a non-programmer edits an edition."""
