"""The inbox from Python: ingesting bytes or text, one message or a batch,
idempotence, triage and corrections, retraining, dispatch rules, settings,
mailboxes and the FAQ. Mail is classified by the "keywords" test classifier
(tests/inbox/fixtures, found through RELAIS_PLUGIN_PATH), except for
retraining, which trains the real fastText one; a mail left in triage is given
its category as the assistant would (ingest_as)."""
from pathlib import Path

import pytest

import relais


def raw_mail(subject="Demande de devis pour un tableau", message_id="req-1@durand-elec.fr",
             sender="Sophie Durand <sophie.durand@durand-elec.fr>",
             body="Bonjour,\nPouvez-vous nous faire un devis ?\nSophie", in_reply_to=None):
    threading = "In-Reply-To: <" + in_reply_to + ">\r\n" if in_reply_to else ""
    return ("From: " + sender + "\r\nTo: contact@duret-elec.fr\r\nSubject: " + subject +
            "\r\nMessage-ID: <" + message_id + ">\r\n" + threading + "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n")


def ingest_as(inbox, raw, category):
    result = inbox.ingest(raw)
    if result.duplicate or result.mail.state != relais.MailState.TRIAGE:
        return result
    return inbox.correct(result.mail.id, category)


@pytest.fixture
def inbox(workspace):
    settings = workspace.inbox.settings()
    settings.classifier_plugin = "keywords"
    workspace.inbox.configure(settings)
    workspace.customers.create(name="Électricité Durand SARL", kind="company", phones=["02 99 12 34 56"],
                               emails=["contact@durand-elec.fr"],
                               contacts=[{"name": "Sophie Durand", "emails": ["sophie.durand@durand-elec.fr"]}])
    return workspace.inbox


def test_ingest_takes_bytes_or_text_and_stores_a_message_once(inbox):
    first = ingest_as(inbox, raw_mail().encode(), "quote_request")
    assert not first.duplicate
    assert first.mail.state == relais.MailState.TICKET_OPENED
    assert first.mail.category == relais.MailCategory.QUOTE_REQUEST
    assert first.mail.match == relais.MailMatch.SENDER_ADDRESS
    assert first.ticket.kind == relais.TicketKind.QUOTE_REQUEST
    again = inbox.ingest(raw_mail())
    assert again.duplicate
    assert again.mail == inbox.get(first.mail.id)
    assert inbox.raw(first.mail.id) == raw_mail().encode()
    assert [mail.id for mail in inbox.thread(first.ticket.id)] == [first.mail.id]


def test_uncertain_mail_waits_in_triage_until_corrected(inbox):
    result = inbox.ingest(raw_mail(subject="Question", message_id="q@durand-elec.fr",
                                   body="C'est peut-être possible ?"))
    assert result.mail.state == relais.MailState.TRIAGE
    assert [mail.id for mail in inbox.triage()] == [result.mail.id]
    corrected = inbox.correct(result.mail.id, "information_request")
    assert corrected.mail.corrected
    assert corrected.ticket.kind == relais.TicketKind.INFORMATION
    assert len(inbox.triage()) == 0
    with pytest.raises(relais.InvalidInputError) as error:
        inbox.correct(result.mail.id, "devis")
    assert error.value.field_errors[0].field == "category"
    with pytest.raises(relais.ConflictError):
        inbox.correct(result.mail.id, relais.MailCategory.SUPPLIER, version=1)
    with pytest.raises(relais.NotFoundError):
        inbox.correct("018f3c1e-7b2a-7c3d-9e4f-0123456789ab", "supplier")


