"""One build of an edition: generate pages, run the engine, print PDFs, swap atomically."""
