#pragma once
// Reads the text of a mail part as UTF-8. Mail clients often declare the
// wrong charset, or none: the declared one is trusted only as far as it
// decodes the bytes. Pure, thread-safe.
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

struct MailText {
  std::string text;     // UTF-8, never fails: undecodable bytes become U+FFFD
  std::string problem;  // "" when the declared charset read the bytes; else a readable note
};

// In order:
// 1. bytes that are valid UTF-8 are read as UTF-8 when the declared charset
//    is none, UTF-8, ASCII or a Western single-byte one (ISO-8859-x,
//    Windows-125x): real Latin-1 text is never valid UTF-8 once it has an
//    accent, while UTF-8 labelled Latin-1 is a common mistake (noted);
// 2. the declared charset, when iconv knows it and it decodes every byte;
//    ISO-8859-1 is read as its superset Windows-1252 first (what every mail
//    client does: Outlook labels € and œ as Latin-1);
// 3. otherwise libuchardet guesses, Windows-1252 when it cannot (noted:
//    "charset 'x-unknown' unknown: read as windows-1252").
// `declared` is the charset parameter as written (any case, may be empty).
MailText decode_mail_text(std::string_view bytes, std::string_view declared);

}  // namespace relais::inline v1::detail
