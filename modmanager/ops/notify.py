"""The e-mail summary after a scheduled run, over SMTP (``smtplib``).

Settings: ``smtp_host``, ``smtp_port``, ``smtp_security`` (``starttls`` on a plain port or
``tls`` from the start; there is no unencrypted mode), ``smtp_user``, ``smtp_sender``,
``smtp_recipients`` and ``notify_email``. The SMTP password lives in the keyring (or the
encrypted secrets file) under :data:`SMTP_SECRET`, never in the settings file. The server's
certificate is verified.

The text is German or English after the ``language`` setting; each job's own summary is the
English sentence the runner wrote.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from modmanager.core.errors import OperationError
from modmanager.ops.schedule import RunSummary, job_label
from modmanager.ops.services import Services
from modmanager.store.schedules import JobState
from modmanager.store.settings import Settings

SMTP_SECRET = "smtp"
"""The credential store's name for the SMTP password."""
SMTP_TIMEOUT = 30.0

_STATE_DE = {
    JobState.SUCCEEDED: "erfolgreich",
    JobState.FAILED: "fehlgeschlagen",
    JobState.MISSED: "verpasst",
    JobState.INTERRUPTED: "unterbrochen",
    JobState.RUNNING: "läuft",
    JobState.PENDING: "geplant",
}


def compose_summary(summary: RunSummary, settings: Settings) -> EmailMessage:
    """The e-mail for one run (without sending it)."""
    german = settings.language == "de"
    failed = len(summary.failed) + len(summary.missed) + len(summary.interrupted)
    done = sum(1 for job in summary.ran if job.state is JobState.SUCCEEDED)
    if german:
        subject = (
            f"modmanager: {_jobs_de(failed)} nicht erledigt" if failed else f"modmanager: {_jobs_de(done)} erledigt"
        )
        intro = [
            f"Geplanter Lauf von {summary.started_at:%Y-%m-%d %H:%M} bis {summary.finished_at:%H:%M} UTC.",
            f"{done} von {len(summary.ran)} gestarteten Aufträgen erfolgreich, {len(summary.missed)} verpasst, "
            f"{len(summary.interrupted)} unterbrochen.",
            "",
        ]
    else:
        subject = f"modmanager: {_jobs_en(failed)} not done" if failed else f"modmanager: {_jobs_en(done)} done"
        intro = [
            f"Scheduled run from {summary.started_at:%Y-%m-%d %H:%M} to {summary.finished_at:%H:%M} UTC.",
            summary.headline(),
            "",
        ]
    lines = list(intro)
    jobs = [*summary.failed, *summary.missed, *summary.interrupted]
    jobs += [job for job in summary.ran if job.state is JobState.SUCCEEDED]
    for job in jobs:
        state = _STATE_DE[job.state] if german else job.state.value
        lines.append(f"- {job.pbx_name}: {job_label(job)} - {state}: {job.summary}")
    lines.append("")
    lines.append(
        "Details: 'modmanager audit --since ...' oder Verlauf in der Anwendung."
        if german
        else "Details: 'modmanager audit --since ...' or the History view in the application."
    )
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.smtp_sender
    message["To"] = ", ".join(settings.smtp_recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=_domain(settings.smtp_sender))
    message.set_content("\n".join(lines) + "\n")
    return message


def send_run_summary(services: Services, summary: RunSummary, *, context: ssl.SSLContext | None = None) -> None:
    """E-mail ``summary`` to the configured recipients; OperationError when it cannot be sent."""
    settings = services.settings
    send(settings, services.credentials.get_secret(SMTP_SECRET), compose_summary(summary, settings), context=context)


def send_test(services: Services, *, context: ssl.SSLContext | None = None) -> None:
    """Send a short test message with the current settings."""
    settings = services.settings
    message = EmailMessage()
    message["Subject"] = "modmanager: Test"
    message["From"] = settings.smtp_sender
    message["To"] = ", ".join(settings.smtp_recipients)
    message["Date"] = formatdate(localtime=False)
    message.set_content(
        "Diese Nachricht bestätigt die E-Mail-Einstellungen von modmanager.\n"
        "This message confirms modmanager's e-mail settings.\n"
    )
    send(settings, services.credentials.get_secret(SMTP_SECRET), message, context=context)


def send(
    settings: Settings,
    password: str | None,
    message: EmailMessage,
    *,
    context: ssl.SSLContext | None = None,
    timeout: float = SMTP_TIMEOUT,
) -> None:
    """Deliver ``message`` over SMTP with STARTTLS or TLS, logging in when ``smtp_user`` is set."""
    _check(settings, password)
    tls = context or ssl.create_default_context()
    host, port = settings.smtp_host, settings.smtp_port
    try:
        if settings.smtp_security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=tls)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            client.ehlo()
            if settings.smtp_security == "starttls":
                if not client.has_extn("starttls"):
                    raise _failed(settings, "no_starttls")
                client.starttls(context=tls)
                client.ehlo()
            if settings.smtp_user:
                assert password is not None
                client.login(settings.smtp_user, password)
            refused = client.send_message(message)
    except OperationError:
        raise
    except smtplib.SMTPAuthenticationError:
        raise _failed(settings, "login_refused") from None
    except smtplib.SMTPRecipientsRefused:
        raise _failed(settings, "recipients_refused") from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as error:
        raise _failed(settings, *_reason(error)) from None
    if refused:
        raise _failed(settings, "some_refused", ", ".join(sorted(refused)))


def _check(settings: Settings, password: str | None) -> None:
    missing = [
        key
        for key, value in (
            ("smtp_host", settings.smtp_host),
            ("smtp_sender", settings.smtp_sender),
            ("smtp_recipients", settings.smtp_recipients),
        )
        if not value
    ]
    if missing:
        raise OperationError(code="notify_not_configured", params={"missing": ", ".join(missing)})
    if settings.smtp_user and not password:
        raise OperationError(code="notify_no_password")


def _reason(error: BaseException) -> tuple[str, str]:
    """Why sending failed: a ``problem`` key of ``notify_failed`` and its ``value``."""
    if isinstance(error, ssl.SSLCertVerificationError):
        return "untrusted", ""
    if isinstance(error, socket.timeout | TimeoutError):
        return "timeout", ""
    if isinstance(error, ConnectionRefusedError):
        return "connection_refused", ""
    if isinstance(error, smtplib.SMTPResponseException):
        return "smtp_code", str(error.smtp_code)
    return "other", error.__class__.__name__


def _failed(settings: Settings, problem: str, value: str = "") -> OperationError:
    """Params: ``server``, ``problem`` (a key the sentence is chosen by, see core/messages/unattended.py), ``value``."""
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    return OperationError(code="notify_failed", params={"server": where, "problem": problem, "value": value})


def _jobs_de(count: int) -> str:
    return "1 geplanter Auftrag" if count == 1 else f"{count} geplante Aufträge"


def _jobs_en(count: int) -> str:
    return "1 scheduled job" if count == 1 else f"{count} scheduled jobs"


def _domain(address: str) -> str:
    return address.rpartition("@")[2] or "modmanager.invalid"
