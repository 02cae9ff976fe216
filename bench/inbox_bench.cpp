// Issue 5 figure for intake: BM_IngestEmail, generated French mail through
// InboxService::ingest's batch path (parse, match, thread, classify with the
// shipped fastText model, store, dispatch), committing once per batch: /1 is
// a transaction per mail, /50 a transaction per 50 mails, as fetch() reads
// them. A fresh SQLite workspace (synchronous=NORMAL) holds 300 customers;
// about half the mails come from their addresses, so requests open tickets
// and later mails of theirs answer them, by In-Reply-To or by the ticket tag
// in the subject; the others come from the generator's unknown senders, which
// the matcher tries every step on and leaves with a contact suggestion.
//
// The mail is ingested by hand (no mailbox), so no acknowledgement is
// composed or sent: sending is the connector's I/O, not intake's (the
// Maildir pickup syncs two files per acknowledgement, IMAP talks SMTP), and
// it would measure the disk or the network rather than the library.
#include <relais/inbox/inbox_service.h>
#include <relais/workspace.h>

#include <synth/synthetic_mail.h>

#include "latency.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace relais::bench {
namespace {

constexpr std::size_t kCustomers = 300;

std::string message(const std::string& from, const std::string& subject, const std::string& body, std::size_t number,
                    const std::string& in_reply_to = "") {
  std::string raw = "From: " + from + "\r\nTo: contact@duret-electricite.fr\r\nSubject: " + subject +
                    "\r\nDate: Tue, 24 Nov 2026 08:00:00 +0100\r\nMessage-ID: <bench-" + std::to_string(number) +
                    "@example.net>\r\n";
  if (!in_reply_to.empty()) raw += "In-Reply-To: <" + in_reply_to + ">\r\nReferences: <" + in_reply_to + ">\r\n";
  return raw + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
         body + "\r\n";
}

std::string customer_address(std::size_t customer) {
  return "client" + std::to_string(customer) + "@bench-client" + std::to_string(customer % 13) + ".fr";
}

// The mail stream: every other mail from a customer, who starts a
// conversation, then answers it (two times in three) until starting another.
class MailStream {
 public:
  MailStream() {
    for (auto& generated : synth::generate_mails({.seed = 515151, .count = 2'000})) {
      texts_.push_back(std::move(generated.labelled.mail));
    }
  }

  // The next raw message; `customer` is set when a customer sent it.
  std::string next(std::optional<std::size_t>& customer) {
    const std::size_t number = next_++;
    const spi::MailText& text = texts_[number % texts_.size()];
    customer.reset();
    if (number % 2 == 1) return message(text.sender, text.subject, text.body, number);
    const std::size_t who = (number / 2 * 7919) % kCustomers;
    customer = who;
    Conversation& conversation = conversations_[who];
    const std::string from = "Client " + std::to_string(who) + " <" + customer_address(who) + ">";
    if (!conversation.message_id.empty() && number / 2 % 3 != 0) {
      const std::string body = "Bonjour,\nMerci pour votre retour, voici les précisions demandées.\n\n> " +
                               conversation.subject;
      if (number / 2 % 3 == 2 && !conversation.ticket_number.empty()) {
        return message(from, "RE: [" + conversation.ticket_number + "] " + conversation.subject, body, number);
      }
      return message(from, "Re: " + conversation.subject, body, number, conversation.message_id);
    }
    conversation = {"bench-" + std::to_string(number) + "@example.net", text.subject, ""};
    return message(from, text.subject, text.body, number);
  }

  // What the inbox did with a customer's mail: the ticket it opened or joined
  // names the conversation from then on.
  void learn(std::size_t customer, const IngestResult& result) {
    if (result.ticket) conversations_[customer].ticket_number = result.ticket->number;
  }

 private:
  struct Conversation {
    std::string message_id;
    std::string subject;
    std::string ticket_number;
  };
  std::vector<spi::MailText> texts_;
  std::unordered_map<std::size_t, Conversation> conversations_;
  std::size_t next_ = 0;
};

void BM_IngestEmail(benchmark::State& state) {
  const auto batch = static_cast<std::size_t>(state.range(0));
  ScratchFolder folder;
  Workspace ws = Workspace::open("sqlite://" + folder.file("inbox.db") + "?synchronous=NORMAL");
  for (std::size_t customer = 0; customer < kCustomers; ++customer) {
    CustomerDraft draft;
    draft.kind = CustomerKind::person;
    draft.name = "Client " + std::to_string(customer) + " Bench";
    draft.emails = {customer_address(customer)};
    ws.customers().create(draft, {.allow_duplicates = true});
  }
  MailStream stream;
  std::vector<std::string> raws(batch);
  std::vector<std::optional<std::size_t>> senders(batch);
  LatencySamples latency;
  for (auto _ : state) {
    state.PauseTiming();
    for (std::size_t i = 0; i < batch; ++i) raws[i] = stream.next(senders[i]);
    state.ResumeTiming();
    latency.start();
    std::vector<IngestResult> results = ws.inbox().ingest(raws);
    latency.stop();
    for (std::size_t i = 0; i < batch; ++i) {
      if (senders[i]) stream.learn(*senders[i], results[i]);
    }
  }
  latency.report(state);
  const auto mails = static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(batch);
  state.SetItemsProcessed(mails);
  state.counters["emails_per_second"] = benchmark::Counter(static_cast<double>(mails), benchmark::Counter::kIsRate);
}
// Real time: the rate counts the waits on the database file too.
BENCHMARK(BM_IngestEmail)->Arg(1)->Arg(50)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
