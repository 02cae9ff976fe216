#include "french_names.h"

namespace relais::synth::data {
namespace {

constexpr std::string_view kFemaleFirstNames[] = {
    "Hélène", "Marie", "Anne", "Sophie", "Isabelle", "Nathalie", "Catherine", "Sylvie", "Christine",
    "Valérie", "Cécile", "Émilie", "Julie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Anaïs",
    "Gaëlle", "Maëlle", "Nolwenn", "Soizic", "Anne-Laure", "Brigitte", "Françoise", "Monique",
    "Élodie", "Aurélie", "Noémie", "Laëtitia", "Agnès", "Béatrice", "Morgane", "Rozenn", "Katell",
    "Claire", "Pauline", "Margaux", "Zoé"};

constexpr std::string_view kMaleFirstNames[] = {
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Laurent", "Stéphane",
    "Frédéric", "Jérôme", "François", "Benoît", "Olivier", "Thierry", "Éric", "Sébastien", "Julien",
    "Hugo", "Lucas", "Théo", "Mathéo", "Loïc", "Yann", "Erwan", "Gwenaël", "Ronan", "Tanguy",
    "Yannick", "Jean-Luc", "Jean-François", "Gérard", "René", "André", "Hervé", "Joël", "Maël",
    "Antoine", "Louis", "Noël"};

constexpr std::string_view kSurnames[] = {
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet",
    "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller",
    "Henry", "Roussel", "Nicolas", "Perrin", "Mathieu", "Clément", "Gauthier", "Chevalier",
    "Lemaître", "Benoît", "Dumont", "Brun", "Ménard", "Pelletier",
    // Breton names, frequent among the contractor's customers.
    "Le Goff", "Le Gall", "Le Bihan", "Le Floch", "Le Roux", "Le Corre", "Le Berre", "Le Meur",
    "Le Guen", "Le Moal", "Le Bras", "Le Gac", "Tanguy", "Morvan", "Quéré", "Riou", "Prigent",
    "Cariou", "Jézéquel", "Guivarc'h", "Kerboriou", "Kervella", "Abgrall", "Salaün", "Quéméner",
    "Guillou", "Hamon", "Hénaff", "Caroff", "Le Hir"};

constexpr std::string_view kStreetTypes[] = {
    "rue", "rue", "rue", "avenue", "boulevard", "place", "impasse", "allée", "chemin", "quai", "route",
    "square"};

constexpr std::string_view kStreetNames[] = {
    "de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Pasteur", "Gambetta",
    "de l'Église", "du Port", "des Lilas", "du Moulin", "de la Gare", "des Écoles", "Saint-Michel",
    "Sainte-Anne", "Saint-Exupéry", "de Brest", "de Paris", "Émile Zola", "Anatole France",
    "Jules Ferry", "du 8 Mai 1945", "de la Libération", "des Tilleuls", "des Mimosas", "du Château",
    "de Verdun", "Foch", "Clemenceau", "Louis Pasteur", "Marie Curie", "des Hortensias",
    "de Kerbrat", "de Ker Anna", "du Menez", "Surcouf", "Duguay-Trouin", "des Goélands",
    "de la Fontaine", "des Peupliers", "Saint-Nicolas"};

constexpr Town kTowns[] = {
    {"Paris", "75011", '1'},        {"Paris", "75015", '1'},           {"Versailles", "78000", '1'},
    {"Saint-Denis", "93200", '1'},  {"Rennes", "35000", '2'},          {"Saint-Malo", "35400", '2'},
    {"Brest", "29200", '2'},        {"Quimper", "29000", '2'},         {"Morlaix", "29600", '2'},
    {"Concarneau", "29900", '2'},   {"Douarnenez", "29100", '2'},      {"Lorient", "56100", '2'},
    {"Vannes", "56000", '2'},       {"Saint-Brieuc", "22000", '2'},    {"Lannion", "22300", '2'},
    {"Dinan", "22100", '2'},        {"Nantes", "44000", '2'},          {"Saint-Nazaire", "44600", '2'},
    {"Caen", "14000", '2'},         {"Rouen", "76000", '2'},           {"Le Mans", "72000", '2'},
    {"Angers", "49000", '2'},       {"Tours", "37000", '2'},           {"Lille", "59000", '3'},
    {"Strasbourg", "67000", '3'},   {"Metz", "57000", '3'},            {"Reims", "51100", '3'},
    {"Dijon", "21000", '3'},        {"Besançon", "25000", '3'},        {"Lyon", "69003", '4'},
    {"Marseille", "13001", '4'},    {"Nice", "06000", '4'},            {"Montpellier", "34000", '4'},
    {"Grenoble", "38000", '4'},     {"Saint-Étienne", "42000", '4'},   {"Ajaccio", "20000", '4'},
    {"Perpignan", "66000", '4'},    {"Clermont-Ferrand", "63000", '4'}, {"Bordeaux", "33000", '5'},
    {"Toulouse", "31000", '5'},     {"Limoges", "87000", '5'},         {"Pau", "64000", '5'},
    {"La Rochelle", "17000", '5'},  {"Poitiers", "86000", '5'},        {"Bayonne", "64100", '5'}};

constexpr Town kBretonTowns[] = {
    {"Brest", "29200", '2'},         {"Quimper", "29000", '2'},           {"Morlaix", "29600", '2'},
    {"Landerneau", "29800", '2'},    {"Landivisiau", "29400", '2'},       {"Saint-Pol-de-Léon", "29250", '2'},
    {"Roscoff", "29680", '2'},       {"Lesneven", "29260", '2'},          {"Plouguerneau", "29880", '2'},
    {"Plougastel-Daoulas", "29470", '2'}, {"Crozon", "29160", '2'},      {"Châteaulin", "29150", '2'},
    {"Carhaix-Plouguer", "29270", '2'}, {"Quimperlé", "29300", '2'},     {"Concarneau", "29900", '2'},
    {"Douarnenez", "29100", '2'},    {"Pont-l'Abbé", "29120", '2'},       {"Locquirec", "29241", '2'},
    {"Plouescat", "29430", '2'},     {"Saint-Renan", "29290", '2'},       {"Lannion", "22300", '2'},
    {"Guingamp", "22200", '2'},      {"Paimpol", "22500", '2'},           {"Perros-Guirec", "22700", '2'},
    {"Saint-Brieuc", "22000", '2'},  {"Lorient", "56100", '2'},           {"Vannes", "56000", '2'},
    {"Rennes", "35000", '2'},        {"Sizun", "29450", '2'},             {"Guipavas", "29490", '2'}};

constexpr std::string_view kTrades[] = {
    "Boulangerie", "Boucherie", "Pharmacie", "Garage", "Menuiserie", "Plomberie", "Crêperie",
    "Restaurant", "Hôtel", "Fleuriste", "Librairie", "Charcuterie", "Pâtisserie", "Cabinet dentaire",
    "Salon de coiffure", "Électricité", "Couverture", "Maçonnerie", "Transports", "Épicerie",
    "Poissonnerie", "Auto-école", "Imprimerie", "Quincaillerie", "Optique", "Brasserie", "Pressing",
    "Camping"};

constexpr std::string_view kPlaceNames[] = {
    "du Port", "de la Gare", "des Halles", "du Centre", "de l'Océan", "Saint-Michel", "de la Plage",
    "du Marché", "des Remparts", "de la Mairie", "du Phare", "Sainte-Anne"};

constexpr std::string_view kResidenceNames[] = {
    "Les Mouettes", "Les Hortensias", "Ker Avel", "Les Tilleuls", "Le Clos Fleuri", "Les Goélands",
    "Ty Mor", "Les Embruns", "La Chaumière", "Saint-Yves", "Les Genêts", "Le Grand Large"};

constexpr std::string_view kLegalForms[] = {"SARL", "SARL", "SAS", "SASU", "EURL", "SA"};

constexpr std::string_view kContactRoles[] = {
    "gérant", "gérante", "comptable", "secrétaire", "responsable technique", "directeur",
    "assistante de direction", "gardien", "chef d'atelier", "responsable des achats"};

constexpr std::string_view kEmailProviders[] = {
    "orange.fr", "wanadoo.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "outlook.fr",
    "hotmail.fr", "yahoo.fr"};

constexpr Abbreviation kAbbreviations[] = {
    {"boulevard", "bd"}, {"Boulevard", "Bd"}, {"avenue", "av."}, {"Avenue", "Av."},
    {"place", "pl."},    {"impasse", "imp."}, {"allée", "all."}, {"chemin", "ch."},
    {"route", "rte"},    {"Saint", "St"},     {"Sainte", "Ste"}, {"Général", "Gal"}};

constexpr Folding kAccentFoldings[] = {
    {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"ç", "c"}, {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"},
    {"î", "i"}, {"ï", "i"}, {"ô", "o"}, {"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ÿ", "y"},
    {"À", "A"}, {"Â", "A"}, {"Ç", "C"}, {"É", "E"}, {"È", "E"}, {"Ê", "E"}, {"Î", "I"}, {"Ô", "O"},
    {"Û", "U"}, {"œ", "oe"}, {"Œ", "OE"}, {"æ", "ae"}};

}  // namespace

std::span<const std::string_view> female_first_names() { return kFemaleFirstNames; }
std::span<const std::string_view> male_first_names() { return kMaleFirstNames; }
std::span<const std::string_view> surnames() { return kSurnames; }
std::span<const std::string_view> street_types() { return kStreetTypes; }
std::span<const std::string_view> street_names() { return kStreetNames; }
std::span<const Town> towns() { return kTowns; }
std::span<const Town> breton_towns() { return kBretonTowns; }
std::span<const std::string_view> trades() { return kTrades; }
std::span<const std::string_view> place_names() { return kPlaceNames; }
std::span<const std::string_view> residence_names() { return kResidenceNames; }
std::span<const std::string_view> legal_forms() { return kLegalForms; }
std::span<const std::string_view> contact_roles() { return kContactRoles; }
std::span<const std::string_view> email_providers() { return kEmailProviders; }
std::span<const Abbreviation> abbreviations() { return kAbbreviations; }
std::span<const Folding> accent_foldings() { return kAccentFoldings; }

}  // namespace relais::synth::data
