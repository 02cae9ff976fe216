#pragma once
// How the writers of a family slip: accents left out (a keyboard without
// them, a hurry), typos, no capitals, text speak. Private to tools/synth.
#include <relais/spi/classifier.h>

#include "mail_phrases.h"
#include "random.h"

namespace relais::synth {

// The subject and body of `mail` as someone writing that way would have
// typed them: one writer, so accents and capitals go from both or neither.
// Careful writers seldom slip; text speak ("bjr", "pr", "ds") only comes
// with Writing::sms. The text stays valid UTF-8.
void write_as(Rng& random, data::Writing writing, spi::MailText& mail);

}  // namespace relais::synth
