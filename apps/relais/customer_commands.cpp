// `relais customers list` and `relais customers lookup`.
#include "commands.h"
#include "i18n.h"
#include "output.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

constexpr std::size_t kListPageSize = 500;

std::string workspace_uri(const std::string& argument) {
  if (argument.find("://") != std::string::npos) return argument;
  if (!std::filesystem::is_regular_file(argument)) {
    throw Failure(format(_("no workspace file %s (give an existing SQLite file or a URI)"), argument));
  }
  return sqlite_uri(argument);
}

void print_cards(const std::vector<Customer>& customers, const char* none_found) {
  if (customers.empty()) std::cout << none_found << '\n';
  for (std::size_t i = 0; i < customers.size(); ++i) {
    if (i > 0) std::cout << '\n';
    print_customer_card(std::cout, customers[i]);
  }
}

struct ListArguments {
  WorkspaceArguments workspace;
  std::optional<std::string> tag;
};

struct LookupArguments {
  WorkspaceArguments workspace;
  std::optional<std::string> phone;
  std::optional<std::string> email;
};

int run_customers_list(const ListArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  auto customers = list_all_customers(workspace.customers(), arguments.tag);
  print_customer_table(std::cout, customers);
  std::cout << format(P_("%lld customer", "%lld customers", customers.size()), customers.size()) << '\n';
  return 0;
}

int run_customers_lookup(const LookupArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  if (arguments.phone) {
    print_cards(workspace.customers().lookup_phone(*arguments.phone), _("No customer has this phone number."));
  } else {
    print_cards(workspace.customers().lookup_email(*arguments.email), _("No customer has this email address."));
  }
  return 0;
}

}  // namespace

void add_customer_commands(CLI::App& app) {
  CLI::App& customers = add_command_group(app, "customers", _("The customers: list them, find who is calling."));

  auto list = std::make_shared<ListArguments>();
  CLI::App& list_command =
      add_command(customers, "list", _("List the customers by name."), [list] { return run_customers_list(*list); });
  add_workspace_arguments(list_command, list->workspace);
  list_command.add_option("--tag", list->tag, _("Only the customers with this tag."))->option_text(_("TAG"));

  auto lookup = std::make_shared<LookupArguments>();
  CLI::App& lookup_command =
      add_command(customers, "lookup", _("Find who has this phone number or email address, written in any usual form."),
                  [lookup] { return run_customers_lookup(*lookup); });
  add_workspace_arguments(lookup_command, lookup->workspace);
  CLI::Option_group& by = add_exclusive_options(lookup_command, _("Search by (exactly one)"));
  by.add_option("--phone", lookup->phone, _("A phone number: 0299401285, +33 2 99 40 12 85, 02/99/40/12/85..."))
      ->option_text(_("NUMBER"));
  by.add_option("--email", lookup->email, _("An email address; its domain is compared without case."))
      ->option_text(_("ADDRESS"));
}

std::string sqlite_uri(const std::filesystem::path& file) {
  std::string uri = "sqlite://";
  for (char c : std::filesystem::absolute(file).string()) {
    if (c == '%') {
      uri += "%25";
    } else if (c == '?') {
      uri += "%3F";
    } else {
      uri += c;
    }
  }
  return uri;
}

Workspace open_workspace(const WorkspaceArguments& arguments) {
  return Workspace::open(workspace_uri(arguments.uri), {.actor = arguments.actor});
}

std::vector<Customer> list_all_customers(const CustomerService& customers, std::optional<std::string> tag) {
  CustomerQuery query{.tag = std::move(tag), .limit = kListPageSize};
  std::vector<Customer> all;
  do {
    CustomerPage page = customers.list(query);
    all.insert(all.end(), std::make_move_iterator(page.items.begin()), std::make_move_iterator(page.items.end()));
    query.after = std::move(page.next_cursor);
  } while (!query.after.empty());
  return all;
}

}  // namespace relais::cli
