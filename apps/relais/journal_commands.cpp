// `relais journal head` and `relais journal verify`.
#include "commands.h"
#include "i18n.h"
#include "output.h"

#include <charconv>
#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

// Exit code of `journal verify` when the journal was tampered with, apart
// from 1 (could not check) so that a scheduled check can tell them apart.
constexpr int kJournalAltered = 3;

// Reads back head_text()'s "SEQUENCE:HASH".
std::optional<JournalHead> parse_head(const std::string& text) {
  JournalHead head;
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + colon, head.sequence);
  if (error != std::errc() || end != text.data() + colon || head.sequence < 0) return std::nullopt;
  head.hash = text.substr(colon + 1);
  return head;
}

struct VerifyArguments {
  WorkspaceArguments workspace;
  std::optional<JournalHead> head;
};

int run_journal_head(const WorkspaceArguments& workspace) {
  std::cout << head_text(open_workspace(workspace).journal_head()) << '\n';
  return 0;
}

int run_journal_verify(const VerifyArguments& arguments) {
  JournalVerification verification = open_workspace(arguments.workspace).verify_journal(arguments.head);
  print_verification(std::cout, verification);
  return verification.ok ? 0 : kJournalAltered;
}

}  // namespace

void add_journal_commands(CLI::App& app) {
  CLI::App& journal = add_command_group(app, "journal", _("The journal of every change, chained by hashes."));

  auto head = std::make_shared<WorkspaceArguments>();
  CLI::App& head_command =
      add_command(journal, "head", _("Print the journal head SEQUENCE:HASH, to keep with the backups."),
                  [head] { return run_journal_head(*head); });
  add_workspace_arguments(head_command, *head);

  auto verify = std::make_shared<VerifyArguments>();
  CLI::App& verify_command =
      add_command(journal, "verify",
                  _("Check the journal's hash chain; with --head, also that no entry was cut off the end. "
                    "Exit code 3 when it was tampered with."),
                  [verify] { return run_journal_verify(*verify); });
  add_workspace_arguments(verify_command, verify->workspace);
  add_parsed_option(verify_command, "--head", verify->head, parse_head,
                    _("SEQUENCE:HASH as printed by \"relais journal head\" is expected, not \"%s\""),
                    _("The head kept from \"relais journal head\": the journal must still end there."))
      ->option_text(_("SEQUENCE:HASH"));
}

}  // namespace relais::cli
