// Mail nobody asked for (newsletters, webinars, phishing, SEO offers) and
// the rest: applications, clubs, thanks, town hall notices, mistakes.
#include "mail_phrases.h"
#include "mail_styles.h"

namespace relais::synth::data {
namespace {

using std::string_view;
using namespace styles;
constexpr auto kLow = MailUrgency::low;

// ---- newsletters and spam ---------------------------------------------------------

constexpr string_view kUnsubscribe[] = {
    "Se désinscrire",
    "Pour ne plus recevoir nos e-mails, cliquez ici.",
    "Vous recevez cet e-mail car vous êtes inscrit à notre newsletter. Se désabonner : {link}",
    "Gérer mes préférences | Se désabonner",
    "Voir la version en ligne",
    "Conformément au RGPD, vous pouvez vous désinscrire à tout moment."};
constexpr string_view kPromoProduct[] = {"les disjoncteurs et interrupteurs différentiels",
                                         "les bornes de recharge",
                                         "l'outillage électroportatif",
                                         "les luminaires LED",
                                         "les radiateurs connectés",
                                         "les vêtements de travail",
                                         "les détecteurs de fumée",
                                         "les gaines et conduits",
                                         "la gamme domotique"};
constexpr string_view kWebinarTopic[] = {"la norme NF C 15-100, ce qui change",
                                         "réussir ses installations IRVE",
                                         "la RE2020 pour les électriciens",
                                         "vendre le photovoltaïque en autoconsommation",
                                         "la facturation électronique obligatoire",
                                         "le pilotage connecté du chauffage",
                                         "sécuriser ses chantiers"};
constexpr string_view kPressTopic[] = {"hausse du cuivre, les distributeurs s'inquiètent",
                                       "le marché de la borne de recharge en 2026",
                                       "apprentissage : les aides reconduites",
                                       "les nouvelles règles MaPrimeRénov'",
                                       "salon Elec Paris : les nouveautés",
                                       "facture électronique : le calendrier"};
constexpr string_view kScamLink[] = {"http://suivi-colis-fr.info/pay", "https://bit.ly/3xR9kQ",
                                     "http://laposte-livraison.top/fr", "https://secure-client-verif.com/login",
                                     "http://remboursement-ameli.online"};
constexpr string_view kScamPressure[] = {"Sans action de votre part sous 48h, votre dossier sera clôturé.",
                                         "Dernier avis avant suspension.", "Cette offre expire ce soir à minuit.",
                                         "Répondez rapidement, les places sont limitées.", ""};
constexpr string_view kScamOpening[] = {"Cher client,", "Cher(e) client(e),", "Bonjour,", "Madame, Monsieur,",
                                        "Notification importante :"};
constexpr string_view kScamAction[] = {"Cliquez ici : {scam_link}", "Confirmez vos informations : {scam_link}",
                                       "Connectez-vous à votre espace sécurisé : {scam_link}",
                                       "Suivez ce lien pour régulariser : {scam_link}"};
constexpr string_view kMarketingHook[] = {"Offre réservée aux professionnels.",
                                          "Sans engagement.",
                                          "Découvrez-le dès maintenant.",
                                          "Profitez-en vite !",
                                          "Inscription gratuite.",
                                          "Dans la limite des places disponibles."};
constexpr PhraseTable kBulkWords[] = {
    {"scam_opening", kScamOpening}, {"scam_action", kScamAction},     {"marketing_hook", kMarketingHook},
    {"unsubscribe", kUnsubscribe},  {"promo_product", kPromoProduct}, {"webinar_topic", kWebinarTopic},
    {"press_topic", kPressTopic},   {"scam_link", kScamLink},         {"scam_pressure", kScamPressure}};

constexpr string_view kMarketingSubjects[] = {"-{percent}0 % sur {promo_product} jusqu'au {date} !",
                                              "Découvrez nos nouveautés {year_now}",
                                              "Offre spéciale pros",
                                              "Derniers jours : promotions de printemps",
                                              "Votre catalogue {year_now} est arrivé",
                                              "🔥 Black Friday pro : jusqu'à -40 %",
                                              "Nouveau : {promo_product}"};
constexpr string_view kMarketingBodies[] = {
    "Voir la version en ligne\n\nPROFITEZ DE NOS OFFRES PRO\n-{percent}0 % sur {promo_product}, jusqu'au {date}.\n"
    "Livraison offerte dès 150 € HT. {marketing_hook}\nJe commande : {link}\n\n{unsubscribe}",
    "Bonjour,\n\nDécouvrez notre sélection du mois : {promo_product} à prix remisés, et tous nos nouveaux produits.\n"
    "{marketing_hook} {marketing_hook}\n\n{unsubscribe}",
    "Nouveau catalogue {year_now} !\nPlus de 10 000 références pour les électriciens. {marketing_hook}\n"
    "Offres valables jusqu'au {date}.\n{unsubscribe}"};
constexpr string_view kWebinarSubjects[] = {"Webinar : {@webinar_topic}", "Invitation : webinaire gratuit le {date}",
                                            "[Replay] {@webinar_topic}", "Dernières places pour notre webinar",
                                            "Formation en ligne : {@webinar_topic}"};
constexpr string_view kWebinarBodies[] = {
    "Bonjour,\n\nParticipez à notre webinar gratuit le {date} à {hour} : {@webinar_topic}.\nAu programme : les points "
    "clés, "
    "des cas pratiques et une session de questions-réponses avec nos experts. {marketing_hook}\nJe m'inscris : "
    "{link}\n\n"
    "{unsubscribe}",
    "Vous n'avez pas pu assister à notre webinaire ? Le replay « {@webinar_topic} » est disponible. {marketing_hook}\n"
    "Regarder : {link}\n{unsubscribe}"};
constexpr string_view kPressSubjects[] = {"La lettre de la filière électrique n°{count}{count}",
                                          "Actualités du bâtiment", "Votre newsletter hebdomadaire",
                                          "L'essentiel de la semaine", "Flash info pro"};
constexpr string_view kPressBodies[] = {
    "À la une cette semaine :\n- {press_topic}\n- {press_topic}\n- {press_topic}\nLire la suite sur notre site : "
    "{link}\n\n"
    "{unsubscribe}",
    "Bonjour,\nVoici votre sélection d'articles :\n{press_topic}\n{press_topic}\nBonne lecture ! "
    "{marketing_hook}\n{unsubscribe}"};
constexpr string_view kParcelSubjects[] = {"Votre colis est en attente de livraison",
                                           "Action requise : frais de livraison", "Colis n° {tracking} bloqué",
                                           "Dernier avis avant retour de votre colis", "Livraison impossible"};
constexpr string_view kParcelBodies[] = {
    "{scam_opening}\n\nVotre colis n° {tracking} n'a pas pu être livré car des frais d'expédition de 1,99 € n'ont pas "
    "été "
    "réglés. {scam_action}\n{scam_pressure}\n\nService Client",
    "{scam_opening} votre colis est en attente au centre de tri. Confirmez votre adresse et payez les frais de douane "
    "(2,49 EUR). {scam_action} {scam_pressure}"};
constexpr string_view kAccountScamSubjects[] = {
    "Votre compte sera suspendu",  "Remboursement en attente",       "Alerte de sécurité sur votre compte",
    "Votre boîte mail est pleine", "Facture impayée - dernier avis", "Mise à jour de vos informations requise"};
constexpr string_view kAccountScamBodies[] = {
    "{scam_opening}\n\nNous avons détecté une activité inhabituelle sur votre compte. Pour éviter sa suspension, "
    "veuillez confirmer vos informations dans les 24 heures. {scam_action}\n{scam_pressure}\nLe service sécurité",
    "{scam_opening}\nVous avez droit à un remboursement de 248,50 €. Pour le recevoir, remplissez le formulaire. "
    "{scam_action}\nAssurance Maladie",
    "{scam_opening} votre espace de stockage est plein. Les nouveaux messages seront bloqués. {scam_action} "
    "{scam_pressure}",
    "{scam_opening} votre facture n° {invoice_number} reste impayée. {scam_action} {scam_pressure}"};
constexpr string_view kSeoSubjects[] = {"Votre site n'apparaît pas sur Google", "Des chantiers près de chez vous",
                                        "Augmentez votre visibilité en ligne",  "Partenariat",
                                        "Proposition pour {our_site}",          "Leads qualifiés pour artisans"};
constexpr string_view kSeoBodies[] = {
    "Bonjour,\n\nJ'ai consulté votre site {our_site} et j'ai remarqué qu'il n'apparaît pas en première page de Google "
    "pour "
    "« électricien {town} ». Nous pouvons vous aider à doubler vos demandes de devis en 3 mois. {marketing_hook} "
    "Êtes-vous disponible pour un appel de 15 minutes ?\n\n{full_name}\nConsultant SEO\n{unsubscribe}",
    "Bonjour,\nRecevez chaque semaine des demandes de travaux qualifiées dans votre secteur. {marketing_hook} Premier "
    "mois offert. Répondez OUI pour en savoir plus. {scam_pressure}\n{full_name}\n{unsubscribe}",
    "Bonjour, nous créons des sites internet pour artisans à partir de 49 €/mois, avec avis clients et prise de "
    "rendez-vous en ligne. {marketing_hook} Voulez-vous une démo ? {link}"};
constexpr string_view kForeignSpamSubjects[] = {"LED lighting supplier", "Business proposal", "Cooperation",
                                                "Re: quotation", "Best price cable"};
constexpr string_view kForeignSpamBodies[] = {
    "Dear Sir/Madam,\n\nWe are a leading manufacturer of LED lights and cables in Shenzhen with 15 years experience. "
    "We can offer best price and fast delivery. Please check our catalogue: {scam_link}\n\nBest regards,\nLily",
    "Dear friend, I have a business proposal of mutual benefit for you. Please reply for details. {scam_link}"};

// ---- everything else -----------------------------------------------------------------

constexpr string_view kOtherAsk[] = {
    "Électricien depuis {count} ans, je me permets de vous adresser ma candidature. {application_line}",
    "Je suis en seconde bac pro MELEC et je cherche une entreprise pour mon stage de {count} semaines à partir du "
    "{date}. "
    "Seriez-vous d'accord pour m'accueillir ?",
    "Mon fils est en 3e et doit faire un stage d'observation d'une semaine. Accepteriez-vous de le prendre ?",
    "Je cherche un contrat d'apprentissage en CAP électricien pour la rentrée. {application_line}",
    "Le club de football de {town} recherche des partenaires pour la saison prochaine. {community_line}",
    "L'école de {town} organise sa tombola annuelle. Accepteriez-vous d'offrir un lot ? {community_line}",
    "Je voulais vous remercier pour votre intervention rapide, tout fonctionne parfaitement.",
    "Merci à {colleague} pour son travail très soigné, nous vous recommanderons.",
    "Je viens de vous laisser un avis 5 étoiles sur Google, vous le méritez !",
    "Votre camionnette est garée devant mon portail tous les matins et je ne peux pas sortir ma voiture.",
    "Je crois que ce message ne vous était pas destiné, je vous le renvoie.",
    "Je voudrais prendre rendez-vous pour une coupe samedi matin.",
    "Vous vendez toujours la tondeuse de l'annonce ?",
    "Désolé, erreur de destinataire, merci de ne pas tenir compte de mon précédent message.",
    "On se voit toujours samedi pour le match ? Je ramène les crêpes.",
    "Des travaux de voirie auront lieu dans votre rue du {date} au {date2}. {notice_line}",
    "Une coupure d'électricité est programmée le {date} de {hour} à {hour2} pour des travaux sur le réseau. "
    "{notice_line}"};
constexpr string_view kOtherAskShort[] = {"merci pour tout, ça marche nickel", "vous prenez des stagiaires ?",
                                          "erreur de destinataire desole", "votre camion gêne la sortie de mon garage",
                                          "bravo à votre équipe"};
constexpr string_view kOtherContext[] = {"Je me permets de vous écrire.",
                                         "Je vous contacte de la part de {first_name2}.", ""};
constexpr string_view kOtherDetail[] = {"{application_line}", "{community_line}", "Bonne journée.", ""};
constexpr string_view kOtherSubject[] = {"Candidature spontanée",
                                         "Candidature électricien",
                                         "Demande de stage",
                                         "Recherche d'alternance",
                                         "Stage de 3e",
                                         "Partenariat saison {year_now}",
                                         "Tombola de l'école",
                                         "Demande de sponsoring",
                                         "Merci",
                                         "Remerciements",
                                         "Tout fonctionne",
                                         "Avis",
                                         "Stationnement",
                                         "Erreur",
                                         "Question",
                                         "rendez-vous"};
constexpr string_view kOtherTopic[] = {"Recrutement", "Contact", "Candidature", "Partenariat"};
constexpr string_view kApplicationLine[] = {
    "Vous trouverez mon CV en pièce jointe.", "Je suis motivé et disponible rapidement.",
    "J'ai mon permis B et je suis mobile sur tout le secteur.", "Je peux venir me présenter quand vous voulez."};
constexpr string_view kCommunityLine[] = {
    "Seriez-vous intéressés pour nous soutenir ?", "Votre logo figurerait sur nos supports.",
    "Merci d'avance pour votre générosité.", "Toutes les recettes iront aux enfants de l'école."};
constexpr string_view kNoticeLine[] = {
    "Ce message est une information, il n'appelle pas de réponse.", "Merci de votre compréhension.",
    "Nous vous prions de nous excuser pour la gêne occasionnée.",
    "Ce message est envoyé à toutes les entreprises de la commune.", "Plus d'informations sur le site de la mairie."};
constexpr PhraseTable kOtherContent[] = {
    {"ask", kOtherAsk},
    {"ask_short", kOtherAskShort},
    {"context", kOtherContext},
    {"detail", kOtherDetail},
    {"subject", kOtherSubject},
    {"topic", kOtherTopic},
    {"application_line", kApplicationLine},
    {"community_line", kCommunityLine},
    {"notice_line", kNoticeLine},
};

// Clubs, town halls, utilities and friends write their own way.
constexpr string_view kClubSubjects[] = {"Partenariat saison {year_now}", "Tombola de l'école", "Demande de sponsoring",
                                         "Soutien à notre association", "Forum des associations"};
constexpr string_view kClubBodies[] = {
    "Bonjour,\n\nLe club de football de {town} recherche des partenaires pour la saison prochaine (maillots, panneaux "
    "au stade). {community_line}\n\nSportivement,\n{full_name}, trésorier",
    "Bonjour,\nL'APE de l'école de {town} organise sa tombola annuelle. Accepteriez-vous d'offrir un lot ?\nMerci pour "
    "les enfants !\n{full_name}",
    "Bonjour,\nNotre association organise le fest-noz de {town} le {date}. Nous cherchons des commerçants et artisans "
    "pour nous soutenir (encart dans le programme). {community_line}\n{full_name}"};
constexpr string_view kNoticeSubjects[] = {"Travaux de voirie rue {street_name}", "Information mairie de {town}",
                                           "Invitation : cérémonie des vœux", "Enquête auprès des entreprises",
                                           "Réunion publique"};
constexpr string_view kNoticeBodies[] = {
    "Madame, Monsieur,\n\nDes travaux de réfection de la chaussée auront lieu du {date} au {date2}. La circulation "
    "sera "
    "alternée et le stationnement interdit. {notice_line}\n\nLe service technique de la mairie de {town}",
    "Bonjour,\nLe maire et le conseil municipal de {town} ont le plaisir de vous convier à la cérémonie des vœux aux "
    "acteurs économiques le {date} à {hour} à la salle polyvalente.",
    "Bonjour,\nLa communauté de communes réalise une enquête sur les besoins des entreprises du territoire. Merci de "
    "répondre au questionnaire en ligne : {link}\n{notice_line}"};
constexpr string_view kUtilitySubjects[] = {"Coupure d'électricité programmée", "Avis de travaux Enedis",
                                            "Information coupure d'eau", "Travaux sur le réseau"};
constexpr string_view kUtilityBodies[] = {
    "Madame, Monsieur,\n\nAfin d'améliorer la qualité de la distribution, des travaux entraîneront une coupure "
    "d'électricité le {date} de {hour} à {hour2} dans votre rue. {notice_line}\n\nEnedis",
    "Bonjour,\nUne coupure d'eau aura lieu le {date} entre {hour} et {hour2} pour des travaux sur le réseau. "
    "{notice_line}\nEau du Ponant"};
constexpr string_view kPersonalSubjects[] = {"samedi", "Match", "Barbecue", "Photos", "Nouvelles"};
constexpr string_view kPersonalBodies[] = {
    "Salut {boss}, c'est {first_name}, on se voit toujours samedi pour le match ? Je ramène les crêpes.",
    "Coucou, voici les photos du mariage, bisous à tous.\n{first_name}",
    "Salut, barbecue chez nous dimanche midi, tu viens avec la famille ?\n{first_name}"};

constexpr MailFamily kFamilies[] = {
    {MailCategory::newsletter_spam,
     "supplier_marketing",
     8,
     kLow,
     Sender::bulk,
     Writing::machine,
     kMarketingSubjects,
     kMarketingBodies,
     {},
     kBulkWords},
    {MailCategory::newsletter_spam,
     "webinar",
     6,
     kLow,
     Sender::bulk,
     Writing::machine,
     kWebinarSubjects,
     kWebinarBodies,
     {},
     kBulkWords},
    {MailCategory::newsletter_spam,
     "trade_press",
     6,
     kLow,
     Sender::bulk,
     Writing::machine,
     kPressSubjects,
     kPressBodies,
     {},
     kBulkWords},
    {MailCategory::newsletter_spam,
     "parcel_phishing",
     6,
     kLow,
     Sender::scam,
     Writing::plain,
     kParcelSubjects,
     kParcelBodies,
     {},
     kBulkWords},
    {MailCategory::newsletter_spam,
     "account_phishing",
     6,
     kLow,
     Sender::scam,
     Writing::plain,
     kAccountScamSubjects,
     kAccountScamBodies,
     {},
     kBulkWords},
    {MailCategory::newsletter_spam,
     "seo_offer",
     6,
     kLow,
     Sender::bulk,
     Writing::plain,
     kSeoSubjects,
     kSeoBodies,
     {},
     kBulkWords},
    {MailCategory::newsletter_spam,
     "english",
     1,
     kLow,
     Sender::scam,
     Writing::plain,
     kForeignSpamSubjects,
     kForeignSpamBodies,
     {},
     kBulkWords},

    styled(MailCategory::other, kFormalLetter, 6, kLow, kOtherContent),
    styled(MailCategory::other, kShortNote, 8, kLow, kOtherContent),
    styled(MailCategory::other, kWebForm, 4, kLow, kOtherContent),
    styled(MailCategory::other, kSms, 4, kLow, kOtherContent),
    {MailCategory::other,
     "club_and_school",
     6,
     kLow,
     Sender::institution,
     Writing::plain,
     kClubSubjects,
     kClubBodies,
     {},
     kOtherContent},
    {MailCategory::other,
     "town_notice",
     6,
     kLow,
     Sender::institution,
     Writing::careful,
     kNoticeSubjects,
     kNoticeBodies,
     {},
     kOtherContent},
    {MailCategory::other,
     "utility_notice",
     4,
     kLow,
     Sender::institution,
     Writing::machine,
     kUtilitySubjects,
     kUtilityBodies,
     {},
     kOtherContent},
    {MailCategory::other,
     "personal",
     4,
     kLow,
     Sender::person,
     Writing::hurried,
     kPersonalSubjects,
     kPersonalBodies,
     {},
     kOtherContent},
};

}  // namespace

std::span<const MailFamily> bulk_and_other_families() { return kFamilies; }

}  // namespace relais::synth::data
