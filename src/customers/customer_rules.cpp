#include "customers/customer_rules.h"
#include "core/stale_version.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "storage/timestamps.h"
#include "core/field_checks.h"
#include "core/text.h"

namespace relais::inline v1::detail {
namespace {

std::string indexed(std::string_view prefix, std::size_t index) {
  return std::string(prefix) + "[" + std::to_string(index) + "]";
}

std::vector<std::string> normalized_list(FieldErrors& errors, const std::vector<std::string>& values,
                                         const std::string& field,
                                         std::string (*normalize)(std::string_view, std::string_view)) {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string value = checked(errors, values[i], indexed(field, i), normalize);
    if (std::find(result.begin(), result.end(), value) == result.end()) result.push_back(std::move(value));
  }
  return result;
}

Site normalize_site(FieldErrors& errors, const Site& site, const std::string& field, const Clock& clock) {
  Site result = site;
  if (result.id.is_nil()) result.id = Uuid::generate(clock);
  result.label = optional_text(errors, site.label, field + ".label", kMaxLineBytes);
  result.street = optional_text(errors, site.street, field + ".street", kMaxLineBytes);
  result.city = optional_text(errors, site.city, field + ".city", kMaxLineBytes);
  result.country = std::string(trim(site.country));
  if (result.country.size() != 2) errors.add(field + ".country", site.country, "expected an ISO 3166 code like FR");
  if (result.country == "FR") {
    result.postcode = checked(errors, site.postcode, field + ".postcode", normalize_postcode);
  } else {
    result.postcode = optional_text(errors, site.postcode, field + ".postcode", 16);
  }
  return result;
}

Contact normalize_contact(FieldErrors& errors, const Contact& contact, const std::string& field,
                          const Clock& clock) {
  Contact result = contact;
  if (result.id.is_nil()) result.id = Uuid::generate(clock);
  result.name = required_text(errors, contact.name, field + ".name", kMaxNameBytes);
  result.role = optional_text(errors, contact.role, field + ".role", kMaxLineBytes);
  result.phones = normalized_list(errors, contact.phones, field + ".phones", normalize_phone);
  result.emails = normalized_list(errors, contact.emails, field + ".emails", normalize_email);
  return result;
}

bool is_system_name(std::string_view system) {
  if (system.empty() || system.size() > 32) return false;
  for (char c : system) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

void check_external_ids(FieldErrors& errors, const std::map<std::string, std::string>& ids) {
  for (const auto& [system, value] : ids) {
    if (!is_system_name(system)) errors.add("external_ids", system, "system names are 1 to 32 of a-z, 0-9, '_', '-'");
    if (value.empty() || value.size() > kMaxLineBytes) {
      errors.add("external_ids." + system, value, "expected 1 to " + std::to_string(kMaxLineBytes) + " bytes");
    }
  }
}

std::vector<std::string> normalized_tags(FieldErrors& errors, const std::vector<std::string>& tags) {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    std::string tag = required_text(errors, tags[i], indexed("tags", i), kMaxTagBytes);
    if (std::find(result.begin(), result.end(), tag) == result.end()) result.push_back(std::move(tag));
  }
  return result;
}

}  // namespace

CustomerDraft normalize_customer(const CustomerDraft& draft, const Clock& clock) {
  FieldErrors errors;
  CustomerDraft result;
  result.kind = draft.kind;
  result.name = required_text(errors, draft.name, "name", kMaxNameBytes);
  result.phones = normalized_list(errors, draft.phones, "phones", normalize_phone);
  result.emails = normalized_list(errors, draft.emails, "emails", normalize_email);
  if (!trim(draft.siret).empty()) result.siret = checked(errors, draft.siret, "siret", normalize_siret);
  if (!trim(draft.vat_number).empty()) {
    result.vat_number = checked(errors, draft.vat_number, "vat_number", normalize_vat_number);
  }
  for (std::size_t i = 0; i < draft.sites.size(); ++i) {
    result.sites.push_back(normalize_site(errors, draft.sites[i], indexed("sites", i), clock));
  }
  for (std::size_t i = 0; i < draft.contacts.size(); ++i) {
    result.contacts.push_back(normalize_contact(errors, draft.contacts[i], indexed("contacts", i), clock));
  }
  result.notes = optional_text(errors, draft.notes, "notes", kMaxNotesBytes);
  result.tags = normalized_tags(errors, draft.tags);
  check_external_ids(errors, draft.external_ids);
  result.external_ids = draft.external_ids;
  errors.throw_if_any();
  return result;
}

CustomerDraft draft_of(const Customer& customer) {
  return {customer.kind,  customer.name,     customer.phones,   customer.emails,
          customer.siret, customer.vat_number, customer.sites,  customer.contacts,
          customer.notes, customer.tags,     customer.external_ids};
}

