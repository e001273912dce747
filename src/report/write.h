// Writes a model's whole report folder: index.html, report.md, analysis.json, diagram.svg, diagram.png, poster.pdf.
//
//   ReportFolder folder{.dir = "reports/aikuissosiaalityo-nykytila", .lang = Lang::fi};
//   auto written = write_report(process, source_text, &analysis, "", findings, folder);
#pragma once

#include <string>
#include <vector>

#include "flow/analysis.h"
#include "model/diagnostic.h"
#include "model/process.h"

namespace sujuva {

struct ReportFolder {
  std::string dir;
  Lang lang = Lang::fi;
  std::string simulation_html;  // optional --simulate section
  std::string simulation_markdown;
  std::string comparison_html;  // optional --compare section
  std::string comparison_markdown;
};

// The default folder of a model's report: reports/<model name>.
std::string default_report_dir(const Process& process);

// Creates `folder.dir` if needed and writes the six files into it, each
// atomically; touches nothing else. Returns the paths written. Throws
// std::runtime_error (with the path) when a file cannot be written.
std::vector<std::string> write_report(const Process& process, const std::string& source_text, const Analysis* analysis,
                                      const std::string& analysis_error, const Diagnostics& findings,
                                      const ReportFolder& folder);

}  // namespace sujuva
