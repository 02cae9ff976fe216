// `relais demo <file.db>`: a fresh SQLite workspace filled from the demo
// data file, then a tour of what the staff get from it.
#include "commands.h"
#include "i18n.h"
#include "output.h"
#include "progress.h"
#include "resources.h"

#include <relais/customers/validation.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace relais::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct DemoData {
  std::vector<UserDraft> users;
  std::string entered_by;     // the login that types the customers in
  std::string incoming_call;  // a number as the phone shows it
  std::vector<CustomerDraft> customers;
};

std::vector<std::string> strings(const json& object, const char* key) {
  return object.value(key, std::vector<std::string>{});
}

Site parse_site(const json& object) {
  return {.label = object.value("label", ""),
          .street = object.value("street", ""),
          .postcode = object.value("postcode", ""),
          .city = object.value("city", ""),
          .country = object.value("country", "FR"),
          .work_site = object.value("work_site", false)};
}

Contact parse_contact(const json& object) {
  return {.name = object.value("name", ""),
          .role = object.value("role", ""),
          .phones = strings(object, "phones"),
          .emails = strings(object, "emails")};
}

CustomerKind parse_kind(const std::string& text) {
  if (text == "person") return CustomerKind::person;
  if (text == "company") return CustomerKind::company;
  throw std::invalid_argument("unknown customer kind \"" + text + "\" (expected person or company)");
}

CustomerDraft parse_customer(const json& object) {
  CustomerDraft draft{.kind = parse_kind(object.at("kind").get<std::string>()),
                      .name = object.at("name").get<std::string>(),
                      .phones = strings(object, "phones"),
                      .emails = strings(object, "emails"),
                      .siret = object.value("siret", ""),
                      .vat_number = object.value("vat_number", ""),
                      .notes = object.value("notes", ""),
                      .tags = strings(object, "tags"),
                      .external_ids = object.value("external_ids", std::map<std::string, std::string>{})};
  for (const auto& site : object.value("sites", json::array())) draft.sites.push_back(parse_site(site));
  for (const auto& contact : object.value("contacts", json::array())) draft.contacts.push_back(parse_contact(contact));
  return draft;
}

DemoData parse_demo_data(const json& document) {
  DemoData data{.entered_by = document.at("entered_by").get<std::string>(),
                .incoming_call = document.at("incoming_call").get<std::string>()};
  for (const auto& user : document.at("users")) {
    data.users.push_back({.login = user.at("login").get<std::string>(),
                          .display_name = user.at("display_name").get<std::string>(),
                          .role = parse_role(user.at("role").get<std::string>(), "users.role")});
  }
  for (const auto& customer : document.at("customers")) data.customers.push_back(parse_customer(customer));
  return data;
}

DemoData load_demo_data(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw Failure(format(_("cannot open the demo data %s"), file.string()));
  try {
    return parse_demo_data(json::parse(in));
  } catch (const std::exception& error) {  // malformed JSON, missing key, bad kind or role
    throw Failure(format(_("cannot read the demo data %s: %s"), file.string(), error.what()));
  }
}

// Deletes an earlier demo database with its WAL files, after checking that
// the path really names a SQLite database: `relais demo report.xlsx` must
// not destroy a spreadsheet.
void remove_database(const fs::path& file) {
  if (fs::exists(file) && fs::file_size(file) > 0) {
    constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
    std::array<char, kSqliteMagic.size()> header{};
    std::ifstream(file, std::ios::binary).read(header.data(), header.size());
    if (std::string_view(header.data(), header.size()) != kSqliteMagic) {
      throw Failure(format(_("%s exists and is not a SQLite database: not replaced"), file.string()));
    }
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix);
}

const char* role_label(Role role) {
  switch (role) {
    case Role::assistant: return _("assistant");
    case Role::technician: return _("technician");
    case Role::manager: return _("manager");
    case Role::admin: return _("administrator");
  }
  return "";
}

