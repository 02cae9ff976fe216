// relais search: full-text search over customers, interactions and tickets,
// as the person at the desk types it.
#include "commands.h"
#include "desk_output.h"
#include "output.h"

#include <relais/desk/desk_service.h>

#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

struct SearchArguments {
  WorkspaceArguments workspace;
  std::vector<std::string> words;
  std::vector<std::string> kinds;
  std::vector<std::string> statuses;
  std::optional<std::string> assignee;
  bool include_archived = false;
  std::size_t limit = 20;
};

const char* hit_label(SearchKind kind) {
  switch (kind) {
    case SearchKind::customer: return _("customer");
    case SearchKind::interaction: return _("trace");
    case SearchKind::ticket: return _("ticket");
  }
  return "";
}

SearchQuery search_query(const SearchArguments& arguments) {
  SearchQuery query{.assignee = arguments.assignee, .include_archived = arguments.include_archived,
                    .limit = arguments.limit};
  for (const auto& word : arguments.words) query.text += (query.text.empty() ? "" : " ") + word;
  for (const auto& kind : arguments.kinds) query.kinds.push_back(parse_search_kind(kind, "kind"));
  for (const auto& status : arguments.statuses) query.statuses.push_back(parse_ticket_status(status, "status"));
  return query;
}

void print_hits(std::ostream& out, const SearchPage& page) {
  std::vector<std::vector<std::string>> rows{{_("What"), _("When"), _("Title"), _("Excerpt")}};
  for (const auto& hit : page.hits) rows.push_back({hit_label(hit.kind), paris_time(hit.time), hit.title, hit.excerpt});
  print_table(out, rows);
}

int run_search(const SearchArguments& arguments) {
  SearchQuery query = search_query(arguments);
  Workspace workspace = open_workspace(arguments.workspace);
  SearchPage page = workspace.desk().search(query);
  if (page.hits.empty()) {
    std::cout << _("Nothing found.") << '\n';
    return 0;
  }
  print_hits(std::cout, page);
  std::cout << format(P_("%lld result", "%lld results", page.hits.size()), page.hits.size());
  if (page.by_recency) std::cout << ' ' << _("(too many matches to rank: the most recent first; add a word)");
  else if (!page.next_cursor.empty()) std::cout << ' ' << _("(more: raise --limit)");
  std::cout << '\n';
  return 0;
}

}  // namespace

void add_search_command(CLI::App& app) {
  auto arguments = std::make_shared<SearchArguments>();
  CLI::App& command =
      add_command(app, "search", _("Find customers, calls, notes and tickets: accents and case do not matter."),
                  [arguments] { return run_search(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option(_("<words>"), arguments->words,
                     _("What to look for: every word must match, the last one as a start; 4 or more digits find "
                       "phone numbers."))
      ->required();
  command.add_option("--kind", arguments->kinds, _("Only these kinds, comma-separated: customer, interaction, ticket."))
      ->option_text(_("KIND,..."))
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_option("--status", arguments->statuses, _("Only tickets with these statuses, comma-separated."))
      ->option_text(_("STATUS,..."))
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_option("--assignee", arguments->assignee, _("Only tickets assigned to this login (\"\": nobody)."))
      ->option_text(_("LOGIN"));
  command.add_flag("--archived", arguments->include_archived, _("Also archived and merged customers."))
      ->disable_flag_override();
  add_parsed_option(command, "--limit", arguments->limit, parse_positive_number,
                    _("a positive number is expected, not \"%s\""), _("Show at most N results (1 to 100, default 20)."))
      ->option_text("N");
}

}  // namespace relais::cli
