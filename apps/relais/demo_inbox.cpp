// The demo's inbox: the mailbox set up on Monday, then the night's 50 or so
// mails read on Tuesday morning from the Maildir shipped in
// examples/data/inbox, and what became of each.
#include "demo_inbox.h"

#include "desk_output.h"
#include "i18n.h"
#include "output.h"
#include "resources.h"

#include <relais/inbox/inbox_service.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

namespace relais::cli {
namespace {

namespace fs = std::filesystem;

const char* category_label(MailCategory category) {
  switch (category) {
    case MailCategory::quote_request: return _("quote request");
    case MailCategory::breakdown: return _("breakdown");
    case MailCategory::after_sales: return _("after-sales");
    case MailCategory::maintenance_appointment: return _("maintenance");
    case MailCategory::information_request: return _("information");
    case MailCategory::administrative: return _("administrative");
    case MailCategory::supplier: return _("supplier");
    case MailCategory::internal: return _("internal");
    case MailCategory::newsletter_spam: return _("newsletter or spam");
    case MailCategory::other: return _("other");
  }
  return "";
}

const char* thread_label(MailThread thread) {
  switch (thread) {
    case MailThread::none: return "";
    case MailThread::references: return _("by its headers");
    case MailThread::subject_tag: return _("by the ticket number in its subject");
    case MailThread::sender_subject: return _("by its sender and subject");
  }
  return "";
}

// A copy of the shipped Maildir next to the workspace (fetching marks the
// mails seen, which moves their files), each mail arriving a second after
// the one before it in name order: a Maildir is read in order of arrival.
fs::path copy_maildir(const fs::path& workspace_file) {
  const fs::path copy = workspace_file.string() + ".inbox";
  fs::remove_all(copy);
  for (const char* folder : {"contact/new", "contact/cur", "contact/tmp", "envoyes"}) fs::create_directories(copy / folder);
  std::vector<fs::path> mails;
  for (const auto& entry : fs::directory_iterator(demo_data_dir() / "inbox" / "new")) mails.push_back(entry.path());
  std::sort(mails.begin(), mails.end());
  const auto arrival = fs::file_time_type::clock::now() - std::chrono::hours(12);
  for (std::size_t i = 0; i < mails.size(); ++i) {
    const fs::path target = copy / "contact" / "new" / mails[i].filename();
    fs::copy_file(mails[i], target);
    fs::last_write_time(target, arrival + std::chrono::seconds(i));
  }
  return copy;
}

// The mail the demo sorts by hand: the first in triage written by a known
// customer (a stranger's would become a new customer, a machine's needs
// no ticket).
const Mail* customer_mail(const MailPage& triage) {
  for (const auto& mail : triage.mails) {
    if (mail.customer && !mail.automatic) return &mail;
  }
  return nullptr;
}

void configure_inbox(Workspace& admin, const fs::path& folder) {
  InboxSettings settings = admin.inbox().settings();
  settings.reply_from = "contact@duret-electricite.fr";
  settings.reply_name = "Duret Électricité";
  admin.inbox().configure(settings);
  admin.inbox().configure_mailbox("contact", "maildir",
                                  R"({"path": ")" + (folder / "contact").string() + R"(", "outbox": ")" +
                                      (folder / "envoyes").string() + R"("})");
  admin.inbox().add_faq({"Quels sont vos horaires d'ouverture ?",
                         "Du lundi au vendredi de 8 h à 12 h et de 13 h 30 à 18 h ; le samedi matin sur rendez-vous.",
                         {"horaires"}});
  admin.inbox().add_faq({"Faites-vous les diagnostics électriques pour une vente ?",
                         "Non, le diagnostic de vente est fait par un diagnostiqueur certifié ; nous faisons la mise "
                         "en conformité qui suit.",
                         {"diagnostic", "vente"}});
  admin.inbox().add_faq({"Installez-vous des bornes de recharge ?",
                         "Oui, nous sommes qualifiés IRVE : bornes de 7 à 22 kW, à domicile et en copropriété.",
                         {"irve", "borne"}});
}

void print_mail_outcome(const Mail& mail, const CustomerService& customers) {
  std::string who = mail.from_address;
  if (mail.customer) who = customers.get(*mail.customer).name;
  std::string what;
  switch (mail.state) {
    case MailState::ticket_opened: what = _("new ticket"); break;
    case MailState::joined_ticket: what = format(_("joined its ticket %s"), thread_label(mail.thread)); break;
    case MailState::filed: what = format(_("filed (%s)"), mail.queue.empty() ? category_label(*mail.category) : mail.queue); break;
    case MailState::triage:
      what = mail.parse_error.empty() ? _("to triage") : _("to triage: unreadable");
      break;
    case MailState::sent: what = _("sent"); break;
  }
  if (mail.category && mail.state != MailState::filed) what += format(" [%s]", category_label(*mail.category));
  std::cout << format(_("  %s | %s | %s"), who, mail.subject, what) << '\n';
}

}  // namespace

fs::path set_up_inbox(Workspace& admin, const fs::path& workspace_file) {
  const fs::path folder = copy_maildir(workspace_file);
  configure_inbox(admin, folder);
  return folder;
}

void read_nights_mail(Workspace& assistant, const fs::path& folder) {
  std::cout << '\n' << format(_("The inbox: %lld mails arrived overnight in the Maildir %s."),
                              static_cast<long long>(std::distance(fs::directory_iterator(folder / "contact" / "new"),
                                                                   fs::directory_iterator())),
                              (folder / "contact").string())
            << '\n';
  std::vector<Subscription> subscriptions;
  std::vector<Uuid> received;
  subscriptions.push_back(assistant.subscribe([&](const Event& event) { received.push_back(Uuid::parse(event.entity_id)); },
                                              "MailReceived"));
  FetchReport report = assistant.inbox().fetch("contact");
  std::map<MailState, long long> counts;
  std::optional<Mail> question;  // the first information request, for the FAQ
  for (const auto& id : received) {
    Mail mail = assistant.inbox().get(id);
    if (mail.direction == Direction::outbound) continue;
    ++counts[mail.state];
    print_mail_outcome(mail, assistant.customers());
    if (!question && mail.category == MailCategory::information_request) question = mail;
  }
  std::cout << format(_("%lld read: %lld new tickets, %lld joined their ticket, %lld filed, %lld to triage, %lld "
                        "acknowledgements sent."),
                      report.fetched, counts[MailState::ticket_opened], counts[MailState::joined_ticket],
                      counts[MailState::filed], counts[MailState::triage], static_cast<long long>(std::distance(
                          fs::directory_iterator(folder / "envoyes"), fs::directory_iterator())))
            << '\n';

  if (question) {
    std::cout << '\n' << format(_("Suggested answers to \"%s\":"), question->subject) << '\n';
    for (const auto& suggestion : assistant.inbox().suggest_answers(question->id)) {
      std::cout << "  " << suggestion.entry.question << '\n';
    }
  }
  MailPage triage = assistant.inbox().triage(500);
  const Mail* mail = customer_mail(triage);
  if (!mail) return;
  const MailCategory category = mail->category.value_or(MailCategory::information_request);
  std::cout << '\n' << format(_("The assistant confirms \"%s\", from the triage queue, as %s:"), mail->subject,
                              category_label(category))
            << '\n';
  print_mail_outcome(assistant.inbox().correct(mail->id, mail->version, category).mail, assistant.customers());
}

}  // namespace relais::cli