def test_rules_settings_and_faq(inbox, tmp_path):
    rule = inbox.add_rule("Rexel", position=5, sender_domain="rexel.fr", action="file", queue="achats")
    assert inbox.rules()[0] == rule
    assert rule.action == relais.DispatchAction.FILE
    with pytest.raises(relais.InvalidInputError) as error:
        inbox.add_rule(" ", keywords=["!!"])
    assert {each.field for each in error.value.field_errors} >= {"name", "when.keywords[0]"}
    filed = ingest_as(inbox, raw_mail(sender="Rexel <commandes@rexel.fr>", message_id="bl@rexel.fr",
                                      subject="Bon de livraison", body="Votre livraison est faite."), "supplier")
    assert filed.mail.state == relais.MailState.FILED
    assert filed.mail.rule == "Rexel"

    entry = inbox.add_faq("Installez-vous des bornes de recharge ?", "Oui, nous sommes qualifiés IRVE.",
                          tags=["irve"])
    assert inbox.suggest_answers("je voudrais une borne de recharge pour ma voiture")[0].entry == entry

    for folder in ("new", "cur", "tmp"):
        (tmp_path / "box" / folder).mkdir(parents=True)
    (tmp_path / "box" / "new" / "1.demo").write_bytes(raw_mail(message_id="box-1@durand-elec.fr").encode())
    box = inbox.configure_mailbox("contact", "maildir", {"path": str(tmp_path / "box")})
    assert box.version == 1
    report = inbox.fetch("contact")
    assert (report.fetched, report.stored) == (1, 1)
    assert inbox.fetch("contact").fetched == 0


def test_ingest_many_commits_a_batch_storing_each_message_once(inbox):
    reply = raw_mail(subject="Re: Demande de devis pour un tableau", message_id="reply-1@durand-elec.fr",
                     body="Voici les photos.", in_reply_to="req-1@durand-elec.fr")
    results = inbox.ingest_many([raw_mail().encode(), b"\x00\x01 not a mail \xff", raw_mail(), reply])
    assert [result.duplicate for result in results] == [False, False, True, False]
    assert results[0].mail.state == relais.MailState.TICKET_OPENED
    assert results[1].mail.parse_error
    assert results[1].mail.state == relais.MailState.TRIAGE
    assert results[2].mail == results[0].mail
    assert results[3].mail.thread == relais.MailThread.REFERENCES
    assert results[3].mail.ticket == results[0].ticket.id
    assert all(again.duplicate for again in inbox.ingest_many([raw_mail(), reply]))
    assert inbox.ingest_many([]) == []


def test_ingest_many_refuses_an_empty_message_by_its_place_and_writes_nothing(inbox):
    with pytest.raises(relais.InvalidInputError) as error:
        inbox.ingest_many([raw_mail(), raw_mail(message_id="b@durand-elec.fr"),
                           raw_mail(message_id="c@durand-elec.fr"), b""])
    assert [each.field for each in error.value.field_errors] == ["raws[3]"]
    assert not inbox.ingest(raw_mail()).duplicate


def test_retrain_learns_the_corrections_on_top_of_the_shipped_corpus(workspace, tmp_path):
    shipped = Path(relais.shipped_mail_corpus_path())
    assert shipped.is_file(), shipped
    # A sixth of the shipped corpus (about 2,000 mails) keeps the training
    # under a second; retrain() without `corpus` takes all of it.
    lines = shipped.read_text(encoding="utf-8").splitlines()[::6]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inbox = workspace.inbox

    # A way of writing the shipped model never saw, corrected by the assistant.
    def strange(number):
        return raw_mail(subject=f"Zorglub {number}", message_id=f"zorglub-{number}@example.org",
                        sender="Zorglub <bidule@example.org>", body="Zorglubium kwantrix flobadub grominet.")
    for number in range(20):
        result = inbox.ingest(strange(number))
        inbox.correct(result.mail.id, "supplier")

    name = inbox.retrain(corpus)
    assert name.endswith(f"on {len(lines) + 20} mails"), name
    learnt = inbox.ingest(strange(99)).mail
    assert learnt.category == relais.MailCategory.SUPPLIER
    assert not learnt.corrected

    with pytest.raises(relais.InvalidInputError) as error:
        bad = tmp_path / "bad.jsonl"
        bad.write_text(lines[0] + "\n{not json}\n", encoding="utf-8")
        inbox.retrain(str(bad))
    assert error.value.field_errors[0].field == "corpus:2"
    with pytest.raises(relais.NotFoundError):
        inbox.retrain(tmp_path / "missing.jsonl")
