"""The relais command-line tool, run as a subprocess the way the staff run it.

Environment: RELAIS_CLI (the executable), RELAIS_DEMO_DATA (the demo data
file, read here to derive what the demo must print; the legacy exports the
demo imports are next to it) and RELAIS_PLUGIN_PATH.
"""
import json
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

RELAIS = os.environ["RELAIS_CLI"]
DEMO = json.loads(Path(os.environ["RELAIS_DEMO_DATA"]).read_text(encoding="utf-8"))
# The legacy exports the demo imports, in order, with their profile's system
# and the charset they are written in (see docs/importing.md).
LEGACY = [("erp-mde-clients.csv", "erp", "UTF-8"), ("sage100-clients.csv", "sage", "WINDOWS-1252")]
FRENCH_IMPORT = re.compile(r"Import du fichier (\S+) \((\w+)\) :\n  encodage détecté : (\S+)\n"
                           r"  (\d+) lignes? lues? : (\d+) importées?, (\d+) fusionnées? avec (?:un client existant|"
                           r"des clients existants), (\d+) rejetées?\.\n((?:    ligne de données .*\n)*)"
                           r"  (\d+) nouveaux? clients? mis en file de revue")
ENGLISH_IMPORT = re.compile(r"Import of (\S+) \((\w+)\):\n  detected charset: (\S+)\n"
                            r"  (\d+) rows? read: (\d+) imported, (\d+) merged into (?:an existing customer|"
                            r"existing customers), (\d+) rejected\.\n((?:    rejected data row .*\n)*)"
                            r"  (\d+) new customers? queued for review")


