"""The relais command-line tool, run as a subprocess the way the staff run it.

Environment: RELAIS_CLI (the executable), RELAIS_DEMO_DATA (the demo data
file, read here to derive what the demo must print) and RELAIS_PLUGIN_PATH.
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
        self.assertEqual([line.split("  ")[0] for line in lines[1:-1]], expected)
        self.assertEqual(lines[-1], f"{len(expected)} clients")

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
        self.assertTrue(result.stdout.endswith(f"\n{len(DEMO['customers'])} clients\n"), result.stdout)


class CommandLineTest(unittest.TestCase):
    def test_usage_errors_exit_with_2(self):
        for args in [(), ("frobnicate",), ("customers", "lookup", "x.db"),
                     ("customers", "list"), ("customers", "list", "x.db", "--colour", "red"),
                     ("journal", "verify", "x.db", "--head", "not-a-head")]:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2, msg=result.stderr)
                self.assertTrue(result.stderr.startswith(("relais: ", "Utilisation")), result.stderr)

    def test_help_lists_commands_in_french(self):
        result = run("help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("Utilisation : relais <commande> [arguments]", result.stdout)
        self.assertIn("relais customers lookup <uri> (--phone NUMÉRO | --email ADRESSE)", result.stdout)

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

    def test_demo_recreates_an_existing_workspace(self):
        with tempfile.TemporaryDirectory() as folder:
            database = Path(folder) / "again.db"
            first = run("demo", str(database))
            second = run("demo", str(database))
            self.assertEqual(second.returncode, 0, msg=second.stderr)
            self.assertIn(f"{len(DEMO['customers'])} clients saisis", second.stdout)
            checked = r"Journal intègre : \d+ entrées"
            self.assertEqual(re.findall(checked, first.stdout), re.findall(checked, second.stdout))


if __name__ == "__main__":
    unittest.main()
