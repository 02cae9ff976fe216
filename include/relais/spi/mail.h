#pragma once
// The mail connector SPI: what a plugin of kind "mail" implements to move
// mail between Relais and one mailbox (an IMAP account, a Maildir, an mbox
// file, a folder of .eml files that Outlook saved). A connector only moves
// raw RFC 5322 bytes: it never parses, decodes or rewrites a message. The
// host parses what it fetched, stores it, and composes what it sends.
//
//   auto box = host.create_as<spi::MailConnector>("mail", "imap", config);
//   spi::MailBatch batch = box->fetch_since(cursor, 50);
//   ... the host stores batch.mails (idempotent by Message-ID) ...
//   box->acknowledge(uids_of(batch.mails));   // once they are stored
//   cursor = batch.next_cursor;                // kept by the host across restarts
//
// Cursors. A cursor is opaque to the host, which stores it and passes it
// back, possibly after a restart of the process or of the machine: a
// connector must read every cursor it ever returned, from any object created
// with the same config. A cursor names a position, not a time: for IMAP it
// carries the folder's UIDVALIDITY and the last UID returned. When the
// mailbox can no longer honour a cursor (the IMAP folder's UIDVALIDITY
// changed, an mbox file was rewritten by a mail client that compacted it),
// the connector starts again from the start of the folder. That is safe
// because the host's ingestion is idempotent by Message-ID: a mail fetched
// twice is stored once. Fetching does not change the mailbox; acknowledge()
// does what the config says (mark seen, move, or nothing).
//
// Errors: everything thrown is a relais::Error. A server that cannot be
// reached, answers nothing within the configured timeout, or refuses the
// credentials is a PluginError whose message names the host and never holds
// a password. A mailbox on this machine's disk that cannot be read or
// changed is a StorageError with context "operation" and "path", as for ERP
// connectors. A cursor this connector never returned is an InvalidInputError
// naming "cursor". A bad configuration given to the plugin's create() is an
// InvalidInputError naming "config.<key>" and its value (see plugin.h).
//
// Threads: not required to be thread-safe. The caller uses one object from
// one thread at a time; two objects (two processes, too) may serve the same
// mailbox.
#include <relais/spi/plugin_kind.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::spi {

// One message as the mailbox stores it.
struct FetchedMail {
  // The connector's id of the message: unique in its mailbox and stable
  // (the same message keeps it from one fetch to the next). What
  // acknowledge() takes.
  std::string uid;
  // Where it was found: "INBOX", "new" or "cur" of a Maildir, the mbox file
  // name... For the host's reports; not needed to acknowledge.
  std::string folder;
  // The message exactly as stored (RFC 5322 bytes, CRLF or LF line ends),
  // never altered. Only a storage format's own framing is undone (mbox's
  // From_ line and ">From " quoting).
  std::string raw;
};

// What one fetch gives.
struct MailBatch {
  std::vector<FetchedMail> mails;  // after the cursor, oldest first
  // Where the next fetch starts; opaque to the host. Equal to the cursor
  // passed in when nothing new arrived.
  std::string next_cursor;
};

// A message the host composed and wants delivered.
struct OutgoingMail {
  std::string from;                     // envelope sender (an address)
  std::vector<std::string> recipients;  // envelope recipients (addresses), at least one
  std::string raw;                      // the whole message, composed by the host (headers + body)
};

// What a "mail" plugin's create(config) returns; config is the plugin's own
// JSON (its documentation, docs/inbox.md, says which keys). The host owns
// the object and gives it back through the descriptor's destroy().
class MailConnector {
 public:
  virtual ~MailConnector() = default;

  // A stable name of the mailbox served ("contact@elec-bretagne.fr", a
  // path), for reports and as the key the host files fetched mails under.
  // Never throws.
  virtual std::string mailbox() const = 0;

  // The messages that arrived after `cursor` ("" = from the start of the
  // folder), oldest first, at most `limit` (1 or more), read whole. Fewer
  // when no more are waiting. Does not mark them seen. Throws
  // InvalidInputError naming "cursor" for a cursor this connector never
  // returned and naming "limit" for 0; PluginError when the server cannot
  // be reached, StorageError when a local mailbox cannot be read.
  virtual MailBatch fetch_since(std::string_view cursor, std::size_t limit) = 0;

  // Called once the host stored the messages of these uids: marks them seen,
  // moves them, or does nothing, as the config says. Idempotent: a uid
  // already acknowledged, or whose message is gone, is skipped without
  // error. Throws InvalidInputError naming "uids[i]" for a uid this
  // connector could never have returned; PluginError when the server cannot
  // be reached or refuses, StorageError when a local mailbox cannot be
  // changed.
  virtual void acknowledge(const std::vector<std::string>& uids) = 0;

  // Delivers `mail` (for IMAP accounts: to the SMTP server; for local
  // mailboxes: into a pickup folder) or throws: the message is delivered
  // whole or not at all as far as the connector can tell. Throws
  // InvalidInputError naming "mail.from", "mail.recipients[i]" or "mail.raw"
  // for an address or message that cannot be sent; PluginError when the
  // server refuses or cannot be reached, or when this connector has nowhere
  // to send; StorageError when a pickup folder cannot be written.
  virtual void send(const OutgoingMail& mail) = 0;
};

template <>
struct PluginKind<MailConnector> {
  static constexpr const char* name = "mail";
};

}  // namespace relais::inline v1::spi
