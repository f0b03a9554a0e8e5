"""``modmanager notify``: the e-mail summary after scheduled runs.

``notify setup`` sets the SMTP server, sender and recipients (and switches the summary on);
``notify set-password`` keeps the SMTP password in the keyring (never in the settings file);
``notify test`` sends a test message with the current settings.
"""

from __future__ import annotations

import argparse

from modmanager.cli.services import cli_services, read_secret
from modmanager.ops.notify import SMTP_SECRET, send_test
from modmanager.store.settings import SMTP_SECURITY, load_settings, save_settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``notify setup|set-password|test``."""
    notify = subparsers.add_parser("notify", help="e-mail summary after scheduled runs (SMTP)")
    commands = notify.add_subparsers(dest="notify_command", metavar="COMMAND", required=True)
    setup = commands.add_parser("setup", help="set the SMTP server, sender and recipients")
    setup.add_argument("--host", required=True, help="SMTP server")
    setup.add_argument("--port", type=int, help="default: 587 with starttls, 465 with tls")
    setup.add_argument("--security", choices=SMTP_SECURITY, default="starttls", help="default: starttls")
    setup.add_argument("--user", default="", help="SMTP login (empty: none)")
    setup.add_argument("--sender", required=True, help="From address")
    setup.add_argument("--to", dest="recipients", action="append", required=True, metavar="ADDRESS",
                       help="a recipient (repeatable)")  # fmt: skip
    setup.add_argument("--disable", action="store_true", help="keep the settings but send no summary")
    setup.set_defaults(handler=_setup)
    password = commands.add_parser("set-password", help="store the SMTP password in the keyring")
    password.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    password.set_defaults(handler=_set_password)
    test = commands.add_parser("test", help="send a test message now")
    test.set_defaults(handler=_test)


def _setup(args: argparse.Namespace) -> int:
    port = args.port or (465 if args.security == "tls" else 587)
    settings = load_settings().with_changes(
        notify_email=not args.disable,
        smtp_host=args.host,
        smtp_port=port,
        smtp_security=args.security,
        smtp_user=args.user,
        smtp_sender=args.sender,
        smtp_recipients=tuple(args.recipients),
    )
    save_settings(settings)
    state = "off" if args.disable else "on"
    login = f" as {args.user}" if args.user else ""
    print(f"E-mail summary {state}: via {args.host}:{port} ({args.security}){login} to {', '.join(args.recipients)}.")
    if args.user:
        print("Store the SMTP password with 'modmanager notify set-password'.")
    return 0


def _set_password(args: argparse.Namespace) -> int:
    secret = read_secret("SMTP password", from_stdin=args.password_stdin)
    with cli_services() as services:
        services.credentials.set_secret(SMTP_SECRET, secret)
    print("The SMTP password is stored.")
    return 0


def _test(args: argparse.Namespace) -> int:
    with cli_services() as services:
        send_test(services)
    print("The test message was sent.")
    return 0
