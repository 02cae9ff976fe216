// Mail intake on both engines: idempotent storage, matching the sender,
// threading replies (with References, with only the subject tag, with
// neither), malformed and oversized messages, triage and corrections,
// acknowledgements, mailboxes fetched through the maildir connector, and
// the events. Classified by the "keywords" test classifier
// (fixtures/keyword_classifier_plugin.cpp); a mail it leaves in triage is
// given its category as the assistant would (ingest_as()).
#include "support/files.h"
#include "support/workspace_fixture.h"

#include <relais/inbox/inbox_service.h>

#include <filesystem>

using namespace relais;
using namespace std::chrono_literals;
using relais::testing::sample_company;
namespace fs = std::filesystem;

namespace {

struct MailText {
  std::string from = "Sophie Durand <sophie.durand@durand-elec.fr>";
  std::string subject = "Demande de devis pour un tableau";
  std::string body = "Bonjour,\nPouvez-vous nous faire un devis pour remplacer le tableau ?\nSophie";
  std::string message_id = "req-1@durand-elec.fr";
  std::string in_reply_to;
  std::string references;
  std::string extra_headers;
};

std::string raw_mail(const MailText& mail) {
  std::string raw = "From: " + mail.from + "\r\nTo: contact@duret-elec.fr\r\nSubject: " + mail.subject +
                    "\r\nDate: Tue, 24 Nov 2026 09:00:00 +0100\r\n";
  if (!mail.message_id.empty()) raw += "Message-ID: <" + mail.message_id + ">\r\n";
  if (!mail.in_reply_to.empty()) raw += "In-Reply-To: <" + mail.in_reply_to + ">\r\n";
  if (!mail.references.empty()) raw += "References: " + mail.references + "\r\n";
  raw += mail.extra_headers;
  raw += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  return raw + mail.body + "\r\n";
}

}  // namespace

class InboxIntakeTest : public relais::testing::WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    folder_ = fs::temp_directory_path() / ("relais-inbox-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    for (const char* sub : {"box/new", "box/cur", "box/tmp", "outbox"}) fs::create_directories(folder_ / sub);
    ws_.emplace(open({.clock = clock, .plugin_paths = {RELAIS_FIXTURE_PLUGIN_DIR}}));
    InboxSettings settings = inbox().settings();
    settings.classifier_plugin = "keywords";
    settings.reply_from = "contact@duret-elec.fr";
    settings.reply_name = "Duret Électricité";
    inbox().configure(settings);
    customer = ws().customers().create(sample_company());
  }
  void TearDown() override {
    ws_.reset();
    fs::remove_all(folder_);
  }

  Workspace& ws() { return *ws_; }
  // Ingests `raw`; when it waits in triage, sorts it as `category`.
  IngestResult ingest_as(const std::string& raw, MailCategory category, const std::string& mailbox = "") {
    IngestResult result = inbox().ingest(raw, mailbox);
    if (result.duplicate || result.mail.state != MailState::triage) return result;
    return inbox().correct(result.mail.id, result.mail.version, category);
  }
  InboxService& inbox() { return ws_->inbox(); }

  // The "contact" mailbox: a Maildir, acknowledgements written to outbox/.
  void configure_mailbox() {
    inbox().configure_mailbox("contact", "maildir",
                              R"({"path": ")" + (folder_ / "box").string() + R"(", "outbox": ")" +
                                  (folder_ / "outbox").string() + R"("})");
  }
  std::size_t sent_count() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder_ / "outbox"), fs::directory_iterator()));
  }
  void deliver(const std::string& name, const std::string& raw) {
    std::ofstream(folder_ / "box" / "new" / name, std::ios::binary) << raw;
  }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(std::chrono::sys_days{2026y / 11 / 24} + 8h);
  Customer customer;
  fs::path folder_;

 private:
  std::optional<Workspace> ws_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(InboxIntakeTest);

