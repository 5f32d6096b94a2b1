"""`ccms-server serve|enrol|revoke|devices`."""

from __future__ import annotations

import argparse
import secrets
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server.db import Device, EnrolmentCode, init_db, make_engine, token_hash, utcnow

DEFAULT_DB = "sqlite:///ccms-server.db"


def _sessions(url: str) -> sessionmaker[Session]:
    return init_db(make_engine(url))


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    app = create_app(_sessions(args.db))
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key)
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    office = " ".join(args.office.split())
    if not office:
        print("ccms-server: --office must name an office", file=sys.stderr)
        return 2
    code = secrets.token_urlsafe(12)
    with _sessions(args.db).begin() as session:
        session.add(EnrolmentCode(code_hash=token_hash(code), office_name=office))
    print(code)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with _sessions(args.db).begin() as session:
        device = session.get(Device, args.device)
        if device is None:
            print(f"ccms-server: no device {args.device}", file=sys.stderr)
            return 2
        device.revoked_at = device.revoked_at or utcnow()
    print(f"revoked {args.device}")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with _sessions(args.db)() as session:
        for d in session.scalars(select(Device).order_by(Device.enrolled_at)):
            state = "revoked" if d.revoked_at else "active"
            seen = d.last_seen_at.isoformat() if d.last_seen_at else "never"
            print(f"{d.id}\t{d.office_name}\t{d.label}\t{state}\tlast seen {seen}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ccms-server")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, fn, text in (("serve", cmd_serve, "run the endpoint"),
                           ("enrol", cmd_enrol, "print a one-time enrolment code"),
                           ("revoke", cmd_revoke, "revoke a device (it wipes at next contact)"),
                           ("devices", cmd_devices, "list the enrolled devices")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", default=DEFAULT_DB, help="database URL (SQLite or PostgreSQL)")
        p.set_defaults(func=fn)
        if name == "serve":
            p.add_argument("--host", default="127.0.0.1")
            p.add_argument("--port", type=int, default=8470)
            p.add_argument("--tls-cert", default=None)
            p.add_argument("--tls-key", default=None)
        if name == "enrol":
            p.add_argument("--office", required=True)
        if name == "revoke":
            p.add_argument("--device", required=True)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
