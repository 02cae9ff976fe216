#pragma once
// Mail folder names as IMAP servers and Maildir++ folders spell them on the
// wire and on disk: RFC 3501 §5.1.3 "modified UTF-7" ("Traités" is
// "Trait&AOk-s"), so that a config can name a folder in plain UTF-8. Pure
// functions, thread-safe.
#include <string>
#include <string_view>

namespace relais::mail_plugin {

// `utf8` in modified UTF-7. Throws InvalidInputError naming `field` when
// `utf8` is not valid UTF-8 or holds a control character.
std::string modified_utf7(std::string_view utf8, std::string_view field);

}  // namespace relais::mail_plugin
