#include "cli/commands.h"

#include <ostream>

#include "cli/common.h"
#include "model/diagnostic.h"
#include "text/format.h"

namespace sujuva::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"check", "tarkistaa mallit: saavuttamattomat vaiheet, umpikujat, ohitetut tarkistuspisteet ja roolit",
       "kontrollerar modeller: steg som inte nås, återvändsgränder, förbigångna kontrollpunkter och roller",
       "check models for unreachable steps, traps, skipped checkpoints and bypassed roles", check_command},
      {"analyze", "tasapainotilan virtaus: työmäärä, käyttöaste, odotus, läpimenoaika, pullonkaulat",
       "flöde i jämvikt: arbetsmängd, beläggning, väntan, genomloppstid, flaskhalsar",
       "steady-state flow: workload, utilisation, waiting, lead time, bottlenecks", analyze_command},
      {"simulate", "simulointi: prosenttipisteet, määräajat, luottamusvälit",
       "simulering: percentiler, tidsfrister, konfidensintervall",
       "discrete-event simulation: percentiles, deadlines, confidence intervals", simulate_command},
      {"render", "piirtää prosessin SVG-, PNG-, PDF- tai DOT-tiedostoksi",
       "ritar processen som SVG, PNG, PDF eller DOT", "draw the process as SVG, PNG, PDF or annotated DOT",
       render_command},
      {"report", "kirjoittaa HTML-raportin kaavioineen ja kuvioineen",
       "skriver en HTML-rapport med diagram och figurer", "write a self-contained HTML report with diagram and charts",
       report_command},
      {"compare", "vertaa malleja tai skenaarioita ennen ja jälkeen muutoksen",
       "jämför modeller eller scenarier före och efter en förändring",
       "compare models or scenarios before and after a change", compare_command},
  };
  return table;
}

namespace {
void print_help(Lang lang, std::ostream& out) {
  out << "sujuva " SUJUVA_VERSION " - "
      << say(lang, "prosessikartat ja pullonkaulat sosiaalipalveluihin",
             "processkartor och flaskhalsar för socialtjänsten", "process maps and bottlenecks for social services")
      << "\n\n"
      << say(lang, "käyttö: sujuva <komento> [valinnat] MALLI...\n\nkomennot:\n",
             "användning: sujuva <kommando> [flaggor] MODELL...\n\nkommandon:\n",
             "usage: sujuva <command> [options] MODEL...\n\ncommands:\n");
  for (const auto& c : commands())
    out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ')
        << say(lang, c.description_fi, c.description_sv, c.description_en) << "\n";
  out << "\n"
      << say(lang, "'sujuva <komento> --help' näyttää komennon valinnat.\n",
             "'sujuva <kommando> --help' visar kommandots flaggor.\n",
             "'sujuva <command> --help' shows a command's options.\n")
      << say(lang, "kieli: --lang fi, sv tai en (oletus fi tai ympäristömuuttuja SUJUVA_LANG)\n",
             "språk: --lang fi, sv eller en (standard fi eller miljövariabeln SUJUVA_LANG)\n",
             "language: --lang fi, sv or en (default fi, or the environment variable SUJUVA_LANG)\n")
      << say(lang, "paluuarvot: 0 kunnossa, 1 löydöksiä, 2 käyttökelvoton syöte tai väärä käyttö\n",
             "slutkoder: 0 i ordning, 1 fynd, 2 oanvändbar indata eller felaktig användning\n",
             "exit codes: 0 ok, 1 findings, 2 unusable input or usage\n");
}

bool is_lang_argument(const Args& args, size_t i) {
  return args[i].rfind("--lang=", 0) == 0 || args[i] == "--lang" || (i > 0 && args[i - 1] == "--lang");
}
}  // namespace

int run(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang lang = args_lang(args);
  // `sujuva --lang sv help` and `sujuva help --lang sv`: the language is not the command.
  Args rest;
  for (size_t i = 0; i < args.size(); ++i)
    if (!is_lang_argument(args, i) || (!rest.empty() && rest[0] != "help")) rest.push_back(args[i]);
  if (rest.empty() || rest[0] == "help" || rest[0] == "--help" || rest[0] == "-h") {
    if (rest.size() >= 2 && rest[0] == "help") return run({rest[1], "--help", "--lang", lang_code(lang)}, out, err);
    print_help(lang, rest.empty() && args.empty() ? err : out);
    return rest.empty() && args.empty() ? kUnusable : kOk;
  }
  if (rest[0] == "--version" || rest[0] == "version") {
    out << "sujuva " SUJUVA_VERSION "\n";
    return kOk;
  }
  for (const auto& c : commands())
    if (rest[0] == c.name) {
      try {
        // Everything but the command word itself, a `--lang` before it included.
        Args passed;
        bool skipped = false;
        for (size_t i = 0; i < args.size(); ++i) {
          if (!skipped && !is_lang_argument(args, i)) {
            skipped = true;
            continue;
          }
          passed.push_back(args[i]);
        }
        return c.run(passed, out, err);
      } catch (const std::exception& e) {
        err << "sujuva " << c.name << ": " << e.what() << "\n";
        return kUnusable;
      }
    }
  std::vector<std::string> names;
  for (const auto& c : commands()) names.push_back(c.name);
  std::string suggestion = did_you_mean(rest[0], names);
  err << say(lang, "sujuva: tuntematon komento \"", "sujuva: okänt kommando \"", "sujuva: unknown command \"")
      << rest[0] << "\"" << did_you_mean_hint(suggestion, lang)
      << say(lang, "; katso 'sujuva help'\n", "; se 'sujuva help'\n", "; see 'sujuva help'\n");
  return kUnusable;
}

}  // namespace sujuva::cli
