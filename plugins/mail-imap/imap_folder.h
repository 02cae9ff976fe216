#pragma once
// The IMAP commands the connector needs on one folder, through libcurl:
// STATUS for UIDVALIDITY and UIDNEXT, UID SEARCH, fetching one message by
// UID, UID STORE of flags, UID MOVE. Only the one-line untagged answers of
// STATUS and SEARCH are read here; libcurl speaks the protocol.
//
// Every command on the folder carries the UIDVALIDITY it was computed under
// (";UIDVALIDITY=n" in the URL): when the folder's changes in between,
// libcurl refuses to select it instead of acting on other messages. Not
// thread-safe. Errors: PluginError (see CurlSession).
#include "curl_session.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::imap_mail {

struct FolderStatus {
  std::uint32_t uid_validity = 0;
  std::uint32_t uid_next = 0;  // every message arriving from now gets this UID or a higher one
};

class ImapFolder {
 public:
  // `server` is "imaps://host:993/", `folder_name` as the server names it
  // (modified UTF-7). `session` must outlive the folder.
  ImapFolder(CurlSession& session, std::string server, std::string folder_name);

  FolderStatus status();

  // The UIDs from `first` to `last` that match `criteria` ("ALL", "UNSEEN"),
  // ascending.
  std::vector<std::uint32_t> search(std::uint32_t uid_validity, std::uint32_t first, std::uint32_t last,
                                    std::string_view criteria);

  // The message's bytes as stored; nullopt when it is gone. Fetching marks
  // it \Seen (libcurl fetches BODY[], not BODY.PEEK[]): see set_flag().
  std::optional<std::string> fetch(std::uint32_t uid_validity, std::uint32_t uid);

  // Adds (`on`) or removes a flag ("\\Seen") on these messages, silently.
  void set_flag(std::uint32_t uid_validity, const std::vector<std::uint32_t>& uids, std::string_view flag, bool on);

  // Moves these messages to `destination` (modified UTF-7), creating it
  // when the server says it does not exist. Needs the MOVE extension
  // (RFC 6851), which Dovecot, Gmail, Outlook.com and OVH have.
  void move(std::uint32_t uid_validity, const std::vector<std::uint32_t>& uids, const std::string& destination);

 private:
  std::string folder_url(std::uint32_t uid_validity) const;
  // Runs `command` + " " + each part of `uids` written as sets, a few
  // hundred UIDs at a time, so that no command line grows past what servers
  // accept.
  void for_uid_sets(std::uint32_t uid_validity, const std::vector<std::uint32_t>& uids, const std::string& command,
                    const std::string& after, const std::string& operation);

  CurlSession& session_;
  std::string server_;
  std::string folder_name_;
};

// `name` as an IMAP quoted string.
std::string imap_quoted(std::string_view name);

}  // namespace relais::imap_mail
