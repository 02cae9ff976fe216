#pragma once
// What the user reads when CLI11 stops parsing the command line: the help
// they asked for, or the reason the command line is wrong, translated.
#include <CLI/CLI.hpp>

namespace relais::cli {

// For --help, prints the help of the command it followed on standard output
// and returns 0. Otherwise writes to standard error a translated sentence
// naming the option, argument or command at fault (CLI11's own messages are
// English), then the usage of the command concerned, and returns 2. A
// command line that stops at a group of commands (`relais`, `relais
// customers`) gets that group's help on standard error, exit code 2.
// `app` is the root app that threw `error`.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace relais::cli
