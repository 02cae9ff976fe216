// The office's other mail: information requests, invoices and paperwork,
// suppliers, and the colleagues (technicians, the manager).
#include "mail_phrases.h"
#include "mail_styles.h"

namespace relais::synth::data {
namespace {

using std::string_view;
using namespace styles;
constexpr auto kNormal = MailUrgency::normal;
constexpr auto kLow = MailUrgency::low;

// ---- information requests -------------------------------------------------------

constexpr string_view kInfoQuestion[] = {"Intervenez-vous sur la commune de {town} ?",
                                         "Quels sont vos horaires d'ouverture ?",
                                         "Êtes-vous ouverts le samedi matin ?",
                                         "Quel est votre délai pour établir un devis en ce moment ?",
                                         "Combien de temps faut-il compter avant une intervention ?",
                                         "Faites-vous les dépannages le week-end ?",
                                         "Vos devis sont-ils gratuits ?",
                                         "Êtes-vous certifiés RGE ?",
                                         "Êtes-vous qualifiés IRVE pour les bornes de recharge ?",
                                         "Quelle garantie donnez-vous sur la pose ?",
                                         "Peut-on bénéficier de MaPrimeRénov' pour changer des radiateurs ?",
                                         "Quelles aides existent pour installer une borne de recharge ?",
                                         "Faut-il un Consuel pour une rénovation complète ?",
                                         "Est-ce que vous vous occupez de la demande de Consuel ?",
                                         "Acceptez-vous le paiement en plusieurs fois ?",
                                         "Prenez-vous les chèques ?",
                                         "Vendez-vous du petit matériel au comptoir ?",
                                         "Faites-vous les diagnostics électriques pour une vente ?",
                                         "Quelle puissance d'abonnement faut-il pour une pompe à chaleur ?",
                                         "Où se trouvent vos locaux ?",
                                         "Avez-vous un numéro d'urgence le soir ?",
                                         "Travaillez-vous pour les particuliers ?",
                                         "Combien de temps dure l'installation d'une borne ?",
                                         "Peut-on passer à votre agence sans rendez-vous ?",
                                         "Faites-vous de la domotique ?",
                                         "Installez-vous des bornes de recharge en copropriété ?",
                                         "La TVA à 5,5 % s'applique-t-elle pour une pompe à chaleur ?",
                                         "Quel est le délai de rétractation après signature d'un devis ?",
                                         "Proposez-vous des contrats d'entretien pour les VMC ?",
                                         "Est-ce que vous posez du matériel fourni par le client ?",
                                         "Quelle est la différence entre un radiateur à inertie et un convecteur ?",
                                         "Est-il obligatoire d'avoir un différentiel 30 mA sur tous les circuits ?",
                                         "À partir de combien de temps une installation doit-elle être refaite ?",
                                         "Quels sont vos tarifs de déplacement ?",
                                         "Faites-vous les petits travaux comme changer une prise ?",
                                         "Jusqu'à quelle heure peut-on vous joindre ?",
                                         "Êtes-vous fermés en août ?",
                                         "Est-ce que vous intervenez aussi en plomberie ?",
                                         "Intervenez-vous sur des installations en triphasé ?",
                                         "Proposez-vous des contrats de maintenance pour les entreprises ?",
                                         "Quel est votre délai d'intervention en cas de panne ?",
                                         "Travaillez-vous le soir ou le week-end pour ne pas gêner l'activité ?",
                                         "Pouvez-vous assurer les vérifications annuelles obligatoires ?",
                                         "Avez-vous une astreinte ?",
                                         "Êtes-vous assurés en décennale ?",
                                         "Combien de temps à l'avance faut-il prendre rendez-vous ?",
                                         "Le déplacement pour un devis est-il payant ?",
                                         "Faut-il être présent pendant les travaux ?"};
constexpr string_view kInfoQuestionLower[] = {"faites-vous les devis gratuitement ?",
                                              "dans quel délai pourriez-vous intervenir ?",
                                              "êtes-vous RGE ?",
                                              "intervenez-vous le samedi ?",
                                              "quelles sont les aides possibles ?",
                                              "êtes-vous assurés en décennale ?",
                                              "jusqu'où vous déplacez-vous ?",
                                              "à quelle heure ouvrez-vous ?"};
constexpr string_view kInfoAsk[] = {
    "{info_question}",
    "{info_question} {info_question}",
    "J'aurais une question : {info_question_lower}",
    "Pourriez-vous me renseigner ? {info_question}",
    "J'aurais quelques questions :\n- {info_question}\n- {info_question}\n- {info_question}",
    "Je voudrais savoir une chose : {info_question_lower}",
    "Une petite question : {info_question_lower}"};
constexpr string_view kInfoAskShort[] = {"{info_question}", "vous intervenez sur {town} ?",
                                         "vous êtes ouverts samedi ?", "c'est quoi vos horaires ?",
                                         "{info_question_lower}"};
constexpr string_view kInfoContext[] = {"Nous venons d'emménager dans la région.",
                                        "Je compare plusieurs artisans avant de me lancer.",
                                        "Je me renseigne pour un projet l'année prochaine.",
                                        "Un ami m'a parlé de vous.",
                                        "Je n'ai pas trouvé l'information sur votre site.",
                                        "Je prépare la vente de ma maison.",
                                        "Nous cherchons un prestataire local.",
                                        "Juste une petite question avant de vous appeler.",
                                        ""};
constexpr string_view kInfoDetail[] = {"Et {info_question_lower}", "Merci de votre réponse.", ""};
constexpr string_view kInfoSubject[] = {"Renseignements",
                                        "Question",
                                        "Demande d'information",
                                        "Petite question",
                                        "Horaires",
                                        "Renseignement",
                                        "Zone d'intervention",
                                        "Délais",
                                        "Information",
                                        "Question sur vos services",
                                        "Aides borne de recharge",
                                        "Consuel",
                                        "MaPrimeRénov'",
                                        "Garantie",
                                        "Question rapide",
                                        "Infos",
                                        "Prestations entreprises",
                                        "Vos tarifs",
                                        "Intervenez-vous à {town} ?"};
constexpr string_view kInfoTopic[] = {"Renseignements", "Contact", "Question"};
constexpr string_view kInfoEnglishAsk[] = {
    "Just a question: {info_question}",     "Quick question, sorry for the English: {info_question}",
    "Do you cover the area around {town}?", "Does anyone in your team speak English? {en_question}",
    "{en_question} {en_question}",          "Could you tell us: {en_question_lower}"};
constexpr string_view kEnglishQuestion[] = {
    "What are your opening hours?", "Do you do electrical inspections for house sales?", "Are your quotes free?",
    "Can you help with the Consuel paperwork?", "How long is the waiting time at the moment?"};
constexpr string_view kEnglishQuestionLower[] = {"are your quotes free?", "what are your opening hours?",
                                                 "do you work on Saturdays?"};
constexpr string_view kInfoEnglishSubject[] = {"Question", "Information please", "Do you speak English?", "Enquiry"};

constexpr PhraseTable kInfoContent[] = {
    {"ask", kInfoAsk},
    {"ask_short", kInfoAskShort},
    {"context", kInfoContext},
    {"detail", kInfoDetail},
    {"subject", kInfoSubject},
    {"topic", kInfoTopic},
    {"en_ask", kInfoEnglishAsk},
    {"en_subject", kInfoEnglishSubject},
    {"info_question", kInfoQuestion},
    {"info_question_lower", kInfoQuestionLower},
    {"en_question", kEnglishQuestion},
    {"en_question_lower", kEnglishQuestionLower},
};

// ---- invoices and paperwork ---------------------------------------------------------

constexpr string_view kAdminRequest[] = {
    "Pourriez-vous m'envoyer un duplicata de la facture {invoice_number} ?",
    "Je n'ai pas reçu la facture de votre intervention du {past_date}.",
    "Pouvez-vous me transmettre votre RIB pour que je fasse le virement ?",
    "Je vous ai fait un virement de {amount} ce jour pour régler la facture {invoice_number}.",
    "Vous trouverez ci-joint l'attestation de TVA à taux réduit signée.",
    "Je vous retourne le devis {quote_number} signé avec la mention « bon pour accord ».",
    "Merci de modifier l'adresse de facturation : {street}, {postcode} {town}.",
    "Pourriez-vous établir une attestation de travaux pour mon assurance ?",
    "J'ai besoin d'une facture détaillée pour le crédit d'impôt.",
    "Merci de m'envoyer {admin_document}.",
    "Pouvez-vous m'établir un avoir ? La facture {invoice_number} a été réglée deux fois.",
    "Est-il possible de régler en trois fois ?",
    "Vous trouverez ci-joint le mandat de prélèvement SEPA signé.",
    "J'ai reçu une relance alors que la facture {invoice_number} a été payée le {past_date} par chèque.",
    "Pourriez-vous libeller la facture au nom de la SCI {residence} ?",
    "Mon assurance va régler directement, voici le numéro de sinistre : {claim_number}.",
    "Pouvez-vous me renvoyer la facture au format PDF ? Je ne l'ai pas reçue.",
    "Le chèque de l'acompte a été posté hier.",
    "Merci de m'indiquer le montant restant à payer.",
    "Pouvez-vous m'envoyer le Consuel et la facture pour mon dossier de prime ?",
    "Merci de déposer la facture sur Chorus Pro en rappelant le bon de commande {order_number}.",
    "Votre facture {invoice_number} a été rejetée : le numéro d'engagement est manquant.",
    "Merci de nous transmettre {admin_document} et {admin_document}.",
    "Sauf erreur, nous n'avons pas reçu {admin_document}.",
    "Dans le cadre de la clôture de l'exercice, pourriez-vous nous adresser {admin_document} ?",
    "Dans le cadre de la mise à jour de nos dossiers prestataires, merci de nous adresser {admin_document} et "
    "{admin_document}.",
    "Sauf erreur, nous n'avons pas reçu {admin_document}. Sans ce document nous ne pourrons plus vous confier "
    "d'interventions.",
    "Pourriez-vous libeller la facture au nom du syndicat des copropriétaires ? {admin_request}"};
constexpr string_view kAdminDocument[] = {"votre attestation d'assurance décennale {year_now}",
                                          "un Kbis de moins de 3 mois",
                                          "votre attestation URSSAF de vigilance",
                                          "un RIB à jour",
                                          "votre attestation de responsabilité civile professionnelle",
                                          "une copie de la facture {invoice_number}",
                                          "le détail du solde restant dû",
                                          "l'attestation de paiement de la facture {invoice_number}",
                                          "le relevé des factures émises en {year_now}",
                                          "votre facture détaillée des réparations",
                                          "le devis de remise en état",
                                          "votre rapport d'intervention",
                                          "une attestation précisant l'origine du dommage",
                                          "l'attestation de fin de travaux",
                                          "le duplicata de la facture {invoice_number}",
                                          "votre numéro de TVA intracommunautaire"};
constexpr string_view kAdminAskShort[] = {"vous pouvez m'envoyer la facture ?",          "RIB svp pour le virement",
                                          "virement fait ce matin pour la facture",      "j'ai pas reçu la facture",
                                          "il me faut une attestation pour l'assurance", "le chèque est parti hier"};
constexpr string_view kAdminContext[] = {"Suite aux travaux réalisés {past_day},",
                                         "Concernant votre intervention du {past_date} :", "Pour mon dossier,", ""};
constexpr string_view kAdminDetail[] = {"{admin_request}", "Merci d'avance.", ""};
constexpr string_view kAdminSubject[] = {"Facture {invoice_number}",
                                         "Demande de facture",
                                         "RIB",
                                         "Règlement facture {invoice_number}",
                                         "Attestation TVA",
                                         "Devis signé",
                                         "Changement d'adresse",
                                         "Attestation",
                                         "Paiement",
                                         "Duplicata facture",
                                         "Avoir",
                                         "Votre facture",
                                         "Relance reçue par erreur",
                                         "Virement effectué",
                                         "Documents",
                                         "Facture",
                                         "Question facture",
                                         "Documents à fournir",
                                         "Pièces manquantes",
                                         "Attestation d'assurance",
                                         "Dossier {claim_number}",
                                         "Mise à jour dossier prestataire",
                                         "Clôture {year_now}"};
constexpr string_view kAdminTopic[] = {"Facturation", "Contact", "Comptabilité"};

constexpr PhraseTable kAdminContent[] = {
    {"ask", kAdminRequest},           {"ask_short", kAdminAskShort},      {"context", kAdminContext},
    {"detail", kAdminDetail},         {"subject", kAdminSubject},         {"topic", kAdminTopic},
    {"admin_request", kAdminRequest}, {"admin_document", kAdminDocument},
};

// Insurers and town halls: only paperwork comes from them.
constexpr string_view kInsurerSubjects[] = {"Sinistre {claim_number}", "Dossier sinistre {claim_number} - {surname}",
                                            "Demande de pièces - sinistre", "Expertise dommages électriques"};
constexpr string_view kInsurerBodies[] = {
    "Madame, Monsieur,\n\nNous accusons réception de la déclaration de sinistre de notre assuré {civility} {surname} "
    "(dossier {claim_number}). Afin d'instruire le dossier, merci de nous transmettre {admin_document}.\n\n"
    "Le service indemnisation\n{insurer}",
    "Bonjour,\nL'expert mandaté pour le sinistre {claim_number} a besoin de {admin_document}. Merci de répondre "
    "à ce mail en rappelant la référence.\nCordialement,\n{full_name}\nGestionnaire sinistres - {insurer}"};
constexpr string_view kInsurer[] = {"Groupama Loire Bretagne", "MAIF", "Crédit Agricole Assurances", "MACIF", "AXA"};
constexpr PhraseTable kInsurerWords[] = {{"insurer", kInsurer}};
constexpr string_view kTownHallSubjects[] = {"Bon de commande {order_number}", "Mairie de {town} - facturation",
                                             "Dépôt des factures sur Chorus Pro", "Engagement de dépense"};
constexpr string_view kTownHallBodies[] = {
    "Bonjour,\n\nVeuillez trouver ci-joint le bon de commande {order_number} correspondant à votre devis "
    "{quote_number}. "
    "Merci de déposer la facture sur Chorus Pro en rappelant ce numéro.\n\nLe service comptabilité\nMairie de {town}",
    "Bonjour,\n{admin_request}\nCordialement,\n{full_name}\nService finances, mairie de {town}"};

// ---- suppliers -------------------------------------------------------------------

constexpr string_view kOrderLine[] = {"{count} x Disjoncteur divisionnaire 20A",
                                      "1 x Tableau électrique 3 rangées",
                                      "100 m Câble R2V 3G2,5",
                                      "2 x Interrupteur différentiel 40A 30mA type A",
                                      "{count}0 x Prise 2P+T",
                                      "1 x Borne de recharge 7,4 kW",
                                      "{count} x Couronne gaine ICTA 20",
                                      "{count} x Spot LED encastrable 6W",
                                      "1 x VMC hygroréglable",
                                      "{count}0 x Boîte d'encastrement",
                                      "1 x Radiateur à inertie 1500 W",
                                      "1 x Chauffe-eau 200 L",
                                      "{count} x Détecteur de fumée",
                                      "1 x Parafoudre",
                                      "{count}0 x Borne de connexion",
                                      "1 x Contacteur jour/nuit",
                                      "{count} x Interrupteur va-et-vient",
                                      "50 m Câble RJ45 cat 6",
                                      "1 x Visiophone couleur",
                                      "{count} x Hublot LED"};
constexpr string_view kDeliveryPlace[] = {"à votre dépôt", "sur le chantier indiqué", "en agence (retrait comptoir)",
                                          "à l'adresse de livraison habituelle"};
constexpr string_view kCarrier[] = {"DB Schenker", "Geodis", "notre chauffeur", "Chronopost", "Kuehne+Nagel"};
constexpr string_view kProductFamily[] = {"les câbles cuivre",       "l'appareillage",  "les bornes de recharge",
                                          "le chauffage électrique", "l'éclairage LED", "les tableaux et disjoncteurs"};
constexpr string_view kSupplierFooter[] = {
    "{supplier} - Service client - Ne pas répondre à ce message automatique",
    "Pour toute question, contactez votre agence {supplier} de {town}.",
    "Retrouvez vos commandes, livraisons et factures sur votre espace client {supplier}.",
    "Votre compte client : {customer_number}",
    "{supplier} - agence de {town} - comptoir ouvert de 7h à 12h",
    "Compte client {customer_number} - conditions générales de vente sur notre site"};
constexpr PhraseTable kSupplierWords[] = {{"order_line", kOrderLine},
                                          {"delivery_place", kDeliveryPlace},
                                          {"carrier", kCarrier},
                                          {"product_family", kProductFamily},
                                          {"supplier_footer", kSupplierFooter}};

constexpr string_view kOrderSubjects[] = {
    "Confirmation de votre commande {order_number}", "Accusé de réception de commande {order_number}",
    "{supplier} - Votre commande {order_number}", "Commande {order_number} enregistrée"};
constexpr string_view kOrderBodies[] = {
    "Bonjour,\n\nNous vous remercions pour votre commande {order_number} passée le {past_date}.\n\nRécapitulatif :\n"
    "{order_line}\n{order_line}\n{order_line}\nTotal HT : {amount}\n\nLivraison prévue le {date} {delivery_place}.\n\n"
    "Cordialement,\nL'équipe {supplier}\n{supplier_footer}",
    "Accusé de réception de commande\nN° de commande : {order_number}\nVotre référence : chantier {surname2}\nDate : "
    "{past_date}\n\n{order_line}\n{order_line}\n\nMontant HT : {amount}\nDate de livraison confirmée : {date}\n\n"
    "{supplier_footer}"};
constexpr string_view kDeliverySubjects[] = {"Avis d'expédition commande {order_number}",
                                             "Votre commande a été expédiée", "Livraison prévue le {date}",
                                             "{supplier} : suivi de votre livraison"};
constexpr string_view kDeliveryBodies[] = {
    "Bonjour,\n\nVotre commande {order_number} a été expédiée. Le transporteur {carrier} livrera le {date} entre "
    "{hour} "
    "et {hour2} {delivery_place}.\nBon de livraison : {delivery_number}\n\n{supplier_footer}",
    "Bonjour,\nLes articles suivants de votre commande {order_number} seront livrés le {date} :\n{order_line}\n"
    "{order_line}\nMerci de vérifier le colis à réception et d'émettre les réserves sur le bon du transporteur.\n"
    "{supplier}\n{supplier_footer}"};
constexpr string_view kStatementSubjects[] = {"Relevé de factures {month}",
                                              "Votre facture {invoice_number} est disponible",
                                              "{supplier} - relevé de compte", "Relance facture {invoice_number}"};
constexpr string_view kStatementBodies[] = {
    "Bonjour,\n\nVeuillez trouver ci-joint votre relevé de factures du mois de {month}. Montant total : {amount}. "
    "Échéance de paiement : {date}. Détail par commande et par bon de livraison en pièce jointe.\n\n"
    "Service comptabilité clients\n{supplier}\n{supplier_footer}",
    "Bonjour,\nSauf erreur de notre part, la facture {invoice_number} d'un montant de {amount} arrivée à échéance le "
    "{past_date} reste impayée. Merci de procéder au règlement ou de nous indiquer le motif du retard.\n"
    "Service recouvrement\n{supplier}\n{supplier_footer}",
    "Bonjour,\nVotre facture {invoice_number} ({amount}) pour la commande {order_number} est disponible dans votre "
    "espace client. Elle sera prélevée le {date}.\n{supplier_footer}"};
constexpr string_view kPriceSubjects[] = {"Évolution de nos tarifs au {date}", "Nouveaux tarifs {year_now}",
                                          "Information hausse tarifaire", "Conditions tarifaires {supplier}"};
constexpr string_view kPriceBodies[] = {
    "Madame, Monsieur,\n\nNous vous informons que nos tarifs évolueront au {date} : hausse moyenne de {percent} % sur "
    "{product_family}, liée au cours du cuivre. Les commandes passées avant cette date restent au tarif actuel.\n\n"
    "Votre technico-commercial reste à votre disposition.\n{supplier}\n{supplier_footer}",
    "Bonjour,\nVous trouverez en pièce jointe votre grille de remises {year_now} sur {product_family} pour votre "
    "compte "
    "{customer_number}.\nCordialement,\n{full_name}\n{supplier}\n{supplier_footer}"};
constexpr string_view kRepSubjects[] = {"Suite à notre rendez-vous", "Offre {product_family_short}",
                                        "Votre demande de prix", "Proposition {supplier}", "Re: chantier {town}"};
constexpr string_view kRepBodies[] = {
    "Bonjour {boss},\n\nSuite à notre échange {past_day}, je vous transmets {rep_offer}. {rep_follow}\n\nBonne "
    "journée,\n"
    "{first_name} {surname}\nTechnico-commercial - {supplier} agence de {town}\n{mobile}",
    "Bonjour,\nComme convenu, voici notre offre {quote_number} pour {product_family}. Prix valables jusqu'au {date}.\n"
    "{rep_follow}\n{first_name} {surname}\n{supplier}\n{supplier_footer}"};
constexpr string_view kRepOffer[] = {
    "notre proposition pour les bornes de recharge du chantier de {town}",
    "les prix nets sur le câble pour le trimestre", "la documentation du nouveau tableau prééquipé",
    "l'offre de reprise sur votre ancien stock", "le chiffrage des luminaires pour le lotissement"};
constexpr string_view kRepFollow[] = {"Je passe vous voir jeudi à l'atelier.",
                                      "N'hésitez pas si besoin de précisions.",
                                      "Le matériel est en stock à l'agence, commande possible dès aujourd'hui.",
                                      "Je peux vous faire livrer sur chantier dès la semaine prochaine.",
                                      "Tarifs nets remisés sur votre compte client.",
                                      "Pour commander, passez par votre espace client ou par le comptoir."};
constexpr string_view kProductFamilyShort[] = {"bornes IRVE", "câble", "tableaux", "éclairage", "chauffage"};
constexpr PhraseTable kRepWords[] = {
    {"rep_offer", kRepOffer}, {"rep_follow", kRepFollow}, {"product_family_short", kProductFamilyShort}};
constexpr string_view kBackorderSubjects[] = {"Rupture de stock - commande {order_number}", "Report de livraison",
                                              "Article indisponible", "Retard livraison commande {order_number}"};
constexpr string_view kBackorderBodies[] = {
    "Bonjour,\n\nNous sommes au regret de vous informer que l'article suivant de votre commande {order_number} est en "
    "rupture chez le fabricant :\n{order_line}\nNouvelle date de livraison prévue : {date}. Le reste de la commande "
    "sera "
    "livré comme prévu.\n\n{supplier}\n{supplier_footer}",
    "Bonjour,\nSuite à un incident de transport, la livraison de votre commande {order_number} est reportée au {date}. "
    "Veuillez nous excuser pour ce contretemps.\nService logistique {supplier}\n{supplier_footer}"};

// ---- colleagues ---------------------------------------------------------------------

constexpr string_view kClientWish[] = {"elle voudrait un devis pour {work}", "il veut qu'on lui chiffre {work_noun}",
                                       "ils aimeraient {work}", "la cliente demande un prix pour {work_noun}",
                                       "il faudrait lui faire un devis pour {work_noun}"};
constexpr string_view kFaultReport[] = {"plus de courant dans la cuisine",
                                        "le disjoncteur saute tout le temps",
                                        "la VMC ne marche plus",
                                        "une prise a noirci",
                                        "plus d'eau chaude",
                                        "le portail est bloqué"};
constexpr string_view kPlanningNote[] = {
    "Chez {civility_short} {surname} demain, {fault_report}, je prends le matériel.",
    "Je passe chez {civility_short} {surname} pour voir son projet de {work_short} et je te dis pour le devis.",
    "Je serai en retard demain matin, {late_reason}.",
    "Tu peux décaler mon rdv de {hour} chez {civility_short} {surname} à {weekday} ?",
    "Le chantier de {town} a pris du retard, je ne pourrai pas faire l'intervention de cet après-midi.",
    "Peux-tu prévenir {civility_short} {surname} que je passerai vers {hour} ?",
    "Voici mes dispos pour la semaine prochaine : {weekday} et {weekday} après-midi.",
    "Qui peut faire le dépannage chez {civility_short} {surname} demain ?",
    "J'ai fini plus tôt à {town}, je peux prendre une intervention en plus.",
    "Il faut que je retourne chez {civility_short} {surname} finir le câblage, compte une demi-journée.",
    "Le client de {town} n'était pas là, je repasse demain.",
    "La cliente préfère qu'on vienne le matin."};
constexpr string_view kLateReason[] = {"j'ai rendez-vous chez le médecin", "je dois déposer le camion au garage",
                                       "ma fille est malade", "je passe au comptoir {supplier} avant"};
constexpr string_view kLeaveNote[] = {"Je voudrais poser mes congés du {date} au {date2}.", "Je serai en RTT vendredi.",
                                      "Arrêt maladie jusqu'à mercredi, le certificat suit.",
                                      "Est-ce que je peux prendre mon lundi ?",
                                      "Je mets à jour le tableau des congés d'été, il manque les tiens."};
constexpr string_view kMaterialNote[] = {
    "Il me manque {count} disjoncteurs 20A dans le camion, tu peux passer commande chez {supplier} ?",
    "Peux-tu commander le tableau pour le chantier de {town} ?",
    "J'ai pris du matériel au comptoir {supplier} sur le compte de la boîte, le bon est dans le camion.",
    "Plus de gaine de 20 au dépôt, faut en recommander.", "La perceuse est HS, on peut en racheter une ?"};
constexpr string_view kReportNote[] = {
    "Dépannage fait chez {civility_short} {surname} : {fault_report}, c'était {tech_done}. Il voudrait aussi un devis "
    "pour "
    "{work_noun}.",
    "Intervention terminée chez {civility_short} {surname} : {tech_done}. À facturer {duration} + déplacement.",
    "Fini chez {civility_short} {surname} à {town}, {tech_done}. Client content.",
    "Passé chez {civility_short} {surname}, {tech_done}, il faudra y retourner pour finir."};
constexpr string_view kTechDone[] = {"remplacement du différentiel",
                                     "changement de la prise de la cuisine",
                                     "réparation de la VMC",
                                     "recherche de panne, câble rongé par un rat",
                                     "remplacement du contacteur jour/nuit",
                                     "pose des 4 spots",
                                     "mise en service de la borne"};
constexpr string_view kManagerNote[] = {
    "Peux-tu préparer le devis de {civility_short} {surname} pour {work_noun} ? Il est pressé.",
    "{civility_short} {surname} a appelé : {fault_report}, tu peux passer demain ?",
    "Le client de {town} a rappelé, il attend toujours sa facture.",
    "La cliente de {town} veut qu'on repasse mardi.",
    "Peux-tu rappeler {civility_short} {surname} au sujet de son devis ?",
    "Réunion de chantier lundi à 8h à {town}.",
    "Pense à relancer {supplier} pour la livraison.",
    "Il faut envoyer la facture de {civility_short} {surname} aujourd'hui.",
    "Je serai absent demain après-midi, rendez-vous chez le comptable.",
    "Prépare les bons d'intervention de la semaine stp.",
    "Peux-tu vérifier le planning de {colleague2} mardi, il est en double."};
constexpr string_view kInternalUrgent[] = {
    "{civility_short} {surname} n'a plus de courant, je suis bloqué sur le chantier de {town}, quelqu'un peut y aller "
    "?{urgent}",
    "Le client de {town} sent une odeur de brûlé au tableau, qui est dispo tout de suite ?{urgent}",
    "Le restaurant de {town} est en panne, il faut y aller ce midi.{urgent}"};
// What a customer asked a colleague, passed on to the office.
constexpr string_view kCustomerRelay[] = {
    "{civility_short} {surname} voudrait aussi un devis pour {work_noun}.",
    "Le client de {town} demande qu'on lui chiffre {work_noun}, tu peux t'en occuper ?",
    "{civility_short} {surname} a un souci : {fault_report}. Je lui ai dit qu'on le rappelait.",
    "La cliente veut savoir quand on peut revenir pour {work}.",
    "Chez {civility_short} {surname}, {fault_report}, il faudra y retourner avec le matériel."};
// Colleagues mix subjects: a note about one thing often ends on another.
constexpr string_view kInternalNote[] = {"{planning_note}",
                                         "{leave_note}",
                                         "{material_note}",
                                         "{report_note}",
                                         "{manager_note}",
                                         "{customer_relay}",
                                         "{customer_relay}",
                                         "",
                                         ""};
constexpr string_view kInternalSign[] = {"{--}{colleague}", "{--}{colleague}", "{--}{colleague} {sent_from}",
                                         "{--}Merci {colleague}", "{--}@+"};
constexpr string_view kColleagueGreeting[] = {"Salut", "Bonjour", "Coucou", "Hello", "Yo", "Salut à tous"};
constexpr PhraseTable kInternalWords[] = {{"client_wish", kClientWish},
                                          {"fault_report", kFaultReport},
                                          {"customer_relay", kCustomerRelay},
                                          {"planning_note", kPlanningNote},
                                          {"late_reason", kLateReason},
                                          {"leave_note", kLeaveNote},
                                          {"material_note", kMaterialNote},
                                          {"report_note", kReportNote},
                                          {"tech_done", kTechDone},
                                          {"manager_note", kManagerNote},
                                          {"internal_urgent", kInternalUrgent},
                                          {"internal_note", kInternalNote},
                                          {"internal_sign", kInternalSign},
                                          {"colleague_greeting", kColleagueGreeting}};

constexpr string_view kTechnicianQuoteSubjects[] = {
    "Devis {civility_short} {surname}", "devis à faire", "Devis client {town}",
    "Demande devis chantier {surname}", "à chiffrer",    "Devis"};
constexpr string_view kTechnicianQuoteBodies[] = {
    "Salut,\nJe suis chez {civility_short} {surname} à {town}, {client_wish}. Tu peux lui préparer un devis ? Son num "
    ": "
    "{mobile}\n{internal_sign}",
    "{colleague_greeting}\nLe client veut un devis pour {work}. C'est {civility_short} {surname}, {street} à {town}. "
    "Je "
    "t'envoie les photos. {internal_note}\n{internal_sign}",
    "Devis à faire pour {civility_short} {surname} ({town}) : {work_noun}. Compter {duration} de "
    "boulot.\n{internal_sign}"};
constexpr string_view kPlanningSubjects[] = {"planning", "Planning semaine",    "RDV {surname}",
                                             "demain",   "Changement planning", "dispo"};
constexpr string_view kPlanningBodies[] = {"{planning_note} {internal_note}\n{internal_sign}",
                                           "{colleague_greeting},\n{planning_note} {planning_note}\n{internal_sign}"};
constexpr string_view kLeaveSubjects[] = {"Congés", "Demande de congés", "RTT", "Absence", "congés été"};
constexpr string_view kLeaveBodies[] = {"{colleague_greeting},\n{leave_note} {internal_note}\nMerci\n{colleague}",
                                        "{leave_note} {internal_sign}"};
constexpr string_view kMaterialSubjects[] = {"matos", "Commande matériel", "Il manque", "Camion",
                                             "commande {supplier}"};
constexpr string_view kMaterialBodies[] = {"{material_note} {internal_note}\n{internal_sign}",
                                           "{colleague_greeting}, {material_note} merci"};
constexpr string_view kReportSubjects[] = {"Compte rendu {surname}",    "Intervention {surname} terminée",
                                           "CR intervention",           "Fait chez {surname}",
                                           "Bon d'intervention {town}", "{surname} : devis à prévoir"};
constexpr string_view kReportBodies[] = {"{report_note} {internal_note}\n{internal_sign}",
                                         "{colleague_greeting},\n{report_note}\nBonne soirée\n{colleague}"};
constexpr string_view kManagerSubjects[] = {"À faire", "Pour info",     "Rappel",          "Urgent{urgent}",
                                            "Divers",  "Point semaine", "Devis {surname}", "Client {surname}"};
constexpr string_view kManagerBodies[] = {"{manager_note} {internal_note}\n{boss}",
                                          "{colleague_greeting},\n{manager_note}\n{manager_note}\nMerci\n{boss}",
                                          "{manager_note} {internal_urgent}\n{boss}"};
constexpr string_view kDispatchSubjects[] = {"URGENT{urgent}", "Dépannage urgent {town}{urgent}",
                                             "qui est dispo ?{urgent}"};
constexpr string_view kDispatchBodies[] = {"{internal_urgent}\n{internal_sign}",
                                           "{colleague_greeting}, {internal_urgent}"};

constexpr MailFamily kFamilies[] = {
    styled(MailCategory::information_request, kShortNote, 8, kLow, kInfoContent),
    styled(MailCategory::information_request, kFormalLetter, 8, kLow, kInfoContent),
    styled(MailCategory::information_request, kWebForm, 6, kLow, kInfoContent),
    styled(MailCategory::information_request, kBusiness, 6, kNormal, kInfoContent),
    styled(MailCategory::information_request, kEnglish, 1, kLow, kInfoContent),
    styled(MailCategory::information_request, kPhoneTyped, 6, kLow, kInfoContent),
    styled(MailCategory::information_request, kElderly, 4, kLow, kInfoContent),
    styled(MailCategory::information_request, kSms, 4, kLow, kInfoContent),

    styled(MailCategory::administrative, kShortNote, 8, kNormal, kAdminContent),
    styled(MailCategory::administrative, kFormalLetter, 8, kNormal, kAdminContent),
    styled(MailCategory::administrative, kBusiness, 6, kNormal, kAdminContent),
    styled(MailCategory::administrative, kPropertyManager, 6, kNormal, kAdminContent),
    styled(MailCategory::administrative, kElderly, 4, kNormal, kAdminContent),
    styled(MailCategory::administrative, kWebForm, 4, kNormal, kAdminContent),
    styled(MailCategory::administrative, kPhoneTyped, 4, kNormal, kAdminContent),
    {MailCategory::administrative, "insurer", 6, kNormal, Sender::insurer, Writing::careful, kInsurerSubjects,
     kInsurerBodies, kInsurerWords, kAdminContent},
    {MailCategory::administrative,
     "town_hall",
     4,
     kNormal,
     Sender::institution,
     Writing::careful,
     kTownHallSubjects,
     kTownHallBodies,
     {},
     kAdminContent},

    {MailCategory::supplier,
     "order_confirmation",
     8,
     kLow,
     Sender::supplier,
     Writing::machine,
     kOrderSubjects,
     kOrderBodies,
     {},
     kSupplierWords},
    {MailCategory::supplier,
     "delivery_notice",
     8,
     kNormal,
     Sender::supplier,
     Writing::machine,
     kDeliverySubjects,
     kDeliveryBodies,
     {},
     kSupplierWords},
    {MailCategory::supplier,
     "statement",
     8,
     kNormal,
     Sender::supplier,
     Writing::machine,
     kStatementSubjects,
     kStatementBodies,
     {},
     kSupplierWords},
    {MailCategory::supplier,
     "price_update",
     6,
     kLow,
     Sender::supplier,
     Writing::machine,
     kPriceSubjects,
     kPriceBodies,
     {},
     kSupplierWords},
    {MailCategory::supplier, "sales_rep", 6, kNormal, Sender::supplier, Writing::plain, kRepSubjects, kRepBodies,
     kRepWords, kSupplierWords},
    {MailCategory::supplier,
     "backorder",
     6,
     kNormal,
     Sender::supplier,
     Writing::machine,
     kBackorderSubjects,
     kBackorderBodies,
     {},
     kSupplierWords},

    {MailCategory::internal,
     "technician_quote",
     8,
     kNormal,
     Sender::colleague_phone,
     Writing::phone,
     kTechnicianQuoteSubjects,
     kTechnicianQuoteBodies,
     {},
     kInternalWords},
    {MailCategory::internal,
     "planning",
     8,
     kNormal,
     Sender::colleague,
     Writing::hurried,
     kPlanningSubjects,
     kPlanningBodies,
     {},
     kInternalWords},
    {MailCategory::internal,
     "leave",
     6,
     kLow,
     Sender::colleague,
     Writing::plain,
     kLeaveSubjects,
     kLeaveBodies,
     {},
     kInternalWords},
    {MailCategory::internal,
     "material",
     6,
     kNormal,
     Sender::colleague_phone,
     Writing::phone,
     kMaterialSubjects,
     kMaterialBodies,
     {},
     kInternalWords},
    {MailCategory::internal,
     "intervention_report",
     6,
     kLow,
     Sender::colleague,
     Writing::plain,
     kReportSubjects,
     kReportBodies,
     {},
     kInternalWords},
    {MailCategory::internal,
     "manager_note",
     6,
     kNormal,
     Sender::colleague,
     Writing::hurried,
     kManagerSubjects,
     kManagerBodies,
     {},
     kInternalWords},
    {MailCategory::internal,
     "urgent_dispatch",
     4,
     MailUrgency::urgent,
     Sender::colleague,
     Writing::phone,
     kDispatchSubjects,
     kDispatchBodies,
     {},
     kInternalWords},
};

}  // namespace

std::span<const MailFamily> office_families() { return kFamilies; }

}  // namespace relais::synth::data