TEST_P(InboxIntakeTest, TheSameMessageIngestedTwiceGivesOneRecord) {
  const std::string raw = raw_mail({});
  IngestResult first = inbox().ingest(raw);
  EXPECT_FALSE(first.duplicate);
  IngestResult second = inbox().ingest(raw);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.mail, first.mail);
  EXPECT_EQ(inbox().get(first.mail.id), first.mail);
  EXPECT_EQ(inbox().raw(first.mail.id), raw);

  MailText no_id;
  no_id.message_id = "";
  no_id.subject = "Devis sans identifiant";
  IngestResult without = inbox().ingest(raw_mail(no_id));
  EXPECT_TRUE(without.mail.message_id.starts_with("sha256:"));
  EXPECT_TRUE(inbox().ingest(raw_mail(no_id)).duplicate);
}

TEST_P(InboxIntakeTest, AKnownSenderOpensATicketLoggedOnTheCustomer) {
  std::vector<std::string> events;
  auto subscription = ws().subscribe([&](const Event& event) { events.push_back(event.type); });
  IngestResult result = ingest_as(raw_mail({}), MailCategory::quote_request);
  EXPECT_EQ(result.mail.match, MailMatch::sender_address);
  EXPECT_EQ(result.mail.customer, customer.id);
  EXPECT_EQ(result.mail.contact, customer.contacts[0].id);
  EXPECT_EQ(result.mail.category, MailCategory::quote_request);
  EXPECT_EQ(result.mail.state, MailState::ticket_opened);
  EXPECT_EQ(result.mail.rule, "Demandes de devis");
  ASSERT_TRUE(result.ticket);
  EXPECT_EQ(result.ticket->kind, TicketKind::quote_request);
  EXPECT_EQ(result.ticket->source, TicketSource::email);
  EXPECT_EQ(result.ticket->queue, "devis");
  auto timeline = ws().desk().timeline(customer.id).interactions;
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].kind, InteractionKind::email);
  EXPECT_EQ(timeline[0].ticket, result.ticket->id);
  for (const char* type : {"MailReceived", "TicketOpened", "EmailLogged", "MailDispatched"}) {
    EXPECT_NE(std::find(events.begin(), events.end(), type), events.end()) << type;
  }
}

TEST_P(InboxIntakeTest, ASenderIsRecognisedByThePhoneInTheSignatureOrElseSuggested) {
  MailText mail;
  mail.from = "S. Durand <sophie.perso@gmail.com>";
  mail.body = "Bonjour,\nUn devis pour la cuisine svp.\n\n-- \nSophie Durand\n06 12 34 56 78";
  EXPECT_EQ(inbox().ingest(raw_mail(mail)).mail.match, MailMatch::phone);

  mail.from = "Paul Inconnu <paul@example.org>";
  mail.message_id = "unknown@example.org";
  mail.body = "Bonjour,\nUn devis svp.\n\n-- \nPaul\n06 98 76 54 32";
  IngestResult unknown = inbox().ingest(raw_mail(mail));
  EXPECT_EQ(unknown.mail.match, MailMatch::none);
  EXPECT_EQ(unknown.mail.state, MailState::triage);
  ASSERT_TRUE(unknown.mail.suggestion);
  EXPECT_EQ(unknown.mail.suggestion->email, "paul@example.org");
  EXPECT_EQ(unknown.mail.suggestion->phones, std::vector<std::string>{"+33698765432"});
}

TEST_P(InboxIntakeTest, RepliesThreadByReferencesByTheSubjectTagAndBySenderAndSubject) {
  Ticket ticket = *ingest_as(raw_mail({}), MailCategory::quote_request).ticket;
  ticket = ws().desk().set_status(ticket.id, ticket.version, TicketStatus::open);
  ticket = ws().desk().set_status(ticket.id, ticket.version, TicketStatus::waiting_customer);

  MailText reply;
  reply.subject = "Re: Demande de devis pour un tableau";
  reply.message_id = "reply-1@durand-elec.fr";
  reply.in_reply_to = "req-1@durand-elec.fr";
  reply.references = "<req-1@durand-elec.fr>";
  reply.body = "Voici les photos.";
  IngestResult by_references = inbox().ingest(raw_mail(reply));
  EXPECT_EQ(by_references.mail.thread, MailThread::references);
  EXPECT_EQ(by_references.mail.ticket, ticket.id);
  EXPECT_EQ(by_references.mail.state, MailState::joined_ticket);
  EXPECT_EQ(ws().desk().get_ticket(ticket.id).status, TicketStatus::open);

  reply.message_id = "reply-2@durand-elec.fr";
  reply.in_reply_to = reply.references = "";
  reply.subject = "RE: [" + ticket.number + "] autre chose";
  IngestResult by_tag = inbox().ingest(raw_mail(reply));
  EXPECT_EQ(by_tag.mail.thread, MailThread::subject_tag);
  EXPECT_EQ(by_tag.mail.ticket, ticket.id);

  reply.message_id = "reply-3@durand-elec.fr";
  reply.subject = "TR: RE: Demande de DEVIS pour un tableau";
  IngestResult by_subject = inbox().ingest(raw_mail(reply));
  EXPECT_EQ(by_subject.mail.thread, MailThread::sender_subject);
  EXPECT_EQ(by_subject.mail.ticket, ticket.id);
  EXPECT_EQ(inbox().thread(ticket.id).size(), 4u);

  clock->advance(15 * 24h);  // past the window: a new request
  reply.message_id = "reply-4@durand-elec.fr";
  EXPECT_EQ(inbox().ingest(raw_mail(reply)).mail.thread, MailThread::none);
}

