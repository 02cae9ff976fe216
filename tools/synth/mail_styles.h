#pragma once
// The ways of writing that fit several categories (mail_phrases.h). A
// style's wrapper is the same text whatever the mail is about; the
// category's content fills its holes: {ask} (the request, in full),
// {ask_short} (as typed on a phone), {context}, {detail}, {subject},
// {topic} (a web form's topic), {en_ask} and {en_subject} (in English).
// Private to tools/synth.
#include "mail_phrases.h"

namespace relais::synth::data::styles {

using std::string_view;

inline constexpr string_view kSubject[] = {"{subject}"};

inline constexpr string_view kFormalLetterBodies[] = {
    "{hello}\n\n{context} {ask}\n{detail}\n\n{thanks_ahead}\n{bye_formal}\n\n{signature_person}",
    "{hello}\n\n{ask} {context}\n\n{detail} {detail}\n\n{bye_formal}\n{signature_person}",
    "Madame, Monsieur,\n\n{context}\n{ask}\n{detail}\n\n{thanks_ahead}\n{signature_person}"};
inline constexpr MailStyle kFormalLetter{"formal_letter", Sender::person,      Writing::careful,
                                         kSubject,        kFormalLetterBodies, {}};

inline constexpr string_view kShortNoteSubjects[] = {"{subject}", "{subject}", ""};
inline constexpr string_view kShortNoteBodies[] = {"{hello_casual},\n{ask}\n{bye_casual}\n{first_name}",
                                                   "{hello_casual}, {ask} {reach_me}\n{full_name}",
                                                   "{hello_casual}\n{context} {ask}\n{thanks_short}"};
inline constexpr MailStyle kShortNote{"short_note",       Sender::person,   Writing::plain,
                                      kShortNoteSubjects, kShortNoteBodies, {}};

inline constexpr string_view kWebFormSubjects[] = {"{form_subject}"};
inline constexpr string_view kWebFormBodies[] = {
    "Nouveau message reçu via le formulaire « {topic} » de {our_site}\n\nNom : {full_name}\nE-mail : "
    "{person_email}\nTéléphone : {mobile}\nCode postal : {postcode}\nMessage :\n{ask} {detail}",
    "Vous avez reçu un nouveau message.\n\nNom : {surname_caps}\nPrénom : {first_name}\nVille : {town}\nTél : "
    "{mobile}\nSujet : {topic}\nVotre demande : {context} {ask}\n\n--\nCe message a été envoyé depuis {our_site}",
    "Nom: {full_name}\nEmail: {person_email}\nObjet: {topic}\nMessage: {hello_casual}, {ask} {reach_me}"};
inline constexpr MailStyle kWebForm{"web_form", Sender::web_form, Writing::plain, kWebFormSubjects, kWebFormBodies, {}};

inline constexpr string_view kElderlySubjects[] = {"{elderly_subject}", "{subject}"};
inline constexpr string_view kElderlyBodies[] = {
    "Bonjour Monsieur,\n\nJe me permets de vous écrire {elderly_referral}. {elderly_story} {ask}\n{elderly_practical}\n"
    "Je vous remercie beaucoup {elderly_bye}\n\n{civility_short} {surname}",
    "Bonjour,\n{elderly_story} {elderly_story} {ask} {elderly_practical}\nMerci {elderly_bye}\n{full_name}",
    "Bonjour,\nc'est {civility_short} {surname} de {town}. Excusez-moi de vous déranger. {ask}\n{elderly_bye}"};
inline constexpr string_view kElderlyReferral[] = {
    "de la part de ma voisine {civility_short} {surname2}", "car j'ai vu votre camion dans la rue",
    "sur les conseils de mon fils", "parce que vous étiez venus chez nous il y a longtemps",
    "car la mairie m'a donné votre nom"};
inline constexpr PhraseTable kElderlyWords[] = {{"elderly_referral", kElderlyReferral}};
inline constexpr MailStyle kElderly{"elderly",        Sender::person, Writing::plain,
                                    kElderlySubjects, kElderlyBodies, kElderlyWords};

inline constexpr string_view kPhoneTypedSubjects[] = {"{subject}", "", "{subject}"};
inline constexpr string_view kPhoneTypedBodies[] = {
    "{hello_casual} {ask_short} merci de me rappeler au {mobile}\n{sent_from}",
    "{hello_casual} {ask} {mobile}\n{sent_from}", "{ask_short}\n{first_name}\n{sent_from}"};
inline constexpr MailStyle kPhoneTyped{"phone_typed",       Sender::person,    Writing::phone,
                                       kPhoneTypedSubjects, kPhoneTypedBodies, {}};

inline constexpr string_view kSmsSubjects[] = {"", "{subject}"};
inline constexpr string_view kSmsBodies[] = {"{hello_casual} {ask_short}", "{ask_short} {mobile}", "{ask_short}"};
inline constexpr MailStyle kSms{"sms", Sender::person, Writing::sms, kSmsSubjects, kSmsBodies, {}};

inline constexpr string_view kEnglishSubjects[] = {"{en_subject}"};
inline constexpr string_view kEnglishBodies[] = {
    "Hello,\n\n{en_context} {en_ask}\n\n{en_thanks}\n{first_name} {surname}",
    "Bonjour,\n\nSorry, my French is not very good. {en_ask}\n\n{en_thanks}\n{first_name}\n{mobile}",
    "Hi,\n{en_ask} You can call me on {mobile}.\n{en_thanks}\n{first_name}"};
inline constexpr string_view kEnglishContext[] = {"We live near {town}.", "We moved to Brittany from the UK last year.",
                                                  "Our neighbour gave us your address.",
                                                  "We have a holiday home in {town}.", ""};
inline constexpr PhraseTable kEnglishWords[] = {{"en_context", kEnglishContext}};
inline constexpr MailStyle kEnglish{"english",        Sender::english_person, Writing::careful,
                                    kEnglishSubjects, kEnglishBodies,         kEnglishWords};

inline constexpr string_view kPropertyManagerSubjects[] = {"Résidence {residence} - {subject}", "{subject}",
                                                           "Copropriété {residence} : {subject}"};
inline constexpr string_view kPropertyManagerBodies[] = {
    "Madame, Monsieur,\n\nNous gérons la copropriété {residence}, {street} à {town}. {ask}\n{syndic_practical}\n\n"
    "Cordialement,\n{first_name} {surname}\nGestionnaire de copropriété\n{agency}",
    "Bonjour,\n\nRésidence {residence} ({town}) : {ask}\n{syndic_practical}\n\nBien cordialement,\n{full_name}\n"
    "Service copropriété - {agency}"};
inline constexpr string_view kSyndicPractical[] = {
    "L'accès aux locaux techniques se fait avec le gardien, {civility_short} {surname2}.",
    "Merci de rappeler la référence de la résidence dans votre réponse.",
    "Le gardien est joignable au {mobile}.",
    "Les clés sont disponibles à l'agence.",
    "Code d'accès : {count}4{count}B.",
    ""};
inline constexpr PhraseTable kPropertyManagerWords[] = {{"syndic_practical", kSyndicPractical}};
inline constexpr MailStyle kPropertyManager{"property_manager",       Sender::property_manager, Writing::careful,
                                            kPropertyManagerSubjects, kPropertyManagerBodies,   kPropertyManagerWords};

inline constexpr string_view kBusinessSubjects[] = {"{subject}", "{company} - {subject}"};
inline constexpr string_view kBusinessBodies[] = {
    "{hello}\n\nJe suis {business_role} de {company} à {town}. {context} {ask}\n{detail}\n\n{bye_formal}\n{full_name}\n"
    "{company}\n{phone}",
    "Bonjour,\n\nPour notre {trade} située {street} à {town} : {ask} {detail}\n\nCordialement,\n{full_name}\n"
    "{business_role_cap}"};
inline constexpr string_view kBusinessRole[] = {
    "le gérant", "la gérante", "responsable technique", "le directeur", "l'assistante de direction", "co-gérant"};
inline constexpr string_view kBusinessRoleCap[] = {"Gérant", "Gérante", "Responsable des services généraux",
                                                   "Direction"};
inline constexpr PhraseTable kBusinessWords[] = {{"business_role", kBusinessRole},
                                                 {"business_role_cap", kBusinessRoleCap}};
inline constexpr MailStyle kBusiness{"business",        Sender::business, Writing::careful,
                                     kBusinessSubjects, kBusinessBodies,  kBusinessWords};

}  // namespace relais::synth::data::styles
