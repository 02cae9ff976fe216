#include "commands.h"
#include "i18n.h"
#include "output.h"

#include <charconv>
#include <iostream>

namespace relais::cli {
namespace {

// Exit code of `journal verify` when the journal was tampered with, apart
// from 1 (could not check) so that a scheduled check can tell them apart.
constexpr int kJournalAltered = 3;

// Reads back head_text()'s "SEQUENCE:HASH".
JournalHead parse_head(const std::string& text) {
  JournalHead head;
  auto colon = text.find(':');
  bool valid = colon != std::string::npos && colon > 0 && colon + 1 < text.size();
  if (valid) {
    auto [end, error] = std::from_chars(text.data(), text.data() + colon, head.sequence);
    valid = error == std::errc() && end == text.data() + colon && head.sequence >= 0;
  }
  if (!valid) {
    throw UsageError(format(_("--head expects SEQUENCE:HASH as printed by \"relais journal head\", not \"%s\""), text));
  }
  head.hash = text.substr(colon + 1);
  return head;
}

}  // namespace

int run_journal_head(const Arguments& arguments) {
  std::cout << head_text(open_workspace(arguments).journal_head()) << '\n';
  return 0;
}

int run_journal_verify(const Arguments& arguments) {
  std::optional<JournalHead> expected;
  if (auto head = arguments.option("head")) expected = parse_head(*head);
  JournalVerification verification = open_workspace(arguments).verify_journal(expected);
  print_verification(std::cout, verification);
  return verification.ok ? 0 : kJournalAltered;
}

}  // namespace relais::cli
