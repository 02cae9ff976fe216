#include "customers/customer_store.h"
#include "storage/sql.h"

#include "customers/customer_rules.h"
#include "customers/duplicate_store.h"
#include "search/search_index.h"
#include "storage/timestamps.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace relais::inline v1::detail {
namespace {

constexpr std::string_view kSelectCustomer =
    "SELECT id, kind, name, phones, emails, siret, vat_number, notes, tags, created_at, updated_at,"
    " archived_at, version FROM customers";


std::vector<std::string> json_list(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

std::string json_text(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

Customer customer_from_row(const spi::Row& row) {
  Customer customer;
  customer.id = Uuid::parse(row.text(0));
  customer.kind = parse_customer_kind(row.text(1));
  customer.name = row.text(2);
  customer.phones = json_list(row.text(3));
  customer.emails = json_list(row.text(4));
  customer.siret = row.text(5);
  customer.vat_number = row.text(6);
  customer.notes = row.text(7);
  customer.tags = json_list(row.text(8));
  customer.created_at = timestamp_of(row.integer(9));
  customer.updated_at = timestamp_of(row.integer(10));
  if (auto archived = row.optional_integer(11)) customer.archived_at = timestamp_of(*archived);
  customer.version = row.integer(12);
  return customer;
}

// A child table read for a set of customers: "<select> WHERE customer_id IN
// (...) ORDER BY <order>", each row handed to the customer it belongs to.
struct ChildQuery {
  std::string_view select;
  std::string_view order;

  std::string sql(std::size_t count) const {
    return std::string(select) + " WHERE customer_id IN (" + placeholders(count) + ") ORDER BY " + std::string(order);
  }
};

constexpr ChildQuery kSiteQuery{
    "SELECT customer_id, id, label, street, postcode, city, country, work_site FROM customer_sites",
    "customer_id, position"};
constexpr ChildQuery kContactQuery{"SELECT customer_id, id, name, role, phones, emails FROM customer_contacts",
                                   "customer_id, position"};
constexpr ChildQuery kExternalIdQuery{"SELECT customer_id, system, value FROM customer_external_ids",
                                      "customer_id, system"};

template <typename Attach>
void load_children(spi::Connection& connection, std::vector<Customer>& customers, const ChildQuery& query,
                   const std::string& single_customer_sql, Attach attach) {
  std::unordered_map<std::string, Customer*> by_id;
  std::vector<spi::Value> params;
  for (auto& customer : customers) {
    params.emplace_back(customer.id.to_string());
    by_id[customer.id.to_string()] = &customer;
  }
  // Reading one customer (get, lookup) is the hot path: its SQL is built once.
  std::string page_sql = customers.size() == 1 ? std::string() : query.sql(customers.size());
  const std::string& sql = customers.size() == 1 ? single_customer_sql : page_sql;
  for (const auto& row : connection.query(sql, params)) attach(*by_id.at(row.text(0)), row);
}

void load_all_children(spi::Connection& connection, std::vector<Customer>& customers) {
  if (customers.empty()) return;
  static const std::string site_sql = kSiteQuery.sql(1);
  static const std::string contact_sql = kContactQuery.sql(1);
  static const std::string external_id_sql = kExternalIdQuery.sql(1);
  load_children(connection, customers, kSiteQuery, site_sql, [](Customer& customer, const spi::Row& row) {
    customer.sites.push_back({Uuid::parse(row.text(1)), row.text(2), row.text(3), row.text(4), row.text(5),
                              row.text(6), row.integer(7) != 0});
  });
  load_children(connection, customers, kContactQuery, contact_sql, [](Customer& customer, const spi::Row& row) {
    customer.contacts.push_back(
        {Uuid::parse(row.text(1)), row.text(2), row.text(3), json_list(row.text(4)), json_list(row.text(5))});
  });
  load_children(connection, customers, kExternalIdQuery, external_id_sql,
                [](Customer& customer, const spi::Row& row) { customer.external_ids[row.text(1)] = row.text(2); });
}

void insert_contact_point(spi::Connection& connection, const std::string& id, const char* kind,
                          const std::string& value) {
  spi::Value params[] = {id, std::string(kind), value};
  connection.execute("INSERT INTO customer_contact_points (customer_id, kind, value) VALUES (?, ?, ?)", params);
}

void insert_contact_points(spi::Connection& connection, const std::string& id, const std::vector<std::string>& phones,
                           const std::vector<std::string>& emails) {
  for (const auto& phone : phones) insert_contact_point(connection, id, "phone", phone);
  for (const auto& email : emails) insert_contact_point(connection, id, "email", email);
}

void insert_sites(spi::Connection& connection, const std::string& id, const std::vector<Site>& sites) {
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const Site& site = sites[i];
    spi::Value params[] = {site.id.to_string(), id, static_cast<std::int64_t>(i), site.label, site.street,
                           site.postcode, site.city, site.country, std::int64_t{site.work_site}};
    connection.execute(
        "INSERT INTO customer_sites (id, customer_id, position, label, street, postcode, city, country, work_site)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params);
  }
}

void insert_contacts(spi::Connection& connection, const std::string& id, const std::vector<Contact>& contacts) {
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const Contact& contact = contacts[i];
    spi::Value params[] = {contact.id.to_string(), id, static_cast<std::int64_t>(i), contact.name,
                           contact.role, json_text(contact.phones), json_text(contact.emails)};
    connection.execute(
        "INSERT INTO customer_contacts (id, customer_id, position, name, role, phones, emails)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        params);
    insert_contact_points(connection, id, contact.phones, contact.emails);
  }
}

void insert_children(spi::Connection& connection, const Customer& customer, const IdentityKeys& keys) {
  std::string id = customer.id.to_string();
  insert_match_keys(connection, customer, keys);
  insert_sites(connection, id, customer.sites);
  insert_contacts(connection, id, customer.contacts);
  insert_contact_points(connection, id, customer.phones, customer.emails);
  for (const auto& tag : customer.tags) {
    spi::Value params[] = {id, tag};
    connection.execute("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)", params);
  }
  for (const auto& [system, value] : customer.external_ids) {
    spi::Value params[] = {id, system, value};
    connection.execute("INSERT INTO customer_external_ids (customer_id, system, value) VALUES (?, ?, ?)", params);
  }
}

void delete_children(spi::Connection& connection, const std::string& id) {
  spi::Value params[] = {id};
  for (const char* table : {"customer_sites", "customer_contacts", "customer_contact_points", "customer_tags",
                            "customer_external_ids"}) {
    connection.execute("DELETE FROM " + std::string(table) + " WHERE customer_id = ?", params);
  }
  delete_match_keys(connection, id);
}

void add_text(std::string& text, std::string_view part) {
  if (part.empty()) return;
  if (!text.empty()) text += " · ";
  text += part;
}

// What search shows of a customer: its name as title; addresses, contacts,
// emails, notes, tags and identifiers as text; every phone number.
SearchDocument search_document(const Customer& customer) {
  SearchDocument document{.kind = SearchKind::customer, .id = customer.id, .customer = customer.id,
                          .title = customer.name};
  for (const auto& site : customer.sites) add_text(document.text, site.street + " " + site.postcode + " " + site.city);
  for (const auto& contact : customer.contacts) {
    add_text(document.text, contact.role.empty() ? contact.name : contact.name + " (" + contact.role + ")");
    for (const auto& email : contact.emails) add_text(document.text, email);
    document.phones.insert(document.phones.end(), contact.phones.begin(), contact.phones.end());
  }
  for (const auto& email : customer.emails) add_text(document.text, email);
  add_text(document.text, customer.notes);
  for (const auto& tag : customer.tags) add_text(document.text, tag);
  for (const auto& identifier : {customer.siret, customer.vat_number}) add_text(document.text, identifier);
  for (const auto& [system, value] : customer.external_ids) add_text(document.text, value);
  document.phones.insert(document.phones.end(), customer.phones.begin(), customer.phones.end());
  document.time = customer.updated_at;
  document.archived = customer.archived_at.has_value();
  return document;
}

std::vector<spi::Value> row_values(const Customer& customer) {
  spi::Value archived = nullptr;
  if (customer.archived_at) archived = micros(*customer.archived_at);
  return {std::string(to_string(customer.kind)), customer.name, json_text(customer.phones),
          json_text(customer.emails), customer.siret, customer.vat_number, customer.notes,
          json_text(customer.tags), micros(customer.created_at), micros(customer.updated_at),
          archived};
}

}  // namespace

std::optional<Customer> find_customer(spi::Connection& connection, const Uuid& id) {
  static const std::string sql = std::string(kSelectCustomer) + " WHERE id = ?";
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  std::vector<Customer> customers{customer_from_row(rows.front())};
  load_all_children(connection, customers);
  return std::move(customers.front());
}

std::vector<Customer> find_customers(spi::Connection& connection, std::span<const Uuid> ids) {
  constexpr std::size_t kChunk = 500;  // parameters per query, under SQLite's oldest limit (999)
  std::vector<Customer> customers;
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    const auto chunk = ids.subspan(start, std::min(kChunk, ids.size() - start));
    std::vector<spi::Value> params;
    for (const auto& id : chunk) params.emplace_back(id.to_string());
    std::vector<Customer> found;
    const std::string sql = std::string(kSelectCustomer) + " WHERE id IN (" + placeholders(chunk.size()) + ") ORDER BY id";
    for (const auto& row : connection.query(sql, params)) found.push_back(customer_from_row(row));
    load_all_children(connection, found);
    std::move(found.begin(), found.end(), std::back_inserter(customers));
  }
  return customers;
}

std::vector<Uuid> unarchived_customer_ids(spi::Connection& connection) {
  std::vector<Uuid> ids;
  for (const auto& row : connection.query("SELECT id FROM customers WHERE archived_at IS NULL ORDER BY id")) {
    ids.push_back(Uuid::parse(row.text(0)));
  }
  return ids;
}

void insert_customer(spi::Connection& connection, const Customer& customer) {
  insert_customer(connection, customer, identity_keys(customer));
}

void insert_customer(spi::Connection& connection, const Customer& customer, const IdentityKeys& keys) {
  auto params = row_values(customer);
  params.emplace_back(customer.version);
  params.insert(params.begin(), customer.id.to_string());
  connection.execute(
      "INSERT INTO customers (id, kind, name, phones, emails, siret, vat_number, notes, tags, created_at,"
      " updated_at, archived_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params);
  insert_children(connection, customer, keys);
  index_customer(connection, customer);
}

bool update_customer(spi::Connection& connection, const Customer& customer, std::int64_t expected_version) {
  auto params = row_values(customer);
  params.emplace_back(customer.id.to_string());
  params.emplace_back(expected_version);
  auto changed = connection.execute(
      "UPDATE customers SET kind = ?, name = ?, phones = ?, emails = ?, siret = ?, vat_number = ?, notes = ?,"
      " tags = ?, created_at = ?, updated_at = ?, archived_at = ?, version = version + 1"
      " WHERE id = ? AND version = ?",
      params);
  if (changed == 0) return false;
  std::string id = customer.id.to_string();
  delete_children(connection, id);
  insert_children(connection, customer, identity_keys(customer));
  index_customer(connection, customer);
  return true;
}

void index_customer(spi::Connection& connection, const Customer& customer) {
  index_for_search(connection, search_document(customer));
}

std::optional<std::string> external_id_owner(spi::Connection& connection, const Customer& customer) {
  for (const auto& [system, value] : customer.external_ids) {
    spi::Value params[] = {system, value, customer.id.to_string()};
    auto rows = connection.query(
        "SELECT customer_id FROM customer_external_ids WHERE system = ? AND value = ? AND customer_id <> ?", params);
    if (!rows.empty()) return rows.front().text(0);
  }
  return std::nullopt;
}

std::vector<Uuid> customers_with_contact_point(spi::Connection& connection, std::string_view kind,
                                               std::string_view value) {
  spi::Value params[] = {std::string(kind), std::string(value)};
  std::vector<Uuid> ids;
  for (const auto& row : connection.query(
           "SELECT DISTINCT customer_id FROM customer_contact_points WHERE kind = ? AND value = ?"
           " ORDER BY customer_id", params)) {
    ids.push_back(Uuid::parse(row.text(0)));
  }
  return ids;
}

std::vector<Customer> customer_page(spi::Connection& connection, const CustomerQuery& query) {
  std::string sql = std::string(kSelectCustomer) + " WHERE 1 = 1";
  std::vector<spi::Value> params;
  if (!query.include_archived) sql += " AND archived_at IS NULL";
  if (query.tag) {
    sql += " AND id IN (SELECT customer_id FROM customer_tags WHERE tag = ?)";
    params.emplace_back(*query.tag);
  }
  if (!query.after.empty()) {
    // Keyset paging: cost follows the page size, not the offset.
    sql += " AND (name, id) > (SELECT name, id FROM customers WHERE id = ?)";
    params.emplace_back(query.after);
  }
  sql += " ORDER BY name, id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(query.limit));
  std::vector<Customer> customers;
  for (const auto& row : connection.query(sql, params)) customers.push_back(customer_from_row(row));
  load_all_children(connection, customers);
  return customers;
}

}  // namespace relais::inline v1::detail
