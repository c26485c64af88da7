"""The monitor's day: sources watched (``watch``), persons tracked and the alerts they raise
(``alerts``), and the ways alerts leave the store: the web page, an Atom feed, a daily digest
and e-mail (``deliver``). ``commands`` holds the CLI shells."""
