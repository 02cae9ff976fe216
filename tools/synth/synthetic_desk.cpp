#include "synth/synthetic_desk.h"

#include <relais/desk/desk_service.h>

#include "desk_phrases.h"
#include "random.h"

#include <algorithm>
#include <queue>
#include <tuple>
#include <unordered_map>

namespace relais::synth {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using Draft = std::variant<CallDraft, InteractionDraft>;

// Office hours, 07:00 to 17:00 UTC (08:00 to 18:00 in Paris in winter).
constexpr hours kOpening{7};
constexpr std::size_t kOfficeSeconds = 10 * 3600;
constexpr std::size_t kSecondsPerDay = 24 * 3600;
// One customer in five is a regular (a property manager, a shop): half the
// activity is theirs.
constexpr std::size_t kRegularEvery = 5;
constexpr double kRegularShare = 0.5;
constexpr double kRareDetailShare = 1e-4;

// `total` spread over `days`, the share of day `day`; the shares add up to
// `total` exactly.
std::size_t share_of_day(std::size_t total, int days, int day) {
  const auto upto = [&](int d) { return total * static_cast<std::size_t>(d) / static_cast<std::size_t>(days); };
  return upto(day + 1) - upto(day);
}

// A comment or status move to come, ordered by time, then by when it was
// planned so that ties keep a fixed order.
struct Pending {
  Timestamp at;
  std::uint64_t order;
  std::variant<DeskComment, DeskStatus> what;
  bool operator>(const Pending& other) const { return std::tie(at, order) > std::tie(other.at, other.order); }
};

class DeskGenerator {
 public:
  DeskGenerator(const DeskOptions& options, std::span<const std::vector<std::string>> phones,
                const std::function<void(const DeskEvent&)>& sink)
      : options_(options), phones_(phones), sink_(sink), random_(options.seed) {}

  void run() {
    for (int day = 0; day < options_.days; ++day) {
      const Timestamp midnight = options_.start + std::chrono::days(day);
      for (const auto& [at, is_ticket] : slots_of_day(day, midnight)) {
        flush_until(at);
        is_ticket ? open_ticket(at) : interact(at);
      }
      flush_until(midnight + std::chrono::days(1));
    }
  }

