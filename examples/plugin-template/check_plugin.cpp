// Checks the plugin through Relais itself: opens a workspace on the
// "template" storage plugin, stores a customer and reads it back.
//   RELAIS_PLUGIN_PATH=<folder of librelais-storage-template.so> check_plugin <file.db>
#include <relais/workspace.h>

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: check_plugin <database file>\n";
    return 2;
  }
  try {
    relais::OpenOptions options;
    options.storage_plugin = "template";
    auto workspace = relais::Workspace::open(std::string("sqlite://") + argv[1], options);
    relais::CustomerDraft draft;
    draft.name = "Hélène Martin";
    const relais::Customer created = workspace.customers().create(draft);
    const relais::Customer read = workspace.customers().get(created.id);
    if (read.name != draft.name) {
      std::cerr << "read back \"" << read.name << "\" instead of \"" << draft.name << "\"\n";
      return 1;
    }
    std::cout << "ok template plugin stored " << read.name << " as " << read.id.to_string() << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
