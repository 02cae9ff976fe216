#pragma once
// What a mail's text and headers tell about it, without a database: the
// phone numbers and SIRETs written in it (to recognise the sender), its
// subject reduced for threading, the ticket tag, and whether it was sent by
// a machine (never acknowledged). Pure functions, thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relais::inline v1::detail {

// Phone numbers written in `text` in any common form ("06 12 34 56 78",
// "+33 (0)2 99 12 34 56"), in E.164, each once, in order of appearance.
// Found with libphonenumber's matcher for region FR; numbers it deems
// invalid are left out.
std::vector<std::string> phones_in_text(std::string_view text);

// SIRETs written in `text` (14 digits, possibly grouped "732 829 320 00074"),
// each once, only those with a valid key.
std::vector<std::string> sirets_in_text(std::string_view text);

// The ticket number of a tag "[T-2026-000123]" in `subject`, if any (the
// first).
std::optional<std::string> ticket_tag(std::string_view subject);

// Whether the subject starts with a reply or forward prefix (Re:, RE :,
// TR:, Fwd:, Fw:, AW:, WG:).
bool has_reply_prefix(std::string_view subject);

// The subject as threading compares it: reply and forward prefixes
// (repeated, "Re: TR: Re[2]:") and ticket tags removed, accents and case
// folded, spaces collapsed: "RE: TR: Panne électrique [T-2026-000001]" ->
// "panne electrique".
std::string thread_subject_key(std::string_view subject);

// `subject` without its reply prefixes and tags, then tagged with `number`:
// "[T-2026-000123] Panne électrique". For the mail the inbox sends.
std::string tagged_subject(std::string_view subject, std::string_view number);

// Whether a mail was sent by a machine, so that answering it could start a
// loop: Auto-Submitted other than "no", Precedence bulk, list or junk, a
// List-Id, X-Autoreply / X-Autorespond, or a sender such as
// MAILER-DAEMON@, postmaster@, noreply@ / no-reply@. Header names are
// compared without case.
bool is_automatic(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view from_address);

// The domain of an address, lowercased ("" when there is no '@').
std::string address_domain(std::string_view address);

}  // namespace relais::inline v1::detail
