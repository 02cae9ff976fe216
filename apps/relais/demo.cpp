// `relais demo <file.db>`: a fresh SQLite workspace filled from the demo
// data file, then a tour of what the staff get from it.
#include "commands.h"
#include "dashboard_output.h"
#include "demo_inbox.h"
#include "desk_output.h"
#include "i18n.h"
#include "output.h"
#include "progress.h"
#include "reminder_output.h"
#include "resources.h"

#include <relais/customers/validation.h>
#include <relais/dashboard/dashboard_service.h>

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

// The phone system's log of the Monday before Relais, and the follow-up
// sheet the office kept until then, with their profiles.
constexpr LegacyExport kCallLog{"appels-oxo.csv", "oxo-connect.profile.json"};
constexpr LegacyExport kFollowUpSheet{"suivi-demandes.csv", "suivi-demandes.profile.json"};

void import_desk_files(Workspace& workspace) {
  fs::path folder = demo_data_dir();
  print_call_log_report(std::cout, kCallLog.file,
                        workspace.desk().import_call_log_file((folder / kCallLog.file).string(),
                                                              (folder / kCallLog.profile).string()));
  print_follow_up_report(std::cout, kFollowUpSheet.file,
                         workspace.desk().import_follow_up_file((folder / kFollowUpSheet.file).string(),
                                                                (folder / kFollowUpSheet.profile).string()));
}

// The demo's days on the Paris clock (UTC+1), so that the times it prints are
// the same on every run: Relais is installed on Monday 23 November 2026
// and the assistant's first morning with it is Tuesday the 24th.
Timestamp paris(int day, int hour, int minute) {
  return std::chrono::sys_days{std::chrono::year{2026} / 11 / day} + std::chrono::hours(hour - 1) +
         std::chrono::minutes(minute);
}
Timestamp monday(int hour, int minute) { return paris(23, hour, minute); }
Timestamp tuesday(int hour, int minute) { return paris(24, hour, minute); }

// What the demo's morning needs to know as it goes.
struct Morning {
  Workspace& assistant;
  Workspace& technician;
  ManualClock& clock;
  std::optional<Ticket> breakdown;
};

void step(Morning& morning, int hour, int minute, const std::string& what) {
  morning.clock.set(tuesday(hour, minute));
  std::cout << '\n' << format(_("%s  %s"), paris_time(morning.clock.now()), what) << '\n';
}

// The breakdown ticket the customer's mail opened in the night; one is opened
// now if the classifier sent that mail to triage instead.
Ticket night_breakdown(Workspace& assistant, const Customer& customer) {
  for (const auto& ticket : assistant.desk().customer_view(customer.id, {.limit = 1}).open_tickets) {
    if (ticket.kind == TicketKind::breakdown) return ticket;
  }
  return assistant.desk().open_ticket({.kind = TicketKind::breakdown, .customer = customer.id,
                                       .subject = "Four à sole : le disjoncteur saute à l'allumage"});
}

// A customer rings: the number finds the bakery and its manager, and the
// breakdown ticket its mail opened last night. The call is traced on it, the
// ticket made urgent and given to the technician.
void bakery_calls(Morning& morning, const std::string& number) {
  step(morning, 8, 52, format(_("The phone rings: %s"), number));
  CallerLookup caller = morning.assistant.desk().incoming_call(number);
  const CallerMatch& match = caller.matches.at(0);
  const Contact& manager = match.contact.value();
  std::cout << format(_("  Who is calling? %s (%s)"), match.customer.name, manager.name) << '\n';
  Ticket breakdown = night_breakdown(morning.assistant, match.customer);
  std::cout << "  " << _("Open ticket, from last night's mail:") << ' ';
  print_ticket_line(std::cout, breakdown, match.customer.name);
  CallDraft call{.customer = match.customer.id, .contact = manager.id, .ticket = breakdown.id, .phone = number,
                 .duration = std::chrono::seconds(192), .subject = "Le four coupe encore le disjoncteur"};
  std::cout << "  ";
  print_logged_call(std::cout, morning.assistant.desk().log_call(call), match.customer.name);
  breakdown = morning.assistant.desk().update_ticket(breakdown.id, breakdown.version,
                                                     {.priority = TicketPriority::urgent});
  morning.breakdown = morning.assistant.desk().assign(breakdown.id, breakdown.version,
                                                      morning.technician.actor().login);
  std::cout << "  " << format(_("Ticket %s made urgent and assigned to %s."), breakdown.number,
                              morning.technician.actor().login)
            << '\n';
}

