#pragma once
// The words behind the synthetic desk activity: what customers of an
// electrical contractor call about, in French, kept apart from the
// generator's logic. Private to tools/synth.
#include <relais/desk/ticket.h>

#include <span>
#include <string_view>

namespace relais::synth::data {

// A kind of request and the subjects a ticket or call about it gets.
struct Topic {
  TicketKind kind;
  std::span<const std::string_view> subjects;
  std::span<const std::string_view> details;  // the problem or the wish, after "Le client "
};

std::span<const Topic> topics();
std::span<const std::string_view> note_openings();   // "Le client", "La gérante"
std::span<const std::string_view> follow_ups();      // "RDV proposé mardi matin."
std::span<const std::string_view> ticket_comments();
std::span<const std::string_view> sms_texts();
// Details seen about once in ten thousand records: a rare word to search.
std::span<const std::string_view> rare_details();

}  // namespace relais::synth::data
