#include "help_formatter.h"

#include "i18n.h"
#include "output.h"


namespace relais::cli {
namespace {

// "Options :" in French: the colon's spacing is the language's.
std::string heading(const std::string& title) {
  // TRANSLATORS: the heading of a section of the help ("Options:").
  return '\n' + format(_("%s:"), title) + '\n';
}

std::vector<const CLI::App*> named_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); });
}

std::vector<const CLI::App*> option_groups(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return sub->get_name().empty() && !sub->get_group().empty(); });
}

// The commands that run something, below `app`: "customers list" rather
// than "customers".
void add_leaves(const CLI::App& app, std::vector<const CLI::App*>& leaves) {
  for (const CLI::App* sub : named_subcommands(app)) {
    if (named_subcommands(*sub).empty()) {
      leaves.push_back(sub);
    } else {
      add_leaves(*sub, leaves);
    }
  }
}

bool takes_value(const CLI::Option& option) { return option.get_items_expected_max() != 0; }

// The option text ("IDENTIFIANT") set where the option is declared.
std::string value_name(const CLI::Option& option) {
  return option.get_option_text().empty() ? option.get_type_name() : option.get_option_text();
}

// "--profile PROFIL.json", "--find".
std::string option_usage(const CLI::Option& option) {
  std::string text = option.get_name();
  if (takes_value(option)) (text += ' ') += value_name(option);
  return text;
}

// "<uri>", "[<command>...]".
std::string positional_usage(const CLI::Option& option) {
  std::string text = option.get_name();
  if (option.get_expected_max() >= CLI::detail::expected_max_vector_size) text += "...";
  return option.get_required() ? text : '[' + text + ']';
}

// "(--phone NUMÉRO | --email ADRESSE)" when one is required.
std::string group_usage(const CLI::App& group) {
  std::string text;
  for (const CLI::Option* option : group.get_options()) {
    if (!text.empty()) text += " | ";
    text += option_usage(*option);
  }
  return group.get_require_option_min() > 0 ? '(' + text + ')' : '[' + text + ']';
}

}  // namespace

std::string command_path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent != nullptr; parent = parent->get_parent()) {
    if (!parent->get_name().empty()) path = parent->get_name() + ' ' + path;
  }
  return path;
}

std::string synopsis(const CLI::App& command) {
  std::string text = command_path(command);
  if (!named_subcommands(command).empty()) return text + ' ' + _("<command> [arguments]");
  for (const CLI::Option* option : command.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
    (text += ' ') += positional_usage(*option);
  }
  auto options = command.get_options(
      [&command](const CLI::Option* o) { return o->nonpositional() && o != command.get_help_ptr(); });
  for (const CLI::Option* option : options) {
    if (option->get_required()) (text += ' ') += option_usage(*option);
  }
  for (const CLI::App* group : option_groups(command)) (text += ' ') += group_usage(*group);
  for (const CLI::Option* option : options) {
    if (!option->get_required()) text += " [" + option_usage(*option) + ']';
  }
  return text;
}

std::string help_text(const CLI::App& command) {
  return command.get_formatter()->make_help(&command, command_path(command), CLI::AppFormatMode::Normal);
}

HelpFormatter::HelpFormatter() {
  // The labels the base class still looks up.
  label("Positionals", _("Arguments"));
  label("REQUIRED", _("REQUIRED"));
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const {
  std::string footer = app->get_footer();
  return make_usage(app, name) + make_description(app) + make_positionals(app) + make_subcommands(app, mode) +
         make_groups(app, mode) + make_option_groups(app) + (footer.empty() ? "" : '\n' + footer + '\n');
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string) const {
  return format(_("Usage: %s"), synopsis(*app)) + '\n';
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string& description = app->get_description();
  return description.empty() ? std::string() : description + '\n';
}

std::string HelpFormatter::make_group(std::string group, bool is_positional,
                                      std::vector<const CLI::Option*> options) const {
  std::string text = heading(group);
  for (const CLI::Option* option : options) {
    // Two columns, the second at column_width_ (counted in characters:
    // "NUMÉRO" is 6 wide), or on the next line after a long first column.
    std::string left = "  " + make_option_name(option, is_positional) + make_option_opts(option);
    std::size_t width = display_width(left);
    std::string description = make_option_desc(option);
    if (description.empty()) {
      text += left;
    } else if (width < column_width_) {
      text += left + std::string(column_width_ - width, ' ') + description;
    } else {
      text += left + '\n' + std::string(column_width_, ' ') + description;
    }
    text += '\n';
  }
  return text;
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode) const {
  std::vector<const CLI::App*> leaves;
  add_leaves(*app, leaves);
  if (leaves.empty()) return {};
  std::string text = heading(_("Commands"));
  for (const CLI::App* leaf : leaves) text += "  " + synopsis(*leaf) + "\n      " + leaf->get_description() + '\n';
  return text;
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  // A positional argument's requirement shows in the usage line.
  if (option->get_positional() || !takes_value(*option)) return {};
  std::string text = ' ' + value_name(*option);
  if (option->get_required()) (text += ' ') += get_label("REQUIRED");
  return text;
}

std::string HelpFormatter::make_option_groups(const CLI::App* app) const {
  std::string text;
  for (const CLI::App* group : option_groups(*app)) text += make_group(group->get_group(), false, group->get_options());
  return text;
}

}  // namespace relais::cli
