// The web-form intake: a request typed on the company's site becomes a
// ticket, its customer found by the duplicate matcher or created.
#include <relais/desk/desk_service.h>

#include <relais/customers/matching.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/enum_names.h"
#include "core/field_checks.h"
#include "core/text.h"
#include "customers/customer_rules.h"
#include "customers/customer_writes.h"
#include "customers/duplicate_store.h"
#include "desk/desk_rules.h"
#include "desk/desk_writes.h"
#include "workspace/workspace_core.h"

#include <algorithm>

namespace relais {
inline namespace v1 {
namespace {

constexpr detail::EnumNames kMatches{std::array<std::pair<WebRequestMatch, std::string_view>, 3>{{
    {WebRequestMatch::sure, "sure"}, {WebRequestMatch::probable, "probable"}, {WebRequestMatch::created, "created"}}}};

// A subject is one line a person reads in a list; the whole message stays
// in the description.
constexpr std::size_t kSubjectBytes = 120;
constexpr std::size_t kConsentVersionBytes = 64;

// The customer fields of the form, by their name in a CustomerDraft, so that
// the customer rules' errors name what the person typed into.
struct FormField {
  std::string_view draft_field;
  std::string_view form_field;
  std::string WebRequest::*value;
};
constexpr FormField kCustomerFields[] = {
    {"name", "name", &WebRequest::name},
    {"phones[0]", "phone", &WebRequest::phone},
    {"emails[0]", "email", &WebRequest::email},
    {"sites[0].street", "street", &WebRequest::street},
    {"sites[0].postcode", "postcode", &WebRequest::postcode},
    {"sites[0].city", "city", &WebRequest::city},
};

// What survived the checks: the applicant as a normalised customer (a
// person, with at most one site: the request's address) and the ticket to
// open for them.
struct CheckedRequest {
  Customer applicant;
  TicketDraft ticket;
  std::string consent_version;
};

bool blank(std::string_view text) { return detail::trim(text).empty(); }

bool has_address(const WebRequest& request) {
  return !blank(request.street) || !blank(request.postcode) || !blank(request.city);
}

CustomerDraft applicant_draft(const WebRequest& request) {
  CustomerDraft draft;
  draft.kind = CustomerKind::person;
  draft.name = request.name;
  if (!blank(request.phone)) draft.phones = {request.phone};
  if (!blank(request.email)) draft.emails = {request.email};
  if (has_address(request)) {
    Site site;
    site.street = request.street;
    site.postcode = request.postcode;
    site.city = request.city;
    site.work_site = true;
    draft.sites = {site};
  }
  return draft;
}

// The applicant checked by the customer rules, like any new customer.
Customer checked_applicant(FieldErrors& errors, const WebRequest& request, const Clock& clock) {
  try {
    return detail::from_draft(detail::normalize_customer(applicant_draft(request), clock), Customer{});
  } catch (const InvalidInputError& error) {
    for (const auto& field_error : error.field_errors()) {
      auto field = std::find_if(std::begin(kCustomerFields), std::end(kCustomerFields),
                                [&](const FormField& each) { return each.draft_field == field_error.field; });
      if (field == std::end(kCustomerFields)) {
        errors.add(field_error.field, field_error.value, field_error.message);
      } else {
        errors.add(std::string(field->form_field), request.*(field->value), field_error.message);
      }
    }
    return {};
  }
}

// The rules of the form itself, beyond those of a customer.
void check_form(FieldErrors& errors, const WebRequest& request) {
  if (blank(request.phone) && blank(request.email)) {
    errors.add("phone", request.phone, "a phone or an email is required, to answer");
  }
  // The postcode is checked by the customer rules whenever a site exists.
  if (has_address(request) && blank(request.street)) errors.add("street", request.street, "required with an address");
  if (has_address(request) && blank(request.city)) errors.add("city", request.city, "required with an address");
  if (request.kind == TicketKind::technician_request) {
    errors.add("kind", to_string(request.kind), "not a request a customer sends");
  }
  if (!request.consent) errors.add("consent", "false", "the person must agree to the processing of their data");
  if (request.is_spam()) errors.add("honeypot", request.honeypot, "must be empty: only robots fill it in");
}

// The message's first line, cut on a character boundary.
std::string subject_of(std::string_view message) {
  std::string_view line = detail::trim(message.substr(0, message.find('\n')));
  if (line.size() <= kSubjectBytes) return std::string(line);
  return std::string(line.substr(0, detail::utf8_boundary(line, kSubjectBytes - 3))) + "\u2026";
}

// Every field checked at once. Throws InvalidInputError.
CheckedRequest checked_request(const WebRequest& request, const Clock& clock) {
  FieldErrors errors;
  CheckedRequest checked;
  checked.applicant = checked_applicant(errors, request, clock);
  check_form(errors, request);
  checked.ticket.description = detail::required_text(errors, request.message, "message", detail::kMaxTextBytes);
  checked.consent_version = detail::required_text(errors, request.consent_version, "consent_version",
                                                  kConsentVersionBytes);
  errors.throw_if_any();
  checked.ticket.kind = request.kind;
  checked.ticket.source = TicketSource::web_form;
  checked.ticket.subject = subject_of(checked.ticket.description);
  return checked;
}

// The customer's site at `address` (same street once normalised, same
// postcode), if any.
std::optional<Uuid> site_at(const Customer& customer, const Site& address) {
  const std::string street = normalize_address(address.street);
  for (const auto& site : customer.sites) {
    if (site.postcode == address.postcode && normalize_address(site.street) == street) return site.id;
  }
  return std::nullopt;
}

// A matched customer with the request's address among their sites: the
// technicians need to know where to go, and adding a site loses nothing.
Customer with_address(detail::WriteScope& scope, const Customer& customer, const Customer& applicant) {
  if (applicant.sites.empty() || site_at(customer, applicant.sites.front())) return customer;
  Customer changed = customer;
  changed.sites.push_back(applicant.sites.front());
  return detail::store_customer_change(scope, customer, std::move(changed), "update");
}

// Checked inside the write transaction, like CustomerService::create(), so
// that a twin created meanwhile by another process is seen.
WebRequestResult find_or_create_customer(detail::WriteScope& scope, const Customer& applicant, const Clock& clock) {
  const IdentityKeys keys = identity_keys(applicant);
  auto candidates = detail::find_candidates(scope.connection(), keys, MatchThresholds{});
  if (!candidates.empty() && candidates.front().match.outcome == MatchOutcome::sure) {
    return {{}, with_address(scope, candidates.front().customer, applicant), WebRequestMatch::sure};
  }
  Customer created = detail::store_new_customer(scope, applicant, keys, clock);
  for (auto& candidate : candidates) {
    detail::queue_for_review(scope, created.id, candidate.customer.id, std::move(candidate.match), clock);
  }
  return {{}, std::move(created), candidates.empty() ? WebRequestMatch::created : WebRequestMatch::probable};
}

// The request in the customer's timeline: a note rather than an email, since
// no mailbox holds it and nobody can reply to it as to a mail.
Interaction inbound_note(const Ticket& ticket, Timestamp now) {
  InteractionDraft note;
  note.kind = InteractionKind::note;
  note.direction = Direction::inbound;
  note.customer = ticket.customer;
  note.site = ticket.site;
  note.ticket = ticket.id;
  note.occurred_at = now;
  note.subject = ticket.subject;
  note.notes = ticket.description;
  return detail::interaction_from_draft(note, now);
}

// The proof of the request and of its consent (GDPR art. 7: the controller
// must be able to show when and to which wording the person agreed): in the
// hash-chained journal, where nobody can edit it, and erasable with the
// person's other data (Workspace::erase_journal_payload).
detail::JournalRecord request_record(const CheckedRequest& checked, const WebRequestResult& result, Timestamp now) {
  detail::ChangeList changes;
  changes.created("ticket", result.ticket.number);
  changes.created("customer", result.customer.id.to_string());
  changes.created("matched", std::string(to_string(result.matched)));
  changes.created("consent_at", format_timestamp(now));
  changes.created("consent_version", checked.consent_version);
  changes.created("name", checked.applicant.name);
  changes.created("phones", checked.applicant.phones);
  changes.created("emails", checked.applicant.emails);
  changes.created("sites", checked.applicant.sites);
  return {"web_request", result.ticket.id.to_string(), "receive", changes.take()};
}

}  // namespace

std::string_view to_string(WebRequestMatch match) noexcept { return kMatches.name(match); }

WebRequestResult DeskService::submit_web_request(const WebRequest& request) {
  CheckedRequest checked = checked_request(request, core_.clock());
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    WebRequestResult result = find_or_create_customer(scope, checked.applicant, core_.clock());
    TicketDraft draft = checked.ticket;
    draft.customer = result.customer.id;
    if (!checked.applicant.sites.empty()) draft.site = site_at(result.customer, checked.applicant.sites.front());
    result.ticket = detail::store_ticket(scope, detail::ticket_from_draft(draft, scope.now()), core_.clock());
    detail::store_interaction(scope, inbound_note(result.ticket, scope.now()), core_.clock(), core_.actor().login);
    scope.record(request_record(checked, result, scope.now()));
    return result;
  });
}

}  // namespace v1
}  // namespace relais
