"""The engine adapter: the only package that imports the site engine (MkDocs 1.x API).

Everything else hands it a rendered edition and gets a built folder back."""
