#pragma once
// The kinds of record reminders can follow. Like the schema areas, the list
// lives in one place: an area that lands later (quotes, interventions,
// surveys, maintenance) appends its kind in reminder_targets.cpp, with the
// events its rules may name and how to read one of its records.
#include <relais/spi/storage.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// What the scheduler needs of a followed record.
struct TargetFacts {
  std::string assignee;  // the person in charge of it, "" when nobody is
};

struct TargetKindSource {
  std::string_view kind;
  std::span<const std::string_view> events;
  // The record `id` inside the caller's transaction; nullopt when there is
  // none (a malformed id included).
  std::optional<TargetFacts> (*read)(spi::Connection& connection, std::string_view id);
};

std::span<const TargetKindSource> target_kind_sources();
// nullptr for a kind nobody registered.
const TargetKindSource* find_target_kind(std::string_view kind);

}  // namespace relais::inline v1::detail
