"""`ccms init` and `ccms passwd`."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import NEW_PASSPHRASE_ENV, add_parser, read_passphrase
from app.services.setup import initialise_store
from app.store.store import Store

WEAK_PASSPHRASE_CHARS = 12


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(sub, common, "init", "create the encrypted store for an office")
    p.add_argument("--office", required=True, help="office name, e.g. Vancouver")
    p.add_argument("--caseworker", default="Caseworker", help="name of this device's user")
    p.add_argument("--role", default="caseworker", choices=("caseworker", "supervisor"))
    p.set_defaults(func=cmd_init)

    p = add_parser(sub, common, "passwd", "change the passphrase (the data is not re-encrypted)")
    p.set_defaults(func=cmd_passwd)


def _warn_if_weak(passphrase: str) -> None:
    if len(passphrase) < WEAK_PASSPHRASE_CHARS:
        print(f"ccms: warning: a passphrase shorter than {WEAK_PASSPHRASE_CHARS} characters "
              "is weak protection for this data", file=sys.stderr)


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(confirm=True)
    _warn_if_weak(passphrase)
    store, _ = initialise_store(args.data_dir, passphrase, args.office, args.caseworker,
                                args.role)
    store.lock()
    print(f"created the encrypted store for office {args.office!s} in {args.data_dir}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    old = read_passphrase()
    new = read_passphrase(NEW_PASSPHRASE_ENV, "New passphrase: ", confirm=True)
    _warn_if_weak(new)
    Store(args.data_dir).change_passphrase(old, new)
    print("passphrase changed")
    return 0
