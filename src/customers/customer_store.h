#pragma once
// SQL for customers: the row and its child tables (sites, contacts, contact
// points indexed for lookup, tags indexed for filtering, external ids unique
// per system).
#include <relais/customers/customer.h>
#include <relais/customers/matching.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <span>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea customers_schema();

std::optional<Customer> find_customer(spi::Connection& connection, const Uuid& id);
// The customers with these ids, in id order; ids not found are left out.
std::vector<Customer> find_customers(spi::Connection& connection, std::span<const Uuid> ids);
// Every customer not archived, in id order.
std::vector<Uuid> unarchived_customer_ids(spi::Connection& connection);
// Inserts the row, all its children and its search document.
void insert_customer(spi::Connection& connection, const Customer& customer);
// The same, with the customer's identity_keys() already computed.
void insert_customer(spi::Connection& connection, const Customer& customer, const IdentityKeys& keys);
// Rewrites the row, its children and its search document when the stored
// version is `expected_version`; returns false (writing nothing) otherwise.
bool update_customer(spi::Connection& connection, const Customer& customer, std::int64_t expected_version);
// Writes the customer's search document (insert and update do it already).
void index_customer(spi::Connection& connection, const Customer& customer);
// The customer that already holds one of these external ids, if another.
std::optional<std::string> external_id_owner(spi::Connection& connection, const Customer& customer);
std::vector<Uuid> customers_with_contact_point(spi::Connection& connection, std::string_view kind,
                                               std::string_view value);
std::vector<Customer> customer_page(spi::Connection& connection, const CustomerQuery& query);

}  // namespace relais::inline v1::detail