// Yesterday's missed call from the same bakery, found in the phone log, is
// qualified and linked to the ticket.
void qualify_missed_call(Morning& morning, const std::string& bakery) {
  step(morning, 9, 5, _("Calls to qualify, from yesterday's phone log:"));
  InteractionPage page = morning.assistant.desk().calls_to_qualify(500);
  std::cout << "  " << format(P_("%lld call", "%lld calls", page.interactions.size()), page.interactions.size())
            << '\n';
  const std::string number = normalize_phone(bakery);
  for (const auto& call : page.interactions) {
    if (call.phone != number) continue;
    InteractionChanges changes{.ticket = morning.breakdown->id, .subject = "Message vocal : le four chauffe encore",
                               .outcome = CallOutcome::missed};
    Interaction qualified = morning.assistant.desk().update_interaction(call.id, call.version, changes);
    std::cout << "  "
              << format(_("Qualified: call from %s (%s), %s, linked to ticket %s."), format_phone_national(number),
                        paris_time(qualified.occurred_at), outcome_label(*qualified.outcome),
                        morning.breakdown->number)
              << '\n';
  }
}

// A number nobody has: the call waits to be qualified, like those of the
// phone log.
void unknown_caller(Morning& morning, const std::string& number) {
  step(morning, 9, 20, format(_("The phone rings: %s"), number));
  if (morning.assistant.desk().incoming_call(number).known()) return;
  CallDraft call{.phone = number, .duration = std::chrono::seconds(95),
                 .notes = "Prospect : borne de recharge dans un garage, rappeler avec un prix",
                 .outcome = CallOutcome::to_qualify};
  std::cout << "  " << _("No customer has this number: the call is left to qualify.") << "\n  ";
  print_logged_call(std::cout, morning.assistant.desk().log_call(call), "");
}

// The technician, on site, asks for a quote: a technician request in his
// name, which the desk follows through its stages.
void technician_request(Morning& morning, const std::string& site_phone) {
  step(morning, 9, 40,
       format(_("%s calls from a customer's site and asks for a quote:"), morning.technician.actor().display_name));
  Customer garage = morning.technician.customers().lookup_phone(site_phone).at(0);
  TicketDraft request{.kind = TicketKind::technician_request, .source = TicketSource::technician,
                      .customer = garage.id, .subject = "Devis : éclairage LED de l'atelier (12 réglettes)",
                      .description = "Le client veut le devis avant la fin du mois."};
  std::cout << "  " << _("Opened:") << ' ';
  print_ticket_line(std::cout, morning.technician.desk().open_ticket(request), garage.name);
}

// The technician takes the breakdown: its status moves from new to open.
void technician_takes_breakdown(Morning& morning) {
  step(morning, 10, 15, format(_("%s takes the breakdown:"), morning.technician.actor().display_name));
  Ticket& ticket = *morning.breakdown;
  ticket = morning.technician.desk().set_status(ticket.id, ticket.version, TicketStatus::open);
  std::cout << "  "
            << format(_("Ticket %s: %s -> %s."), ticket.number, status_label(TicketStatus::new_),
                      status_label(ticket.status))
            << '\n';
}

// The morning's callers, as the phone shows them: the manager of a demo
// bakery (whose shop number is in yesterday's phone log), a number nobody
// has, and a demo garage where the technician works.
constexpr const char* kBakeryManager = "06 83 27 45 19";
constexpr const char* kBakery = "02 97 47 18 26";
constexpr const char* kProspect = "06 67 12 09 34";
constexpr const char* kGarage = "02 99 31 45 67";

// The login of the demo's technician, who takes the morning's breakdown.
std::string technician_login(const DemoData& data) {
  auto technician = std::find_if(data.users.begin(), data.users.end(),
                                 [](const UserDraft& user) { return user.role == Role::technician; });
  if (technician == data.users.end()) throw Failure(_("the demo data has no technician"));
  return technician->login;
}

// Tuesday morning at the desk, then the bakery's 360° view.
void run_morning(Workspace& admin, ManualClock& clock, const std::string& assistant_login,
                 const std::string& technician_login) {
  Workspace assistant = admin.as_user(assistant_login);
  Workspace technician = admin.as_user(technician_login);
  Morning morning{assistant, technician, clock, std::nullopt};
  std::cout << '\n' << _("Tuesday morning at the desk:") << '\n';
  bakery_calls(morning, kBakeryManager);
  qualify_missed_call(morning, kBakery);
  unknown_caller(morning, kProspect);
  technician_request(morning, kGarage);
  technician_takes_breakdown(morning);
  const Customer bakery = assistant.customers().lookup_phone(kBakery).at(0);
  std::cout << '\n' << format(_("360° view of %s:"), bakery.name) << '\n';
  print_customer_view(std::cout, assistant.desk().customer_view(bakery.id, {.limit = 10}));
}

