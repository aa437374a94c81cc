"""``python -m benchmarks --help``."""

from benchmarks.runner import main

main()
