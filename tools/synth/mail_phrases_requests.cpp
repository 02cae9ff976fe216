// Customers asking for work: quote requests, breakdowns, after-sales and
// complaints, maintenance appointments. Each category's content, then its
// families: the shared styles, and the ways of writing only it has.
#include "mail_phrases.h"
#include "mail_styles.h"

namespace relais::synth::data {
namespace {

using std::string_view;
using namespace styles;
constexpr auto kNormal = MailUrgency::normal;
constexpr auto kLow = MailUrgency::low;

// ---- quote requests ---------------------------------------------------------

constexpr string_view kQuoteAsk[] = {
    "Pourriez-vous me faire un devis pour {work} ?",
    "Je souhaiterais obtenir un devis pour {work}.",
    "Nous aimerions {work}, pouvez-vous nous établir un devis ?",
    "Serait-il possible d'avoir une proposition chiffrée pour {work_noun} ?",
    "Je cherche un électricien pour {work}.",
    "J'aurais besoin d'un devis concernant {work_noun}.",
    "Est-ce que vous pourriez passer pour {work} et me faire un prix ?",
    "Je voudrais un chiffrage pour {work_noun}.",
    "Combien me coûterait {work_noun} ?",
    "Nous envisageons {work_noun} et souhaiterions un devis.",
    "Pouvez-vous me chiffrer {work_noun} ?",
    "J'aimerais avoir une estimation pour {work}.",
    "Faites-vous {work_noun} ? Si oui je voudrais un devis.",
    "Je sollicite un devis pour {work_noun}.",
    "Nous voudrions faire {work_noun}, quel serait votre tarif ?",
    "Merci de m'envoyer un devis pour {work}.",
    "Il nous faudrait un devis pour {work_noun} assez vite.",
    "Pourriez-vous venir voir pour {work} et me dire combien ça coûterait ?",
    "Quel serait le prix pour {work} ?",
    "J'ai un projet : {work}. Pouvez-vous me faire une offre ?",
    "Nous souhaitons {work} et aimerions connaître le coût.",
    "Pouvez-vous établir un devis pour {common_work} ?",
    "Nous vous remercions de bien vouloir nous transmettre un devis pour {common_work}.",
    "Lors de la dernière assemblée générale, les copropriétaires ont voté {common_work}. Pourriez-vous établir une "
    "proposition ?",
    "Le conseil syndical souhaite un devis pour {common_work}, à présenter à l'assemblée du {date}.",
    "Merci de nous adresser votre meilleure offre pour {common_work}. Merci de joindre votre attestation décennale."};
constexpr string_view kQuoteAskShort[] = {"devis pour {work_noun} svp",
                                          "vous pouvez me faire un devis pour {work} ?",
                                          "combien pour {work_noun} ?",
                                          "je voudrais un devis {work_short}",
                                          "c'est pour un devis : {work_noun}",
                                          "besoin d'un devis pour {work} {where}",
                                          "vous faites {work_noun} ? c'est combien ?",
                                          "je voudrais un prix pour {work}"};
constexpr string_view kQuoteContext[] = {
    "Nous venons d'acheter une {dwelling} à {town}.",
    "Nous allons recevoir notre {car} le mois prochain.",
    "La maison date de {year} et l'électricité n'a jamais été refaite.",
    "Le diagnostic électrique fait pour la vente a relevé plusieurs anomalies.",
    "Nous rénovons une {dwelling} et les cloisons sont ouvertes en ce moment.",
    "Un voisin m'a donné votre nom.",
    "Je vous ai trouvé sur internet.",
    "Vous êtes intervenus chez ma mère l'an dernier.",
    "Nous faisons construire une extension de {size} m².",
    "Notre cuisine doit être posée le mois prochain.",
    "Nous louons un appartement et voulons le remettre en état entre deux locataires.",
    "Mon assurance me demande de faire vérifier l'installation.",
    "Nous avons emménagé il y a peu.",
    "L'électricité de la maison est d'origine.",
    "Notre local va être réaménagé.",
    "Nos factures d'électricité explosent.",
    "Nous attendons un bébé et voulons sécuriser la maison.",
    ""};
constexpr string_view kQuoteDetailLine[] = {"La maison fait {size} m² sur deux niveaux.",
                                            "Le compteur est un Linky, abonnement {kva} kVA.",
                                            "Le garage est à une quinzaine de mètres du tableau.",
                                            "Je peux vous envoyer des photos du tableau actuel.",
                                            "Il faudrait prévoir {count} prises de plus.",
                                            "Les murs sont en pierre, ce sera peut-être compliqué.",
                                            "Les plafonds sont en lambris.",
                                            "Nous avons déjà acheté les luminaires.",
                                            "Le tableau est dans le garage.",
                                            "Il y a encore des fusibles en porcelaine.",
                                            "La voiture dort dans l'allée, pas de garage.",
                                            "Le vide sanitaire est accessible.",
                                            "L'abri de jardin est au fond du terrain, à {count}0 mètres environ.",
                                            "Les combles sont aménageables.",
                                            "Le local fait {size} m².",
                                            "Les plans sont en pièce jointe.",
                                            "Nous avons un budget d'environ {amount}."};
constexpr string_view kQuoteAid[] = {"Est-ce que ces travaux ouvrent droit à MaPrimeRénov' ?",
                                     "Êtes-vous RGE ?",
                                     "Peut-on bénéficier de la TVA à 5,5 % ?",
                                     "Il existe une prime pour les bornes, pouvez-vous vous en occuper ?",
                                     "Pouvez-vous indiquer les aides possibles sur le devis ?",
                                     "Êtes-vous qualifiés IRVE ?"};
constexpr string_view kQuoteVisit[] = {"Pouvez-vous passer voir sur place ?",
                                       "Quand pourriez-vous venir faire un métré ?",
                                       "{availability}",
                                       "Je suis disponible pour une visite {weekday} {daypart}.",
                                       "Merci de me proposer un créneau pour une visite.",
                                       "Le plus simple serait que vous veniez voir."};
constexpr string_view kQuotePressing[] = {
    "Ce serait à faire avant le {date} car nous emménageons.{urgent}",
    "C'est assez pressé, la vente est signée le {date}.{urgent}",
    "Le Consuel doit passer la semaine prochaine, il faudrait que ce soit fait avant.{urgent}",
    "Les plaquistes arrivent lundi, il faudrait passer avant.{urgent}",
    "Nous ouvrons le {date}, il faut que ce soit prêt.{urgent}",
    "Nous aimerions que les travaux soient faits rapidement.",
    "Idéalement avant l'hiver.",
    "Rien d'urgent, c'est pour le printemps prochain.{low}",
    "Nous n'en sommes qu'au début du projet, c'est pour avoir une idée du budget.{low}",
    "Pas pressé, quand vous aurez le temps.{low}",
    "Ce serait pour l'année prochaine.{low}"};
constexpr string_view kQuoteDetail[] = {"{quote_detail_line}",
                                        "{quote_pressing}",
                                        "{quote_aid}",
                                        "{quote_visit}",
                                        "{quote_detail_line} {quote_pressing}",
                                        "{quote_detail_line} {quote_visit}",
                                        ""};
constexpr string_view kQuoteSubject[] = {"Demande de devis",
                                         "Demande de devis",
                                         "Devis {@work_short}",
                                         "demande de devis {@work_short}",
                                         "Devis",
                                         "Projet {@work_short}",
                                         "Estimation travaux électricité",
                                         "{@work_short}",
                                         "Demande de prix",
                                         "devis svp",
                                         "Demande de chiffrage",
                                         "Travaux électriques",
                                         "Devis travaux {town}",
                                         "Demande d'information et devis",
                                         "Projet de rénovation",
                                         "Question devis {@work_short}",
                                         "Proposition de prix",
                                         "Chiffrage {@work_short}"};
constexpr string_view kQuoteTopic[] = {"Demande de devis", "Devis", "Contact", "Projet"};
// What property managers, shops and firms want done.
constexpr string_view kCommonWork[] = {
    "le remplacement des luminaires des parties communes par des LED avec détecteurs de présence",
    "la mise en conformité du tableau des services généraux",
    "l'installation d'un visiophone pour les {count}0 logements",
    "l'installation de bornes de recharge dans le parking souterrain",
    "le remplacement des blocs de secours",
    "l'éclairage du parking extérieur",
    "la motorisation du portail d'accès",
    "le remplacement de la minuterie de l'escalier",
    "la pré-installation pour bornes de recharge",
    "le contrôle de l'installation électrique des caves",
    "la rénovation de l'éclairage de la boutique en LED",
    "l'ajout de prises pour les équipements de la cuisine",
    "deux bornes de recharge pour nos véhicules de service",
    "le passage du local en triphasé pour un nouveau four",
    "la mise aux normes avant le passage de la commission de sécurité",
    "le câblage des bureaux en RJ45",
    "une alarme anti-intrusion",
    "l'éclairage du parking clients",
    "la climatisation des bureaux",
    "une enseigne lumineuse",
    "la réfection du tableau de l'atelier",
    "l'alimentation d'une chambre froide"};
// English speakers in Brittany pick up the French words of the trade.
constexpr string_view kQuoteEnglishAsk[] = {
    "We would like a quote (devis) for {en_work}.", "Could you give us a devis to {en_work_verb}?",
    "We are looking for an electrician for {en_work}. Could you come and have a look and send us a devis?",
    "How much would it cost to {en_work_verb}? The house is about {size} m².",
    "We need a devis for the {work_short} please."};
constexpr string_view kEnglishWork[] = {"a charging point for our electric car",
                                        "rewiring the whole house",
                                        "a new consumer unit",
                                        "outdoor lighting in the garden",
                                        "electric heaters in the bedrooms",
                                        "solar panels on the barn roof",
                                        "extra sockets in the kitchen",
                                        "a ventilation system in the bathroom"};
constexpr string_view kEnglishWorkVerb[] = {"install a car charger", "rewire the house", "replace the fuse box",
                                            "add sockets in the kitchen", "install electric heating"};
constexpr string_view kQuoteEnglishSubject[] = {"Quote request", "Electrical work", "Request for a quote",
                                                "Quote for electrical work", "Devis / quote"};

constexpr PhraseTable kQuoteContent[] = {
    {"ask", kQuoteAsk},
    {"ask_short", kQuoteAskShort},
    {"context", kQuoteContext},
    {"detail", kQuoteDetail},
    {"subject", kQuoteSubject},
    {"topic", kQuoteTopic},
    {"en_ask", kQuoteEnglishAsk},
    {"en_subject", kQuoteEnglishSubject},
    {"quote_detail_line", kQuoteDetailLine},
    {"quote_aid", kQuoteAid},
    {"quote_visit", kQuoteVisit},
    {"quote_pressing", kQuotePressing},
    {"common_work", kCommonWork},
    {"en_work", kEnglishWork},
    {"en_work_verb", kEnglishWorkVerb},
};

// A tender from an architect: only quote requests come this way.
constexpr string_view kTenderSubjects[] = {
    "Consultation lot électricité - {tender_site}", "Appel d'offres : {tender_site}",
    "DCE lot 11 courants forts/faibles", "Consultation entreprises - {tender_site}", "Demande de prix lot électricité"};
constexpr string_view kTenderBodies[] = {
    "Bonjour,\n\nNous sommes maître d'œuvre pour {tender_site} à {town} et consultons des entreprises pour le lot "
    "électricité courants forts et faibles.\nVous trouverez le dossier de consultation (CCTP, DPGF et plans) en "
    "téléchargement : {link}\nRemise des offres avant le {date}. Visite du site possible sur rendez-vous.\n\n"
    "Cordialement,\n{full_name}\nArchitecte - Atelier {surname2}",
    "Madame, Monsieur,\n\nDans le cadre de {tender_site}, merci de nous faire parvenir votre meilleur prix pour le "
    "lot électricité, sur la base du DPGF joint. Démarrage prévisionnel des travaux : {month}. {quote_detail_line}\n\n"
    "Bien cordialement,\n{full_name}\nBureau d'études {surname2} Ingénierie"};
constexpr string_view kTenderSite[] = {
    "la rénovation d'une maison individuelle", "l'extension de l'école maternelle",
    "la construction de 6 logements",          "l'aménagement d'une cellule commerciale",
    "la réhabilitation d'une longère",         "la rénovation de la salle des fêtes"};
constexpr PhraseTable kTenderWords[] = {{"tender_site", kTenderSite}};

// ---- breakdowns ---------------------------------------------------------------

// What broke, as a clause: "nous signale que {fault}", "{since}, {fault}".
constexpr string_view kFault[] = {
    "on n'a plus de courant du tout dans la maison{urgent}",
    "ça sent le brûlé au niveau du tableau électrique{urgent}",
    "une prise a fondu et il y a des traces noires autour{urgent}",
    "il y a eu des étincelles quand j'ai branché le radiateur{urgent}",
    "le disjoncteur général saute sans arrêt et on ne peut plus le réarmer{urgent}",
    "de l'eau a coulé dans le tableau après une fuite chez le voisin du dessus{urgent}",
    "le congélateur est coupé depuis hier, on va perdre tout ce qu'il y a dedans{urgent}",
    "le compteur fait des claquements et il y a une odeur de plastique chaud{urgent}",
    "une prise de la cuisine chauffe énormément, on ne peut plus la toucher{urgent}",
    "le câble de la borne de recharge a fondu{urgent}",
    "le différentiel disjoncte dès qu'il pleut et on se retrouve dans le noir{urgent}",
    "plus de chauffage du tout et il fait 12 degrés dans la maison{urgent}",
    "de la fumée est sortie d'un interrupteur{urgent}",
    "un fil dénudé pend du plafond dans la chambre des enfants{urgent}",
    "on prend des petites décharges en touchant le robinet de la douche{urgent}",
    "toutes les parties communes sont privées de courant{urgent}",
    "la porte du parking ne s'ouvre plus et bloque les voitures{urgent}",
    "la chambre froide s'est arrêtée cette nuit{urgent}",
    "le four du fournil disjoncte à chaque démarrage{urgent}",
    "la caisse et le terminal de paiement n'ont plus de courant{urgent}",
    "le rideau métallique électrique est bloqué en position fermée{urgent}",
    "le disjoncteur de la cuisine saute dès qu'on lance le four et la plaque en même temps",
    "la moitié des prises du salon ne fonctionnent plus",
    "les volets roulants électriques ne répondent plus",
    "la VMC ne tourne plus",
    "le chauffe-eau ne chauffe plus, nous n'avons plus d'eau chaude",
    "les lumières du couloir clignotent",
    "le radiateur de la salle de bain ne chauffe plus",
    "l'interphone ne sonne plus",
    "la sonnette ne fonctionne plus",
    "la borne de recharge affiche un voyant rouge et ne charge plus",
    "l'éclairage extérieur ne s'allume plus",
    "le portail électrique ne s'ouvre plus",
    "le différentiel saute une ou deux fois par semaine sans raison",
    "la hotte ne fonctionne plus",
    "le spot de la salle de bain ne s'allume plus même avec une ampoule neuve",
    "la pompe de relevage ne se déclenche plus",
    "le détecteur de fumée sonne sans arrêt",
    "le thermostat ne commande plus les radiateurs",
    "un interrupteur ne fait plus rien",
    "les plombs sautent quand on allume le lave-linge",
    "les prises de l'étage sont mortes",
    "le plafonnier de la cuisine s'allume tout seul",
    "le cumulus fait disjoncter toute la maison la nuit",
    "l'éclairage de la cage d'escalier ne fonctionne plus",
    "les blocs de secours du sous-sol sont en défaut",
    "la VMC collective est à l'arrêt",
    "la minuterie de l'escalier ne fonctionne plus",
    "la vitrine réfrigérée est en panne, le disjoncteur a sauté",
    "les néons de l'atelier clignotent et s'éteignent",
    "le compresseur fait sauter le disjoncteur",
    "la pompe à chaleur s'est mise en défaut",
    "une prise de la chambre d'amis ne marche plus, ce n'est pas pressé{low}",
    "le voyant du télérupteur ne s'allume plus mais tout marche{low}",
    "le minuteur de l'éclairage de la cave est déréglé{low}",
    "l'applique du garage grésille un peu{low}",
    "l'enseigne lumineuse ne s'allume plus{low}",
    "l'éclairage du parking reste allumé jour et nuit{low}"};
constexpr string_view kFaultContext[] = {"C'est arrivé après l'orage de cette nuit.",
                                         "Ça a commencé quand on a branché le nouveau sèche-linge.",
                                         "Nous avons fait changer le ballon d'eau chaude le mois dernier.",
                                         "Le problème revient régulièrement depuis l'hiver.",
                                         "Enedis est passé changer le compteur la semaine dernière.",
                                         "Il y a eu une coupure de courant dans le quartier.",
                                         "Nous avons fait des travaux de peinture récemment.",
                                         ""};
constexpr string_view kFaultTried[] = {"J'ai essayé de réarmer le disjoncteur mais il redescend aussitôt.",
                                       "J'ai débranché tous les appareils un par un, sans résultat.",
                                       "J'ai vérifié les fusibles, ils ont l'air bons.",
                                       "Mon voisin est venu voir mais il ne trouve pas d'où ça vient.",
                                       "J'ai coupé le courant au disjoncteur général par précaution.{urgent}",
                                       "J'ai remis le disjoncteur, ça a tenu une heure.",
                                       "J'ai changé l'ampoule, ce n'est pas ça.",
                                       "Nous avons vérifié le tableau sans rien trouver."};
constexpr string_view kFaultPlea[] = {"Pouvez-vous intervenir rapidement ?",
                                      "Est-ce que quelqu'un peut passer aujourd'hui ?{urgent}",
                                      "Pourriez-vous m'envoyer un technicien ?",
                                      "Quand pourriez-vous passer ?",
                                      "Merci de me rappeler dès que possible, c'est urgent.{urgent}",
                                      "Il faudrait que quelqu'un vienne voir cette semaine.",
                                      "Pouvez-vous envoyer un électricien {soon} ?",
                                      "Avez-vous une disponibilité pour un dépannage ?",
                                      "Est-il possible d'avoir une intervention avant le week-end ?",
                                      "Merci de me dire quand vous pouvez venir.",
                                      "Il faut un dépannage {soon}."};
constexpr string_view kFaultImpact[] = {"J'ai un bébé de trois mois à la maison.{urgent}",
                                        "Ma mère est âgée et dort dans un lit médicalisé électrique.{urgent}",
                                        "Je suis sous oxygène à domicile.{urgent}",
                                        "Nous partons en vacances samedi.",
                                        "Je télétravaille et je n'ai plus internet.",
                                        "Les enfants ont froid.{urgent}",
                                        "Nous ne pouvons pas ouvrir ce matin.{urgent}",
                                        "Toute la marchandise risque d'être perdue.{urgent}",
                                        "Les résidents sont dans le noir.",
                                        "On travaille à la lampe frontale.",
                                        "Ce n'est pas bloquant mais c'est gênant."};
constexpr string_view kSinceCap[] = {"Depuis ce matin",    "Depuis hier soir", "Depuis deux jours",
                                     "Depuis le week-end", "Depuis l'orage",   "Depuis quelques jours",
                                     "Ce matin",           "Cette nuit"};
constexpr string_view kBreakdownAsk[] = {
    "{since_cap}, {@fault}. {fault_plea}",
    "Je vous contacte car {since} {@fault}. {fault_plea}",
    "Je vous écris car {@fault}. {fault_tried} {fault_plea}",
    "Nous avons un problème : {@fault}. {fault_plea}",
    "Panne chez nous : {@fault}. {fault_plea}",
    "{since_cap}, {@fault} et je ne sais pas quoi faire. {fault_plea}",
    "Pouvez-vous venir dépanner ? {since_cap}, {@fault}.",
    "Le gardien nous signale que {@fault}. Merci d'intervenir {soon} et de nous adresser votre bon d'intervention.",
    "Plusieurs copropriétaires nous informent que {@fault}. {fault_impact} Pouvez-vous passer {soon} ?",
    "Nous vous demandons une intervention : {@fault}. {fault_plea}"};
constexpr string_view kBreakdownAskShort[] = {"{@fault} vous pouvez passer ?",
                                              "{since} {@fault}, c'est urgent{urgent}",
                                              "panne : {@fault} rappelez moi svp",
                                              "{@fault} qqn peut venir aujourd'hui ?{urgent}",
                                              "{@fault} dispo quand ?",
                                              "{@fault} merci de me rappeler"};
constexpr string_view kBreakdownDetail[] = {
    "{fault_context}", "{fault_tried}", "{fault_impact}", "{fault_tried} {fault_impact}", "{reach_me}", ""};
constexpr string_view kBreakdownSubject[] = {"Panne",
                                             "Panne électrique",
                                             "Dépannage",
                                             "Problème électrique",
                                             "Demande d'intervention",
                                             "Besoin d'un électricien",
                                             "panne courant",
                                             "Problème disjoncteur",
                                             "Intervention",
                                             "Dépannage svp",
                                             "Panne à {town}",
                                             "SOS",
                                             "Urgent{urgent}",
                                             "Panne {fault_short}",
                                             "{fault_short}",
                                             "{fault_short} en panne",
                                             "Plus de {fault_short}"};
constexpr string_view kFaultShort[] = {"électricité", "chauffage", "eau chaude", "VMC",     "volets",  "borne",
                                       "prises",      "éclairage", "interphone", "portail", "tableau", "courant"};
constexpr string_view kBreakdownTopic[] = {"Dépannage", "Demande d'intervention", "Contact", "Urgence{urgent}"};
constexpr string_view kBreakdownEnglishAsk[] = {
    "{en_fault}. Could someone come and have a look?",
    "{en_fault} since this morning. Can you send an electrician today?{urgent}",
    "{en_fault}. Please call me back as soon as possible.", "{en_fault} since the storm. When could you come?",
    "We have a panne: {en_fault}. We need a dépannage please."};
constexpr string_view kEnglishFault[] = {"We have no power in half of the house",
                                         "There is a burning smell coming from the fuse box{urgent}",
                                         "The main switch keeps tripping every time we use the oven",
                                         "Our hot water tank has stopped heating",
                                         "The disjoncteur keeps tripping and we have no courant in the kitchen",
                                         "The chauffe-eau has stopped working",
                                         "The electric shutters are stuck",
                                         "A socket in the kitchen sparked and went black{urgent}",
                                         "The heating does not work at all and it is freezing{urgent}",
                                         "The outside lights do not come on any more{low}"};
constexpr string_view kBreakdownEnglishSubject[] = {"Power problem", "Electrical fault", "Urgent - no power{urgent}",
                                                    "Help needed", "Breakdown"};

constexpr PhraseTable kBreakdownContent[] = {
    {"ask", kBreakdownAsk},
    {"ask_short", kBreakdownAskShort},
    {"context", kFaultContext},
    {"detail", kBreakdownDetail},
    {"subject", kBreakdownSubject},
    {"topic", kBreakdownTopic},
    {"en_ask", kBreakdownEnglishAsk},
    {"en_subject", kBreakdownEnglishSubject},
    {"fault", kFault},
    {"fault_context", kFaultContext},
    {"fault_tried", kFaultTried},
    {"fault_plea", kFaultPlea},
    {"fault_impact", kFaultImpact},
    {"fault_short", kFaultShort},
    {"since_cap", kSinceCap},
    {"en_fault", kEnglishFault},
};

// A customer in a panic, and a tenant or landlord: ways only breakdowns have.
constexpr string_view kPanicSubjects[] = {"URGENT !!!{urgent}",
                                          "Urgent panne{urgent}",
                                          "Panne de courant",
                                          "SOS électricité{urgent}",
                                          "plus de courant !!",
                                          "{subject}",
                                          "Besoin d'un électricien en urgence{urgent}"};
constexpr string_view kPanicBodies[] = {"{hello_casual}\n{@fault} !! {fault_plea} {reach_me}\n{first_name}",
                                        "{@fault}. {fault_impact} {fault_plea}\n{mobile}",
                                        "{hello_casual}, {@fault}, {fault_plea} merci\n{full_name}\n{mobile}"};
constexpr string_view kTenantSubjects[] = {"{subject}", "Panne logement {street}", "Problème électrique appartement",
                                           "Dépannage logement locataire"};
constexpr string_view kTenantBodies[] = {
    "Bonjour,\nJe suis locataire d'un appartement au {street} à {town} et {@fault}. Mon propriétaire, "
    "{civility_short} {surname2}, m'a dit de vous contacter directement. {fault_plea}\n{reach_me}\nMerci\n{full_name}",
    "Bonjour,\nMon locataire m'informe que {@fault} dans le logement que je loue au {street} à {town}. Pouvez-vous le "
    "contacter au {mobile2} pour convenir d'un passage ? La facture sera à mon nom.\n{bye_formal}\n{full_name}"};

// ---- after-sales and complaints --------------------------------------------------

constexpr string_view kInstalled[] = {"le tableau électrique que vous avez remplacé",
                                      "la borne de recharge que vous avez installée",
                                      "la VMC que vous avez posée",
                                      "les spots que votre technicien a installés",
                                      "les radiateurs que vous avez posés",
                                      "le chauffe-eau que vous avez changé",
                                      "l'interphone que vous avez installé",
                                      "les prises ajoutées dans la cuisine",
                                      "le visiophone posé le mois dernier",
                                      "la motorisation du portail",
                                      "le disjoncteur que vous avez changé",
                                      "la pompe à chaleur installée cet été",
                                      "le détecteur de présence de l'entrée",
                                      "les détecteurs de présence posés dans les parties communes",
                                      "les blocs de secours remplacés en mars",
                                      "la minuterie que vous avez changée"};
constexpr string_view kInstalledCap[] = {"Le tableau que vous avez remplacé",
                                         "La borne de recharge",
                                         "La VMC",
                                         "Les spots",
                                         "Le radiateur du salon",
                                         "Le chauffe-eau neuf",
                                         "L'interphone",
                                         "Le volet motorisé",
                                         "Le disjoncteur neuf",
                                         "La pompe à chaleur",
                                         "Le visiophone du bâtiment A",
                                         "L'éclairage du parking"};
constexpr string_view kDefect[] = {"ne fonctionne déjà plus",
                                   "fait un bruit anormal",
                                   "affiche un code erreur",
                                   "s'arrête tout seul plusieurs fois par jour",
                                   "ne chauffe pas correctement",
                                   "n'a jamais vraiment bien marché",
                                   "fait de nouveau sauter le disjoncteur",
                                   "chauffe anormalement{urgent}",
                                   "grésille quand on l'allume",
                                   "se déclenche sans raison",
                                   "ne répond plus à la télécommande",
                                   "est tombé en panne au bout de trois semaines",
                                   "coupe la lumière au bout de 30 secondes",
                                   "clignote depuis la pose"};
constexpr string_view kDamage[] = {"votre technicien a laissé des traces de perçage sur le mur du salon",
                                   "une plinthe a été abîmée pendant les travaux",
                                   "il reste des gravats dans le garage",
                                   "le cache de la prise est posé de travers",
                                   "les saignées n'ont pas été rebouchées comme convenu",
                                   "le faux plafond a été taché",
                                   "la porte du tableau ne ferme plus",
                                   "le carrelage a été fissuré en posant la prise"};
constexpr string_view kDelay[] = {"J'attends toujours le technicien qui devait revenir finir les travaux.",
                                  "Cela fait trois semaines que j'attends le retour promis.",
                                  "Personne n'est venu au rendez-vous du {past_date} et personne ne m'a prévenu.",
                                  "On m'avait promis un rappel qui n'est jamais venu.",
                                  "Le chantier est arrêté depuis un mois sans explication.",
                                  "J'ai appelé trois fois et on me dit toujours que quelqu'un va me rappeler."};
constexpr string_view kBillingComplaint[] = {
    "La facture {invoice_number} indique 4 heures de main-d'œuvre alors que votre technicien est resté 1h30.",
    "Le montant facturé ({amount}) ne correspond pas au devis que j'ai signé.",
    "On me facture un déplacement qui n'était pas prévu.",
    "Le matériel facturé n'est pas celui qui a été posé.",
    "Je conteste la facture {invoice_number} : le travail n'est pas terminé.",
    "Vous me facturez une deuxième intervention alors que c'était pour reprendre votre propre erreur."};
constexpr string_view kDemand[] = {"Je vous demande de repasser pour corriger cela.",
                                   "Merci de faire le nécessaire dans le cadre de la garantie.",
                                   "J'attends un geste commercial.",
                                   "Je souhaite que ce soit repris sans frais.",
                                   "Merci de me dire quand vous pouvez revenir.",
                                   "Je vous demande de revoir la facture.",
                                   "Je souhaite être rappelé par le responsable.",
                                   "Merci d'intervenir au titre de la garantie de parfait achèvement.",
                                   "Pouvez-vous repasser voir ?"};
constexpr string_view kComplaintReference[] = {"(intervention du {past_date}, facture {invoice_number})",
                                               "(votre devis {quote_number})", "(dossier {ticket_number})", ""};
constexpr string_view kDissatisfaction[] = {"Je suis très déçu.",
                                            "Je ne suis pas du tout satisfait du travail.",
                                            "C'est inadmissible.",
                                            "Je suis un peu déçue car tout s'était bien passé jusque-là.",
                                            "Sinon le reste est très bien.",
                                            "Ce n'est pas ce qu'on attend d'un professionnel.",
                                            "Je suis mécontent."};
constexpr string_view kAngryThreat[] = {"Sans réponse sous 8 jours, je laisserai un avis sur Google.",
                                        "Je vais contacter une association de consommateurs.",
                                        "Je ne paierai pas le solde tant que ce n'est pas réglé.",
                                        "J'attends un appel aujourd'hui.{urgent}",
                                        "Je vais faire appel à une autre entreprise et vous envoyer la facture."};
constexpr string_view kPastWork[] = {"changer le tableau",
                                     "installer la borne",
                                     "poser la VMC",
                                     "remplacer le chauffe-eau",
                                     "poser les radiateurs",
                                     "installer les spots",
                                     "faire la mise aux normes",
                                     "réparer le disjoncteur",
                                     "installer l'interphone",
                                     "refaire l'éclairage des parties communes"};
constexpr string_view kAfterSalesAsk[] = {
    "Suite à votre intervention {past_day} {complaint_reference}, je constate que {installed} {defect}. {demand}",
    "{installed_cap} {defect} depuis votre passage. {demand}",
    "Vous êtes venus {past_day} pour {past_work} mais {installed} {defect}. {demand}",
    "{delay} {demand}",
    "{billing_complaint} {demand}",
    "Les travaux sont terminés mais {damage}. {demand}",
    "Petit souci depuis votre passage : {installed} {defect}. Pouvez-vous repasser voir ?",
    "Je reviens vers vous car {damage}. {dissatisfaction} {demand}",
    "Suite aux travaux réalisés dans la résidence, plusieurs copropriétaires nous signalent que {installed} {defect}. "
    "{demand}",
    "Le conseil syndical constate que {damage}. {dissatisfaction} {demand}"};
constexpr string_view kAfterSalesAskShort[] = {
    "{installed_short} marche toujours pas depuis votre passage, vous repassez quand ?",
    "tjrs pas de nouvelles pour finir les travaux",
    "{installed} {defect}. vous pouvez revenir ?",
    "la facture est fausse, rappelez moi",
    "toujours en panne depuis votre intervention",
    "pas content du travail, {damage}",
    "c'est encore sous garantie ? {installed} {defect}",
    "votre technicien devait revenir et toujours personne"};
constexpr string_view kAfterSalesContext[] = {"{complaint_reference}", "{dissatisfaction}", ""};
constexpr string_view kAfterSalesDetail[] = {"{dissatisfaction}", "{angry_threat}", "{damage_sentence}",
                                             "{availability}", ""};
constexpr string_view kDamageSentence[] = {"En plus, {damage}.", "Et {damage}."};
constexpr string_view kAfterSalesSubject[] = {"Réclamation",
                                              "Problème suite à votre intervention",
                                              "SAV",
                                              "Réclamation facture {invoice_number}",
                                              "Suite intervention du {past_date}",
                                              "Toujours en panne",
                                              "Mécontentement",
                                              "Re: votre intervention",
                                              "Garantie {installed_short}",
                                              "{installed_short} en panne depuis votre passage",
                                              "Retour sur travaux",
                                              "[{ticket_number}] suite",
                                              "Problème après travaux",
                                              "Malfaçon",
                                              "Travaux non terminés",
                                              "Contestation facture"};
constexpr string_view kInstalledShort[] = {"tableau",         "borne",     "VMC",        "chauffe-eau",
                                           "radiateurs",      "spots",     "interphone", "portail",
                                           "pompe à chaleur", "minuterie", "visiophone"};
constexpr string_view kAfterSalesTopic[] = {"Réclamation", "SAV", "Contact", "Suivi de chantier"};
constexpr string_view kAfterSalesEnglishAsk[] = {
    "The charging point you installed stopped working after a week. Could you please come back to fix it?",
    "Since your intervention the {installed_short} {defect}. We would like a réclamation under the garantie.",
    "We are not happy with the travaux: {damage}. Please come back.",
    "The new fuse box keeps tripping again since your visit. We would like this sorted under warranty.",
    "The invoice does not match the quote we signed. Please call me to discuss.",
    "Nobody came back to finish the job as promised. Could you please tell us when you will come?"};
constexpr string_view kAfterSalesEnglishSubject[] = {"Problem after your visit", "Complaint", "Still not working",
                                                     "Invoice {invoice_number}"};

constexpr PhraseTable kAfterSalesContent[] = {
    {"ask", kAfterSalesAsk},
    {"ask_short", kAfterSalesAskShort},
    {"context", kAfterSalesContext},
    {"detail", kAfterSalesDetail},
    {"subject", kAfterSalesSubject},
    {"topic", kAfterSalesTopic},
    {"en_ask", kAfterSalesEnglishAsk},
    {"en_subject", kAfterSalesEnglishSubject},
    {"installed", kInstalled},
    {"installed_cap", kInstalledCap},
    {"installed_short", kInstalledShort},
    {"defect", kDefect},
    {"damage", kDamage},
    {"damage_sentence", kDamageSentence},
    {"delay", kDelay},
    {"billing_complaint", kBillingComplaint},
    {"demand", kDemand},
    {"complaint_reference", kComplaintReference},
    {"dissatisfaction", kDissatisfaction},
    {"angry_threat", kAngryThreat},
    {"past_work", kPastWork},
};

// An angry customer: a way only complaints have.
constexpr string_view kAngryBodies[] = {
    "{angry_opening} {delay} {angry_threat}\n{full_name}",
    "{angry_opening}\n{installed_cap} {defect} et {delay_lower} {angry_threat}\n{surname_caps}"};
constexpr string_view kAngryOpening[] = {"Je suis furieux.", "Toujours rien !!",
                                         "C'est la troisième fois que je vous écris.", "Je commence à perdre patience.",
                                         "Franchement c'est n'importe quoi."};
constexpr string_view kDelayLower[] = {"personne ne rappelle.", "j'attends toujours votre technicien.",
                                       "on me balade depuis des semaines."};
constexpr PhraseTable kAngryWords[] = {{"angry_opening", kAngryOpening}, {"delay_lower", kDelayLower}};

// ---- maintenance appointments -----------------------------------------------------

constexpr string_view kEquipment[] = {"la VMC",
                                      "la VMC double flux",
                                      "la pompe à chaleur",
                                      "la climatisation",
                                      "le chauffe-eau thermodynamique",
                                      "la borne de recharge",
                                      "l'alarme",
                                      "le portail motorisé",
                                      "les panneaux photovoltaïques",
                                      "l'onduleur",
                                      "la ventilation",
                                      "les radiateurs",
                                      "le tableau électrique"};
constexpr string_view kEquipmentOf[] = {"de la VMC",
                                        "de la VMC double flux",
                                        "de la pompe à chaleur",
                                        "de la climatisation",
                                        "du chauffe-eau thermodynamique",
                                        "de la borne de recharge",
                                        "de l'alarme",
                                        "du portail motorisé",
                                        "des panneaux photovoltaïques",
                                        "de l'onduleur",
                                        "de la ventilation",
                                        "des radiateurs",
                                        "du tableau électrique",
                                        "des blocs de secours",
                                        "de l'installation électrique",
                                        "des bornes de recharge du parking"};
constexpr string_view kMaintenanceKind[] = {
    "l'entretien annuel", "la visite d'entretien",    "le contrôle annuel",
    "la révision",        "le nettoyage des filtres", "la vérification périodique",
    "l'entretien",        "la visite de maintenance", "la visite semestrielle"};
constexpr string_view kSlot[] = {"le {weekday} {daypart}",   "le {date} à {hour}",   "n'importe quel jour après {hour}",
                                 "plutôt en fin de semaine", "la semaine du {date}", "le {date}",
                                 "un {weekday} matin"};
constexpr string_view kMaintenanceContext[] = {"Nous avons un contrat d'entretien avec vous.", "Comme chaque année,",
                                               "Votre technicien passe tous les ans.",
                                               "Nous avons reçu votre courrier de rappel.", ""};
constexpr string_view kContract[] = {"dans le cadre de notre contrat d'entretien", "comme chaque année",
                                     "comme prévu au contrat", "", "(contrat {contract_number})"};
constexpr string_view kMaintenanceAsk[] = {
    "C'est bientôt l'heure de {maintenance_kind} {equipment_of} {contract}. Pourriez-vous me proposer un rendez-vous ?",
    "Je souhaiterais programmer {maintenance_kind} {equipment_of}. Je suis disponible {slot}.",
    "Suite à votre courrier pour {maintenance_kind} {equipment_of}, je vous confirme que je suis disponible {slot}.",
    "Je ne serai pas disponible le {date} pour le rendez-vous d'entretien {equipment_of}. Serait-il possible de le "
    "décaler {slot} ?",
    "L'an dernier vous étiez venus pour {maintenance_kind} {equipment_of}, est-ce qu'on peut prévoir la même chose "
    "cette année ?",
    "Pouvez-vous passer pour {maintenance_kind} {equipment_of} {slot} ?",
    "J'ai bien reçu votre rappel pour l'entretien {equipment_of}. Vous pouvez passer {slot}.",
    "Merci de planifier la visite {periodicity} {equipment_of} {contract}.",
    "Dans le cadre du contrat d'entretien de la résidence, merci de nous proposer une date pour {maintenance_kind} "
    "{equipment_of}.",
    "La visite {periodicity} {equipment_of} arrive à échéance. Pouvez-vous nous proposer une date ?"};
constexpr string_view kMaintenanceAskShort[] = {"ok pour {slot} pour l'entretien",
                                                "c'est bon pour le {date} à {hour} pour {equipment}",
                                                "je confirme le rdv du {date} pour l'entretien",
                                                "rdv entretien {equipment_short} possible {slot} ?",
                                                "ok pour l'entretien {equipment_of} {slot}, je serai là",
                                                "on peut decaler l'entretien de {equipment_short} ?"};
constexpr string_view kMaintenanceDetail[] = {"{availability}", "Je suis disponible {slot}.", "{contract_access}",
                                              "Désolé pour le contretemps.", ""};
constexpr string_view kContractAccess[] = {"Merci de vous présenter à l'accueil.", "Le site est ouvert de 7h à 17h.",
                                           "Prévoir le rapport de vérification.", "Merci de prévenir 48 h avant.",
                                           "Le code du portail est {count}{count}{count}{count}."};
constexpr string_view kMaintenanceSubject[] = {"Entretien {equipment_short}",
                                               "Rendez-vous entretien",
                                               "Entretien annuel",
                                               "RDV entretien {equipment_short}",
                                               "Contrat d'entretien",
                                               "Visite annuelle",
                                               "Entretien {equipment_short} {year_now}",
                                               "Prise de rendez-vous",
                                               "Visite de maintenance",
                                               "Contrat de maintenance {contract_number}",
                                               "Entretien {equipment_short} à prévoir",
                                               "Re: Votre entretien annuel",
                                               "Report rendez-vous entretien",
                                               "Changement de date entretien",
                                               "RDV",
                                               "confirmation rdv"};
constexpr string_view kEquipmentShort[] = {"VMC",           "PAC",         "clim",       "pompe à chaleur",
                                           "climatisation", "chauffe-eau", "borne",      "alarme",
                                           "ventilation",   "BAES",        "bornes IRVE"};
constexpr string_view kPeriodicity[] = {"annuelle", "semestrielle", "trimestrielle", "de printemps"};
constexpr string_view kMaintenanceTopic[] = {"Prise de rendez-vous", "Entretien", "Contact"};

constexpr PhraseTable kMaintenanceContent[] = {
    {"ask", kMaintenanceAsk},
    {"ask_short", kMaintenanceAskShort},
    {"context", kMaintenanceContext},
    {"detail", kMaintenanceDetail},
    {"subject", kMaintenanceSubject},
    {"topic", kMaintenanceTopic},
    {"equipment", kEquipment},
    {"equipment_of", kEquipmentOf},
    {"equipment_short", kEquipmentShort},
    {"maintenance_kind", kMaintenanceKind},
    {"slot", kSlot},
    {"contract", kContract},
    {"contract_access", kContractAccess},
    {"periodicity", kPeriodicity},
};

constexpr MailFamily kFamilies[] = {
    styled(MailCategory::quote_request, kFormalLetter, 8, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kShortNote, 8, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kWebForm, 6, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kPropertyManager, 6, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kBusiness, 6, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kElderly, 4, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kPhoneTyped, 6, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kSms, 4, kNormal, kQuoteContent),
    styled(MailCategory::quote_request, kEnglish, 1, kNormal, kQuoteContent),
    {MailCategory::quote_request, "tender", 2, kNormal, Sender::business, Writing::careful, kTenderSubjects,
     kTenderBodies, kTenderWords, kQuoteContent},

    styled(MailCategory::breakdown, kFormalLetter, 8, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kShortNote, 6, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kWebForm, 6, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kPropertyManager, 6, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kBusiness, 6, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kElderly, 4, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kPhoneTyped, 6, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kSms, 6, kNormal, kBreakdownContent),
    styled(MailCategory::breakdown, kEnglish, 1, kNormal, kBreakdownContent),
    {MailCategory::breakdown,
     "panicked",
     8,
     kNormal,
     Sender::person,
     Writing::hurried,
     kPanicSubjects,
     kPanicBodies,
     {},
     kBreakdownContent},
    {MailCategory::breakdown,
     "tenant_landlord",
     6,
     kNormal,
     Sender::person,
     Writing::plain,
     kTenantSubjects,
     kTenantBodies,
     {},
     kBreakdownContent},

    styled(MailCategory::after_sales, kFormalLetter, 8, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kShortNote, 8, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kWebForm, 4, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kPropertyManager, 4, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kBusiness, 4, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kElderly, 4, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kSms, 6, kNormal, kAfterSalesContent),
    styled(MailCategory::after_sales, kEnglish, 1, kNormal, kAfterSalesContent),
    {MailCategory::after_sales, "angry", 6, kNormal, Sender::person, Writing::hurried, kSubject, kAngryBodies,
     kAngryWords, kAfterSalesContent},

    styled(MailCategory::maintenance_appointment, kFormalLetter, 6, kLow, kMaintenanceContent),
    styled(MailCategory::maintenance_appointment, kShortNote, 8, kLow, kMaintenanceContent),
    styled(MailCategory::maintenance_appointment, kWebForm, 4, kLow, kMaintenanceContent),
    styled(MailCategory::maintenance_appointment, kPropertyManager, 4, kNormal, kMaintenanceContent),
    styled(MailCategory::maintenance_appointment, kBusiness, 6, kNormal, kMaintenanceContent),
    styled(MailCategory::maintenance_appointment, kElderly, 4, kLow, kMaintenanceContent),
    styled(MailCategory::maintenance_appointment, kSms, 6, kLow, kMaintenanceContent),
};

}  // namespace

std::span<const MailFamily> customer_request_families() { return kFamilies; }

}  // namespace relais::synth::data
