#!/usr/bin/env python3
"""Writes the two demo legacy exports next to this script, deterministically:

  erp-mde-clients.csv  the ERP "MDE" (format ASSUMED: no public spec), UTF-8
                       with BOM, ';' delimiter, CRLF;
  sage100-clients.csv  a Sage 100 Gestion commerciale client export,
                       Windows-1252, ',' delimiter, CRLF, every text quoted.

The same customers appear in both, written differently (phones, case,
address split), some only in one, and each file has four malformed rows
(see BAD_* below) that the reader must report while keeping the rest.
Run: python3 examples/data/make_legacy_files.py
"""
import csv
import io
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def luhn_ok(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def with_luhn_key(prefix):
    return next(prefix + str(k) for k in range(10) if luhn_ok(prefix + str(k)))


def siret_of(seed):
    siren = with_luhn_key("%08d" % (31_000_000 + seed * 7919))
    return with_luhn_key(siren + "0001")


def vat_of(siret):
    siren = int(siret[:9])
    return "FR%02d%09d" % ((siren * 100 + 12) % 97, siren)


# (code, company?, name, street, complement, postcode, city, phone, mobile,
#  email, contact, contact phone, tag, note, created, credit)
CUSTOMERS = [
    (1, True, "Syndic Ar Mor", "14 rue de Dinan", "", "35400", "Saint-Malo", "0299401285", "", "contact@syndic-armor.fr", "Yann Le Bihan", "0645231890", "syndic", "Contrat d'entretien, 6 résidences", "12/03/2015", "15000"),
    (2, True, "Cabinet Le Gall Immobilier", "2 place du Parlement", "3e étage", "35000", "Rennes", "0223451234", "", "accueil@legall-immo.fr", "Sophie Le Gall", "0611223344", "agence", "", "05/11/2016", "8000"),
    (3, False, "Hélène Kerjean", "7 impasse des Mouettes", "", "29200", "Brest", "", "0678123456", "helene.kerjean@orange.fr", "", "", "particulier", "Clés chez la voisine (Mme Guéguen)", "21/06/2018", ""),
    (4, True, "Boulangerie Fournil d'Émeraude", "3 allée des Cœurs", "", "22100", "Dinan", "0296871020", "", "fournil.emeraude@wanadoo.fr", "François Le Dû", "0699887766", "commerce", "Four à sole : intervention avant 5 h", "02/02/2019", "3500,50"),
    (5, False, "Jean-Noël Pérès", "45 boulevard Gambetta", "Bât. C", "75020", "Paris", "0143567890", "0612345678", "jn.peres@free.fr", "", "", "particulier", "", "14/09/2020", ""),
    (6, True, "SCI Les Genêts", "10 rue de l'Église", "", "56000", "Vannes", "0297451122", "", "sci.genets@gmail.com", "Gaëlle Tanguy", "0633445566", "sci", "Loyer réglé par virement ; facture à l'attention de la gérante", "30/01/2017", "5000"),
    (7, True, "Crêperie Ty Breizh", "1 quai Saint-Malo", "", "35400", "Saint-Malo", "0299560011", "", "tybreizh@orange.fr", "Maïwenn Riou", "0755123456", "commerce", "", "08/07/2014", "2000"),
    (8, False, "Loïc Guillou", "18 rue Jean Jaurès", "", "29000", "Quimper", "", "0687654321", "loic.guillou@laposte.net", "", "", "particulier", "Chauffe-eau 200 L posé en 2019", "11/04/2019", ""),
    (9, True, "Hôtel de la Plage", "5 chaussée du Sillon", "", "35400", "Saint-Malo", "0299409988", "", "reception@hotel-plage.fr", "Marc Lemoine", "0622334455", "hôtellerie", "", "19/05/2013", "20000"),
    (10, True, "École Diwan Landerneau", "Rue de la Fontaine Blanche", "", "29800", "Landerneau", "0298212233", "", "skol.landerne@diwan.bzh", "Anne Cariou", "", "public", "", "03/09/2021", ""),
    (11, False, "Françoise Le Mée", "9 rue des Œillets", "", "44000", "Nantes", "0240112233", "", "f.lemee@sfr.fr", "", "", "particulier", "", "27/10/2022", ""),
    (12, True, "Garage Moderne Kervella", "ZA de Kerangueven", "Lot 4", "29100", "Douarnenez", "0298920101", "0677889900", "garage.kervella@orange.fr", "Erwan Kervella", "0677889900", "commerce", "Pont élévateur 400 V", "15/03/2016", "7500"),
    (13, False, "Chloé et Théo Bréhat", "22 rue du Port", "", "22500", "Paimpol", "", "0601020304", "brehat.famille@gmail.com", "", "", "particulier", "", "06/06/2023", ""),
    (14, True, "Pharmacie de l'Arsenal", "4 rue de Siam", "", "29200", "Brest", "0298441010", "", "pharmacie.arsenal@gmail.com", "Dr Nolwenn Abiven", "", "santé", "Alarme : code 4521", "01/12/2012", "10000"),
    (15, True, "Copropriété Le Tréhouart", "11 avenue de la Libération", "", "35800", "Dinard", "0299461515", "", "syndic.trehouart@nexity.fr", "Pierre Marchand", "0645000111", "syndic", "", "17/02/2018", "12000"),
    (16, False, "André Lefèvre", "3 rue de la Gare", "", "35500", "Vitré", "0299753030", "", "andre.lefevre@orange.fr", "", "", "particulier", "", "09/08/2017", ""),
    (17, True, "Menuiserie Le Cœur", "ZI de la Janais", "", "35170", "Bruz", "0299057070", "", "contact@menuiserie-lecoeur.fr", "Thierry Le Cœur", "0612998877", "artisan", "", "23/04/2015", "4000"),
    (18, False, "Soazig Nédélec", "8 hent Kerbriant", "", "29470", "Plougastel-Daoulas", "", "0623456789", "soazig.nedelec@yahoo.fr", "", "", "particulier", "", "12/12/2021", ""),
    (19, True, "Mairie de Saint-Lunaire", "Place de la Mairie", "", "35800", "Saint-Lunaire", "0299463001", "", "accueil@saint-lunaire.fr", "Services techniques", "0299463010", "public", "Bons de commande obligatoires", "01/01/2011", ""),
    (20, True, "Camping Les Dunes", "Route de la Mer", "", "56340", "Carnac", "0297520101", "", "lesdunes@camping-carnac.fr", "Ronan Le Floch", "0688112233", "hôtellerie", "", "14/02/2019", "6000"),
    (21, False, "Bénédicte Ollivier", "6 rue Émile Zola", "", "44600", "Saint-Nazaire", "0240223344", "0698765432", "b.ollivier@gmail.com", "", "", "particulier", "", "30/09/2020", ""),
    (22, True, "Poissonnerie Le Saint-Guénolé", "Halles centrales", "Étal 12", "29120", "Pont-l'Abbé", "0298870044", "", "saintguenole@poisson.bzh", "Yvon Cloarec", "", "commerce", "Chambre froide", "05/05/2018", "2500"),
    (23, False, "Gwenaël Morvan", "15 rue Saint-Michel", "", "56100", "Lorient", "", "0656789012", "gwen.morvan@free.fr", "", "", "particulier", "", "18/03/2022", ""),
    (24, True, "Restaurant L'Écume", "2 quai Duguay-Trouin", "", "35400", "Saint-Malo", "0299817766", "", "lecume.restaurant@gmail.com", "Jérôme Bréus", "0611000222", "commerce", "", "29/11/2016", "3000"),
    (25, True, "EHPAD Ker Heol", "30 rue de Brest", "", "29270", "Carhaix-Plouguer", "0298990011", "", "direction@kerheol.fr", "Mme Le Borgne", "0298990012", "santé", "Astreinte 24/7", "10/10/2014", "25000"),
    (26, False, "Noémie Jézéquel", "1 rue des Écoles", "", "22300", "Lannion", "", "0645789012", "noemie.jezequel@gmail.com", "", "", "particulier", "", "07/07/2023", ""),
    (27, True, "Atelier Vélo Rennais", "56 rue de Saint-Malo", "", "35000", "Rennes", "0299301122", "", "bonjour@atelier-velo-rennais.fr", "Mathis Hervé", "", "commerce", "", "16/01/2022", "1500"),
    (28, False, "Gérard Quéré", "12 rue de Verdun", "", "22000", "Saint-Brieuc", "0296332211", "", "gerard.quere@wanadoo.fr", "", "", "particulier", "", "02/03/2012", ""),
]

# Which customers each file holds: a large overlap, plus some in one only.
ERP_ONLY = [
    (29, True, "Cave à Cidre Kerné", "Lieu-dit Kerné", "", "29930", "Pont-Aven", "0298060303", "", "cave.kerne@orange.fr", "", "", "commerce", "", "21/08/2019", "1000"),
    (30, False, "Maëlle Caër", "4 rue de la Tour d'Auvergne", "", "35000", "Rennes", "", "0611442233", "maelle.caer@gmail.com", "", "", "particulier", "", "04/04/2024", ""),
    (31, True, "Salle des Fêtes de Plérin", "Rue de la Croix", "", "22190", "Plérin", "0296794000", "", "mairie@plerin.fr", "Régie", "", "public", "", "13/05/2020", ""),
    (32, False, "Anaïs Pennec", "7 rue du Château", "", "29600", "Morlaix", "", "0678901234", "anais.pennec@laposte.net", "", "", "particulier", "", "22/02/2023", ""),
    (33, True, "Fromagerie Le Bras", "3 place du Marché", "", "56400", "Auray", "0297241100", "", "lebras.fromages@orange.fr", "Julien Le Bras", "", "commerce", "", "11/11/2011", "2200"),
]
SAGE_ONLY = [
    (34, True, "Transports Guéguen & Fils", "ZA du Launay", "", "35530", "Noyal-sur-Vilaine", "0299003344", "", "compta@transports-gueguen.fr", "Service comptable", "0299003345", "transport", "Règlement à 45 jours fin de mois", "01/06/2010", "30000"),
    (35, False, "Élodie Le Rouzic", "10 rue Victor Hugo", "", "56100", "Lorient", "", "0634567890", "elodie.lerouzic@sfr.fr", "", "", "particulier", "", "19/12/2023", ""),
    (36, True, "Cidrerie du Val de Rance", "Le Val", "", "22490", "Pleslin-Trigavou", "0296271818", "", "contact@cidrerie-rance.fr", "", "", "commerce", "", "08/03/2021", "1800"),
    # Loïc Guillou (customer 8) as Sage's accountant typed him in: name misspelt, new mobile, no
    # email, same house. Nothing proves it is him: a probable duplicate, for someone to review.
    (37, False, "Loic Guilou", "18 rue Jean-Jaurès", "", "29000", "Quimper", "", "0687001122", "", "", "", "particulier", "", "03/05/2024", ""),
]

ERP_HEADER = ["N° client", "Type", "Nom / Raison sociale", "Adresse", "Complément adresse", "CP", "Ville",
              "Tél. fixe", "Tél. mobile", "Email", "SIRET", "N° TVA", "Contact", "Tél. contact",
              "Email contact", "Famille", "Observations", "Date création", "Plafond crédit"]
SAGE_HEADER = ["Numéro", "Intitulé", "Qualité", "Contact", "Adresse", "Complément", "Code postal", "Ville",
               "Pays", "Téléphone", "Télécopie", "E-mail", "Siret", "N° identifiant", "Commentaire",
               "Classement", "Date de création", "Encours autorisé", "Représentant"]


def spaced(phone):  # "0299401285" -> "02 99 40 12 85"
    return " ".join(phone[i:i + 2] for i in range(0, len(phone), 2))


def erp_row(c):
    code, company, name, street, extra, cp, city, phone, mobile, email, contact, cphone, tag, note, created, credit = c
    siret = siret_of(code) if company else ""
    return ["MDE-C%04d" % (100 + code), "PRO" if company else "PART", name, street, extra, cp, city,
            phone and spaced(phone), mobile and mobile[:2] + "." + ".".join(spaced(mobile[2:]).split()),
            email, siret, vat_of(siret) if siret else "", contact, cphone and spaced(cphone), "", tag, note,
            created, credit.replace(".", ",")]


def sage_row(c):
    code, company, name, street, extra, cp, city, phone, mobile, email, contact, cphone, tag, note, created, credit = c
    siret = siret_of(code) if company else ""
    intitule = name.upper() if company else name  # Sage users often type company names in capitals
    quality = ("Syndic" if tag == "syndic" else "Société") if company else "Particulier"
    ascii_name = unicodedata.normalize("NFKD", name.upper()).encode("ascii", "ignore").decode()
    return ["411" + "".join(ch for ch in ascii_name if ch.isalpha())[:6] + "%02d" % code, intitule, quality,
            contact or name, street, extra, cp, city, "France", "+33 " + (phone or mobile)[1:] if phone or mobile else "",
            "", email.upper() if code % 5 == 0 else email, siret[:9] + " " + siret[9:] if siret else "",
            vat_of(siret) if siret else "", note, tag.upper(), created,
            (credit + ",00" if credit and "," not in credit else credit), "MLG"]


def write(path, header, rows, bad_lines, delimiter, encoding, quoting):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(header)
    lines = out.getvalue().splitlines(keepends=True)
    for row in rows:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerow(row)
        lines.append(out.getvalue())
    for position, text in bad_lines:  # malformed rows, written by hand
        lines.insert(position, text + "\r\n")
    with open(os.path.join(HERE, path), "wb") as file:
        file.write("".join(lines).encode(encoding))  # "utf-8-sig" writes the BOM


# Each list: (insert position in lines, text). One bad row per kind.
BAD_ERP = [
    (5, "MDE-C0190;PART;Yvonne Tréguer;2 rue Neuve;;29000;Quimper;02 98 5;;yvonne@free.fr;;;;;;particulier;;01/02/2020;"),  # bad phone
    (12, 'MDE-C0191;PRO;Électricité "Le Watt";1 rue Ampère;;35000;Rennes;02 99 00 00 01;;;;;;;;commerce;;01/02/2020;'),  # quote in unquoted field
    (20, "MDE-C0192;PART;Paul Kerhervé;5 rue du Stade;29000;Quimper;;06 11 11 11 11;paul@free.fr"),  # wrong column count
    (30, "MDE-C0193;PRO;Bar Le Narval;9 quai Est;;56100;Lorient;;;narval@orange.fr;;;;;;commerce;;31/13/2019;"),  # bad date
]
BAD_SAGE = [
    (4, '"411TOURNE40","TOURNEBRIDE SARL","Société","","1 rue Haute","","35000","Rennes","France","+33 2 99 1","","tournebride@orange.fr","","","","COMMERCE","01/02/2020","","MLG"'),  # bad phone
    (9, '"411FOURNI41","BOULANGERIE "LE FOURNIL"","Société","","4 rue Basse","","35000","Rennes","France","","","","","","","COMMERCE","01/02/2020","","MLG"'),  # broken quoting
    (17, '"411RIOU42","Mme Riou","Particulier","","3 rue Courte","35000","Rennes","France"'),  # wrong column count
    (26, '"411KERMAR43","Marc Kermarrec","Particulier","","8 rue Longue","","29200","Brest","France","","","marc.kermarrec@","","","","PARTICULIER","01/02/2020","","MLG"'),  # bad email
]


def main():
    erp = [erp_row(c) for c in CUSTOMERS + ERP_ONLY]
    sage = [sage_row(c) for c in CUSTOMERS[:25] + SAGE_ONLY + CUSTOMERS[25:]]
    write("erp-mde-clients.csv", ERP_HEADER, erp, BAD_ERP, ";", "utf-8-sig", csv.QUOTE_MINIMAL)
    write("sage100-clients.csv", SAGE_HEADER, sage, BAD_SAGE, ",", "cp1252", csv.QUOTE_NONNUMERIC)


if __name__ == "__main__":
    main()
