// `sujuva render MODEL -o FILE`: the process as a diagram (svg, png, pdf or annotated dot).
#include <CLI/CLI.hpp>
#include <ostream>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"
#include "present/atomic_file.h"
#include "render/diagram.h"
#include "render/figures.h"
#include "render/graphviz.h"
#include "text/format.h"

namespace sujuva::cli {

int render_command(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang help = args_lang(args);
  CLI::App app{say(help,
                   "Piirtää prosessimallin kaavioksi: kaista kullekin roolille, tarkistuspisteet, käyttöasteen tai "
                   "odotuksen lämpökartta, tarkistuksen löydökset.\nMuoto tulee tiedostopäätteestä: .svg, .png, .pdf, "
                   ".dot (DOT merkinnöin).\nPaluuarvot: 0 kirjoitettu, 2 käyttökelvoton syöte, väärä käyttö tai "
                   "tiedostoa ei voi kirjoittaa.",
                   "Ritar en processmodell som diagram: ett band per roll, kontrollpunkter, värmekarta över "
                   "beläggning eller väntan, kontrollens fynd.\nFormatet följer filändelsen: .svg, .png, .pdf, "
                   ".dot (DOT med anteckningar).\nSlutkoder: 0 skriven, 2 oanvändbar indata, felaktig användning eller "
                   "filen kan inte skrivas.",
                   "Draw a process model as a diagram: swimlanes per role, checkpoints, heat map of utilisation or "
                   "waiting, the check's findings.\nThe format follows the output file's extension: .svg, .png, .pdf, "
                   ".dot (annotated DOT).\nExit codes: 0 written, 2 unusable input, usage or unwritable output."),
               "sujuva render"};
  std::string file, output, color = "utilisation";
  Lang lang = Lang::fi;
  bool poster = false;
  app.add_option(say(help, "MALLI", "MODELL", "MODEL"), file,
                 say(help, "prosessimalli (DOT)", "processmodell (DOT)", "DOT process model file"))
      ->required();
  app.add_option("-o,--output", output,
                 say(help, "kirjoitettava tiedosto: .svg, .png, .pdf tai .dot",
                     "fil som skrivs: .svg, .png, .pdf eller .dot", "output file: .svg, .png, .pdf or .dot"))
      ->required();
  add_lang_option(app, lang,
                  say(help, "nimien ja vakiosanojen kieli: fi, sv, en", "språk för namn och fasta ord: fi, sv, en",
                      "language of labels and fixed words: fi, sv, en"),
                  LangHelp::default_value);
  app.add_option("--color", color,
                 say(help, "lämpökartta: utilisation (käyttöaste), wait (odotus) tai none (ei)",
                     "värmekarta: utilisation (beläggning), wait (väntan) eller none (ingen)",
                     "heat map: utilisation, wait or none"))
      ->capture_default_str();
  app.add_flag("--poster", poster,
               say(help, "isot kirjaimet, vähemmän lukuja, A3 vaakaan", "stora bokstäver, färre tal, A3 liggande",
                   "large fonts, fewer numbers, scaled to A3 landscape"));
  if (auto code = parse_arguments(app, args, out, err)) return *code;

  DiagramOptions options;
  auto color_by = parse_color_by(color);
  auto format = format_from_path(output);
  if (!color_by)
    return err << "sujuva render: --color "
               << say(lang, "on utilisation, wait tai none, ei \"", "ska vara utilisation, wait eller none, inte \"",
                      "must be utilisation, wait or none, not \"")
               << color << "\"\n",
           kUnusable;
  if (!format) return err << "sujuva render: " << unknown_diagram_format(output, lang) << "\n", kUnusable;
  if (writes_over_input("render", "-o", output, {file}, lang, err)) return kUnusable;
  options.lang = lang;
  options.color = *color_by;
  options.poster = poster;

  ReadResult result = read_process_file(file, options.lang);
  for (const auto& d : result.diagnostics) err << d.format(options.lang) << "\n";
  if (!result.usable()) return err << unusable_file(file, lang) << "\n", kUnusable;
  const Process& process = *result.process;
  Diagnostics findings = check_process(process, options.lang);
  std::optional<DiagramFigures> figures;
  try {
    AnalysisOptions analysis_options;
    analysis_options.lang = options.lang;
    analysis_options.sensitivity = false;
    figures = figures_from(process, analyze(process, analysis_options));
  } catch (const AnalysisError& e) {
    // The drawing of the model is still worth having without the numbers.
    for (const auto& d : e.diagnostics) err << d.format(options.lang) << "\n";
    err << "sujuva render: "
        << say(lang, "kaavioon ei tule virtauslukuja: ", "diagrammet får inga flödestal: ",
               "no flow figures on the diagram: ")
        << e.what() << "\n";
  }
  try {
    std::string dot = diagram_dot(process, options, figures ? &*figures : nullptr, findings);
    bool page = options.poster && *format == OutputFormat::pdf;
    write_file_atomically(
        output, page ? render_pdf_page(dot, kPosterWidthInches, kPosterHeightInches) : render_dot(dot, *format), lang);
  } catch (const std::exception& e) {
    err << "sujuva render: " << error_text(e, lang) << "\n";
    return kUnusable;
  }
  out << output << "\n";
  return kOk;
}

}  // namespace sujuva::cli
