#pragma once
// The steps of InboxService::ingest() and correct() inside their write
// transaction: store a parsed mail, then dispatch it (join its thread's
// ticket, open one, file it or leave it in triage) and compose the
// acknowledgement a rule asks for. Every record goes through the desk's own
// writes (numbered, checked, journaled as if typed in).
#include <relais/inbox/mail.h>
#include <relais/spi/classifier.h>
#include <relais/spi/mail.h>

#include "inbox/mime/mail_parser.h"
#include "workspace/workspace_core.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

// What one ingest or correction works with.
struct IntakeContext {
  WriteScope& scope;
  const Clock& clock;
  const std::string& actor;
  const InboxSettings& settings;
  // Acknowledgements are composed only for mail read from a mailbox: its
  // connector sends them.
  bool can_reply = false;
  // The dispatch rules, read once per transaction (intake never changes
  // them): a batch of 50 would otherwise read them 50 times.
  std::optional<std::vector<DispatchRule>> rules = std::nullopt;
};

// The result, and the acknowledgement to send once committed.
struct IntakeOutcome {
  IngestResult result;
  std::optional<spi::OutgoingMail> to_send;
};

// The largest raw message kept: one carrying attachments up to the limit,
// in base64 (4/3 of their size), plus 1 MiB of headers and text.
std::size_t raw_limit(const InboxSettings& settings);

// The key a mail is stored once under: its Message-ID, or "sha256:<hex>" of
// the raw bytes when it has none.
std::string message_key(const ParsedMail& parsed, std::string_view raw);

// Stores the parsed mail (raw bytes and kept attachments as blobs), matches
// its sender, threads it, records its classification (none for a message
// that could not be parsed) and dispatches it. Journaled: "receive"
// (MailReceived), "classify" (MailClassified), then the desk's entries. The
// caller checked it is new.
IntakeOutcome store_incoming(IntakeContext& context, const ParsedMail& parsed, std::string_view raw,
                             std::string_view mailbox, const std::optional<spi::Classification>& classification);

// Dispatches a stored mail in triage with its category as set (after a
// correction): the rules, the thread's ticket, the acknowledgement.
IntakeOutcome dispatch_stored(IntakeContext& context, Mail mail);

}  // namespace relais::inline v1::detail