TEST_P(InboxIntakeTest, TwoRequestsFromOneSenderWithDifferentSubjectsOpenTwoTickets) {
  IngestResult first = ingest_as(raw_mail({}), MailCategory::quote_request);
  MailText other;
  other.message_id = "req-2@durand-elec.fr";
  other.subject = "Devis pour la borne de recharge";
  IngestResult second = ingest_as(raw_mail(other), MailCategory::quote_request);
  ASSERT_TRUE(first.ticket && second.ticket);
  EXPECT_NE(first.ticket->id, second.ticket->id);
  EXPECT_EQ(second.mail.thread, MailThread::none);
}

TEST_P(InboxIntakeTest, AMalformedMessageIsKeptWithItsErrorAndTheNextOneIsIngested) {
  configure_mailbox();
  constexpr char kGarbage[] = "\x00\x01\x02 not a mail \xff\xfe";
  const std::string garbage(kGarbage, sizeof kGarbage - 1);
  deliver("1.garbage", garbage);
  deliver("2.good", raw_mail({}));
  FetchReport report = inbox().fetch("contact");
  EXPECT_EQ(report.fetched, 2u);
  EXPECT_EQ(report.stored, 2u);
  EXPECT_EQ(report.unreadable, 1u);
  std::vector<Mail> unreadable;
  for (const auto& mail : inbox().triage().mails) {
    if (!mail.parse_error.empty()) unreadable.push_back(mail);
  }
  ASSERT_EQ(unreadable.size(), 1u);
  EXPECT_EQ(inbox().raw(unreadable[0].id), garbage);

  FetchReport again = inbox().fetch("contact");  // the cursor was saved
  EXPECT_EQ(again.fetched, 0u);
}

TEST_P(InboxIntakeTest, UncertainMailGoesToTriageAndACorrectionDispatchesIt) {
  MailText vague;
  vague.message_id = "vague@durand-elec.fr";
  vague.subject = "Question";
  vague.body = "Bonjour, c'est peut-être possible chez vous ?";
  IngestResult uncertain = inbox().ingest(raw_mail(vague));
  EXPECT_EQ(uncertain.mail.state, MailState::triage);
  EXPECT_FALSE(uncertain.ticket);
  ASSERT_EQ(inbox().triage().mails.size(), 1u);

  IngestResult corrected = inbox().correct(uncertain.mail.id, uncertain.mail.version, "information_request");
  EXPECT_TRUE(corrected.mail.corrected);
  EXPECT_EQ(corrected.mail.state, MailState::ticket_opened);
  ASSERT_TRUE(corrected.ticket);
  EXPECT_EQ(corrected.ticket->kind, TicketKind::information);
  EXPECT_TRUE(inbox().triage().mails.empty());
  auto history = ws().history("mail", uncertain.mail.id.to_string());
  EXPECT_TRUE(std::any_of(history.begin(), history.end(), [](const JournalEntry& entry) { return entry.action == "correct"; }));
}

