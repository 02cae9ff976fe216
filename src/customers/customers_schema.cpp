#include "customers/customer_store.h"

namespace relais::inline v1::detail {
namespace {

void create_customer_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE customers ("
      " id TEXT PRIMARY KEY,"
      " kind TEXT NOT NULL,"
      " name TEXT NOT NULL,"
      " phones TEXT NOT NULL,"
      " emails TEXT NOT NULL,"
      " siret TEXT NOT NULL,"
      " vat_number TEXT NOT NULL,"
      " notes TEXT NOT NULL,"
      " tags TEXT NOT NULL,"
      " created_at BIGINT NOT NULL,"
      " updated_at BIGINT NOT NULL,"
      " archived_at BIGINT,"
      " version BIGINT NOT NULL);"
      "CREATE INDEX customers_by_name ON customers (name, id);"
      "CREATE TABLE customer_sites ("
      " id TEXT PRIMARY KEY,"
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " position INTEGER NOT NULL,"
      " label TEXT NOT NULL, street TEXT NOT NULL, postcode TEXT NOT NULL,"
      " city TEXT NOT NULL, country TEXT NOT NULL, work_site INTEGER NOT NULL);"
      "CREATE INDEX customer_sites_by_customer ON customer_sites (customer_id, position);"
      "CREATE TABLE customer_contacts ("
      " id TEXT PRIMARY KEY,"
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " position INTEGER NOT NULL,"
      " name TEXT NOT NULL, role TEXT NOT NULL, phones TEXT NOT NULL, emails TEXT NOT NULL);"
      "CREATE INDEX customer_contacts_by_customer ON customer_contacts (customer_id, position);"
      // Phones and emails of the customer and its contacts, for lookup.
      "CREATE TABLE customer_contact_points ("
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " kind TEXT NOT NULL,"
      " value TEXT NOT NULL);"
      "CREATE INDEX customer_contact_points_by_value ON customer_contact_points (kind, value);"
      "CREATE INDEX customer_contact_points_by_customer ON customer_contact_points (customer_id);"
      "CREATE TABLE customer_tags ("
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " tag TEXT NOT NULL,"
      " PRIMARY KEY (tag, customer_id));"
      "CREATE INDEX customer_tags_by_customer ON customer_tags (customer_id);"
      "CREATE TABLE customer_external_ids ("
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " system TEXT NOT NULL,"
      " value TEXT NOT NULL,"
      " PRIMARY KEY (system, value));"
      "CREATE INDEX customer_external_ids_by_customer ON customer_external_ids (customer_id)");
}

// Customers stored before search existed.
void index_stored_customers(spi::Connection& connection) {
  for (const auto& row : connection.query("SELECT id FROM customers ORDER BY id")) {
    index_customer(connection, *find_customer(connection, Uuid::parse(row.text(0))));
  }
}

const Migration kCustomerMigrations[] = {
    {1, "customers, sites, contacts, contact points, tags, external ids", create_customer_tables},
    {2, "search documents of the stored customers", index_stored_customers},
};

}  // namespace

SchemaArea customers_schema() { return {"customers", kCustomerMigrations}; }

}  // namespace relais::inline v1::detail