CustomerDraft apply_changes(const Customer& customer, const CustomerChanges& changes) {
  CustomerDraft draft = draft_of(customer);
  if (changes.kind) draft.kind = *changes.kind;
  if (changes.name) draft.name = *changes.name;
  if (changes.phones) draft.phones = *changes.phones;
  if (changes.emails) draft.emails = *changes.emails;
  if (changes.siret) draft.siret = *changes.siret;
  if (changes.vat_number) draft.vat_number = *changes.vat_number;
  if (changes.sites) draft.sites = *changes.sites;
  if (changes.contacts) draft.contacts = *changes.contacts;
  if (changes.notes) draft.notes = *changes.notes;
  if (changes.tags) draft.tags = *changes.tags;
  if (changes.external_ids) draft.external_ids = *changes.external_ids;
  return draft;
}

void to_json(nlohmann::json& json, const Site& site) {
  json = {{"id", site.id},         {"label", site.label}, {"street", site.street},
          {"postcode", site.postcode}, {"city", site.city}, {"country", site.country},
          {"work_site", site.work_site}};
}

void from_json(const nlohmann::json& json, Site& site) {
  site = {json.at("id").get<Uuid>(), json.at("label"), json.at("street"), json.at("postcode"),
          json.at("city"), json.at("country"), json.at("work_site")};
}

void to_json(nlohmann::json& json, const Contact& contact) {
  json = {{"id", contact.id}, {"name", contact.name}, {"role", contact.role},
          {"phones", contact.phones}, {"emails", contact.emails}};
}

void from_json(const nlohmann::json& json, Contact& contact) {
  contact = {json.at("id").get<Uuid>(), json.at("name"), json.at("role"), json.at("phones"), json.at("emails")};
}


namespace {

nlohmann::json archived_text(const Customer& customer) {
  if (!customer.archived_at) return nullptr;
  return format_timestamp(*customer.archived_at);
}

}  // namespace

nlohmann::json customer_json(const Customer& customer) {
  nlohmann::json archived = nullptr;
  if (customer.archived_at) archived = micros(*customer.archived_at);
  return {{"id", customer.id},
          {"kind", to_string(customer.kind)},
          {"name", customer.name},
          {"phones", customer.phones},
          {"emails", customer.emails},
          {"siret", customer.siret},
          {"vat_number", customer.vat_number},
          {"sites", customer.sites},
          {"contacts", customer.contacts},
          {"notes", customer.notes},
          {"tags", customer.tags},
          {"external_ids", customer.external_ids},
          {"created_at", micros(customer.created_at)},
          {"updated_at", micros(customer.updated_at)},
          {"archived_at", archived},
          {"version", customer.version}};
}

Customer customer_from_json(const nlohmann::json& json) {
  Customer customer;
  customer.id = json.at("id").get<Uuid>();
  customer.kind = parse_customer_kind(json.at("kind").get<std::string>());
  json.at("name").get_to(customer.name);
  json.at("phones").get_to(customer.phones);
  json.at("emails").get_to(customer.emails);
  json.at("siret").get_to(customer.siret);
  json.at("vat_number").get_to(customer.vat_number);
  json.at("sites").get_to(customer.sites);
  json.at("contacts").get_to(customer.contacts);
  json.at("notes").get_to(customer.notes);
  json.at("tags").get_to(customer.tags);
  json.at("external_ids").get_to(customer.external_ids);
  customer.created_at = timestamp_of(json.at("created_at").get<std::int64_t>());
  customer.updated_at = timestamp_of(json.at("updated_at").get<std::int64_t>());
  if (const auto& archived = json.at("archived_at"); !archived.is_null()) {
    customer.archived_at = timestamp_of(archived.get<std::int64_t>());
  }
  json.at("version").get_to(customer.version);
  return customer;
}

Customer from_draft(const CustomerDraft& draft, Customer customer) {
  customer.kind = draft.kind;
  customer.name = draft.name;
  customer.phones = draft.phones;
  customer.emails = draft.emails;
  customer.siret = draft.siret;
  customer.vat_number = draft.vat_number;
  customer.sites = draft.sites;
  customer.contacts = draft.contacts;
  customer.notes = draft.notes;
  customer.tags = draft.tags;
  customer.external_ids = draft.external_ids;
  return customer;
}

std::vector<FieldChange> customer_changes(const Customer* before, const Customer& after) {
  nlohmann::json new_fields = customer_json(after);
  nlohmann::json old_fields = before ? customer_json(*before) : nlohmann::json();
  ChangeList changes;
  for (auto field : kRecordFields) {
    const auto& value = new_fields.at(std::string(field));
    if (before) {
      changes.compare(field, old_fields.at(std::string(field)), value);
    } else {
      changes.created(field, value);
    }
  }
  changes.compare("archived_at", before ? archived_text(*before) : nlohmann::json(), archived_text(after));
  return changes.take();
}

ConflictError stale_version(const Customer& stored, std::int64_t expected_version) {
  return stale_version("customer", stored.id.to_string(), stored.version, expected_version);
}

}  // namespace relais::inline v1::detail

namespace relais::inline v1 {

std::string_view to_string(CustomerKind kind) noexcept {
  return kind == CustomerKind::company ? "company" : "person";
}

CustomerKind parse_customer_kind(std::string_view text, std::string_view field) {
  if (text == "person") return CustomerKind::person;
  if (text == "company") return CustomerKind::company;
  throw InvalidInputError(std::string(field), text, "expected person or company");
}

}  // namespace relais::inline v1