TEST_P(InboxIntakeTest, BadCorrectionsAreRefusedNamingTheField) {
  IngestResult result = inbox().ingest(raw_mail({}));
  EXPECT_THROW(inbox().correct(Uuid::generate(*clock), 1, MailCategory::supplier), NotFoundError);
  EXPECT_THROW(inbox().correct(result.mail.id, result.mail.version + 5, MailCategory::supplier), ConflictError);
  try {
    inbox().correct(result.mail.id, result.mail.version, "devis");
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, "category");
  }
  EXPECT_THROW(inbox().ingest(""), InvalidInputError);
  EXPECT_THROW(inbox().ingest(raw_mail({}), "nowhere"), NotFoundError);
}

TEST_P(InboxIntakeTest, AnAttachmentOverTheLimitIsRecordedButNotKept) {
  MailText big;
  big.message_id = "big@durand-elec.fr";
  std::string raw = raw_mail(big);
  const std::string header_end = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  // 30 MB once decoded: lines of 76 base64 characters hold 57 bytes each.
  std::string encoded;
  for (std::size_t line = 0; line < 30 * 1024 * 1024 / 57 + 1; ++line) encoded += std::string(76, 'Q') + "\r\n";
  raw.replace(raw.find(header_end), header_end.size(),
              "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
              "Un devis svp, plan joint.\r\n--b\r\nContent-Type: application/pdf\r\n"
              "Content-Disposition: attachment; filename=\"plan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                  encoded + "--b--\r\n");
  IngestResult result = inbox().ingest(raw);
  ASSERT_EQ(result.mail.attachments.size(), 1u);
  EXPECT_FALSE(result.mail.attachments[0].kept);
  EXPECT_GT(result.mail.attachments[0].size, 25u * 1024 * 1024);
  EXPECT_THROW(inbox().raw(result.mail.id), NotFoundError);
  EXPECT_EQ(inbox().get(result.mail.id), result.mail);
}

TEST_P(InboxIntakeTest, TheAcknowledgementIsSentOnceAndNeverToAutomaticMail) {
  configure_mailbox();
  IngestResult result = ingest_as(raw_mail({}), MailCategory::quote_request, "contact");
  ASSERT_TRUE(result.acknowledgement);
  EXPECT_EQ(sent_count(), 1u);
  const Mail& ack = *result.acknowledgement;
  EXPECT_EQ(ack.direction, Direction::outbound);
  EXPECT_EQ(ack.subject, "[" + result.ticket->number + "] Demande de devis pour un tableau");
  const std::string sent = inbox().raw(ack.id);
  EXPECT_NE(sent.find("In-Reply-To: <req-1@durand-elec.fr>"), std::string::npos);
  EXPECT_NE(sent.find("Auto-Submitted: auto-replied"), std::string::npos);
  EXPECT_NE(ack.text.find(result.ticket->number), std::string::npos);

  EXPECT_TRUE(inbox().ingest(raw_mail({}), "contact").duplicate);
  EXPECT_EQ(sent_count(), 1u);

  MailText automatic;
  automatic.message_id = "ooo@durand-elec.fr";
  automatic.subject = "Absence : demande de devis";
  automatic.extra_headers = "Auto-Submitted: auto-replied\r\n";
  IngestResult ooo = ingest_as(raw_mail(automatic), MailCategory::quote_request, "contact");
  EXPECT_TRUE(ooo.mail.automatic);
  EXPECT_FALSE(ooo.acknowledgement);
  MailText newsletter;
  newsletter.from = "Info Rexel <news@rexel.fr>";
  newsletter.message_id = "news@rexel.fr";
  newsletter.subject = "Nos promotions";
  newsletter.body = "Pour vous désinscrire, cliquez ici.";
  newsletter.extra_headers = "List-Id: <promo.rexel.fr>\r\nPrecedence: bulk\r\n";
  EXPECT_EQ(ingest_as(raw_mail(newsletter), MailCategory::newsletter_spam, "contact").mail.state, MailState::filed);
  EXPECT_EQ(sent_count(), 1u);

  // The customer answers the acknowledgement: the reply joins the ticket.
  MailText answer;
  answer.message_id = "answer@durand-elec.fr";
  answer.subject = "Re: " + ack.subject;
  answer.in_reply_to = ack.message_id;
  answer.body = "Merci !";
  EXPECT_EQ(inbox().ingest(raw_mail(answer), "contact").mail.ticket, result.ticket->id);
}

TEST_P(InboxIntakeTest, AConfidentClassificationIsDispatchedWithoutTheAssistant) {
  std::vector<Event> classified;
  auto subscription = ws().subscribe([&](const Event& event) { classified.push_back(event); }, "MailClassified");
  MailText breakdown;
  breakdown.message_id = "panne@durand-elec.fr";
  breakdown.subject = "URGENT panne : plus de courant à l'atelier";
  breakdown.body = "Le disjoncteur général saute.";
  IngestResult result = inbox().ingest(raw_mail(breakdown));
  EXPECT_EQ(result.mail.category, MailCategory::breakdown);
  EXPECT_EQ(result.mail.urgency, MailUrgency::urgent);
  EXPECT_FALSE(result.mail.corrected);
  EXPECT_EQ(result.mail.state, MailState::ticket_opened);
  ASSERT_TRUE(result.ticket);
  EXPECT_EQ(result.ticket->priority, TicketPriority::urgent);
  EXPECT_EQ(result.ticket->queue, "depannage");
  ASSERT_EQ(classified.size(), 1u);
  EXPECT_EQ(classified[0].entity_id, result.mail.id.to_string());
}

TEST_P(InboxIntakeTest, AMailBelowTheThresholdWaitsInTriageWithTheGuess) {
  MailText vague;
  vague.message_id = "vague@durand-elec.fr";
  vague.subject = "Question";
  vague.body = "C'est peut-être possible ?";
  IngestResult result = inbox().ingest(raw_mail(vague));
  EXPECT_EQ(result.mail.state, MailState::triage);
  EXPECT_EQ(result.mail.category, MailCategory::information_request);
  EXPECT_LT(result.mail.confidence, inbox().settings().confidence_threshold);
}

TEST_P(InboxIntakeTest, AClassifierThatCannotBeLoadedLeavesMailInTriage) {
  InboxSettings settings = inbox().settings();
  settings.classifier_plugin = "absent";
  inbox().configure(settings);
  IngestResult result = inbox().ingest(raw_mail({}));
  EXPECT_EQ(result.mail.state, MailState::triage);
  EXPECT_FALSE(result.mail.category);
  ASSERT_FALSE(result.mail.problems.empty());
  EXPECT_TRUE(result.mail.problems.back().starts_with("not classified: ")) << result.mail.problems.back();
}

TEST_P(InboxIntakeTest, CorrectionsRetrainTheModelThatEveryProcessThenUses) {
  MailText vague;
  vague.message_id = "vague@durand-elec.fr";
  vague.subject = "Question sur mon contrat";
  vague.body = "Bonjour.";
  IngestResult uncertain = inbox().ingest(raw_mail(vague));
  ASSERT_EQ(uncertain.mail.state, MailState::triage);
  inbox().correct(uncertain.mail.id, uncertain.mail.version, MailCategory::administrative);
  EXPECT_EQ(inbox().retrain({}), "keywords-1");
  EXPECT_EQ(ws().history("inbox_model", "classifier").size(), 1u);
  auto other = open({.clock = clock, .plugin_paths = {RELAIS_FIXTURE_PLUGIN_DIR}});
  vague.message_id = "vague-2@durand-elec.fr";
  IngestResult again = other.inbox().ingest(raw_mail(vague));
  EXPECT_EQ(again.mail.category, MailCategory::administrative);
  EXPECT_EQ(again.mail.confidence, 1.0);
  ws().users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  EXPECT_THROW(ws().as_user("marie").inbox().retrain({}), PermissionDeniedError);
}

TEST_P(InboxIntakeTest, ABatchStoresEachMessageOnceThreadsItsRepliesAndKeepsUnreadableMail) {
  configure_mailbox();
  std::vector<Event> events;
  auto subscription = ws().subscribe([&](const Event& event) { events.push_back(event); });
  MailText reply;
  reply.message_id = "reply-1@durand-elec.fr";
  reply.subject = "Re: Demande de devis pour un tableau";
  reply.in_reply_to = "req-1@durand-elec.fr";
  reply.body = "Voici les photos.";
  constexpr char kGarbage[] = "\x00\x01\x02 not a mail \xff\xfe";
  const std::string garbage(kGarbage, sizeof kGarbage - 1);
  const std::vector<std::string> raws{raw_mail({}), garbage, raw_mail({}), raw_mail(reply)};

  std::vector<IngestResult> results = inbox().ingest(raws, "contact");
  ASSERT_EQ(results.size(), 4u);
  EXPECT_FALSE(results[0].duplicate);
  EXPECT_EQ(results[0].mail.state, MailState::ticket_opened);
  ASSERT_TRUE(results[0].ticket);
  const Ticket ticket = *results[0].ticket;
  EXPECT_FALSE(results[1].duplicate);
  EXPECT_FALSE(results[1].mail.parse_error.empty());
  EXPECT_EQ(results[1].mail.state, MailState::triage);
  EXPECT_EQ(inbox().raw(results[1].mail.id), garbage);
  EXPECT_TRUE(results[2].duplicate);
  EXPECT_EQ(results[2].mail, results[0].mail);
  EXPECT_FALSE(results[3].duplicate);
  EXPECT_EQ(results[3].mail.thread, MailThread::references);
  EXPECT_EQ(results[3].mail.ticket, ticket.id);
  EXPECT_EQ(results[3].mail.state, MailState::joined_ticket);
  EXPECT_EQ(inbox().thread(ticket.id).size(), 3u);  // the request, its acknowledgement, the reply
  EXPECT_EQ(sent_count(), 1u);

  // Published after commit, in the order of the batch.
  std::vector<std::string> received;
  for (const auto& event : events) {
    if (event.type == "MailReceived") received.push_back(event.entity_id);
  }
  EXPECT_EQ(received, (std::vector<std::string>{results[0].mail.id.to_string(), results[1].mail.id.to_string(),
                                                results[3].mail.id.to_string()}));

  // The batch fetched again (a crash before the cursor was saved) changes nothing.
  events.clear();
  for (const IngestResult& again : inbox().ingest(raws, "contact")) EXPECT_TRUE(again.duplicate);
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(sent_count(), 1u);
}

TEST_P(InboxIntakeTest, AnEmptyMessageInABatchIsRefusedByItsPlaceAndNothingIsWritten) {
  MailText second;
  second.message_id = "req-2@durand-elec.fr";
  MailText third;
  third.message_id = "req-3@durand-elec.fr";
  const std::vector<std::string> raws{raw_mail({}), raw_mail(second), raw_mail(third), ""};
  try {
    inbox().ingest(raws);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "raws[3]");
  }
  EXPECT_TRUE(inbox().triage().mails.empty());
  EXPECT_FALSE(inbox().ingest(raw_mail(second)).duplicate);
  EXPECT_TRUE(inbox().ingest(std::vector<std::string>{}).empty());
  EXPECT_THROW(inbox().ingest(std::vector<std::string>{raw_mail(third)}, "nowhere"), NotFoundError);
}

