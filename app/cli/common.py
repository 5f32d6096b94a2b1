"""What every subcommand shares: reading the passphrase and opening the store."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from app.errors import CCMSError
from app.services.context import ServiceContext
from app.services.setup import open_store

PASSPHRASE_ENV = "CCMS_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CCMS_NEW_PASSPHRASE"


def read_passphrase(env: str = PASSPHRASE_ENV, prompt: str = "Passphrase: ",
                    confirm: bool = False) -> str:
    """From the environment or a terminal prompt; never from the command line."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CCMSError(f"no passphrase: set {env} or run in a terminal to be asked")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != value:
        raise CCMSError("the two passphrases differ")
    return value


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[ServiceContext]:
    store, ctx = open_store(args.data_dir, read_passphrase())
    try:
        yield ctx
    finally:
        store.lock()


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, name: str,
               help_text: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help_text, description=help_text, parents=[common])
