// `sujuva compare BEFORE AFTER [MORE...]`: key figures side by side, structural diff, narrative, diff diagram.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>
#include <sstream>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "compare/comparison.h"
#include "compare/simulated.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"
#include "model/scenario.h"
#include "present/atomic_file.h"
#include "present/comparison_json.h"
#include "present/comparison_text.h"
#include "present/narrative.h"
#include "render/diagram.h"
#include "render/diff_diagram.h"
#include "render/figures.h"
#include "render/graphviz.h"
#include "text/format.h"

namespace sujuva::cli {

namespace {

void print(const Diagnostics& diagnostics, Lang lang, std::ostream& err) {
  for (const auto& d : diagnostics) err << d.format(lang) << "\n";
}

// The scenario's changes: `;` separates several changes applied together.
std::vector<std::string> split_changes(const std::string& scenario) {
  std::vector<std::string> parts;
  std::stringstream in(scenario);
  std::string part;
  while (std::getline(in, part, ';'))
    if (part.find_first_not_of(" \t") != std::string::npos) parts.push_back(part);
  return parts;
}

// Applies a scenario to a copy of `base`; a message on failure, as `analyze --set` words it
// (`--scenario sx.fte=+1: no role "sx" ...`). The change's message names the change, so the
// scenario is quoted before it only when it holds several.
std::optional<std::string> apply_scenario(Process& process, const std::string& scenario, Lang lang) {
  auto changes = split_changes(scenario);
  if (changes.empty())
    return "--scenario \"" + scenario + "\": " + say(lang, "muunnelmassa ei ole muutoksia", "scenariot har inga ändringar",
                                                    "empty scenario");
  const std::string which = changes.size() > 1 ? "--scenario \"" + scenario + "\": " : "--scenario ";
  for (const auto& text : changes) {
    auto change = parse_override(text, lang);
    if (!change) return which + change.error;
    if (auto problem = apply_override(process, *change.value, lang); !problem.empty()) return which + problem;
  }
  return std::nullopt;
}

int write_diagram(const std::string& path, const Process& before, const Process& after, const StructuralDiff& diff,
                  Lang lang, std::ostream& err) {
  auto format = format_from_path(path);
  if (!format) {
    err << unknown_diagram_format(path, lang) << "\n";
    return kUnusable;
  }
  try {
    write_file_atomically(path, render_dot(diff_dot(before, after, diff, lang), *format), lang);
  } catch (const std::exception& e) {
    err << path << ": " << error_text(e, lang) << "\n";
    return kUnusable;
  }
  return kOk;
}

// Each model's own heat-map diagram (utilisation colours, check findings), as `sujuva render` draws it.
int write_heatmaps(const std::vector<std::string>& paths, const std::vector<Process>& processes, Lang lang,
                   std::ostream& err) {
  if (paths.size() > processes.size()) {
    err << "sujuva compare: "
        << fmt::format(
               fmt::runtime(say(lang, "--heatmap-tiedostoja {} mutta malleja {}; anna enintään yksi mallia kohden",
                                "{} --heatmap-filer men {} modeller; ange högst en per modell",
                                "{} --heatmap files for {} models; give at most one per model")),
               paths.size(), processes.size())
        << "\n";
    return kUnusable;
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    auto format = format_from_path(paths[i]);
    if (!format) {
      err << unknown_diagram_format(paths[i], lang) << "\n";
      return kUnusable;
    }
    try {
      AnalysisOptions options;
      options.lang = lang;
      options.sensitivity = false;
      DiagramFigures figures = figures_from(processes[i], analyze(processes[i], options));
      DiagramOptions diagram{lang, ColorBy::utilisation, false};
      std::string dot = diagram_dot(processes[i], diagram, &figures, check_process(processes[i], lang));
      write_file_atomically(paths[i], render_dot(dot, *format), lang);
    } catch (const std::exception& e) {
      err << paths[i] << ": " << error_text(e, lang) << "\n";
      return kUnusable;
    }
  }
  return kOk;
}

void print_text(const Comparison& c, Lang lang, const TextFit& fit, std::ostream& out) {
  const auto titles = column_titles(c, lang);
  for (size_t i = 1; i < c.models.size(); ++i) {
    out << wrap_text(titles[0] + " → " + titles[i], fit.width, "", "  ");
    for (const auto& sentence : narrative(c, i, lang)) out << wrap_text(sentence, fit.width, "  ", "    ");
    out << "\n";
  }
  out << format_table(c, lang, fit);
}

}  // namespace

int compare_command(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang help = args_lang(args);
  CLI::App app{
      say(help,
          "Vertaa prosessimalleja ennen ja jälkeen muutoksen: virtausanalyysin tunnusluvut (kyllästyminen, "
          "läpimenoaika, käyttöaste ja odotus rooleittain, siirrot, vaaditulle työntekijälle päätyvät erityistä tukea "
          "tarvitsevat, pakolliset tarkistuspisteet, pullonkaula) muutoksineen, rakenteen erot ja kuvaus "
          "sanoin.\nYhdellä mallilla ja --scenario-valinnalla vertaa mallia sen muunnelmiin.\nPaluuarvot: 0 verrattu, "
          "2 lukukelvoton tai vertailukelvoton syöte tai väärä käyttö.",
          "Jämför processmodeller före och efter en förändring: nyckeltal från flödesanalysen (mättnad, genomloppstid, "
          "beläggning och väntan per roll, överlämningar, klienter i behov av särskilt stöd som når krävd yrkesgrupp, "
          "obligatoriska kontrollpunkter, flaskhals) med förändring, skillnaderna i strukturen och en beskrivning i "
          "ord.\nMed en MODELL och --scenario jämförs modellen med sina varianter.\nSlutkoder: 0 jämfört, 2 oläslig "
          "eller ojämförbar indata eller felaktig användning.",
          "Compare process models before and after a change: key figures from the flow analysis (saturation, lead "
          "time, "
          "utilisation and wait per role, handoffs, special-support clients reaching the required role, mandatory "
          "checkpoints, bottleneck) with absolute and relative change, the structural diff and a narrative.\n"
          "With one MODEL and --scenario, compares the model with its variations.\n"
          "Exit codes: 0 compared, 2 unreadable or incomparable input, or usage."),
      "sujuva compare"};
  std::vector<std::string> files, scenarios, heatmaps;
  std::string diagram;
  Lang lang = Lang::fi;
  bool json = false, simulate = false, wide = false;
  SimulatedOptions sim_options;
  app.add_option(say(help, "MALLI", "MODELL", "MODEL"), files,
                 say(help, "prosessimallit (DOT): ensimmäinen on lähtötilanne (ennen)",
                     "processmodeller (DOT): den första är utgångsläget (före)",
                     "DOT process models: the first is the baseline (before)"))
      ->required();
  app.add_option("--scenario", scenarios,
                 say(help,
                     "ensimmäisen mallin muunnelma, esim. \"sw.fte=+1\", \"absence=0,2\", \"a->b.p=0,4\"; useampi "
                     "muutos yhdessä skenaariossa ';'-merkein eroteltuna; toista, niin sarakkeita tulee lisää",
                     "en variant av den första modellen, t.ex. \"sw.fte=+1\", \"absence=0,2\", \"a->b.p=0,4\"; flera "
                     "förändringar i ett scenario åtskilda med ';'; upprepa för fler kolumner",
                     "a variation of the first model, e.g. \"sw.fte=+1\", \"absence=0.2\", \"a->b.p=0.4\"; several "
                     "changes in one scenario separated by ';'; repeat for more columns"));
  add_lang_option(app, lang,
                  say(help, "kuvauksen ja taulukon kieli: fi, sv tai en (oletus fi)",
                      "språk för beskrivningen och tabellen: fi, sv eller en (standard fi)",
                      "language of the narrative and table: fi, sv or en (default fi)"));
  add_wide_option(app, wide, help);
  app.add_option("--diagram", diagram,
                 say(help, "piirtää kahden ensimmäisen mallin erot kaavioksi (.svg, .png, .pdf, .dot)",
                     "ritar skillnaderna mellan de två första modellerna som diagram (.svg, .png, .pdf, .dot)",
                     "write the diff of the first two models as a diagram (.svg, .png, .pdf, .dot)"));
  app.add_option("--heatmap", heatmaps,
                 say(help,
                     "piirtää mallin oman kaavion käyttöasteen väreillä (.svg, .png, .pdf, .dot); toista: ensimmäinen "
                     "tiedosto on ensimmäisen mallin, toinen toisen, ...",
                     "ritar en modells eget diagram färgat efter beläggning (.svg, .png, .pdf, .dot); upprepa: den "
                     "första filen är den första modellens, den andra den andras, ...",
                     "write a model's own diagram coloured by utilisation (.svg, .png, .pdf, .dot); repeat: the first "
                     "file is the first model's, the second the second's, ..."));
  app.add_flag("--simulate", simulate,
               say(help,
                   "simuloi myös jokaisen mallin samalla siemenellä (yhteiset satunnaisluvut): läpimenoajan "
                   "prosenttipisteet ja määräajoissa pysyminen 95 %:n väleineen",
                   "simulerar också varje modell med samma frö (gemensamma slumptal): percentiler för genomloppstiden "
                   "och hållna tidsfrister med 95 % intervall",
                   "also simulate every model with the same seed (common random numbers): lead-time percentiles and "
                   "deadline compliance with 95% intervals"));
  app.add_option("--replications", sim_options.replications,
                 say(help, "simuloinnin toistot (oletus 20)", "simuleringens upprepningar (standard 20)",
                     "simulation replications (default 20)"))
      ->check(CLI::Range(2, 10000));
  app.add_option(
         "--weeks", sim_options.weeks,
         say(help, "simuloidut viikot lämmittelyn jälkeen (oletus 260)",
             "simulerade veckor efter uppvärmningen (standard 260)", "simulated weeks after the warm-up (default 260)"))
      ->check(CLI::Range(1.0, 5200.0));
  app.add_option("--warmup", sim_options.warmup_weeks,
                 say(help, "luvuista pois jätettävät lämmittelyviikot (oletus: mallien omista pisin, kuten simulate)",
                     "uppvärmningsveckor som inte räknas (standard: den längsta av modellernas egna, som i simulate)",
                     "warm-up weeks left out of the figures (default: the longest of the models' own, as in simulate)"))
      ->check(CLI::Range(0.0, 5200.0));
  app.add_option("--seed", sim_options.seed,
                 say(help, "simuloinnin satunnaislukujen siemen (oletus 1)", "simuleringens slumpfrö (standard 1)",
                     "random seed of the simulation (default 1)"));
  app.add_flag("--json", json,
               say(help, "vertailu JSON-muodossa (before, after, delta, relative, structure, narrative)",
                   "jämförelsen som JSON (before, after, delta, relative, structure, narrative)",
                   "print the comparison as JSON (before, after, delta, relative, structure, narrative)"));
  if (auto code = parse_arguments(app, args, out, err)) return *code;

  if (!diagram.empty() && writes_over_input("compare", "--diagram", diagram, files, lang, err)) return kUnusable;
  for (const auto& heatmap : heatmaps)
    if (writes_over_input("compare", "--heatmap", heatmap, files, lang, err)) return kUnusable;
  std::vector<Process> processes;
  std::vector<std::string> names;
  bool unusable = false;
  for (const auto& file : files) {
    ReadResult result = read_process_file(file, lang);
    print(result.diagnostics, lang, err);
    if (!result.usable()) {
      err << unusable_file(file, lang) << "\n";
      unusable = true;
      continue;
    }
    processes.push_back(std::move(*result.process));
    names.push_back(processes.back().name);
  }
  if (unusable) return kUnusable;
  for (const auto& scenario : scenarios) {
    Process variant = processes.front();
    if (auto problem = apply_scenario(variant, scenario, lang)) {
      err << "sujuva compare: " << *problem << "\n";
      return kUnusable;
    }
    names.push_back(processes.front().name + ": " + scenario);
    // The variant's title says which it is, in every column heading and diagram title.
    for (std::string* title : {&variant.title.fi, &variant.title.sv, &variant.title.en})
      if (!title->empty()) *title += " (" + scenario + ")";
    processes.push_back(std::move(variant));
  }
  if (processes.size() < 2) {
    err << "sujuva compare: "
        << say(lang, "anna vähintään kaksi mallia tai yksi malli ja --scenario",
               "ange minst två modeller, eller en modell och --scenario",
               "give two or more models, or one model and --scenario")
        << "\n";
    return kUnusable;
  }

  std::vector<const Process*> pointers;
  for (const auto& p : processes) pointers.push_back(&p);
  Comparison comparison;
  try {
    comparison = compare_processes(pointers, names, lang);
  } catch (const CompareError& e) {
    Diagnostics diagnostics = e.diagnostics;
    for (auto& d : diagnostics)
      for (const char* attribute : {"hours_per_fte", "hours_per_day"})
        if (d.line == 0 && d.message.rfind(attribute, 0) == 0) d.line = dot_attribute_line(d.file, attribute);
    print(diagnostics, lang, err);
    return kUnusable;
  }
  if (!diagram.empty())
    if (int code = write_diagram(diagram, processes[0], processes[1], comparison.diffs[0], lang, err)) return code;
  if (int code = write_heatmaps(heatmaps, processes, lang, err)) return code;
  std::vector<SimulatedKpis> simulated;
  if (simulate) {
    try {
      sim_options.lang = lang;
      sim_options.warmup_weeks = comparison_warmup_weeks(pointers, sim_options);
      simulated = simulate_for_comparison(pointers, sim_options);
    } catch (const std::exception& e) {
      err << "sujuva compare --simulate: " << error_text(e, lang) << "\n";
      return kUnusable;
    }
  }
  if (json) {
    nlohmann::json doc = to_json(comparison, lang);
    if (simulate) doc["simulation"] = simulation_json(simulated, sim_options);
    out << doc.dump(2) << "\n";
  } else {
    print_text(comparison, lang, text_fit(wide), out);
    if (simulate) out << "\n" << format_simulated(simulated, names, sim_options, lang);
  }
  return kOk;
}

}  // namespace sujuva::cli
