// The "imap" mail connector, librelais-mail-imap.so (kind "mail", name
// "imap"): reads one folder of an IMAP account (IMAPS or STARTTLS) and sends
// through the account's SMTP server, both through libcurl. Its config is
// described in imap_config.h.
//
// The cursor is "imap:<UIDVALIDITY>:<last UID returned>"; a uid is
// "<UIDVALIDITY>:<UID>", so that a uid never names another message after the
// folder's UIDVALIDITY changed.
#include "curl_session.h"
#include "imap_config.h"
#include "imap_folder.h"
#include "outgoing_mail.h"

#include <relais/spi/mail.h>
#include <relais/spi/plugin.h>
#include <relais/version.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

namespace relais::imap_mail {
namespace {

using mail_plugin::AcknowledgeAction;

// UIDs searched per command: the answer line stays under the 256 KB libcurl
// reads whole.
constexpr std::uint32_t kSearchWindow = 10'000;

// A position in the folder: UIDVALIDITY and UID. Written "<tag>:<v>:<uid>"
// for cursors and "<v>:<uid>" for uids.
struct Position {
  std::uint32_t uid_validity = 0;
  std::uint32_t uid = 0;

  // nullopt when `text` is not "<number>:<number>" with a UID of 1 or more.
  static std::optional<Position> parse(std::string_view text) {
    Position position;
    const char* end = text.data() + text.size();
    const auto [colon, first_error] = std::from_chars(text.data(), end, position.uid_validity);
    if (first_error != std::errc() || colon == end || *colon != ':') return std::nullopt;
    const auto [last, second_error] = std::from_chars(colon + 1, end, position.uid);
    if (second_error != std::errc() || last != end || position.uid == 0) return std::nullopt;
    return position;
  }
  std::string text() const { return std::to_string(uid_validity) + ":" + std::to_string(uid); }
};

constexpr std::string_view kCursorTag = "imap:";

// Folds line ends to CRLF and ends the message with one, as SMTP requires
// (RFC 5321 §2.3.8): a message composed with CRLF goes out byte for byte.
std::string with_crlf_line_ends(std::string_view raw) {
  std::string data;
  data.reserve(raw.size() + raw.size() / 50 + 2);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) data += '\r';
    data += raw[i];
  }
  if (!data.ends_with("\r\n")) data += "\r\n";
  return data;
}

class ImapConnector final : public spi::MailConnector {
 public:
  explicit ImapConnector(ImapConfig config) : config_(std::move(config)) {}

  std::string mailbox() const override { return config_.mailbox; }

  spi::MailBatch fetch_since(std::string_view cursor, std::size_t limit) override {
    if (limit == 0) throw InvalidInputError("limit", "0", "must be 1 or more");
    const std::optional<Position> after = parse_cursor(cursor);
    ImapFolder& box = folder();
    const FolderStatus status = box.status();
    // Under another UIDVALIDITY the old UIDs mean nothing: start again from
    // the start of the folder; the host ingests idempotently.
    const std::uint32_t last_seen = after && after->uid_validity == status.uid_validity ? after->uid : 0;
    const std::vector<std::uint32_t> uids = uids_after(box, status, last_seen, limit);
    if (uids.empty()) return {{}, std::string(cursor)};
    return {read(box, status.uid_validity, uids),
            std::string(kCursorTag) + Position{status.uid_validity, uids.back()}.text()};
  }

  void acknowledge(const std::vector<std::string>& uids) override {
    std::map<std::uint32_t, std::vector<std::uint32_t>> by_validity;
    FieldErrors errors;
    for (std::size_t i = 0; i < uids.size(); ++i) {
      if (auto position = Position::parse(uids[i])) {
        by_validity[position->uid_validity].push_back(position->uid);
      } else {
        errors.add("uids[" + std::to_string(i) + "]", uids[i], "is not a uid of this IMAP mailbox");
      }
    }
    errors.throw_if_any();
    if (config_.acknowledge.action == AcknowledgeAction::keep || by_validity.empty()) return;
    ImapFolder& box = folder();
    const std::uint32_t current = box.status().uid_validity;
    // UIDs of an older UIDVALIDITY name nothing any more: skipped.
    auto& acknowledged = by_validity[current];
    if (acknowledged.empty()) return;
    std::sort(acknowledged.begin(), acknowledged.end());
    acknowledged.erase(std::unique(acknowledged.begin(), acknowledged.end()), acknowledged.end());
    if (config_.acknowledge.action == AcknowledgeAction::mark_seen) {
      box.set_flag(current, acknowledged, "\\Seen", true);
    } else {
      box.move(current, acknowledged, config_.move_to_name);
    }
  }