 private:
  // The day's interactions and tickets at random times in office hours, in
  // time order (true: a ticket).
  std::vector<std::pair<Timestamp, bool>> slots_of_day(int day, Timestamp midnight) {
    std::vector<std::pair<Timestamp, bool>> slots;
    const std::size_t tickets = share_of_day(options_.tickets, options_.days, day);
    const std::size_t interactions = share_of_day(options_.interactions, options_.days, day);
    for (std::size_t i = 0; i < tickets + interactions; ++i) {
      slots.emplace_back(midnight + kOpening + seconds(random_.below(kOfficeSeconds)), i < tickets);
    }
    std::stable_sort(slots.begin(), slots.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return slots;
  }

  void flush_until(Timestamp until) {
    while (!pending_.empty() && pending_.top().at < until) {
      Pending next = pending_.top();
      pending_.pop();
      if (const auto* move = std::get_if<DeskStatus>(&next.what)) {
        const bool done = move->status == TicketStatus::resolved || move->status == TicketStatus::closed;
        auto open = open_ticket_of_.find(ticket_customer_[move->ticket]);
        if (done && open != open_ticket_of_.end() && open->second == move->ticket) open_ticket_of_.erase(open);
        sink_({next.at, *move});
      } else {
        sink_({next.at, std::get<DeskComment>(next.what)});
      }
    }
  }

  void plan(Timestamp at, std::variant<DeskComment, DeskStatus> what) { pending_.push({at, planned_++, std::move(what)}); }

  std::size_t customer() {
    const std::size_t count = phones_.size();
    if (count >= kRegularEvery && random_.chance(kRegularShare)) return random_.below(count / kRegularEvery) * kRegularEvery;
    return random_.below(count);
  }

  const std::string& staff(bool technician) {
    const auto& people = technician && !options_.technicians.empty() ? options_.technicians : options_.assistants;
    return random_.pick(std::span<const std::string>(people));
  }

  // Breakdowns and quote requests make most of the work.
  const data::Topic& topic() {
    static constexpr std::size_t kWeights[] = {30, 25, 12, 8, 15, 7, 3};  // in data::topics() order
    std::size_t roll = random_.below(100);
    std::size_t index = 0;
    while (roll >= kWeights[index]) roll -= kWeights[index++];
    const bool technician_request = data::topics()[index].kind == TicketKind::technician_request;
    return data::topics()[technician_request && options_.technicians.empty() ? 0 : index];
  }

  std::string detail(const data::Topic& about) {
    if (random_.chance(kRareDetailShare)) return std::string(random_.pick(data::rare_details()));
    return std::string(random_.pick(about.details));
  }

  // "La gérante signale que ... RDV proposé mardi matin."
  std::string notes(const data::Topic& about) {
    std::string text = std::string(random_.pick(data::note_openings())) + " " + detail(about) + ".";
    for (std::size_t i = random_.below(3); i > 0; --i) text += " " + std::string(random_.pick(data::follow_ups()));
    return text;
  }

  CallDraft call(std::size_t who, const data::Topic& about, Timestamp at) {
    static constexpr CallOutcome kOutcomes[] = {CallOutcome::missed, CallOutcome::voicemail,
                                                CallOutcome::callback_promised, CallOutcome::transferred};
    CallDraft draft;
    draft.direction = random_.chance(0.7) ? Direction::inbound : Direction::outbound;
    draft.phone = random_.pick(std::span<const std::string>(phones_[who]));
    draft.started_at = at;
    draft.user = staff(false);
    draft.outcome = random_.chance(0.75) ? CallOutcome::answered : random_.pick(std::span<const CallOutcome>(kOutcomes));
    if (draft.outcome == CallOutcome::answered) draft.duration = seconds(30 + random_.below(870));
    draft.subject = random_.pick(about.subjects);
    draft.notes = notes(about);
    return draft;
  }

  InteractionDraft other_interaction(InteractionKind kind, std::size_t who, const data::Topic& about, Timestamp at) {
    InteractionDraft draft;
    draft.kind = kind;
    draft.occurred_at = at;
    draft.user = staff(kind == InteractionKind::visit);
    const std::string subject(random_.pick(about.subjects));
    switch (kind) {
      case InteractionKind::sms:
        draft.phone = random_.pick(std::span<const std::string>(phones_[who]));
        draft.direction = Direction::outbound;
        draft.notes = random_.pick(data::sms_texts());
        break;
      case InteractionKind::email:
        draft.direction = random_.chance(0.6) ? Direction::inbound : Direction::outbound;
        draft.subject = (random_.chance(0.5) ? "Re: " : "") + subject;
        draft.notes = "Bonjour, " + notes(about) + " Cordialement.";
        break;
      case InteractionKind::visit:
        draft.subject = "Visite : " + subject;
        draft.notes = "Constat sur place. " + notes(about);
        break;
      default:
        draft.subject = subject;
        draft.notes = notes(about);
    }
    return draft;
  }

  // Calls 60 %, emails 18 %, notes 10 %, visits 8 %, SMS 4 %; a customer
  // without a phone writes instead. Two calls in a hundred come from the
  // phone log, not yet qualified.
  void interact(Timestamp at) {
    const std::size_t who = customer();
    const data::Topic& about = topic();
    const std::size_t roll = random_.below(100);
    InteractionKind kind = roll < 60   ? InteractionKind::call
                           : roll < 78 ? InteractionKind::email
                           : roll < 88 ? InteractionKind::note
                           : roll < 96 ? InteractionKind::visit
                                       : InteractionKind::sms;
    if (phones_[who].empty() && (kind == InteractionKind::call || kind == InteractionKind::sms)) {
      kind = InteractionKind::email;
    }
    DeskInteraction event{who, std::nullopt, Draft{}};
    if (auto open = open_ticket_of_.find(who); open != open_ticket_of_.end() && random_.chance(0.3)) {
      event.ticket = open->second;
    }
    if (kind != InteractionKind::call) {
      event.draft = other_interaction(kind, who, about, at);
    } else if (random_.chance(0.02)) {
      CallDraft unknown;
      unknown.phone = random_.pick(std::span<const std::string>(phones_[who]));
      unknown.started_at = at;
      unknown.user = staff(false);
      unknown.outcome = CallOutcome::to_qualify;
      event = {std::nullopt, std::nullopt, unknown};
    } else {
      event.draft = call(who, about, at);
    }
    sink_({at, std::move(event)});
  }

  TicketDraft ticket_draft(const data::Topic& about, Timestamp at) {
    static constexpr TicketSource kSources[] = {TicketSource::phone, TicketSource::phone, TicketSource::phone,
                                                TicketSource::email, TicketSource::email, TicketSource::web_form,
                                                TicketSource::portal};
    static constexpr TicketPriority kPriorities[] = {TicketPriority::low, TicketPriority::normal,
                                                     TicketPriority::normal, TicketPriority::normal,
                                                     TicketPriority::high, TicketPriority::urgent};
    TicketDraft draft;
    draft.kind = about.kind;
    draft.source = random_.pick(std::span<const TicketSource>(kSources));
    draft.priority = random_.pick(std::span<const TicketPriority>(kPriorities));
    draft.subject = random_.pick(about.subjects);
    draft.description = notes(about);
    draft.queue = about.kind == TicketKind::quote_request || about.kind == TicketKind::technician_request ? "devis"
                  : about.kind == TicketKind::breakdown || about.kind == TicketKind::after_sales     ? "sav"
                                                                                                      : "accueil";
    if (random_.chance(0.7)) draft.assignee = staff(about.kind == TicketKind::breakdown);
    if (random_.chance(0.5)) draft.due_at = at + std::chrono::days(1 + random_.below(14));
    if (about.kind == TicketKind::technician_request) {
      draft.source = TicketSource::technician;
      draft.requested_by = staff(true);
    }
    return draft;
  }

  // The ticket's life after opening: open within two days, sometimes
  // scheduled, resolved within ten days, closed within a month, with a
  // comment or two on the way.
  void plan_lifecycle(std::size_t ticket, Timestamp at) {
    auto later = [&](std::size_t max_hours) { return at += hours(1 + random_.below(max_hours)); };
    plan(later(48), DeskStatus{ticket, TicketStatus::open});
    for (std::size_t i = random_.below(3); i > 0; --i) {
      plan(at + hours(1 + random_.below(72)),
           DeskComment{ticket, std::string(random_.pick(data::ticket_comments())), random_.chance(0.5)});
    }
    if (random_.chance(0.3)) plan(later(120), DeskStatus{ticket, TicketStatus::scheduled});
    plan(later(240), DeskStatus{ticket, TicketStatus::resolved});
    plan(later(720), DeskStatus{ticket, TicketStatus::closed});
  }

  void open_ticket(Timestamp at) {
    const std::size_t who = customer();
    const std::size_t ticket = ticket_customer_.size();
    ticket_customer_.push_back(who);
    open_ticket_of_[who] = ticket;
    sink_({at, DeskTicket{who, ticket_draft(topic(), at)}});
    plan_lifecycle(ticket, at);
  }

  const DeskOptions& options_;
  std::span<const std::vector<std::string>> phones_;
  const std::function<void(const DeskEvent&)>& sink_;
  Rng random_;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending_;
  std::uint64_t planned_ = 0;
  std::vector<std::size_t> ticket_customer_;                    // by ticket number
  std::unordered_map<std::size_t, std::size_t> open_ticket_of_;  // customer -> its latest open ticket
};

}  // namespace

void for_each_desk_event(const DeskOptions& options, std::span<const std::vector<std::string>> phones,
                         const std::function<void(const DeskEvent&)>& sink) {
  if (phones.empty()) return;
  DeskGenerator(options, phones, sink).run();
}

namespace {

// Sets the ids the generator left to the loader.
template <typename Draft>
Draft with_ids(Draft draft, const DeskInteraction& event, std::span<const Uuid> customers,
               const std::vector<Ticket>& tickets) {
  if (event.customer) draft.customer = customers[*event.customer];
  if (event.ticket) draft.ticket = tickets[*event.ticket].id;
  return draft;
}

}  // namespace

DeskLoadReport load_desk_events(Workspace& ws, ManualClock& clock, std::span<const Uuid> customers,
                                std::span<const std::vector<std::string>> phones, const DeskOptions& options) {
  DeskLoadReport report;
  std::vector<Ticket> tickets;  // by number in the stream, as last written
  DeskService& desk = ws.desk();
  for_each_desk_event(options, phones, [&](const DeskEvent& event) {
    clock.set(event.at);
    if (const auto* interaction = std::get_if<DeskInteraction>(&event.what)) {
      if (const auto* call = std::get_if<CallDraft>(&interaction->draft)) {
        desk.log_call(with_ids(*call, *interaction, customers, tickets));
      } else {
        desk.log_interaction(with_ids(std::get<InteractionDraft>(interaction->draft), *interaction, customers, tickets));
      }
      ++report.interactions;
    } else if (const auto* opened = std::get_if<DeskTicket>(&event.what)) {
      TicketDraft draft = opened->draft;
      draft.customer = customers[opened->customer];
      tickets.push_back(desk.open_ticket(draft));
      ++report.tickets;
    } else if (const auto* comment = std::get_if<DeskComment>(&event.what)) {
      desk.add_comment(tickets[comment->ticket].id, comment->text, comment->internal);
      ++report.comments;
    } else {
      const auto& move = std::get<DeskStatus>(event.what);
      Ticket& ticket = tickets[move.ticket];
      ticket = desk.set_status(ticket.id, ticket.version, move.status);
      ++report.status_moves;
    }
  });
  return report;
}

}  // namespace relais::synth
