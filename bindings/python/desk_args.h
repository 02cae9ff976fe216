#pragma once
// The desk's enums and keyword arguments, shared by the value types
// (bind_desk_types.cpp: CallDraft(...), TicketQuery(...)...) and the
// DeskService methods that take the same keywords (bind_desk.cpp:
// log_call(...), tickets(...)...). The make_* functions are defined in
// bind_desk_types.cpp; they run holding the GIL, before the storage call.
#include "binding.h"

#include <relais/desk/desk_service.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace relais::python {

template <>
struct EnumMembers<InteractionKind> {
  static constexpr std::array members{
      std::pair{InteractionKind::call, "call"}, std::pair{InteractionKind::email, "email"},
      std::pair{InteractionKind::visit, "visit"}, std::pair{InteractionKind::note, "note"},
      std::pair{InteractionKind::sms, "sms"},
  };
};

template <>
struct EnumMembers<Direction> {
  static constexpr std::array members{
      std::pair{Direction::inbound, "inbound"},
      std::pair{Direction::outbound, "outbound"},
  };
};

template <>
struct EnumMembers<CallOutcome> {
  static constexpr std::array members{
      std::pair{CallOutcome::answered, "answered"},   std::pair{CallOutcome::missed, "missed"},
      std::pair{CallOutcome::voicemail, "voicemail"}, std::pair{CallOutcome::callback_promised, "callback_promised"},
      std::pair{CallOutcome::transferred, "transferred"}, std::pair{CallOutcome::to_qualify, "to_qualify"},
      std::pair{CallOutcome::no_follow_up, "no_follow_up"},
  };
};

template <>
struct EnumMembers<TicketKind> {
  static constexpr std::array members{
      std::pair{TicketKind::quote_request, "quote_request"},
      std::pair{TicketKind::breakdown, "breakdown"},
      std::pair{TicketKind::after_sales, "after_sales"},
      std::pair{TicketKind::maintenance_appointment, "maintenance_appointment"},
      std::pair{TicketKind::information, "information"},
      std::pair{TicketKind::administrative, "administrative"},
      std::pair{TicketKind::technician_request, "technician_request"},
  };
};

template <>
struct EnumMembers<TicketSource> {
  static constexpr std::array members{
      std::pair{TicketSource::phone, "phone"},           std::pair{TicketSource::email, "email"},
      std::pair{TicketSource::web_form, "web_form"},     std::pair{TicketSource::technician, "technician"},
      std::pair{TicketSource::portal, "portal"},
  };
};

// TicketStatus::new_ is "new", as in C++ text and the journal; the Python
// member is TicketStatus.NEW.
template <>
struct EnumMembers<TicketStatus> {
  static constexpr std::array members{
      std::pair{TicketStatus::new_, "new"},
      std::pair{TicketStatus::open, "open"},
      std::pair{TicketStatus::waiting_customer, "waiting_customer"},
      std::pair{TicketStatus::waiting_internal, "waiting_internal"},
      std::pair{TicketStatus::scheduled, "scheduled"},
      std::pair{TicketStatus::resolved, "resolved"},
      std::pair{TicketStatus::closed, "closed"},
  };
};

template <>
struct EnumMembers<TicketPriority> {
  static constexpr std::array members{
      std::pair{TicketPriority::low, "low"},   std::pair{TicketPriority::normal, "normal"},
      std::pair{TicketPriority::high, "high"}, std::pair{TicketPriority::urgent, "urgent"},
  };
};

template <>
struct EnumMembers<TechnicianStage> {
  static constexpr std::array members{
      std::pair{TechnicianStage::none, "none"},
      std::pair{TechnicianStage::quote_to_prepare, "quote_to_prepare"},
      std::pair{TechnicianStage::quote_sent, "quote_sent"},
      std::pair{TechnicianStage::follow_up, "follow_up"},
      std::pair{TechnicianStage::accepted, "accepted"},
      std::pair{TechnicianStage::refused, "refused"},
  };
};

template <>
struct EnumMembers<WebRequestMatch> {
  static constexpr std::array members{
      std::pair{WebRequestMatch::sure, "sure"},
      std::pair{WebRequestMatch::probable, "probable"},
      std::pair{WebRequestMatch::created, "created"},
  };
};

template <>
struct EnumMembers<SearchKind> {
  static constexpr std::array members{
      std::pair{SearchKind::customer, "customer"},
      std::pair{SearchKind::interaction, "interaction"},
      std::pair{SearchKind::ticket, "ticket"},
  };
};

// A list of enum members or their names; `field` names it in the error.
template <typename Enum>
std::vector<Enum> enum_list(const std::vector<EnumArg<Enum>>& args, std::string_view field) {
  std::vector<Enum> values;
  for (const auto& arg : args) values.push_back(to_enum(arg, field));
  return values;
}

// Binds the enums and value types; bind_desk() calls it first.
void bind_desk_types(py::module_& m);

using OptionalId = std::optional<IdArg>;
using OptionalTime = std::optional<Timestamp>;
using Strings = std::vector<std::string>;

// The default of a keyword that None would clear (contact=None removes the
// contact): "leave the field as it is". Created by bind_desk_types().
py::object unchanged();

CallDraft make_call(std::string phone, const OptionalId& customer, const OptionalId& contact, const OptionalId& site,
                    const OptionalId& ticket, const EnumArg<Direction>& direction, OptionalTime started_at,
                    const DurationArg& duration, std::string user, std::string subject, std::string notes,
                    const EnumArg<CallOutcome>& outcome);