  void send(const spi::OutgoingMail& mail) override {
    const auto envelope = mail_plugin::checked_envelope(mail);
    if (!config_.smtp_url) {
      throw PluginError("mailbox " + config_.mailbox + " has no SMTP server to send with: set \"smtp_url\" in its config",
                        {{"mailbox", config_.mailbox}});
    }
    CurlSession smtp(*config_.smtp_url, config_.transport, config_.smtp_login);
    smtp.send_mail(*config_.smtp_url, envelope.from, envelope.recipients, with_crlf_line_ends(mail.raw));
  }

 private:
  // The messages of `uids` (a message expunged meanwhile is skipped).
  // Fetching sets \Seen: it is cleared again on those that were unseen, so
  // that only acknowledge() changes what the mailbox's other readers see.
  std::vector<spi::FetchedMail> read(ImapFolder& box, std::uint32_t uid_validity,
                                     const std::vector<std::uint32_t>& uids) const {
    const std::vector<std::uint32_t> unseen = box.search(uid_validity, uids.front(), uids.back(), "UNSEEN");
    std::vector<spi::FetchedMail> mails;
    for (std::uint32_t uid : uids) {
      auto raw = box.fetch(uid_validity, uid);
      if (std::binary_search(unseen.begin(), unseen.end(), uid)) box.set_flag(uid_validity, {uid}, "\\Seen", false);
      if (raw) mails.push_back({Position{uid_validity, uid}.text(), config_.folder, std::move(*raw)});
    }
    return mails;
  }

  static std::optional<Position> parse_cursor(std::string_view cursor) {
    if (cursor.empty()) return std::nullopt;
    auto position = cursor.starts_with(kCursorTag) ? Position::parse(cursor.substr(kCursorTag.size())) : std::nullopt;
    if (!position) throw InvalidInputError("cursor", cursor, "is not a cursor of this IMAP mailbox");
    return position;
  }

  // The first `limit` UIDs above `last_seen`, searched window by window up
  // to UIDNEXT: a message arriving meanwhile is left for the next fetch.
  static std::vector<std::uint32_t> uids_after(ImapFolder& box, const FolderStatus& status, std::uint32_t last_seen,
                                               std::size_t limit) {
    std::vector<std::uint32_t> uids;
    for (std::uint64_t first = std::uint64_t{last_seen} + 1; first < status.uid_next && uids.size() < limit;
         first += kSearchWindow) {
      const auto last = static_cast<std::uint32_t>(std::min<std::uint64_t>(first + kSearchWindow - 1, status.uid_next - 1));
      const auto found = box.search(status.uid_validity, static_cast<std::uint32_t>(first), last, "ALL");
      uids.insert(uids.end(), found.begin(), found.end());
    }
    if (uids.size() > limit) uids.resize(limit);
    return uids;
  }

  // The IMAP session, opened at first use and kept: its connection stays
  // logged in between calls.
  ImapFolder& folder() {
    if (!folder_) {
      session_ = std::make_unique<CurlSession>(config_.server, config_.transport, config_.login);
      folder_ = std::make_unique<ImapFolder>(*session_, config_.server, config_.folder_name);
    }
    return *folder_;
  }

  const ImapConfig config_;
  std::unique_ptr<CurlSession> session_;
  std::unique_ptr<ImapFolder> folder_;
};

}  // namespace
}  // namespace relais::imap_mail

RELAIS_DEFINE_PLUGIN(relais::spi::MailConnector, "mail", "imap", RELAIS_VERSION, [](const char* config) {
  return new relais::imap_mail::ImapConnector(relais::imap_mail::parse_imap_config(config));
})
