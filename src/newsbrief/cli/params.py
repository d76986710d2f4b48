"""`newsbrief params`: list the parameters a params file may set."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    par = sub.add_parser("params", help="list the parameters a params file may set")
    par.set_defaults(func=cmd_params)


def cmd_params(args: argparse.Namespace) -> int:
    from ..params import Params

    for name, info in Params.model_fields.items():
        default = "required" if info.is_required() else repr(info.get_default(call_default_factory=True))
        print(f"{name:<11} {default:<28} {info.description}")
    return 0
