#pragma once
// The configuration of the "maildir" mail connector (a mailbox on this
// machine's disk): JSON text, every key checked. docs/inbox.md shows
// examples.
//
// {
//   "path": "/srv/mail/contact",   required, absolute: the Maildir folder
//                                  (with new/ and cur/), the mbox file, or
//                                  the folder of .eml files
//   "format": "maildir",           optional: "maildir" (default), "mbox", "eml"
//   "mailbox": "contact@...",      optional: the name reported by mailbox();
//                                  the path by default
//   "on_acknowledge": "mark_seen", optional: maildir "mark_seen" (default),
//                                  "move" or "keep"; eml "keep" (default) or
//                                  "move"; mbox "keep" only (an mbox file is
//                                  never rewritten)
//   "move_to": "Traités",          with "move" only: maildir, a Maildir++
//                                  sub-folder (created as ".Trait&AOk-s" with
//                                  new/, cur/, tmp/); eml, a sub-folder of path
//   "outbox": "/srv/mail/pickup"   optional, absolute: the pickup folder send()
//                                  writes into; without it send() throws
// }
#include "mail_config.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace relais::local_mail {

enum class LocalFormat { maildir, mbox, eml };

inline constexpr detail::EnumNames kLocalFormats{std::array{
    std::pair{LocalFormat::maildir, std::string_view("maildir")},
    std::pair{LocalFormat::mbox, std::string_view("mbox")},
    std::pair{LocalFormat::eml, std::string_view("eml")},
}};

struct LocalMailConfig {
  std::filesystem::path path;
  LocalFormat format = LocalFormat::maildir;
  std::string mailbox;
  mail_plugin::AcknowledgeConfig acknowledge;
  // For "move": the folder files go to (for a Maildir, already named as on
  // disk: ".Trait&AOk-s").
  std::filesystem::path move_folder;
  std::optional<std::filesystem::path> outbox;
};

// Throws InvalidInputError naming "config" or "config.<key>" and the value.
// Checks that path is what the format needs (a Maildir, a folder, an mbox
// file or its folder) and creates the outbox when missing.
LocalMailConfig parse_local_mail_config(std::string_view json_text);

}  // namespace relais::local_mail