def run(*args, **environment):
    """Runs relais with no language settings but those given."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LANG", "LC_")) and k != "RELAIS_LANG"}
    env.update(environment)
    return subprocess.run([RELAIS, *args], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120, check=False)


def e164(phone):
    """'+33 (0)2 99 ...', '02.99...', '0033 2 99...' -> '+33299...' (French numbers only)."""
    digits = re.sub(r"\D", "", phone.replace("(0)", ""))
    if digits.startswith("0033"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "33" + digits[1:]
    return "+" + digits


def imports(pattern, output):
    """The import reports the demo printed, as dicts, in file order."""
    reports = []
    for match in pattern.finditer(output):
        file, system, charset, rows, imported, merged, rejected, rejections, queued = match.groups()
        reports.append({"file": file, "system": system, "charset": charset, "rows": int(rows),
                        "imported": int(imported), "merged": int(merged), "rejected": int(rejected),
                        "rejections": rejections.splitlines(), "queued": int(queued)})
    return reports


def demo_customer(name):
    return next(c for c in DEMO["customers"] if c["name"] == name)


class DemoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="relais-cli-")
        cls.database = Path(cls.folder.name) / "demo.db"
        cls.uri = f"sqlite://{cls.database}"
        cls.demo = run("demo", str(cls.database))

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def assert_succeeded(self, result, code=0):
        self.assertEqual(result.returncode, code, msg=result.stdout + result.stderr)

    def test_demo_counts_customers_by_kind_in_french(self):
        self.assert_succeeded(self.demo)
        companies = sum(c["kind"] == "company" for c in DEMO["customers"])
        people = len(DEMO["customers"]) - companies
        self.assertIn(f"{len(DEMO['customers'])} clients saisis par {DEMO['entered_by']} : "
                      f"{people} particuliers, {companies} entreprises.", self.demo.stdout)

    def test_demo_answers_who_is_calling(self):
        call = e164(DEMO["incoming_call"])
        callers = [c["name"] for c in DEMO["customers"]
                   if call in map(e164, c.get("phones", []) +
                                  [p for contact in c.get("contacts", []) for p in contact.get("phones", [])])]
        self.assertTrue(callers, "the demo data must have a customer for its incoming call")
        self.assertIn(f"Qui appelle ? {DEMO['incoming_call']}", self.demo.stdout)
        for name in callers:
            self.assertIn(f"{name} (", self.demo.stdout)

    def test_demo_journal_verifies_up_to_its_head(self):
        head = re.search(r"Tête du journal : (\d+):[0-9a-f]{64} ", self.demo.stdout)
        checked = re.search(r"Journal intègre : (\d+) entrées vérifiées\.", self.demo.stdout)
        self.assertIsNotNone(head, self.demo.stdout)
        self.assertIsNotNone(checked, self.demo.stdout)
        self.assertEqual(head.group(1), checked.group(1))

    def test_demo_reads_a_day_of_mail_in_french(self):
        self.assert_succeeded(self.demo)
        self.assertIn("La boîte de réception : 50 courriels arrivés pendant la nuit", self.demo.stdout)
        self.assertIn("Hélène Martin | Re: Devis remplacement tableau électrique [T-2026-000001] | "
                      "rattaché à son ticket par le numéro de ticket de son objet", self.demo.stdout)
        self.assertRegex(self.demo.stdout, r"50 lus : \d+ nouveaux tickets, \d+ rattachés à leur ticket")

    def test_demo_ends_on_the_dashboard_and_writes_its_page(self):
        out = self.demo.stdout
        board = out[out.index("24/11/2026 10:30  Le tableau de bord du bureau :\n"):]
        self.assertIn("Tableau de bord du bureau — 24/11/2026 10:30\n", board)
        triage = re.search(r"\nCourriels à trier\n  (\d+)  \(le plus ancien : ", board)
        self.assertIsNotNone(triage, board[:1500])
        page_line = re.search(r"Page écrite dans (.*dashboard\.html)\n", board)
        self.assertIsNotNone(page_line, board[-800:])
        page = Path(page_line.group(1))
        self.assertEqual(page.parent, self.database.parent)
        html = page.read_text(encoding="utf-8")
        # The page and the terminal show the same counts.
        self.assertIn(f'data-count="triage.count">{triage.group(1)}<', html)
        self.assertIn('data-count="surveys_to_relaunch.count"', html)
        self.assertIn("Relancer Mme Martin", html)
        # The breakdown its mail opened at 07:30, taken up at 10:15, is this
        # week's one first answer.
        self.assertRegex(board, r"\n  Première réponse  2 h 45 +-\n")

    def test_inbox_triage_lists_the_waiting_mails_in_french(self):
        result = run("inbox", "triage", self.uri)
        self.assert_succeeded(result)
        self.assertIn("Objet", result.stdout)
        self.assertRegex(result.stdout, r"\d+ courriels? attend(ent)? une catégorie\.")

    def test_lookup_finds_a_number_written_another_way(self):
        customer = demo_customer("Hélène Martin")
        result = run("customers", "lookup", self.uri, "--phone", e164(customer["phones"][0]))
        self.assert_succeeded(result)
        self.assertIn("Hélène Martin (particulier)", result.stdout)
        self.assertIn("  téléphones : 06 12 34 56 78", result.stdout)

    def test_lookup_accepts_a_plain_file_path(self):
        result = run("customers", "lookup", str(self.database), "--phone", "02/99/40/12/85")
        self.assert_succeeded(result)
        self.assertIn("Syndic Ar Mor (entreprise)", result.stdout)

    def test_lookup_by_email_ignores_the_case_of_the_domain(self):
        result = run("customers", "lookup", self.uri, "--email", "a.berard@haussmann-gestion.fr")
        self.assert_succeeded(result)
        self.assertIn("Haussmann Gestion (entreprise)", result.stdout)
        self.assertIn("a.berard@haussmann-gestion.fr", result.stdout)

    def test_lookup_of_an_unknown_number_says_so(self):
        result = run("customers", "lookup", self.uri, "--phone", "01 99 00 00 01")
        self.assert_succeeded(result)
        self.assertEqual(result.stdout.strip(), "Aucun client n'a ce numéro de téléphone.")

    def test_invalid_phone_is_a_french_error_naming_field_and_value(self):
        result = run("customers", "lookup", self.uri, "--phone", "12 34")
        self.assert_succeeded(result, code=1)
        self.assertIn("Saisie invalide.", result.stderr)
        self.assertIn("champ « phone », valeur « 12 34 »", result.stderr)

    def test_relais_lang_en_gives_english(self):
        result = run("customers", "lookup", self.uri, "--phone", "12 34", RELAIS_LANG="en")
        self.assert_succeeded(result, code=1)
        self.assertIn("Invalid input.", result.stderr)
        self.assertIn('field "phone", value "12 34"', result.stderr)

    def test_language_en_gives_english(self):
        result = run("customers", "list", self.uri, "--tag", "syndic", LANGUAGE="en")
        self.assert_succeeded(result)
        self.assertRegex(result.stdout, r"^Name +Kind +Phone +City +Tags\n")
        self.assertTrue(result.stdout.endswith(" customers\n"), result.stdout)

    def test_c_locales_still_give_french(self):
        for locale in ["C", "C.UTF-8", "POSIX"]:
            with self.subTest(locale=locale):
                result = run("version", LANG=locale, LC_ALL=locale)
                self.assert_succeeded(result)
                self.assertIn("(bibliothèque ", result.stdout)

    def test_relais_lang_outranks_language(self):
        result = run("version", LANGUAGE="en", RELAIS_LANG="fr")
        self.assert_succeeded(result)
        self.assertIn("(bibliothèque ", result.stdout)

    def test_list_filters_by_tag_in_name_order(self):
        expected = sorted(c["name"] for c in DEMO["customers"] if "syndic" in c.get("tags", []))
        result = run("customers", "list", self.uri, "--tag", "syndic")
        self.assert_succeeded(result)
        lines = result.stdout.splitlines()
        self.assertRegex(lines[0], r"^Nom +Type +Téléphone +Ville +Étiquettes$")
        # The imported exports tag syndics too (one of them another "Syndic Ar Mor", with its own
        # SIRET): the demo's are listed, in name order, among them.
        listed = [line.split("  ")[0] for line in lines[1:-1]]
        self.assertEqual([name for name in dict.fromkeys(listed) if name in expected], expected)
        self.assertEqual(lines[-1], f"{len(listed)} clients")

    def test_options_go_anywhere_and_the_last_one_wins(self):
        expected = run("customers", "list", self.uri, "--tag", "syndic")
        self.assert_succeeded(expected)
        for args in [("--tag=syndic", self.uri), ("--tag", "commune", self.uri, "--tag", "syndic")]:
            with self.subTest(args=args):
                self.assertEqual(run("customers", "list", *args).stdout, expected.stdout)

    def test_list_aligns_columns_with_accented_names(self):
        result = run("customers", "list", self.uri)
        self.assert_succeeded(result)
        lines = result.stdout.splitlines()[1:-1]
        kind_columns = {line.index("particulier" if "particulier" in line else "entreprise") for line in lines}
        self.assertEqual(len(kind_columns), 1, result.stdout)

    def test_journal_head_round_trips_through_verify(self):
        head = run("journal", "head", self.uri)
        self.assert_succeeded(head)
        self.assertRegex(head.stdout, r"^\d+:[0-9a-f]{64}\n$")
        result = run("journal", "verify", self.uri, "--head", head.stdout.strip())
        self.assert_succeeded(result)
        self.assertRegex(result.stdout, r"^Journal intègre : \d+ entrées vérifiées\.\n$")

    def test_verify_against_another_head_reports_tampering_with_exit_code_3(self):
        sequence = run("journal", "head", self.uri).stdout.split(":")[0]
        result = run("journal", "verify", self.uri, "--head", f"{sequence}:{'0' * 64}")
        self.assert_succeeded(result, code=3)
        self.assertIn("Journal ALTÉRÉ : 1 problème trouvé.", result.stdout)
        self.assertIn("tête attendue", result.stdout)

    def test_unknown_actor_is_refused(self):
        result = run("customers", "list", self.uri, "--actor", "nobody")
        self.assert_succeeded(result, code=1)
        self.assertIn("Action non autorisée.", result.stderr)
        self.assertIn("nobody", result.stderr)

    def test_assistant_can_list(self):
        result = run("customers", "list", self.uri, "--actor", "marie")
        self.assert_succeeded(result)
        total = len(DEMO["customers"]) + sum(r["imported"] for r in imports(FRENCH_IMPORT, self.demo.stdout))
        self.assertTrue(result.stdout.endswith(f"\n{total} clients\n"), result.stdout)

    def test_demo_imports_both_legacy_exports_in_french(self):
        self.assert_succeeded(self.demo)
        reports = imports(FRENCH_IMPORT, self.demo.stdout)
        self.assertEqual([(r["file"], r["system"], r["charset"]) for r in reports], LEGACY, self.demo.stdout)
        for report in reports:
            with self.subTest(file=report["file"]):
                self.assertEqual(report["rows"], report["imported"] + report["merged"] + report["rejected"])
                self.assertEqual(report["rejected"], 4)  # four malformed rows in each file
                self.assertEqual(len(report["rejections"]), report["rejected"])
                self.assertGreater(report["imported"] + report["merged"], 0)
        erp, sage = reports
        self.assertGreater(erp["imported"], 0)
        self.assertGreater(sage["merged"], 0, "the SAGE file holds customers already imported from the ERP")

    def test_demo_names_each_rejected_row_and_why(self):
        erp = imports(FRENCH_IMPORT, self.demo.stdout)[0]
        self.assertIn('    ligne de données 5 rejetée : line 6: column "Tél. fixe" (fields.phones) = "02 98 5": '
                      "too short for a French phone number", erp["rejections"])
        self.assertTrue(all(re.match(r"    ligne de données \d+ rejetée : line \d+: ", line)
                            for line in erp["rejections"]), erp["rejections"])

    def test_demo_shows_the_review_queue_in_french(self):
        total = len(DEMO["customers"]) + sum(r["imported"] for r in imports(FRENCH_IMPORT, self.demo.stdout))
        self.assertRegex(self.demo.stdout, rf"\nRecherche des doublons : {total} clients examinés, \d+ comparaisons? ; "
                                           r"\d+ paires? sûres?, \d+ paires? probables?\.\n")
        self.assertRegex(self.demo.stdout, r"\nFile de revue (: aucune paire à examiner\.|\(\d+ paires? à examiner\) :)\n")

    def test_demo_draws_no_progress_bar_when_stderr_is_not_a_terminal(self):
        self.assert_succeeded(self.demo)
        self.assertEqual(self.demo.stderr, "")


DATA = Path(os.environ["RELAIS_DEMO_DATA"]).parent
ERP_CSV = str(DATA / "erp-mde-clients.csv")
ERP_PROFILE = str(DATA / "erp-mde.profile.json")


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="relais-cli-import-")
        self.uri = f"sqlite://{Path(self.folder.name) / 'import.db'}"

    def tearDown(self):
        self.folder.cleanup()

    def test_import_into_a_fresh_workspace_reports_counts_in_french(self):
        result = run("import", self.uri, ERP_CSV, "--profile", ERP_PROFILE)
        self.assertEqual(result.returncode, 0, msg=result.stdout + result.stderr)
        self.assertEqual(result.stderr, "", "no progress bar when stderr is not a terminal")
        (report,) = imports(FRENCH_IMPORT, result.stdout)
        self.assertEqual((report["file"], report["system"], report["charset"]), (ERP_CSV, "erp", "UTF-8"))
        self.assertEqual(report["rows"], report["imported"] + report["merged"] + report["rejected"])
        self.assertGreater(report["imported"], 0)
        self.assertEqual(report["merged"], 0)
        self.assertEqual(report["rejected"], 4)
        listed = run("customers", "list", self.uri)
        self.assertTrue(listed.stdout.endswith(f"\n{report['imported']} clients\n"), listed.stdout)

    def test_import_reports_in_english(self):
        result = run("import", self.uri, ERP_CSV, f"--profile={ERP_PROFILE}", RELAIS_LANG="en")
        self.assertEqual(result.returncode, 0, msg=result.stderr)
        (report,) = imports(ENGLISH_IMPORT, result.stdout)
        self.assertEqual(report["rejected"], 4)
        self.assertEqual(report["rows"], report["imported"] + report["merged"] + report["rejected"])

    def test_import_again_merges_every_row(self):
        first = imports(FRENCH_IMPORT, run("import", self.uri, ERP_CSV, "--profile", ERP_PROFILE).stdout)[0]
        second = imports(FRENCH_IMPORT, run("import", self.uri, ERP_CSV, "--profile", ERP_PROFILE).stdout)[0]
        self.assertEqual((second["imported"], second["merged"]), (0, first["imported"]))

    def test_bad_profile_path_is_a_french_error(self):
        missing = str(Path(self.folder.name) / "nope.profile.json")
        result = run("import", self.uri, ERP_CSV, "--profile", missing)
        self.assertEqual(result.returncode, 1, msg=result.stderr)
        self.assertEqual(result.stderr, f"relais: impossible d'ouvrir {missing}\n")
        self.assertFalse((Path(self.folder.name) / "import.db").exists(), "nothing opened nor created")

    def test_excel_workbook_points_to_the_python_importer(self):
        workbook = Path(self.folder.name) / "clients.xlsx"
        workbook.write_bytes(b"PK")
        result = run("import", self.uri, str(workbook), "--profile", ERP_PROFILE)
        self.assertEqual(result.returncode, 1, msg=result.stderr)
        self.assertIn("classeur Excel", result.stderr)
        self.assertIn("python3 -m relais.xlsx", result.stderr)
        self.assertFalse((Path(self.folder.name) / "import.db").exists(), "nothing opened nor created")


class ExportTest(unittest.TestCase):
    """relais erp configure, relais export, relais erp import: a round trip through the files
    connector, the exported file dropped back as if the system sent it."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="relais-cli-export-")
        root = Path(self.folder.name)
        self.uri = f"sqlite://{root / 'export.db'}"
        self.outbox, self.inbox = root / "vers-erp", root / "depuis-erp"
        config = {"system": "erp", "profile": ERP_PROFILE, "outbox": str(self.outbox),
                  "inbox": str(self.inbox), "id_prefix": "R", "id_width": 5}
        self.config = root / "erp.json"
        self.config.write_text(json.dumps(config), encoding="utf-8")
        self.imported = imports(FRENCH_IMPORT, run("import", self.uri, ERP_CSV, "--profile", ERP_PROFILE).stdout)[0]

    def tearDown(self):
        self.folder.cleanup()

    def test_export_then_reimport_creates_no_customer(self):
        configured = run("erp", "configure", self.uri, "erp", "--config", str(self.config))
        self.assertEqual(configured.returncode, 0, msg=configured.stderr)
        self.assertIn("Système erp configuré avec le connecteur files", configured.stdout)
        exported = run("export", self.uri, "erp")
        self.assertEqual(exported.returncode, 0, msg=exported.stderr)
        self.assertRegex(exported.stdout, rf"^{self.imported['imported']} clients exportés vers erp\n  fichier : ")
        self.assertIn("Rien n'a changé depuis le dernier export vers erp.", run("export", self.uri, "erp").stdout)
        (sent,) = list(self.outbox.iterdir())
        self.inbox.mkdir(exist_ok=True)
        (self.inbox / sent.name).write_bytes(sent.read_bytes())
        back = imports(FRENCH_IMPORT, run("erp", "import", self.uri, "erp").stdout)
        self.assertEqual(len(back), 1)
        self.assertEqual((back[0]["imported"], back[0]["merged"]), (0, self.imported["imported"]))
        self.assertIn("Aucun fichier en attente de erp.", run("erp", "import", self.uri, "erp").stdout)
        listed = run("customers", "list", self.uri)
        self.assertTrue(listed.stdout.endswith(f"\n{self.imported['imported']} clients\n"), listed.stdout)

    def test_export_to_an_unknown_system_is_a_french_error(self):
        result = run("export", self.uri, "sage")
        self.assertEqual(result.returncode, 1, msg=result.stdout)
        self.assertIn("sage", result.stderr)

    def test_systems_lists_what_is_configured(self):
        self.assertIn("Aucun système externe configuré.", run("erp", "systems", self.uri).stdout)
        run("erp", "configure", self.uri, "erp", "--config", str(self.config))
        self.assertRegex(run("erp", "systems", self.uri).stdout, r"^erp : connecteur files, prochain numéro 1, ")


class MergeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="relais-cli-merge-")
        cls.database = Path(cls.folder.name) / "merge.db"
        cls.uri = f"sqlite://{cls.database}"
        cls.demo = run("demo", str(cls.database))

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def customer_id(self, name):
        """The id on the card the lookup of the demo customer's first phone shows."""
        result = run("customers", "lookup", self.uri, "--phone", demo_customer(name)["phones"][0])
        self.assertEqual(result.returncode, 0, msg=result.stderr)
        ids = re.findall(r"^  id : ([0-9a-f-]{36})$", result.stdout, re.MULTILINE)
        self.assertEqual(len(ids), 1, result.stdout)
        self.assertTrue(result.stdout.startswith(f"{name} ("), result.stdout)
        return ids[0]

    def test_duplicates_find_prints_the_queue_heading(self):
        self.assertEqual(self.demo.returncode, 0, msg=self.demo.stderr)
        result = run("duplicates", self.uri, "--find", "--limit", "5")
        self.assertEqual(result.returncode, 0, msg=result.stderr)
        self.assertEqual(result.stderr, "")
        self.assertRegex(result.stdout, r"^\nRecherche des doublons : \d+ clients examinés, \d+ comparaisons? ; ")
        self.assertRegex(result.stdout, r"\nFile de revue (: aucune paire à examiner\.|\(\d+ paires? à examiner\) :)\n")

    def test_duplicates_without_find_prints_only_the_queue(self):
        result = run("duplicates", self.uri, RELAIS_LANG="en")
        self.assertEqual(result.returncode, 0, msg=result.stderr)
        self.assertRegex(result.stdout, r"^Review queue(: no pair to look at\.| \(\d+ pairs? to look at\):)\n")

    def test_merge_then_unmerge_round_trips(self):
        survivor, other = self.customer_id("Yves Le Floch"), self.customer_id("Jean-Loïc Prigent")
        merged = run("merge", self.uri, survivor, other, "--rule", "most_complete")
        self.assertEqual(merged.returncode, 0, msg=merged.stderr)
        self.assertIn("Jean-Loïc Prigent fusionné dans Yves Le Floch.", merged.stdout)
        merge_id = re.search(r"^Identifiant de la fusion : ([0-9a-f-]{36}) ", merged.stdout, re.MULTILINE)
        self.assertIsNotNone(merge_id, merged.stdout)
        self.assertIn(f"\n  id : {survivor}\n", merged.stdout)
        # The other record is archived, its phones moved: its own number now finds the survivor only.
        card = run("customers", "lookup", self.uri, "--phone", demo_customer("Jean-Loïc Prigent")["phones"][0])
        self.assertEqual(re.findall(r"^  id : (\S+)$", card.stdout, re.MULTILINE), [survivor], card.stdout)
        undone = run("unmerge", self.uri, merge_id.group(1))
        self.assertEqual(undone.returncode, 0, msg=undone.stderr)
        self.assertIn("Fusion annulée : ", undone.stdout)
        self.assertIn("Yves Le Floch", undone.stdout)
        self.assertIn("Jean-Loïc Prigent", undone.stdout)
        self.assertEqual(self.customer_id("Jean-Loïc Prigent"), other)
        self.assertEqual(self.customer_id("Yves Le Floch"), survivor)
        again = run("unmerge", self.uri, merge_id.group(1))
        self.assertEqual(again.returncode, 1, msg=again.stderr)
        self.assertIn("Conflit", again.stderr)

    def test_merge_of_a_malformed_id_is_an_error(self):
        result = run("merge", self.uri, "x", "y")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Saisie invalide.", result.stderr)


