// The desk activity generator: deterministic, exact in its counts, in time
// order, legal in every status move, and accepted by the library as is.
#include <synth/synthetic_customers.h>
#include <synth/synthetic_desk.h>

#include <relais/customers/validation.h>
#include <relais/desk/desk_service.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>

namespace relais::synth {
namespace {

std::vector<std::vector<std::string>> customer_phones(std::size_t entities) {
  std::vector<std::vector<std::string>> phones;
  for_each_customer({.entities = entities}, [&](const SyntheticCustomer& generated) {
    std::vector<std::string> numbers = generated.draft.phones;
    for (const auto& contact : generated.draft.contacts) {
      numbers.insert(numbers.end(), contact.phones.begin(), contact.phones.end());
    }
    phones.push_back(std::move(numbers));
  });
  return phones;
}

DeskOptions small_options() {
  DeskOptions options;
  options.interactions = 600;
  options.tickets = 120;
  options.days = 60;
  options.assistants = {"admin", "marie"};
  options.technicians = {"paul"};
  return options;
}

// One line per event: two streams are equal when their lines are.
std::vector<std::string> lines_of(const DeskOptions& options, const std::vector<std::vector<std::string>>& phones) {
  std::vector<std::string> lines;
  for_each_desk_event(options, phones, [&](const DeskEvent& event) {
    std::string line = format_timestamp(event.at) + " " + std::to_string(event.what.index());
    if (const auto* interaction = std::get_if<DeskInteraction>(&event.what)) {
      line += " c" + (interaction->customer ? std::to_string(*interaction->customer) : "-");
      std::visit([&](const auto& draft) { line += " " + draft.subject + " | " + draft.notes + " | " + draft.phone; },
                 interaction->draft);
    } else if (const auto* ticket = std::get_if<DeskTicket>(&event.what)) {
      line += " c" + std::to_string(ticket->customer) + " " + ticket->draft.subject + " | " + ticket->draft.description;
    } else if (const auto* comment = std::get_if<DeskComment>(&event.what)) {
      line += " t" + std::to_string(comment->ticket) + " " + comment->text;
    } else {
      const auto& move = std::get<DeskStatus>(event.what);
      line += " t" + std::to_string(move.ticket) + " " + std::string(to_string(move.status));
    }
    lines.push_back(std::move(line));
  });
  return lines;
}

TEST(SyntheticDesk, SameOptionsGiveTheSameEvents) {
  const auto phones = customer_phones(300);
  const auto first = lines_of(small_options(), phones);
  EXPECT_EQ(first, lines_of(small_options(), phones));
  DeskOptions other = small_options();
  other.seed = 7;
  EXPECT_NE(first, lines_of(other, phones));
}

TEST(SyntheticDesk, EventsAreInTimeOrderExactInCountAndLegal) {
  const auto phones = customer_phones(300);
  const DeskOptions options = small_options();
  std::size_t interactions = 0;
  std::vector<std::size_t> ticket_customer;
  std::vector<TicketStatus> status;
  Timestamp last{};
  for_each_desk_event(options, phones, [&](const DeskEvent& event) {
    EXPECT_LE(last, event.at);
    last = event.at;
    if (const auto* interaction = std::get_if<DeskInteraction>(&event.what)) {
      ++interactions;
      if (interaction->ticket) EXPECT_EQ(ticket_customer.at(*interaction->ticket), interaction->customer);
      if (const auto* call = std::get_if<CallDraft>(&interaction->draft)) {
        EXPECT_TRUE(is_valid_phone(call->phone)) << call->phone;
        EXPECT_EQ(call->started_at, event.at);
      }
    } else if (const auto* ticket = std::get_if<DeskTicket>(&event.what)) {
      ticket_customer.push_back(ticket->customer);
      status.push_back(TicketStatus::new_);
    } else if (const auto* move = std::get_if<DeskStatus>(&event.what)) {
      EXPECT_TRUE(can_transition(status.at(move->ticket), move->status));
      status[move->ticket] = move->status;
    }
  });
  EXPECT_EQ(interactions, options.interactions);
  EXPECT_EQ(ticket_customer.size(), options.tickets);
  EXPECT_LT(last, options.start + std::chrono::days(options.days));
  std::map<TicketStatus, int> ends;
  for (auto each : status) ++ends[each];
  EXPECT_GT(ends[TicketStatus::closed], 0) << "old tickets are closed";
  EXPECT_GT(ends[TicketStatus::new_] + ends[TicketStatus::open], 0) << "recent ones are still open";
}

TEST(SyntheticDesk, TheLibraryAcceptsEveryEvent) {
  const auto folder = std::filesystem::temp_directory_path() / ("relais-synth-desk-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(folder);
  {
    DeskOptions options = small_options();
    auto clock = std::make_shared<ManualClock>(options.start);
    auto ws = Workspace::open("sqlite://" + (folder / "desk.db").string() + "?synchronous=OFF", {.clock = clock});
    ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
    ws.users().create({.login = "paul", .display_name = "Paul", .role = Role::technician});
    std::vector<Uuid> ids;
    std::vector<std::vector<std::string>> phones;
    for_each_customer({.entities = 150}, [&](const SyntheticCustomer& generated) {
      Customer customer = ws.customers().create(generated.draft, {.allow_duplicates = true});
      ids.push_back(customer.id);
      std::vector<std::string> numbers = customer.phones;
      for (const auto& contact : customer.contacts) numbers.insert(numbers.end(), contact.phones.begin(), contact.phones.end());
      phones.push_back(std::move(numbers));
    });
    DeskLoadReport report = load_desk_events(ws, *clock, ids, phones, options);
    EXPECT_EQ(report.interactions, options.interactions);
    EXPECT_EQ(report.tickets, options.tickets);
    EXPECT_GT(report.status_moves, options.tickets);
    EXPECT_FALSE(ws.desk().search({.text = "disjoncteur"}).hits.empty());
  }
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace relais::synth
