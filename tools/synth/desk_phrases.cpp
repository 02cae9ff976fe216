#include "desk_phrases.h"

namespace relais::synth::data {
namespace {

constexpr std::string_view kBreakdownSubjects[] = {
    "Disjoncteur qui saute", "Panne de courant partielle", "Plus de courant dans la cuisine",
    "Prise qui ne fonctionne plus", "Différentiel qui disjoncte", "Tableau électrique qui chauffe",
    "Éclairage extérieur en panne", "Interphone en panne", "VMC arrêtée", "Volet roulant bloqué",
    "Chauffe-eau qui ne chauffe plus", "Radiateur électrique hors service", "Borne de recharge en défaut"};
constexpr std::string_view kBreakdownDetails[] = {
    "signale que le disjoncteur différentiel saute dès qu'on branche le lave-linge",
    "n'a plus de courant dans la cuisine depuis ce matin", "indique qu'une prise de la chambre ne marche plus",
    "signale que le tableau électrique chauffe et sent le brûlé",
    "indique que la VMC fait un bruit anormal puis s'arrête", "signale que l'éclairage extérieur ne s'allume plus",
    "indique que le volet roulant du salon reste bloqué à mi-hauteur",
    "signale que le chauffe-eau ne chauffe plus depuis l'orage",
    "indique que l'interphone ne sonne plus chez les locataires",
    "signale que les radiateurs de l'étage ne chauffent plus",
    "indique que la borne de recharge affiche un défaut de terre",
    "signale que les spots de la salle de bain clignotent", "indique que le détecteur de fumée bipe sans arrêt",
    "signale que la pompe de relevage du sous-sol ne démarre plus"};

constexpr std::string_view kQuoteSubjects[] = {
    "Devis borne de recharge", "Devis rénovation tableau électrique", "Devis mise aux normes NF C 15-100",
    "Devis VMC double flux", "Devis ajout de prises", "Devis éclairage LED", "Devis climatisation réversible",
    "Devis portail motorisé", "Devis alarme et vidéosurveillance", "Devis rénovation complète"};
constexpr std::string_view kQuoteDetails[] = {
    "souhaite un devis pour une borne de recharge au garage", "demande un devis de mise aux normes du tableau",
    "voudrait ajouter des prises et un circuit dédié dans la cuisine",
    "demande le remplacement de la VMC par une double flux", "souhaite passer tout l'éclairage en LED",
    "demande un devis de climatisation réversible pour le séjour", "voudrait motoriser le portail",
    "veut faire refaire toute l'installation avant d'emménager",
    "demande un devis pour des prises extérieures étanches"};

constexpr std::string_view kMaintenanceSubjects[] = {
    "Entretien VMC annuel", "Contrôle du tableau électrique", "Entretien climatisation",
    "Vérification des détecteurs de fumée", "Contrat d'entretien copropriété"};
constexpr std::string_view kMaintenanceDetails[] = {
    "demande la visite annuelle d'entretien de la VMC", "souhaite faire contrôler le tableau avant l'hiver",
    "rappelle que l'entretien de la climatisation est dû", "demande le passage prévu au contrat d'entretien"};

constexpr std::string_view kAfterSalesSubjects[] = {
    "Retour sur intervention", "Prise posée de travers", "Disjoncteur neuf qui saute encore",
    "Réclamation sur la facture", "Trace de perçage à reprendre"};
constexpr std::string_view kAfterSalesDetails[] = {
    "n'est pas satisfait de l'intervention de la semaine dernière",
    "signale que le disjoncteur remplacé saute de nouveau", "conteste le temps facturé",
    "indique qu'une plaque de prise est posée de travers"};

constexpr std::string_view kInformationSubjects[] = {
    "Question sur la facture", "Délai d'intervention", "Horaires du technicien", "Attestation Consuel",
    "Aides pour la rénovation"};
constexpr std::string_view kInformationDetails[] = {
    "demande à quelle heure passe le technicien", "veut connaître le délai pour une intervention",
    "demande si les travaux ouvrent droit à une aide", "demande une copie de l'attestation Consuel"};

constexpr std::string_view kAdministrativeSubjects[] = {
    "Attestation TVA 10 %", "Changement d'adresse de facturation", "Demande de RIB", "Mise à jour du contact"};
constexpr std::string_view kAdministrativeDetails[] = {
    "envoie l'attestation de TVA à taux réduit signée", "signale sa nouvelle adresse de facturation",
    "demande notre RIB pour payer par virement", "donne le numéro du nouveau gardien"};

constexpr std::string_view kTechnicianSubjects[] = {
    "Devis à préparer suite visite", "Remplacement tableau à chiffrer", "Mise en sécurité à chiffrer"};
constexpr std::string_view kTechnicianDetails[] = {
    "a constaté sur place un tableau vétuste à remplacer",
    "propose de chiffrer une mise en sécurité complète", "a relevé des prises sans terre dans tout l'étage"};

constexpr Topic kTopics[] = {
    {TicketKind::breakdown, kBreakdownSubjects, kBreakdownDetails},
    {TicketKind::quote_request, kQuoteSubjects, kQuoteDetails},
    {TicketKind::maintenance_appointment, kMaintenanceSubjects, kMaintenanceDetails},
    {TicketKind::after_sales, kAfterSalesSubjects, kAfterSalesDetails},
    {TicketKind::information, kInformationSubjects, kInformationDetails},
    {TicketKind::administrative, kAdministrativeSubjects, kAdministrativeDetails},
    {TicketKind::technician_request, kTechnicianSubjects, kTechnicianDetails},
};

constexpr std::string_view kNoteOpenings[] = {
    "Le client", "La cliente", "Le gardien", "La gérante", "Le locataire", "Le syndic", "Le propriétaire",
    "Sa fille"};

constexpr std::string_view kFollowUps[] = {
    "RDV proposé mardi matin.", "Technicien à prévoir avant vendredi.", "Devis à envoyer cette semaine.",
    "Rappeler après 18 h.", "Pièce à commander chez Rexel.", "Matériel Legrand en stock au dépôt.",
    "Disjoncteur Hager à remplacer.", "Prévoir l'échelle de 6 m.", "Accès par le portail côté jardin.",
    "Clés chez la voisine.", "Client absent le mercredi.", "Facture à envoyer au syndic.",
    "Attente du passage de l'assureur.", "Module Schneider à reprogrammer."};

constexpr std::string_view kTicketComments[] = {
    "Pièce commandée.", "Intervention planifiée.", "Client rappelé, pas de réponse.", "Devis envoyé par mail.",
    "Relance faite.", "Le technicien passe jeudi.", "Problème résolu sur place.", "Attente accord du syndic.",
    "Photos du tableau reçues.", "Acompte reçu."};

constexpr std::string_view kSmsTexts[] = {
    "Bonjour, le technicien arrive vers 14 h.", "Confirmez-vous le rendez-vous de demain 9 h ?",
    "Votre devis vous a été envoyé par mail.", "Le technicien aura un peu de retard, merci de votre patience.",
    "Merci de nous rappeler pour fixer un rendez-vous."};

constexpr std::string_view kRareDetails[] = {"demande de vérifier le paratonnerre de l'église après l'orage"};

}  // namespace

std::span<const Topic> topics() { return kTopics; }
std::span<const std::string_view> note_openings() { return kNoteOpenings; }
std::span<const std::string_view> follow_ups() { return kFollowUps; }
std::span<const std::string_view> ticket_comments() { return kTicketComments; }
std::span<const std::string_view> sms_texts() { return kSmsTexts; }
std::span<const std::string_view> rare_details() { return kRareDetails; }

}  // namespace relais::synth::data