class CommandLineTest(unittest.TestCase):
    def test_usage_errors_exit_with_2(self):
        for args in [(), ("frobnicate",), ("--colour",), ("customers",), ("customers", "frob"),
                     ("customers", "lookup", "x.db"), ("customers", "lookup", "x.db", "--phone", "1", "--email", "a@b.fr"),
                     ("customers", "list"), ("customers", "list", "x.db", "--colour", "red"),
                     ("customers", "list", "x.db", "--tag"), ("journal", "verify", "x.db", "--head", "not-a-head"),
                     ("import", "x.db", "f.csv"), ("import", "x.db", "--profile", "p.json"),
                     ("duplicates",), ("duplicates", "x.db", "--find=yes"), ("duplicates", "x.db", "--limit", "0"),
                     ("duplicates", "x.db", "--limit", "many"), ("merge", "x.db", "a"),
                     ("merge", "x.db", "a", "b", "--rule", "best"), ("unmerge", "x.db"),
                     ("unmerge", "x.db", "a", "b"), ("version", "extra")]:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2, msg=result.stderr)
                self.assertTrue(result.stderr.startswith(("relais: ", "Utilisation")), result.stderr)
                self.assertEqual(result.stdout, "")

    def test_parse_errors_are_french_and_name_what_is_wrong(self):
        for args, message in [
                (("customers", "list", "x.db", "--colour", "red"), "option inconnue --colour"),
                (("customers", "list", "x.db", "--colour=red"), "option inconnue --colour"),
                (("--actor", "marie", "customers", "list", "x.db"), "option inconnue --actor"),
                (("customers", "list", "x.db", "--tag"), "l'option --tag attend une valeur"),
                (("duplicates", "x.db", "--find=yes"), "l'option --find ne prend pas de valeur"),
                (("duplicates", "x.db", "--limit", "0"),
                 "valeur refusée pour --limit : un nombre positif est attendu, pas « 0 »"),
                (("merge", "x.db", "a", "b", "--rule", "best"),
                 "valeur refusée pour --rule : most_complete ou most_recent est attendu, pas « best »"),
                (("journal", "verify", "x.db", "--head", "12"), "valeur refusée pour --head : NUMÉRO:EMPREINTE"),
                (("import", "x.db", "f.csv"), "option --profile manquante"),
                (("import", "x.db", "--profile", "p.json"), "argument <fichier.csv> manquant"),
                (("merge", "x.db", "a"), "argument <id-fusionné> manquant"),
                (("unmerge", "x.db", "a", "b"), "argument en trop « b »"),
                (("customers", "lookup", "x.db"), "indiquez une et une seule des options --phone, --email")]:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2, msg=result.stderr)
                first, usage, hint = result.stderr.splitlines()
                self.assertTrue(first.startswith(f"relais: {message}"), first)
                command = " ".join(word for word in args if word in ("customers", "list", "lookup", "duplicates",
                                                                     "merge", "journal", "verify", "import", "unmerge"))
                self.assertTrue(usage.startswith(f"Utilisation : relais {command} "), usage)
                self.assertEqual(hint, f"Lancez « relais {command} --help » pour en savoir plus.")

    def test_unknown_command_is_named(self):
        result = run("frobnicate", "x.db")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.splitlines()[:2],
                         ["relais: commande inconnue « frobnicate »", "Utilisation : relais <commande> [arguments]"])
        result = run("customers", "frob")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.splitlines()[:2],
                         ["relais: commande inconnue « frob »", "Utilisation : relais customers <commande> [arguments]"])

    def test_no_command_shows_the_help_on_stderr(self):
        result = run()
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, "")
        self.assertEqual(result.stderr, run("--help").stdout)

    def test_help_lists_commands_in_french(self):
        for args in [("help",), ("--help",), ("-h",)]:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 0)
                self.assertEqual(result.stderr, "")
                self.assertTrue(result.stdout.startswith("Utilisation : relais <commande> [arguments]\n"), result.stdout)
                self.assertIn("\nCommandes :\n", result.stdout)
                self.assertIn("relais customers lookup <uri> (--phone NUMÉRO | --email ADRESSE)", result.stdout)
                self.assertIn("relais import <uri> <fichier.csv> --profile PROFIL.json [--actor IDENTIFIANT]\n",
                              result.stdout)
                self.assertRegex(result.stdout, r"\nOptions :\n  -h,--help +Affiche cette aide et s'arrête\.\n")
                self.assert_no_english_labels(result.stdout)

    def test_command_help_is_french(self):
        result = run("import", "--help")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stderr, "")
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "Utilisation : relais import <uri> <fichier.csv> --profile PROFIL.json "
                                   "[--actor IDENTIFIANT]")
        self.assertTrue(lines[1].startswith("Importe un export client"), lines[1])
        self.assertIn("Arguments :", lines)
        self.assertIn("Options :", lines)
        self.assertTrue(any(re.match(r"  <fichier\.csv> +L'export à importer\.$", line) for line in lines), lines)
        self.assertTrue(any(re.match(r"  --actor IDENTIFIANT +L'utilisateur au nom duquel agir", line)
                            for line in lines), lines)
        self.assertIn("  --profile PROFIL.json OBLIGATOIRE", lines)
        self.assert_no_english_labels(result.stdout)
        self.assertEqual(run("help", "import").stdout, result.stdout)

    def test_option_group_help_is_french(self):
        result = run("customers", "lookup", "--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("\nRecherche par (une seule de ces options) :\n  --phone NUMÉRO ", result.stdout)
        self.assertNotIn("Option Group", result.stdout)
        self.assertNotIn("Exactly 1", result.stdout)

    def test_help_and_parse_errors_in_english(self):
        help = run("--help", RELAIS_LANG="en")
        self.assertTrue(help.stdout.startswith("Usage: relais <command> [arguments]\n"), help.stdout)
        self.assertIn("\nCommands:\n", help.stdout)
        self.assertIn("relais customers lookup <uri> (--phone NUMBER | --email ADDRESS) [--actor LOGIN]", help.stdout)
        command_help = run("import", "--help", RELAIS_LANG="en")
        self.assertIn("  --profile PROFILE.json REQUIRED", command_help.stdout.splitlines())
        error = run("duplicates", "x.db", "--limit", "0", RELAIS_LANG="en")
        self.assertEqual(error.returncode, 2)
        self.assertEqual(error.stderr.splitlines(),
                         ['relais: invalid value for --limit: a positive number is expected, not "0"',
                          "Usage: relais duplicates <uri> [--actor LOGIN] [--find] [--limit N]",
                          'Run "relais duplicates --help" for more.'])
        unknown = run("customers", "list", "x.db", "--colour", "red", LANGUAGE="en")
        self.assertEqual(unknown.returncode, 2)
        self.assertTrue(unknown.stderr.startswith("relais: unknown option --colour\n"), unknown.stderr)

    def assert_no_english_labels(self, text):
        for english in ["Usage", "OPTIONS", "SUBCOMMAND", "REQUIRED", "Positionals", "TEXT", "Print this help"]:
            self.assertNotIn(english, text)

    def test_missing_workspace_file_is_not_created(self):
        with tempfile.TemporaryDirectory() as folder:
            missing = Path(folder) / "typo.db"
            result = run("customers", "list", str(missing))
            self.assertEqual(result.returncode, 1)
            self.assertIn("pas d'espace de travail", result.stderr)
            self.assertFalse(missing.exists())

    def test_demo_refuses_to_replace_a_file_that_is_not_sqlite(self):
        with tempfile.TemporaryDirectory() as folder:
            notes = Path(folder) / "notes.txt"
            notes.write_text("à garder\n", encoding="utf-8")
            result = run("demo", str(notes))
            self.assertEqual(result.returncode, 1)
            self.assertIn("n'est pas une base SQLite", result.stderr)
            self.assertEqual(notes.read_text(encoding="utf-8"), "à garder\n")

    def test_demo_reports_the_imports_in_english(self):
        with tempfile.TemporaryDirectory() as folder:
            result = run("demo", str(Path(folder) / "en.db"), RELAIS_LANG="en")
            self.assertEqual(result.returncode, 0, msg=result.stderr)
            self.assertIn(f"{len(DEMO['customers'])} customers entered by {DEMO['entered_by']}: ", result.stdout)
            reports = imports(ENGLISH_IMPORT, result.stdout)
            self.assertEqual([(r["file"], r["system"], r["charset"]) for r in reports], LEGACY, result.stdout)
            for report in reports:
                self.assertEqual(report["rows"], report["imported"] + report["merged"] + report["rejected"])
                self.assertEqual(len(report["rejections"]), 4)
            self.assertIn('    rejected data row 26: line 27: column "E-mail" (fields.emails) = "marc.kermarrec@": ',
                          reports[1]["rejections"][-1])
            self.assertRegex(result.stdout, r"\nDuplicate search: \d+ customers compared, \d+ comparisons?; ")
            self.assertRegex(result.stdout, r"\nReview queue(: no pair to look at\.| \(\d+ pairs? to look at\):)\n")
            french = imports(FRENCH_IMPORT, run("demo", str(Path(folder) / "fr.db")).stdout)
            self.assertEqual(french, [dict(r, rejections=[line.replace("rejected data row", "ligne de données")
                                                          .replace(":", " rejetée :", 1)
                                                          for line in r["rejections"]]) for r in reports])

    def test_demo_recreates_an_existing_workspace(self):
        with tempfile.TemporaryDirectory() as folder:
            database = Path(folder) / "again.db"
            first = run("demo", str(database))
            second = run("demo", str(database))
            self.assertEqual(second.returncode, 0, msg=second.stderr)
            self.assertIn(f"{len(DEMO['customers'])} clients saisis", second.stdout)
            checked = r"Journal intègre : \d+ entrées"
            self.assertEqual(re.findall(checked, first.stdout), re.findall(checked, second.stdout))


CALL_LOG = str(DATA / "appels-oxo.csv")
CALL_LOG_PROFILE = str(DATA / "oxo-connect.profile.json")
SHEET = str(DATA / "suivi-demandes.csv")
SHEET_PROFILE = str(DATA / "suivi-demandes.profile.json")
# The demo's morning (apps/relais/demo.cpp): the bakery's shop and manager,
# the garage where the technician works.
BAKERY, BAKERY_MANAGER, GARAGE = "02 97 47 18 26", "06 83 27 45 19", "02 99 31 45 67"
TICKET_HEADER = r"N° +Client +Type +Statut +Priorité +Attribué à +Échéance +Objet"


class DeskTest(unittest.TestCase):
    """The desk commands on a demo workspace: calls, tickets, the 360° view
    and the imports of the call log and of the follow-up sheet."""

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="relais-cli-desk-")
        cls.uri = f"sqlite://{Path(cls.folder.name) / 'desk.db'}"
        cls.demo = run("demo", str(Path(cls.folder.name) / "desk.db"))

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def succeeded(self, *args, code=0, **environment):
        result = run(*args, **environment)
        self.assertEqual(result.returncode, code, msg=result.stdout + result.stderr)
        return result

    def customer_id(self, phone):
        ids = re.findall(r"^  id : ([0-9a-f-]{36})$", self.succeeded("customers", "lookup", self.uri, "--phone",
                                                                     phone).stdout, re.MULTILINE)
        self.assertEqual(len(ids), 1)
        return ids[0]

    def test_demo_imports_the_call_log_and_the_follow_up_sheet(self):
        self.assertEqual(self.demo.returncode, 0, msg=self.demo.stderr)
        self.assertRegex(self.demo.stdout, r"\nImport du journal d'appels appels-oxo\.csv \(oxo\) :\n"
                                           r"  encodage détecté : WINDOWS-1252\n"
                                           r"  15 lignes lues : 11 nouveaux appels à qualifier "
                                           r"\(\d+ rattachés? à (son|leur) client\) ; 0 déjà tracé ; 1 ignoré ; "
                                           r"3 rejetées\.\n"
                                           r"    ligne de données 10 rejetée : line 11: column \"Correspondant\" ")
        self.assertIn("\nImport du tableau de suivi suivi-demandes.csv (suivi-excel) :\n"
                      "  encodage détecté : WINDOWS-1252\n"
                      "  11 lignes lues : 8 importées, chacune en un ticket et une note, 0 déjà importée, "
                      "3 rejetées.\n", self.demo.stdout)
        self.assertIn('    ligne de données 9 rejetée : line 11: column "État" (status) = "À voir": '
                      "not in status.values\n", self.demo.stdout)

    def test_demo_ticks_the_reminders_when_the_office_opens(self):
        out = self.demo.stdout
        morning = out[out.index("24/11/2026 08:00  Le bureau ouvre : les rappels sont passés.\n"):]
        created = re.match(r".*\n(\d+) rappels créés, \d+ annulés?, (\d+) événements lus\.\n", morning)
        self.assertIsNotNone(created, morning[:400])
        self.assertGreater(int(created.group(1)), 0)
        # The follow-up sheet's reminder, typed in on Monday, is already late;
        # it heads the assistant's list.
        self.assertRegex(morning, r"La liste du jour de Marie Le Goff :\n.*\n16/11/2026 09:00  marie +en retard +"
                                  r"Relancer Mme Martin : devis du tableau envoyé le 05/10 +ticket T-2026-000001\n")

    def test_demo_logs_a_morning_and_shows_the_bakerys_360_view(self):
        out = self.demo.stdout
        self.assertIn("\nMardi matin à l'accueil :\n", out)
        self.assertIn(f"24/11/2026 08:52  Le téléphone sonne : {BAKERY_MANAGER}\n"
                      "  Qui appelle ? Boulangerie Kerhervé (Nolwenn Kerhervé)\n", out)
        # The bakery's mail of the night opened the breakdown: the call joins it.
        self.assertRegex(out, r"  Ticket ouvert par le courriel de la nuit : Ticket T-2026-\d{6} \(panne, [a-z]+, nouveau\) : "
                              r"« URGENT panne four")
        self.assertRegex(out, r"  Ticket T-2026-\d{6} passé en urgent et attribué à gaetan\.\n")
        self.assertRegex(out, r"  Ouvert : Ticket T-2026-\d{6} \(demande technicien, normale, nouveau\)")
        self.assertRegex(out, r"  Ticket T-2026-\d{6} : nouveau → en cours\.\n")
        view = out[out.index("Vue 360° de Boulangerie Kerhervé :"):]
        self.assertIn("\nDemandes ouvertes (2) :\n", view)
        self.assertIn("\nHistorique récent (5, le plus récent d'abord) :\n", view)
        self.assertIn("\nTraces : 2 appels, 2 e-mails, 1 note.\nDemandes : 2 ouvertes sur 2.\n", view)

    def test_customer_show_by_phone_or_id_is_the_360_view(self):
        by_phone = self.succeeded("customer", "show", self.uri, BAKERY)
        self.assertTrue(by_phone.stdout.startswith("Boulangerie Kerhervé (entreprise)\n"), by_phone.stdout)
        self.assertRegex(by_phone.stdout, r"\nDemandes ouvertes \(\d+\) :\n  " + TICKET_HEADER.replace("Client +", ""))
        # The bakery's mails of the demo's afternoon come first, then its calls.
        self.assertRegex(by_phone.stdout, r"\n  Quand +Quoi +Téléphone +Durée +Par +Issue +Objet\n(  .*\n)*"
                                          r"  \d\d/\d\d/\d{4} \d\d:\d\d  appel entrant +06 83 27 45 19 ")
        by_id = self.succeeded("customers", "show", self.uri, self.customer_id(BAKERY))
        self.assertEqual(by_id.stdout, by_phone.stdout)

    def test_customer_show_of_a_shared_number_lists_the_customers(self):
        result = self.succeeded("customers", "show", self.uri, "02 99 40 12 85")
        self.assertTrue(result.stdout.startswith("2 clients ont ce numéro ; affichez-en un par son id :\n"))
        self.assertEqual(len(re.findall(r"^  [0-9a-f-]{36}  Syndic Ar Mor$", result.stdout, re.MULTILINE)), 2)

    def test_call_log_finds_the_caller_from_the_number(self):
        result = self.succeeded("call", "log", self.uri, "--phone", "06 20 18 73 54", "--duration", "65",
                                "--subject", "Devis hotte", "--actor", "marie")
        self.assertEqual(result.stdout, "Appel tracé (appel entrant) : 06 20 18 73 54, Crêperie Ty Breizh, "
                                        "1 min 05 s, répondu.\n")

    def test_call_log_of_an_unknown_number_is_left_to_qualify(self):
        result = self.succeeded("call", "log", self.uri, "--phone", "06 71 42 90 13", "--direction", "outbound")
        self.assertEqual(result.stdout, "Aucun client n'a ce numéro : l'appel reste à qualifier.\n"
                                        "Appel tracé (appel sortant) : 06 71 42 90 13, client non identifié, 0 s, "
                                        "à qualifier.\n")

    def test_call_log_errors(self):
        usage = self.succeeded("call", "log", self.uri, "--phone", "0612345678", "--duration", "long", code=2)
        self.assertIn("valeur refusée pour --duration : un nombre de secondes est attendu, pas « long »",
                      usage.stderr)
        invalid = self.succeeded("call", "log", self.uri, "--phone", "12", code=1)
        self.assertIn("champ « phone », valeur « 12 »", invalid.stderr)
        self.succeeded("call", "log", self.uri, code=2)

    def test_call_import_again_traces_nothing_twice(self):
        result = self.succeeded("call", "import", self.uri, CALL_LOG, "--profile", CALL_LOG_PROFILE)
        self.assertIn("15 lignes lues : 0 nouvel appel à qualifier (0 rattaché à son client) ; 11 déjà tracés ; "
                      "1 ignoré ; 3 rejetées.", result.stdout)

    def test_followup_import_again_adds_nothing(self):
        result = self.succeeded("followup", "import", self.uri, SHEET, "--profile", SHEET_PROFILE)
        self.assertIn("11 lignes lues : 0 importée en un ticket et une note, 8 déjà importées, 3 rejetées.",
                      result.stdout)

    def test_desk_imports_refuse_a_workbook_and_a_missing_profile(self):
        workbook = Path(self.folder.name) / "appels.xlsx"
        workbook.write_bytes(b"PK")
        result = self.succeeded("call", "import", self.uri, str(workbook), "--profile", CALL_LOG_PROFILE, code=1)
        self.assertIn("python3 -m relais.xlsx", result.stderr)
        self.assertIn("--into calls", result.stderr)
        self.succeeded("followup", "import", self.uri, SHEET, code=2)
        missing = self.succeeded("followup", "import", self.uri, SHEET, "--profile", "nope.json", code=1)
        self.assertEqual(missing.stderr, "relais: impossible d'ouvrir nope.json\n")

    def test_a_ticket_through_its_lifecycle(self):
        creperie = self.customer_id("02 98 95 33 61")
        opened = self.succeeded("ticket", "open", self.uri, "--customer", creperie, "--subject", "Hotte en panne",
                                "--kind", "breakdown", "--priority", "high", "--actor", "marie")
        number = re.match(r"Ouvert : Ticket (T-2026-\d{6}) \(panne, haute, nouveau\) : « Hotte en panne », "
                          r"Crêperie Ty Breizh\.\n$", opened.stdout)
        self.assertIsNotNone(number, opened.stdout)
        number = number.group(1)
        self.assertEqual(self.succeeded("ticket", "assign", self.uri, number, "gaetan").stdout,
                         f"Ticket {number} attribué à gaetan.\n")
        self.assertEqual(self.succeeded("ticket", "status", self.uri, number, "open", "--actor", "gaetan").stdout,
                         f"Ticket {number} : nouveau → en cours.\n")
        refused = self.succeeded("ticket", "status", self.uri, number, "closed", code=1)
        self.assertIn("valeur « open -> closed » : this transition is not allowed", refused.stderr)
        self.assertEqual(self.succeeded("ticket", "comment", self.uri, number, "Pièce commandée", "--internal").stdout,
                         f"Note interne ajoutée au ticket {number}.\n")
        listed = self.succeeded("ticket", "list", self.uri, "--customer", creperie)
        # Besides the one opened here, the crêperie's mail of the demo opened one.
        self.assertRegex(listed.stdout, rf"^{TICKET_HEADER}\n(.*\n)*{number}  Crêperie Ty Breizh  panne +en cours +haute "
                                        r"+gaetan +Hotte en panne\n(.*\n)*\d+ tickets?\n$")
        self.assertEqual(self.succeeded("ticket", "assign", self.uri, number).stdout,
                         f"Le ticket {number} n'est plus attribué.\n")

    def test_ticket_list_filters_and_speaks_english_on_request(self):
        mine = self.succeeded("ticket", "list", self.uri, "--assignee", "gaetan", "--status", "open,scheduled")
        lines = mine.stdout.splitlines()
        self.assertRegex(lines[0], rf"^{TICKET_HEADER}$")
        self.assertTrue(all("gaetan" in line for line in lines[1:-1]), mine.stdout)
        self.assertRegex(lines[-1], r"^\d+ tickets?$")
        english = self.succeeded("ticket", "list", self.uri, "--kind", "technician_request", RELAIS_LANG="en")
        self.assertRegex(english.stdout, r"^Number +Customer +Kind +Status +Priority +Assignee +Due +Subject\n")
        self.assertIn("technician request", english.stdout)

    def test_ticket_open_takes_a_due_time_and_a_callback_on_the_paris_clock(self):
        creperie = self.customer_id("02 98 95 33 61")
        opened = self.succeeded("ticket", "open", self.uri, "--customer", creperie, "--subject", "Rappeler pour devis",
                                "--kind", "quote_request", "--due", "2026-12-02 17:30", "--callback", "03/12/2026")
        number = re.search(r"T-2026-\d{6}", opened.stdout).group(0)
        listed = self.succeeded("ticket", "list", self.uri, "--customer", creperie, "--kind", "quote_request")
        self.assertRegex(listed.stdout, rf"\n{number} .* 02/12/2026 17:30 +Rappeler pour devis\n")
        refused = self.succeeded("ticket", "open", self.uri, "--customer", creperie, "--subject", "x", "--due",
                                 "jeudi", code=2)
        self.assertIn("valeur refusée pour --due : une date et une heure de Paris sont attendues", refused.stderr)
        self.assertIn("pas « jeudi »", refused.stderr)
        long_ago = self.succeeded("ticket", "open", self.uri, "--customer", creperie, "--subject", "x", "--due",
                                  "1900-01-01", code=1)
        self.assertIn("champ « due_at »", long_ago.stderr)

    def test_search_ignores_accents_and_case_and_finds_phone_digits(self):
        plain = self.succeeded("search", self.uri, "four", "--kind", "ticket")
        self.assertRegex(plain.stdout, r"^Quoi +Quand +Titre +Extrait\n")
        self.assertIn("T-2026-", plain.stdout)
        self.assertRegex(plain.stdout, r"\n\d+ résultats?\n$")
        self.assertEqual(self.succeeded("search", self.uri, "FOUR", "à", "SOLE").stdout,
                         self.succeeded("search", self.uri, "four", "a", "sole").stdout)
        by_digits = self.succeeded("search", self.uri, "4718", "--kind", "customer")
        self.assertIn("Boulangerie Kerhervé", by_digits.stdout)

    def test_search_reads_query_syntax_as_words_and_names_bad_input(self):
        self.assertEqual(self.succeeded("search", self.uri, '"AND OR NEAR(').stdout, "Aucun résultat.\n")
        empty = self.succeeded("search", self.uri, '"()', code=1)
        self.assertIn("champ « text », valeur « \"() »", empty.stderr)
        kind = self.succeeded("search", self.uri, "four", "--kind", "devis", code=1)
        self.assertIn("champ « kind », valeur « devis »", kind.stderr)
        self.succeeded("search", self.uri, code=2)

    def test_reminders_tick_then_list_in_french(self):
        ticked = self.succeeded("reminders", "tick", self.uri, "--at", "2026-12-31 09:00")
        self.assertRegex(ticked.stdout, r"^\d+ rappels? créés?, \d+ annulés?, \d+ événements? lus?\.\n")
        self.assertRegex(ticked.stdout, r"\nÉchéance +Pour +État +Motif +Objet\n")
        self.assertIn("Nouvelle demande sans responsable", ticked.stdout)
        again = self.succeeded("reminders", "tick", self.uri, "--at", "2026-12-31 09:00")
        self.assertTrue(again.stdout.startswith("0 rappel créé, 0 annulé, "), again.stdout)
        self.assertIn("Rien n'est arrivé à échéance.", again.stdout)
        listed = self.succeeded("reminders", "list", self.uri, "--assignee", "", "--limit", "500")
        self.assertRegex(listed.stdout, r"^Échéance +Pour +État +Motif +Objet\n")
        self.assertRegex(listed.stdout, r"\n\d\d/\d\d/2026 \d\d:\d\d  tout le monde .*Nouvelle demande sans "
                                        r"responsable : l'attribuer +ticket T-2026-\d{6}\n")
        self.assertRegex(listed.stdout, r"\n\d+ rappels?\n$")
        bad = self.succeeded("reminders", "list", self.uri, "--window", "hier", code=2)
        self.assertIn("open, due_today, overdue, upcoming ou closed est attendu, pas « hier »", bad.stderr)

    def test_survey_commands_name_what_is_missing_and_the_bad_rows(self):
        unconfigured = self.succeeded("survey", "send", self.uri, code=1)
        self.assertIn("champ « url_template »", unconfigured.stderr)
        listed = self.succeeded("survey", "list", self.uri, RELAIS_LANG="en")
        self.assertEqual(listed.stdout, "No survey.\n")
        figures = self.succeeded("survey", "figures", self.uri, "--from", "2026-01-01", "--to", "2026-12-31",
                                 RELAIS_LANG="en")
        self.assertRegex(figures.stdout, r"\n  Sent +0\n")
        self.assertRegex(figures.stdout, r"\n  Average score +-\n")
        answers = Path(self.folder.name) / "answers.csv"
        answers.write_text("token;score\nabc;11\nzzz;5\n", encoding="utf-8")
        imported = self.succeeded("survey", "import", self.uri, str(answers), code=1, RELAIS_LANG="en")
        self.assertIn("2 rows read: 0 answers recorded, 0 already recorded, 2 rejected.", imported.stdout)
        self.assertIn('"11"', imported.stdout)
        self.assertIn('"zzz"', imported.stdout)
        self.succeeded("survey", "list", self.uri, "--state", "later", code=2)
    def test_dashboard_prints_the_sections_and_writes_the_page(self):
        page = Path(self.folder.name) / "office.html"
        shown = self.succeeded("dashboard", self.uri, "--office", "--at", "2026-12-31 09:00", "--html", str(page),
                               RELAIS_LANG="en")
        self.assertRegex(shown.stdout, r"^Office dashboard — 31/12/2026 09:00\n")
        for heading in ("Reminders", "Promised callbacks", "Tickets waiting for more than 3 days",
                        "New requests since yesterday", "Traceability of inbound calls and mails", "Mails to sort",
                        "Response times (medians)", "Calls to qualify"):
            self.assertIn(f"\n{heading}\n", shown.stdout)
        self.assertIn(f"Page written to {page}", shown.stdout)
        html = page.read_text(encoding="utf-8")
        self.assertIn('<html lang="en">', html)
        self.assertRegex(html, r'data-count="calls_to_qualify.count">\d+<')
        self.assertNotIn("<script", html)
        french = Path(self.folder.name) / "bureau.html"
        self.succeeded("dashboard", self.uri, "--office", "--html", str(french))
        self.assertIn('<html lang="fr">', french.read_text(encoding="utf-8"))
        unknown = self.succeeded("dashboard", self.uri, "--user", "personne", code=1)
        self.assertIn("« user »", unknown.stderr)
        self.assertIn("personne", unknown.stderr)
        negative = self.succeeded("dashboard", self.uri, "--waiting-days", "-1", code=1)
        self.assertIn("waiting_days", negative.stderr)

    def test_ticket_errors(self):
        unknown = self.succeeded("ticket", "assign", self.uri, "T-2026-999999", "gaetan", code=1)
        self.assertIn("relais: Introuvable.", unknown.stderr)
        bad_status = self.succeeded("ticket", "status", self.uri, "T-2026-000001", "done", code=2)
        self.assertIn("valeur refusée pour <statut> : new, open, waiting_customer", bad_status.stderr)
        self.succeeded("ticket", "open", self.uri, "--subject", "Sans client", code=2)
        self.succeeded("ticket", "list", self.uri, "--limit", "0", code=2)


