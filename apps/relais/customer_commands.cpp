#include "commands.h"
#include "i18n.h"
#include "output.h"

#include <filesystem>
#include <iostream>

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

}  // namespace

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

Workspace open_workspace(const Arguments& arguments) {
  return Workspace::open(workspace_uri(arguments.positionals().at(0)),
                         {.actor = arguments.option("actor").value_or("admin")});
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

int run_customers_list(const Arguments& arguments) {
  Workspace workspace = open_workspace(arguments);
  auto customers = list_all_customers(workspace.customers(), arguments.option("tag"));
  print_customer_table(std::cout, customers);
  std::cout << format(P_("%lld customer", "%lld customers", customers.size()), customers.size()) << '\n';
  return 0;
}

int run_customers_lookup(const Arguments& arguments) {
  auto phone = arguments.option("phone");
  auto email = arguments.option("email");
  if (phone.has_value() == email.has_value()) throw UsageError(_("give either --phone or --email"));
  Workspace workspace = open_workspace(arguments);
  if (phone) {
    print_cards(workspace.customers().lookup_phone(*phone), _("No customer has this phone number."));
  } else {
    print_cards(workspace.customers().lookup_email(*email), _("No customer has this email address."));
  }
  return 0;
}

}  // namespace relais::cli