void print_users(const std::vector<User>& users) {
  std::cout << _("Users:") << '\n';
  for (const auto& user : users) {
    std::cout << format(_("  %s (%s, %s)"), user.display_name, user.login, role_label(user.role)) << '\n';
  }
}

void print_customer_counts(const std::vector<Customer>& customers, const std::string& entered_by) {
  auto companies = std::count_if(customers.begin(), customers.end(),
                                 [](const Customer& c) { return c.kind == CustomerKind::company; });
  auto people = static_cast<long long>(customers.size()) - companies;
  std::cout << format(P_("%lld customer entered by %s: ", "%lld customers entered by %s: ", customers.size()),
                      customers.size(), entered_by)
            << format(P_("%lld private customer, ", "%lld private customers, ", people), people)
            << format(P_("%lld company.", "%lld companies.", companies), companies) << '\n';
}

void print_incoming_call(Workspace& assistant, const std::string& number) {
  std::cout << '\n' << format(_("Who is calling? %s"), number) << '\n';
  auto callers = assistant.customers().lookup_phone(number);
  if (callers.empty()) std::cout << _("No customer has this phone number.") << '\n';
  for (const auto& caller : callers) print_customer_card(std::cout, caller);
}

// A legacy export shipped with the demo, and the profile that maps it.
struct LegacyExport {
  const char* file;
  const char* profile;
};
constexpr std::array<LegacyExport, 2> kLegacyExports{{
    {"erp-mde-clients.csv", "erp-mde.profile.json"},
    {"sage100-clients.csv", "sage100.profile.json"},
}};

// Imports the legacy exports shipped with the demo, as the office's IT
// person would on the first day, and reports each file.
void import_legacy_exports(Workspace& workspace) {
  fs::path folder = demo_data_dir();
  for (const auto& legacy : kLegacyExports) {
    ImportReport report = import_with_progress(workspace.customers(), (folder / legacy.file).string(),
                                               (folder / legacy.profile).string(),
                                               format(_("Importing %s"), legacy.file));
    print_import_report(legacy.file, report);
  }
}

void print_journal(Workspace& workspace) {
  JournalHead head = workspace.journal_head();
  std::cout << '\n' << format(_("Journal head: %s (keep it outside the database, with the backups)"), head_text(head))
            << '\n';
  print_verification(std::cout, workspace.verify_journal(head));
}

// The lookup suggested uses the incoming number in its national writing, to
// show that the format does not matter.
void print_next_steps(const std::string& uri, const std::string& incoming_call) {
  std::cout << '\n' << _("Try:") << '\n'
            << "  relais customers list " << uri << '\n'
            << "  relais customers lookup " << uri << " --phone \""
            << format_phone_national(normalize_phone(incoming_call)) << "\"\n"
            << "  relais journal verify " << uri << '\n';
}

int run_demo(const fs::path& database) {
  fs::path file = fs::absolute(database);
  DemoData data = load_demo_data(demo_data_file());
  remove_database(file);
  std::string uri = sqlite_uri(file);

  Workspace admin = Workspace::open(uri);
  for (const auto& user : data.users) admin.users().create(user);
  Workspace assistant = admin.as_user(data.entered_by);
  for (const auto& customer : data.customers) assistant.customers().create(customer);

  std::cout << format(_("Demo workspace: %s"), uri) << '\n';
  print_users(admin.users().list());
  print_customer_counts(list_all_customers(assistant.customers()), data.entered_by);
  import_legacy_exports(admin);
  // The batch finder over the whole base, then the pairs a person has to
  // look at, best score first.
  print_finder_report(find_duplicates_with_progress(admin.customers()));
  print_review_queue(admin.customers());
  print_incoming_call(assistant, data.incoming_call);
  print_journal(admin);
  print_next_steps(uri, data.incoming_call);
  return 0;
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App& command = add_command(
      app, "demo", _("Create (or recreate) a SQLite workspace filled with demo customers, and show around."),
      [file] { return run_demo(*file); });
  command.add_option(_("<file.db>"), *file, _("The SQLite file to create; an existing database there is replaced."))
      ->required();
}

}  // namespace relais::cli