class InboxTest(unittest.TestCase):
    """relais inbox ingest (committed 50 files at a time) and retrain, on a new workspace classified by
    the shipped fastText model."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="relais-cli-inbox-")
        self.root = Path(self.folder.name)
        self.uri = f"sqlite://{self.root / 'inbox.db'}"

    def tearDown(self):
        self.folder.cleanup()

    def mail(self, number, subject, extra=""):
        return (f"From: Sophie Durand <sophie@durand-elec.fr>\r\nTo: contact@duret-elec.fr\r\nSubject: {subject}\r\n"
                f"Message-ID: <m{number}@durand-elec.fr>\r\n{extra}MIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\nBonjour, plus de courant depuis ce matin.\r\n")

    def test_ingest_takes_a_folder_in_batches_and_reports_each_message(self):
        mails = self.root / "mails"
        mails.mkdir()
        for number in range(60):  # two batches
            (mails / f"{number:03}.eml").write_text(self.mail(number, f"Panne {number}"), encoding="utf-8")
        (mails / "060.eml").write_text(self.mail(0, "Panne 0"), encoding="utf-8")  # the first one again
        result = run("inbox", "ingest", self.uri, str(mails))
        self.assertEqual(result.returncode, 0, msg=result.stdout + result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 61, result.stdout)
        self.assertTrue(lines[-1].endswith("-> déjà enregistré"), lines[-1])

    def test_retrain_from_a_corpus_file(self):
        shipped = Path(RELAIS).resolve().parent.parent / "share/relais/models/mail-corpus.jsonl"
        corpus = self.root / "corpus.jsonl"
        corpus.write_text("\n".join(shipped.read_text(encoding="utf-8").splitlines()[::12]) + "\n",
                          encoding="utf-8")
        result = run("inbox", "retrain", self.uri, "--corpus", str(corpus))
        self.assertEqual(result.returncode, 0, msg=result.stdout + result.stderr)
        self.assertRegex(result.stdout, r"fasttext-1 trained \d{4}-\d\d-\d\d on 1000 mails")
        missing = run("inbox", "retrain", self.uri, "--corpus", str(self.root / "missing.jsonl"))
        self.assertNotEqual(missing.returncode, 0)


if __name__ == "__main__":
    unittest.main()
