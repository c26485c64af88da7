"""Ukrainian: persons only (``lang.uk.pipeline``); no event rules yet."""
