// The report of one model for a team meeting: index.html (self-contained) and report.md.
//
//   ReportInputs in{.process = &process, .analysis = &analysis, .findings = check_process(process, lang),
//                   .diagram_svg = render_dot(dot, OutputFormat::svg), .model_comment = model_header_comment(text)};
//   std::string html = report_html(in, Lang::sv);
//
// Every user-supplied string (labels, ids, notes, comments, finding messages)
// is escaped; the HTML has a Content-Security-Policy that forbids scripts and
// every network request, so the file works offline and runs nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flow/analysis.h"
#include "model/diagnostic.h"
#include "model/process.h"

namespace sujuva {

struct ReportInputs {
  const Process* process = nullptr;
  const Analysis* analysis = nullptr;  // null when the model could not be analysed
  std::string analysis_error;          // why not, then
  Diagnostics findings;                // from check_process
  std::string diagram_svg;             // Graphviz's SVG of the diagram
  std::string model_comment;           // the model file's header comment
  std::string simulation_html;         // optional section (from --simulate), already escaped HTML
  std::string simulation_markdown;
  std::string comparison_html;  // optional before/after section (--compare), already escaped HTML
  std::string comparison_markdown;
};

std::string report_html(const ReportInputs& inputs, Lang lang);
std::string report_markdown(const ReportInputs& inputs, Lang lang);

// The comments before `digraph` in a DOT file (where the bundled models state
// their assumptions and sources), without the comment markers.
std::string model_header_comment(std::string_view source);

// 3–5 sentences on where the process's smoothness breaks, in `lang`.
std::vector<std::string> summary_sentences(const ReportInputs& inputs, Lang lang);

}  // namespace sujuva
