#pragma once
// Separates what the sender of a mail wrote from the message they replied
// to and from their signature, with a table of French and English patterns
// (no Debian library does this). Pure functions; thread-safe.
//
// What is recognised, line by line:
// - quoted lines: starting with '>' (after optional spaces);
// - reply headers opening a quote: "Le <date>, <name> a écrit :" and
//   "On <date>, <name> wrote:", possibly wrapped over up to three lines and
//   always holding a digit (the date); Outlook's "-----Message
//   d'origine-----" / "-----Original Message-----"; Outlook's header block
//   "De : ... / Envoyé : ... / À : ... / Objet : ..." (or From/Sent/To/
//   Subject: "De" or "From" followed within six lines by two of the others),
//   with the "____" rule Outlook puts above it;
// - forward markers: Gmail's "---------- Forwarded message ---------" and
//   "Message transféré", Apple Mail's "Begin forwarded message:" and
//   "Début du message réexpédié :";
// - signatures: the "-- " delimiter (or "--"); device lines ("Envoyé de mon
//   iPhone", "Sent from my...", "Obtenir Outlook pour Android"...); a French
//   or English sign-off line ("Cordialement", "Bien cordialement", "Bonne
//   journée", "Bien à vous", "Kind regards"..., alone on its line or followed
//   by ", <name>") followed by at most 8 short lines (a name, a company, a
//   phone, a SIRET: each under 80 bytes, 10 words, not a question).
//
// Choices:
// - A reply header followed by '>' lines is a bottom or inline reply: the
//   header and the '>' lines are quoted, the sender's lines in between and
//   after stay new text. Otherwise (top posting, the usual case) everything
//   from the header to the end is quoted.
// - Forwarded content is what the sender wants read: everything from a
//   forward marker on stays in new_text, '>' lines included. In a mail whose
//   subject marks a forward (`forwarded`), Outlook's separator and header
//   block and a reply header also start forwarded content, since Outlook
//   writes the same "Message d'origine" for both.
// - The signature is looked for in the new text before any forward marker:
//   that of the person writing, not that of a forwarded message (which stays
//   in new_text, where the inbox still finds its phone numbers).
//
// Limits: a signature without delimiter, device line or sign-off (a bare
// name and phone after the text) stays in new_text, and so does one whose
// sign-off is followed by a long block (a legal disclaimer) or is a bare
// "Merci" (too often the message itself); a sign-off inside a sentence is
// not seen; a reply header in another language, or reworded by a client
// ("Jean a écrit :" without a date), is not seen, and its unquoted copy
// stays in new_text; headers are matched in ASCII case only ("ÉNVOYÉ :" is
// not "Envoyé :").
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

struct ReplySplit {
  std::string new_text;     // what the sender wrote, forwarded content included; no quote, no signature
  std::string quoted_text;  // the quoted part(s) as written, reply headers and '>' marks included
  std::string signature;    // the signature block, its sign-off or delimiter included; "" when none found
};

// Splits `text` (lines ended by '\n' or "\r\n"). Each output keeps its lines
// in their order, with runs of blank lines reduced to one and no blank line
// at either end. Lines are only ever moved, never rewritten.
ReplySplit split_reply(std::string_view text, bool forwarded = false);

// Whether a subject marks a forward by its first prefix: "TR:", "Fwd:",
// "Fw:", "Transf:" in any case, with or without a space before the colon.
// "RE: TR: ..." is a reply.
bool is_forward_subject(std::string_view subject);

}  // namespace relais::inline v1::detail
