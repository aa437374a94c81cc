"""``make bench``: load a scratch database, start the real server, drive it over loopback, print figures.

Benchmarks print figures; they are never tests and never fail the suite. See ``docs/benchmarks.md``.
"""