inline auto call_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("phone"), py::arg("customer") = py::none(),
                         py::arg("contact") = py::none(), py::arg("site") = py::none(), py::arg("ticket") = py::none(),
                         py::arg("direction") = "inbound", py::arg("started_at") = py::none(),
                         py::arg("duration") = 0.0, py::arg("user") = "", py::arg("subject") = "",
                         py::arg("notes") = "", py::arg("outcome") = "answered");
}

InteractionDraft make_interaction(const EnumArg<InteractionKind>& kind, const IdArg& customer,
                                  const OptionalId& contact, const OptionalId& site, const OptionalId& ticket,
                                  OptionalTime occurred_at, std::string user, std::string subject, std::string notes,
                                  const EnumArg<Direction>& direction, std::string phone);
inline auto interaction_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("kind"), py::arg("customer"), py::arg("contact") = py::none(),
                         py::arg("site") = py::none(), py::arg("ticket") = py::none(),
                         py::arg("occurred_at") = py::none(), py::arg("user") = "", py::arg("subject") = "",
                         py::arg("notes") = "", py::arg("direction") = "inbound", py::arg("phone") = "");
}

InteractionChanges make_interaction_changes(const OptionalId& customer, const py::object& contact,
                                            const py::object& site, const py::object& ticket,
                                            std::optional<std::string> subject, std::optional<std::string> notes,
                                            const std::optional<EnumArg<CallOutcome>>& outcome,
                                            const std::optional<DurationArg>& duration);
// Without kw_only(): the update method puts `version` first.
inline auto interaction_change_arguments() {
  return std::make_tuple(py::arg("customer") = py::none(), py::arg_v("contact", unchanged(), "unchanged"),
                         py::arg_v("site", unchanged(), "unchanged"), py::arg_v("ticket", unchanged(), "unchanged"),
                         py::arg("subject") = py::none(), py::arg("notes") = py::none(),
                         py::arg("outcome") = py::none(), py::arg("duration") = py::none());
}

TicketDraft make_ticket(const IdArg& customer, std::string subject, const EnumArg<TicketKind>& kind,
                        const EnumArg<TicketSource>& source, const EnumArg<TicketPriority>& priority,
                        const OptionalId& contact, const OptionalId& site, std::string description, std::string queue,
                        std::string assignee, OptionalTime due_at, OptionalTime callback_at, std::string requested_by);
inline auto ticket_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("customer"), py::arg("subject"), py::arg("kind") = "information",
                         py::arg("source") = "phone", py::arg("priority") = "normal", py::arg("contact") = py::none(),
                         py::arg("site") = py::none(), py::arg("description") = "", py::arg("queue") = "",
                         py::arg("assignee") = "", py::arg("due_at") = py::none(), py::arg("callback_at") = py::none(),
                         py::arg("requested_by") = "");
}

TicketChanges make_ticket_changes(const std::optional<EnumArg<TicketKind>>& kind,
                                  const std::optional<EnumArg<TicketPriority>>& priority, const py::object& contact,
                                  const py::object& site, std::optional<std::string> subject,
                                  std::optional<std::string> description, std::optional<std::string> queue,
                                  const py::object& due_at, const py::object& callback_at,
                                  std::optional<Strings> quote_ids, std::optional<Strings> intervention_ids);
inline auto ticket_change_arguments() {
  return std::make_tuple(py::arg("kind") = py::none(), py::arg("priority") = py::none(),
                         py::arg_v("contact", unchanged(), "unchanged"), py::arg_v("site", unchanged(), "unchanged"),
                         py::arg("subject") = py::none(), py::arg("description") = py::none(),
                         py::arg("queue") = py::none(), py::arg_v("due_at", unchanged(), "unchanged"),
                         py::arg_v("callback_at", unchanged(), "unchanged"), py::arg("quote_ids") = py::none(),
                         py::arg("intervention_ids") = py::none());
}

TimelineQuery make_timeline_query(const std::vector<EnumArg<InteractionKind>>& kinds, std::size_t limit,
                                  std::string after);
inline auto timeline_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("kinds") = py::list(),
                         py::arg("limit") = 50, py::arg("after") = "");
}

TicketQuery make_ticket_query(std::optional<std::string> assignee, std::optional<std::string> queue,
                              const std::vector<EnumArg<TicketStatus>>& statuses,
                              const std::optional<EnumArg<TicketKind>>& kind, const OptionalId& customer,
                              std::optional<std::string> requested_by, OptionalTime due_before, bool include_undated,
                              std::size_t limit, std::string after);
inline auto ticket_query_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("assignee") = py::none(), py::arg("queue") = py::none(),
                         py::arg("statuses") = py::list(), py::arg("kind") = py::none(),
                         py::arg("customer") = py::none(), py::arg("requested_by") = py::none(),
                         py::arg("due_before") = py::none(), py::arg("include_undated") = false,
                         py::arg("limit") = 50, py::arg("after") = "");
}

WebRequest make_web_request(std::string name, std::string message, std::string phone, std::string email,
                            std::string street, std::string postcode, std::string city,
                            const EnumArg<TicketKind>& kind, bool consent, std::string consent_version,
                            std::string honeypot);
inline auto web_request_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("name"), py::arg("message"), py::arg("phone") = "",
                         py::arg("email") = "", py::arg("street") = "", py::arg("postcode") = "",
                         py::arg("city") = "", py::arg("kind") = "information", py::arg("consent") = false,
                         py::arg("consent_version") = "", py::arg("honeypot") = "");
}

}  // namespace relais::python
