#pragma once
// The configuration of the "imap" mail connector: JSON text, every key
// checked. docs/inbox.md shows examples (OVH, Gmail with an app password).
//
// {
//   "url": "imaps://ssl0.ovh.net/INBOX",   required: imap:// or imaps://, a host,
//                                          optional port, the folder to read
//                                          (UTF-8, "INBOX" when no path); no
//                                          credentials in it
//   "user": "contact@elec-bretagne.fr",    optional: the login (no login without)
//   "password": "...",                     one of the two with "user": the
//   "password_file": "/etc/relais/imap",   password, or an absolute path to a
//                                          file holding it (read at each
//                                          connection, final line end dropped).
//                                          Prefer the file: a config may be
//                                          stored and journaled by the host
//   "mailbox": "contact@elec-bretagne.fr", optional: mailbox(); user@host/folder
//                                          by default
//   "on_acknowledge": "mark_seen",         optional: "mark_seen" (default),
//                                          "move" or "keep"
//   "move_to": "Traités",                  with "move" only: the folder (UTF-8),
//                                          created when missing
//   "smtp_url": "smtp://ssl0.ovh.net:587", optional: smtp:// (STARTTLS) or
//                                          smtps://; without it send() throws
//   "smtp_user", "smtp_password",          optional: the SMTP login, the IMAP
//   "smtp_password_file"                   one by default
//   "starttls": true,                      optional (default true): imap:// and
//                                          smtp:// connections must switch to
//                                          TLS; false talks in clear (a server
//                                          on this machine only)
//   "ca_file": "/etc/relais/ca.pem",       optional, absolute: trust the
//                                          certificates this PEM file signs
//                                          instead of the system's; certificates
//                                          and host names are always verified
//   "timeout_seconds": 30                  optional, 1 to 600: for connecting,
//                                          for each answer, and for a transfer
//                                          that stops moving
// }
// Authentication is a login and a password (AUTH PLAIN/LOGIN as the server
// offers). An OAuth2 bearer (Microsoft 365, Google) would be one more secret
// source in Credentials, given to libcurl as CURLOPT_XOAUTH2_BEARER.
#include "mail_config.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace relais::imap_mail {

// A login and where its password comes from.
struct Credentials {
  std::string user;  // "" = no login
  std::string password;
  std::optional<std::filesystem::path> password_file;

  // The password, read from the file when there is one. Throws StorageError
  // naming the file when it cannot be read.
  std::string secret() const;
};

// How every connection is made, IMAP and SMTP alike.
struct TransportOptions {
  bool starttls = true;
  std::optional<std::filesystem::path> ca_file;
  long timeout_seconds = 30;
};

struct ImapConfig {
  std::string server;       // "imaps://ssl0.ovh.net:993/": scheme, host, port
  std::string folder;       // as configured, UTF-8: "INBOX"
  std::string folder_name;  // as the server names it (modified UTF-7)
  Credentials login;
  std::string mailbox;
  mail_plugin::AcknowledgeConfig acknowledge;
  std::string move_to_name;  // move_to as the server names it
  std::optional<std::string> smtp_url;
  Credentials smtp_login;
  TransportOptions transport;
};

// Throws InvalidInputError naming "config" or "config.<key>" and the value
// (never a password's value). Does not connect.
ImapConfig parse_imap_config(std::string_view json_text);

}  // namespace relais::imap_mail
