#!/usr/bin/env python3
"""An embeddable French request form that turns each request into a ticket.

    python3 server.py --workspace sqlite:///var/lib/relais/duret.db --port 8080

GET / serves the form, POST /demande records the request through
ws.desk.submit_web_request() and answers with the ticket number. Built on
http.server and the relais package only: an example to read, not a hardened
web server (see README.md for what a production deployment adds).
"""
import argparse
import html
import signal
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from urllib.parse import parse_qs

import relais

HERE = Path(__file__).resolve().parent
# Names the wording of the consent text in form.html: change it whenever that
# text changes, so that each ticket's journal says which text was accepted.
CONSENT_VERSION = "2026-01"
MAX_BODY_BYTES = 64 * 1024
TEXT_FIELDS = ("name", "phone", "email", "street", "postcode", "city", "message")
KINDS = {  # relais.TicketKind name -> what the customer reads
    "breakdown": "Une panne ou un dépannage urgent",
    "quote_request": "Une demande de devis",
    "maintenance_appointment": "Un rendez-vous d’entretien",
    "after_sales": "Un problème après travaux, une réclamation",
    "information": "Une demande d’information",
    "administrative": "Une facture ou une question administrative",
}
LABELS = {  # relais field name -> the form's French label, in the form's order
    "name": "Nom et prénom", "phone": "Téléphone", "email": "Adresse e-mail", "street": "Numéro et rue",
    "postcode": "Code postal", "city": "Ville", "message": "Votre message",
    "consent": "Consentement",
}
PROBLEMS = {  # relais field name -> what to tell the customer
    "name": "indiquez votre nom.",
    "phone": "indiquez un numéro de téléphone valide, ou une adresse e-mail.",
    "email": "cette adresse e-mail n’est pas valide.",
    "street": "indiquez le numéro et la rue, ou laissez l’adresse vide.",
    "postcode": "indiquez un code postal français à 5 chiffres.",
    "city": "indiquez la ville, ou laissez l’adresse vide.",
    "message": "décrivez votre demande.",
    "consent": "cochez la case pour accepter le traitement de vos informations.",
}


def _page(file, /, **values):
    text = (HERE / file).read_text(encoding="utf-8")
    return Template(text).substitute(values).encode("utf-8")


class FormServer(ThreadingHTTPServer):
    def __init__(self, address, workspace, company, privacy_contact, frame_ancestors):
        super().__init__(address, FormHandler)
        self.workspace = workspace
        self.company = company
        self.privacy_contact = privacy_contact
        self.frame_ancestors = frame_ancestors


class FormHandler(BaseHTTPRequestHandler):
    server: FormServer

    def do_GET(self):
        if self.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self._form({}, []))
        elif self.path == "/style.css":
            self._send(HTTPStatus.OK, (HERE / "style.css").read_bytes(), "text/css; charset=utf-8")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"Page introuvable.", "text/plain; charset=utf-8")

    def do_POST(self):
        if self.path != "/demande":
            return self._send(HTTPStatus.NOT_FOUND, b"Page introuvable.", "text/plain; charset=utf-8")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"Demande trop longue.", "text/plain; charset=utf-8")
        fields = {key: values[0] for key, values in
                  parse_qs(self.rfile.read(length).decode("utf-8", "replace")).items()}
        request = self._request(fields)
        if request.is_spam:
            # Answered like an accepted request, so that the robot learns nothing.
            return self._send(HTTPStatus.OK, self._confirmation(""))
        try:
            result = self.server.workspace.desk.submit_web_request(request)
        except relais.InvalidInputError as error:
            return self._send(HTTPStatus.UNPROCESSABLE_ENTITY, self._form(fields, error.field_errors))
        self._send(HTTPStatus.OK, self._confirmation(result.ticket.number))

    def _request(self, fields):
        kind = fields.get("kind", "")
        return relais.WebRequest(
            **{name: fields.get(name, "") for name in TEXT_FIELDS},
            kind=kind if kind in KINDS else "information",
            consent=fields.get("consent") == "yes",
            consent_version=CONSENT_VERSION,
            honeypot=fields.get("website", ""))

    def _form(self, fields, field_errors):
        chosen = fields.get("kind", "")
        options = ['      <option value="">Choisissez…</option>'] + [
            f'      <option value="{kind}"{" selected" if kind == chosen else ""}>{html.escape(label)}</option>'
            for kind, label in KINDS.items()]
        return _page("form.html", company=html.escape(self.server.company),
                     privacy_contact=html.escape(self.server.privacy_contact),
                     errors=_error_summary(field_errors), kind_options="\n".join(options),
                     **{name: html.escape(fields.get(name, "")) for name in TEXT_FIELDS})

    def _confirmation(self, number):
        reference = f" sous le numéro <strong>{html.escape(number)}</strong>" if number else ""
        return _page("confirmation.html", company=html.escape(self.server.company), reference=reference)

    def _send(self, status, body, content_type="text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        # Embeddable: which sites may show the form in an iframe.
        self.send_header("Content-Security-Policy", f"frame-ancestors {self.server.frame_ancestors}")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _error_summary(field_errors):
    if not field_errors:
        return ""
    order = list(LABELS)
    fields = sorted({e.field for e in field_errors}, key=lambda f: order.index(f) if f in order else len(order))
    items = "".join(
        f"<li><a href=\"#{html.escape(field)}\">{html.escape(LABELS.get(field, field))}</a> : "
        f"{html.escape(PROBLEMS.get(field, 'valeur refusée.'))}</li>"
        for field in fields)
    return (f'<div class="errors" role="alert"><p>Votre demande n’a pas pu être enregistrée :</p>'
            f"<ul>{items}</ul></div>")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", required=True, help="sqlite:///path.db or postgresql://...")
    parser.add_argument("--actor", default="admin", help="the user recording the requests (default: admin)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--company", default="Duret Électricité")
    parser.add_argument("--privacy-contact", default="rgpd@duret-electricite.fr")
    parser.add_argument("--frame-ancestors", default="*",
                        help="sites allowed to embed the form, e.g. 'https://www.duret-electricite.fr'")
    args = parser.parse_args(argv)

    workspace = relais.open(args.workspace, actor=args.actor)
    server = FormServer((args.host, args.port), workspace, args.company, args.privacy_contact,
                        args.frame_ancestors)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as on Ctrl-C
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
