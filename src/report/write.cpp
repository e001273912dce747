#include "present/analysis_json.h"
#include "report/write.h"

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "present/atomic_file.h"
#include "render/diagram.h"
#include "render/figures.h"
#include "render/graphviz.h"
#include "report/report.h"

namespace sujuva {

std::string default_report_dir(const Process& process) {
  return (std::filesystem::path("reports") / (process.name.empty() ? "process" : process.name)).string();
}

std::vector<std::string> write_report(const Process& process, const std::string& source_text, const Analysis* analysis,
                                      const std::string& analysis_error, const Diagnostics& findings,
                                      const ReportFolder& folder) {
  namespace fs = std::filesystem;
  fs::path dir(folder.dir);
  create_folder(folder.dir, folder.lang);

  std::optional<DiagramFigures> figures;
  if (analysis) figures = figures_from(process, *analysis);
  const DiagramFigures* f = figures ? &*figures : nullptr;
  std::string dot = diagram_dot(process, {.lang = folder.lang, .color = ColorBy::utilisation}, f, findings);
  std::string poster =
      diagram_dot(process, {.lang = folder.lang, .color = ColorBy::utilisation, .poster = true}, f, findings);

  ReportInputs in;
  in.process = &process;
  in.analysis = analysis;
  in.analysis_error = analysis_error;
  in.findings = findings;
  in.diagram_svg = render_dot(dot, OutputFormat::svg);
  in.model_comment = model_header_comment(source_text);
  in.simulation_html = folder.simulation_html;
  in.simulation_markdown = folder.simulation_markdown;
  in.comparison_html = folder.comparison_html;
  in.comparison_markdown = folder.comparison_markdown;

  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("index.html", report_html(in, folder.lang));
  files.emplace_back("report.md", report_markdown(in, folder.lang));
  std::ostringstream analysis_json;
  if (analysis)
    write_json(*analysis, process, analysis_json);
  else
    analysis_json << nlohmann::json{{"model", process.name}, {"error", analysis_error}}.dump(2);
  files.emplace_back("analysis.json", analysis_json.str() + "\n");
  files.emplace_back("diagram.svg", in.diagram_svg);
  files.emplace_back("diagram.png", render_dot(dot, OutputFormat::png));
  files.emplace_back("poster.pdf", render_pdf_page(poster, kPosterWidthInches, kPosterHeightInches));
  std::vector<std::string> written;
  for (const auto& [name, content] : files) {
    std::string path = (dir / name).string();
    write_file_atomically(path, content, folder.lang);
    written.push_back(path);
  }
  return written;
}

}  // namespace sujuva
