#include "customers/import/profile_writer.h"

#include "core/civil_time.h"
#include "core/charset.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include <cstdio>
#include <map>
#include <optional>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// Joins the items of a list that share one cell; the reader splits on either.
constexpr std::string_view kListSeparator = "; ";

// What fills one column of the layout.
struct ColumnSource {
  enum class What { nothing, external_id, kind, field, created } what = What::nothing;
  const FieldMapping* field = nullptr;
  std::size_t position = 0;  // which of the field's columns
  const DateMapping* date = nullptr;
};

// The source of each column of export.columns; a column feeding several
// targets is written from the first the profile names.
std::vector<ColumnSource> plan_columns(const MappingProfile& profile) {
  using What = ColumnSource::What;
  std::map<std::string, ColumnSource> by_column;
  const auto claim = [&](const std::string& column, ColumnSource source) {
    by_column.try_emplace(fold_for_matching(column), source);
  };
  claim(profile.external_id_column, {What::external_id});
  if (!profile.kind.column.empty()) claim(profile.kind.column, {What::kind});
  for (const auto& field : profile.fields) {
    for (std::size_t i = 0; i < field.columns.size(); ++i) claim(field.columns[i], {What::field, &field, i});
  }
  for (const auto& date : profile.dates) {
    if (date.key == "created") claim(date.column, {What::created, nullptr, 0, &date});
  }
  std::vector<ColumnSource> sources;
  for (const auto& column : profile.export_layout.columns) {
    const auto found = by_column.find(fold_for_matching(column));
    sources.push_back(found == by_column.end() ? ColumnSource{} : found->second);
  }
  return sources;
}

// `format` is made of dd, mm, yyyy and literal characters (checked at load).
std::string format_date(std::chrono::year_month_day date, std::string_view format) {
  std::string text;
  char digits[16];
  for (std::size_t i = 0; i < format.size();) {
    if (format.substr(i, 4) == "yyyy") {
      std::snprintf(digits, sizeof digits, "%04d", static_cast<int>(date.year()));
      i += 4;
    } else if (format.substr(i, 2) == "dd" || format.substr(i, 2) == "mm") {
      const bool day = format[i] == 'd';
      std::snprintf(digits, sizeof digits, "%02u",
                    day ? static_cast<unsigned>(date.day()) : static_cast<unsigned>(date.month()));
      i += 2;
    } else {
      digits[0] = format[i++];
      digits[1] = '\0';
    }
    text += digits;
  }
  return text;
}

bool needs_quotes(std::string_view text, char delimiter) {
  return text.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
         (!text.empty() && (text.front() == ' ' || text.back() == ' '));  // unquoted cells are trimmed on reading
}

class FileWriter {
 public:
  explicit FileWriter(const MappingProfile& profile)
      : profile_(profile), layout_(profile.export_layout), sources_(plan_columns(profile)) {
    if (profile.charset == "WINDOWS-1252") encoder_.emplace(profile.charset);
    if (layout_.bom) out_ = kUtf8Bom;
  }

  void header() {
    for (const auto& column : layout_.columns) append(column, "export.columns", "the header");
    end_line();
  }

  void record(const Customer& customer) {
    const std::string who = "customer " + customer.id.to_string() + " (" + quote_value(customer.name) + ")";
    for (const auto& source : sources_) {
      const auto [text, key] = cell(source, customer, who);
      append(text, key, who);
    }
    end_line();
  }

  std::string finish() {
    errors_.throw_if_any();
    return std::move(out_);
  }

 private:
  // The text of one cell and the profile key it comes from.
  std::pair<std::string, std::string> cell(const ColumnSource& source, const Customer& customer,
                                           const std::string& who) {
    using What = ColumnSource::What;
    switch (source.what) {
      case What::external_id: {
        const auto found = customer.external_ids.find(profile_.system);
        return {found == customer.external_ids.end() ? "" : found->second, "external_id"};
      }
      case What::kind:
        return {customer.kind == CustomerKind::company ? layout_.company_value : layout_.person_value, "kind"};
      case What::created:
        return {format_date(paris_date(customer.created_at), source.date->format), "dates." + source.date->key};
      case What::field:
        return {field_cell(*source.field, source.position, customer, who), std::string(source.field->target->key)};
      case What::nothing:
        break;
    }
    return {};
  }

  std::string field_cell(const FieldMapping& field, std::size_t position, const Customer& customer,
                         const std::string& who) {
    const FieldTarget& target = *field.target;
    std::vector<std::string> items = target.read(customer);
    if (!target.is_list) return position == 0 && !items.empty() ? items.front() : "";
    const std::size_t last = field.columns.size() - 1;
    std::string text;
    for (std::size_t i = position; i < items.size() && (i == position || position == last); ++i) {
      if (items[i].find_first_of(";,") != std::string::npos) {
        errors_.add(std::string(target.key), items[i], who + ": a list item holding ';' or ',' would be read back as several");
      }
      const bool phone = target.validate == &normalize_phone && layout_.national_phones;
      text += (text.empty() ? "" : std::string(kListSeparator)) + (phone ? format_phone_national(items[i]) : items[i]);
    }
    return text;
  }

  void append(const std::string& text, const std::string& key, const std::string& who) {
    if (!at_line_start_) out_ += layout_.delimiter;
    at_line_start_ = false;
    std::optional<std::string> bytes = encoder_ ? encoder_->encode(text) : text;
    if (!bytes) {
      errors_.add(key, text, who + ": holds a character " + profile_.charset + " cannot write");
      return;
    }
    if (!layout_.quote_always && !needs_quotes(*bytes, layout_.delimiter)) {
      out_ += *bytes;
      return;
    }
    out_ += '"';
    for (char c : *bytes) out_ += c == '"' ? std::string("\"\"") : std::string(1, c);
    out_ += '"';
  }

  void end_line() {
    out_ += layout_.line_end;
    at_line_start_ = true;
  }

  const MappingProfile& profile_;
  const ExportLayout& layout_;
  const std::vector<ColumnSource> sources_;
  std::optional<CharsetEncoder> encoder_;
  std::string out_;
  bool at_line_start_ = true;
  FieldErrors errors_;
};

}  // namespace

std::string write_customers(std::span<const Customer> customers, const MappingProfile& profile) {
  FileWriter writer(profile);
  writer.header();
  for (const auto& customer : customers) writer.record(customer);
  return writer.finish();
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