// The follow-up sheet's first row said to chase Mrs Martin's quote
// "mid-November": the assistant types that in as a reminder on the ticket
// the row became, already late.
void add_sheet_reminder(Workspace& assistant) {
  const Ticket quote = assistant.desk().find_ticket("T-2026-000001");
  assistant.reminders().add({.reason = "Relancer Mme Martin : devis du tableau envoyé le 05/10",
                             .due_at = paris(16, 9, 0),
                             .target = {.kind = "ticket", .id = quote.id.to_string()}});
}

// 08:00, the office opens: the scheduler (cron runs `relais reminders tick`)
// catches up on the night and announces what fell due; the assistant's list
// for the day follows.
void tick_at_opening(Workspace& admin, Workspace& assistant, ManualClock& clock) {
  clock.set(tuesday(8, 0));
  std::cout << '\n' << format(_("%s  The office opens: the reminders are ticked."), paris_time(clock.now())) << '\n';
  print_tick_report(std::cout, admin.reminders().tick(clock.now()), assistant, clock.now());
  std::vector<Reminder> today = assistant.reminders().mine(ReminderWindow::overdue, 500).reminders;
  for (auto& reminder : assistant.reminders().mine(ReminderWindow::due_today, 500).reminders) today.push_back(reminder);
  std::cout << format(_("%s's list for today:"), assistant.actor().display_name) << '\n';
  print_reminders(std::cout, today, assistant, clock.now());
}

// 10:30: the office's dashboard as the assistant opens it (she is the
// office's front desk: its mail, its calls and everyone's reminders), in the
// terminal and as the page a browser shows (dashboard.html next to the
// workspace).
void show_dashboard(Workspace& assistant, ManualClock& clock, const fs::path& workspace_file) {
  clock.set(tuesday(10, 30));
  std::cout << '\n' << format(_("%s  The office's dashboard:"), paris_time(clock.now())) << '\n';
  const Dashboard dashboard = assistant.dashboard().build({.user = ""});
  print_dashboard(std::cout, dashboard);
  write_dashboard_page(std::cout, dashboard, (workspace_file.parent_path() / "dashboard.html").string());
}

void print_journal(Workspace& workspace) {
  JournalHead head = workspace.journal_head();
  std::cout << '\n' << format(_("Journal head: %s (keep it outside the database, with the backups)"), head_text(head))
            << '\n';
  print_verification(std::cout, workspace.verify_journal(head));
}

// The lookup suggested uses the incoming number in its national writing, to
// show that the format does not matter.
void print_next_steps(const std::string& uri, const std::string& incoming_call, const std::string& technician) {
  std::cout << '\n' << _("Try:") << '\n'
            << "  relais customers list " << uri << '\n'
            << "  relais customers lookup " << uri << " --phone \""
            << format_phone_national(normalize_phone(incoming_call)) << "\"\n"
            << "  relais customers show " << uri << " \"" << kBakery << "\"\n"
            << "  relais ticket list " << uri << " --assignee " << technician << '\n'
            << "  relais inbox triage " << uri << '\n'
            << "  relais journal verify " << uri << '\n';
}

int run_demo(const fs::path& database) {
  fs::path file = fs::absolute(database);
  DemoData data = load_demo_data(demo_data_file());
  remove_database(file);
  std::string uri = sqlite_uri(file);

  // A manual clock: the demo runs on its Monday and Tuesday, so that what it
  // prints (times, ticket numbers) is the same on every run.
  auto clock = std::make_shared<ManualClock>(monday(16, 0));
  Workspace admin = Workspace::open(uri, {.clock = clock});
  for (const auto& user : data.users) admin.users().create(user);
  Workspace assistant = admin.as_user(data.entered_by);
  for (const auto& customer : data.customers) assistant.customers().create(customer);

  std::cout << format(_("Demo workspace: %s"), uri) << '\n';
  std::cout << '\n' << format(_("%s  Relais is installed: the office brings in what it knows."),
                              paris_time(clock->now()))
            << '\n';
  print_users(admin.users().list());
  print_customer_counts(list_all_customers(assistant.customers()), data.entered_by);
  import_legacy_exports(admin);
  // The batch finder over the whole base, then the pairs a person has to
  // look at, best score first.
  print_finder_report(find_duplicates_with_progress(admin.customers()));
  print_review_queue(admin.customers());
  print_incoming_call(assistant, data.incoming_call);
  import_desk_files(admin);
  const fs::path mail_folder = set_up_inbox(admin, file);
  add_sheet_reminder(assistant);

  clock->set(tuesday(7, 30));
  std::cout << '\n' << format(_("%s  Tuesday: the night's mail."), paris_time(clock->now())) << '\n';
  read_nights_mail(assistant, mail_folder);
  tick_at_opening(admin, assistant, *clock);
  run_morning(admin, *clock, data.entered_by, technician_login(data));
  show_dashboard(assistant, *clock, file);
  print_journal(admin);
  print_next_steps(uri, data.incoming_call, technician_login(data));
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