TEST_P(InboxIntakeTest, WhenTheBatchTransactionFailsNothingOfTheBatchIsWritten) {
  configure_mailbox();
  const User paul = ws().users().create({.login = "paul", .display_name = "Paul", .role = Role::technician});
  DispatchRuleDraft rule;
  rule.name = "Pannes pour Paul";
  rule.position = 1;
  rule.when.categories = {MailCategory::breakdown};
  rule.queue = "depannage";
  rule.assignee = "paul";
  rule.acknowledge = true;
  inbox().add_rule(rule);
  ws().users().set_active("paul", paul.version, false);  // the ticket the rule opens is refused
  MailText quote;                                          // opens a ticket, acknowledged
  MailText breakdown;
  breakdown.message_id = "panne@durand-elec.fr";
  breakdown.subject = "Panne au garage";
  breakdown.body = "Une panne : plus de courant dans le garage.";
  std::vector<std::string> events;
  auto subscription = ws().subscribe([&](const Event& event) { events.push_back(event.type); });

  EXPECT_THROW(inbox().ingest(std::vector<std::string>{raw_mail(quote), raw_mail(breakdown)}, "contact"),
               InvalidInputError);
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(sent_count(), 0u);
  EXPECT_TRUE(ws().desk().timeline(customer.id).interactions.empty());
  EXPECT_FALSE(inbox().ingest(raw_mail(quote), "contact").duplicate);  // the first was not kept
}
