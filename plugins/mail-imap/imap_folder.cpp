#include "imap_folder.h"

#include <relais/errors.h>

#include <algorithm>
#include <charconv>
#include <memory>

namespace relais::imap_mail {
namespace {

constexpr std::size_t kUidsPerCommand = 500;

std::string url_escaped(std::string_view text) {
  // libcurl ignores the handle here.
  const std::unique_ptr<char, decltype(&curl_free)> escaped(
      curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size())), curl_free);
  if (!escaped) throw PluginError("out of memory escaping a folder name");
  return escaped.get();
}

// The untagged line of `answer` that starts with `prefix` ("* SEARCH").
std::optional<std::string_view> answer_line(std::string_view answer, std::string_view prefix) {
  while (!answer.empty()) {
    const auto end = answer.find('\n');
    std::string_view line = answer.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.starts_with(prefix) && (line.size() == prefix.size() || line[prefix.size()] == ' ')) return line;
    if (end == std::string_view::npos) break;
    answer.remove_prefix(end + 1);
  }
  return std::nullopt;
}

std::vector<std::uint32_t> numbers(std::string_view text) {
  std::vector<std::uint32_t> values;
  for (const char* at = text.data(); at < text.data() + text.size();) {
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(at, text.data() + text.size(), value);
    if (error == std::errc()) values.push_back(value);
    at = error == std::errc() ? end : at + 1;
  }
  return values;
}

// The number after `name` in a STATUS answer's list "(UIDVALIDITY 3 UIDNEXT 9)".
std::optional<std::uint32_t> status_item(std::string_view items, std::string_view name) {
  const auto at = items.find(std::string(name) + " ");
  if (at == std::string_view::npos) return std::nullopt;
  std::uint32_t value = 0;
  const char* first = items.data() + at + name.size() + 1;
  if (std::from_chars(first, items.data() + items.size(), value).ec != std::errc()) return std::nullopt;
  return value;
}

// "3:5,9" for {3, 4, 5, 9}; `uids` ascending.
std::string uid_set(std::vector<std::uint32_t>::const_iterator first, std::vector<std::uint32_t>::const_iterator last) {
  std::string set;
  while (first != last) {
    auto run_end = first;
    while (run_end + 1 != last && *(run_end + 1) == *run_end + 1) ++run_end;
    set += (set.empty() ? "" : ",") + std::to_string(*first) + (run_end == first ? "" : ":" + std::to_string(*run_end));
    first = run_end + 1;
  }
  return set;
}

}  // namespace

std::string imap_quoted(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

ImapFolder::ImapFolder(CurlSession& session, std::string server, std::string folder_name)
    : session_(session), server_(std::move(server)), folder_name_(std::move(folder_name)) {}

std::string ImapFolder::folder_url(std::uint32_t uid_validity) const {
  return server_ + url_escaped(folder_name_) + ";UIDVALIDITY=" + std::to_string(uid_validity);
}

FolderStatus ImapFolder::status() {
  // On the server's URL, not the folder's: STATUS needs no SELECT.
  const std::string answer =
      session_.imap_command(server_, "STATUS " + imap_quoted(folder_name_) + " (UIDVALIDITY UIDNEXT)", "status");
  const auto line = answer_line(answer, "* STATUS");
  const std::string_view items = line ? line->substr(std::min(line->rfind('('), line->size())) : std::string_view();
  const auto validity = status_item(items, "UIDVALIDITY"), next = status_item(items, "UIDNEXT");
  if (!validity || !next) {
    throw PluginError(server_ + " gave no UIDVALIDITY and UIDNEXT for folder " + folder_name_ + ": " +
                          quote_value(line.value_or(answer)),
                      {{"server", server_}, {"operation", "status"}});
  }
  return {*validity, *next};
}

std::vector<std::uint32_t> ImapFolder::search(std::uint32_t uid_validity, std::uint32_t first, std::uint32_t last,
                                              std::string_view criteria) {
  const std::string answer = session_.imap_command(
      folder_url(uid_validity),
      "UID SEARCH UID " + std::to_string(first) + ":" + std::to_string(last) + " " + std::string(criteria), "search");
  const auto line = answer_line(answer, "* SEARCH");
  std::vector<std::uint32_t> uids = line ? numbers(line->substr(8)) : std::vector<std::uint32_t>();
  // "a:b" is unordered in IMAP: a server may answer the last message for a
  // range beyond it.
  std::erase_if(uids, [&](std::uint32_t uid) { return uid < first || uid > last; });
  std::sort(uids.begin(), uids.end());
  return uids;
}

std::optional<std::string> ImapFolder::fetch(std::uint32_t uid_validity, std::uint32_t uid) {
  return session_.download(folder_url(uid_validity) + "/;UID=" + std::to_string(uid), "fetch");
}

void ImapFolder::for_uid_sets(std::uint32_t uid_validity, const std::vector<std::uint32_t>& uids,
                              const std::string& command, const std::string& after, const std::string& operation) {
  for (std::size_t done = 0; done < uids.size(); done += kUidsPerCommand) {
    const auto first = uids.begin() + static_cast<std::ptrdiff_t>(done);
    const auto last = uids.begin() + static_cast<std::ptrdiff_t>(std::min(uids.size(), done + kUidsPerCommand));
    session_.imap_command(folder_url(uid_validity), command + " " + uid_set(first, last) + " " + after, operation);
  }
}

void ImapFolder::set_flag(std::uint32_t uid_validity, const std::vector<std::uint32_t>& uids, std::string_view flag,
                          bool on) {
  for_uid_sets(uid_validity, uids, "UID STORE", std::string(on ? "+" : "-") + "FLAGS.SILENT (" + std::string(flag) + ")",
               "store flags");
}

void ImapFolder::move(std::uint32_t uid_validity, const std::vector<std::uint32_t>& uids, const std::string& destination) {
  try {
    for_uid_sets(uid_validity, uids, "UID MOVE", imap_quoted(destination), "move");
    return;
  } catch (const PluginError& move_error) {
    // Most likely "[TRYCREATE]": the folder does not exist yet. When it
    // cannot be created (it exists), the move's own error stands. UIDs
    // already moved by an earlier set are no longer in the folder, and
    // moving them again does nothing.
    try {
      session_.imap_command(server_, "CREATE " + imap_quoted(destination), "create folder");
    } catch (const PluginError&) {
      throw move_error;
    }
  }
  for_uid_sets(uid_validity, uids, "UID MOVE", imap_quoted(destination), "move");
}

}  // namespace relais::imap_mail
