// Opens a workspace, creates a customer, finds it by phone, and checks that
// the headers and the library agree on the version.
#include <relais/relais.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: relais_consumer <sqlite-file>\n";
    return 2;
  }
  if (relais::runtime_version() != RELAIS_VERSION) {
    std::cerr << "header version " << RELAIS_VERSION << " but library " << relais::runtime_version() << "\n";
    return 1;
  }
  try {
    auto ws = relais::Workspace::open(std::string("sqlite://") + argv[1]);
    auto created = ws.customers().create({.name = "Hélène Martin", .phones = {"06 12 34 56 78"}});
    auto found = ws.customers().lookup_phone("+33 6 12 34 56 78");
    if (found.size() != 1 || found[0].id != created.id) {
      std::cerr << "lookup did not find the customer\n";
      return 1;
    }
    std::cout << "ok " << found[0].name << " " << found[0].phones.at(0) << "\n";
  } catch (const relais::Error& error) {
    std::cerr << "relais error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
