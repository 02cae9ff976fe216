#!/usr/bin/python3
"""An SMTP sink for the test suite, on aiosmtpd (python3-aiosmtpd).

Listens on 127.0.0.1 twice: --port offers STARTTLS, --smtps-port is TLS from
the first byte. AUTH PLAIN/LOGIN is accepted, after TLS only, for --user and
--password. Each message is written to DIR/<n>.eml exactly as received, and
its envelope to DIR/<n>.json (mail_from, rcpt_tos, authenticated_as, tls),
before the server answers 250: a client that got its 250 finds both files.
Runs until killed.
"""
import argparse
import asyncio
import itertools
import json
import logging
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        base = os.path.join(self.folder, str(number))
        with open(base + ".eml.part", "wb") as message:
            message.write(envelope.original_content)
        os.rename(base + ".eml.part", base + ".eml")
        login = session.auth_data.login.decode() if session.authenticated else None
        with open(base + ".json.part", "w") as out:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "authenticated_as": login, "tls": server.implicit_tls or session.ssl is not None}, out)
        os.rename(base + ".json.part", base + ".json")
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    for option in ("--folder", "--cert", "--key", "--user", "--password"):
        parser.add_argument(option, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--smtps-port", type=int, required=True)
    options = parser.parse_args()
    # Errors in the handlers go to the sink's log, beside dovecot's.
    logging.basicConfig(level=logging.ERROR)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(options.cert, options.key)
    recorder = Recorder(options.folder)

    def authenticate(server, session, envelope, mechanism, data):
        accepted = isinstance(data, LoginPassword) and \
            (data.login.decode(), data.password.decode()) == (options.user, options.password)
        # handled=False: aiosmtpd answers a refusal with 535 itself.
        return AuthResult(success=accepted, handled=False, auth_data=data if accepted else None)

    def protocol(implicit_tls):
        def make():
            # aiosmtpd only counts STARTTLS as TLS for AUTH: on the SMTPS port
            # the whole connection already is.
            server = SMTP(recorder, hostname="sink.relais.test", tls_context=None if implicit_tls else context,
                          authenticator=authenticate, auth_require_tls=not implicit_tls,
                          data_size_limit=64 * 1024 * 1024)
            server.implicit_tls = implicit_tls
            return server
        return make

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(loop.create_server(protocol(False), "127.0.0.1", options.port))
    loop.run_until_complete(loop.create_server(protocol(True), "127.0.0.1", options.smtps_port, ssl=context))
    loop.run_forever()


if __name__ == "__main__":
    main()
