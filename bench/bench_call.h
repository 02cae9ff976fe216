#pragma once
// The call every log benchmark writes, C++ and raw SQLite alike: an
// answered inbound call of three minutes from the contact's mobile of
// bench_customer(), with a subject and a line of notes.
#include <relais/desk/interaction.h>

#include <chrono>

namespace relais::bench {

inline CallDraft bench_call(const Uuid& customer) {
  CallDraft draft;
  draft.customer = customer;
  draft.phone = "06 12 34 56 78";
  draft.duration = std::chrono::seconds(185);
  draft.subject = "Disjoncteur qui saute";
  draft.notes = "La gérante signale que le disjoncteur différentiel saute dès qu'on branche le lave-linge. "
                "RDV proposé mardi matin.";
  return draft;
}

}  // namespace relais::bench
