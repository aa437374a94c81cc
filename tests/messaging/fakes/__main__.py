"""Run a fake gateway on its own: ``python -m tests.messaging.fakes aligo|solapi --port 8401``.

For benchmarks: in its own process the fake does not compete with the worker for the event loop.
"""

from __future__ import annotations

import argparse

import uvicorn

from tests.messaging.fakes.aligo import FakeAligo
from tests.messaging.fakes.common import Faults
from tests.messaging.fakes.solapi import FakeSolapi


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gateway", choices=["aligo", "solapi"])
    parser.add_argument("--port", type=int, default=8401)
    parser.add_argument("--error-rate", type=float, default=0.0)
    parser.add_argument("--lost-rate", type=float, default=0.0)
    args = parser.parse_args()
    faults = Faults(error_rate=args.error_rate, lost_rate=args.lost_rate)
    fake = FakeAligo(faults) if args.gateway == "aligo" else FakeSolapi(faults)
    uvicorn.run(fake.app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
