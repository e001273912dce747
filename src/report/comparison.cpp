#include "report/comparison.h"

#include "compare/comparison.h"
#include "flow/analysis.h"
#include "model/label_text.h"
#include "present/narrative.h"
#include "render/diagram.h"
#include "render/diff_diagram.h"
#include "render/figures.h"
#include "render/graphviz.h"
#include "report/comparison_html.h"
#include "report/document.h"
#include "report/markdown.h"
#include "report/report.h"
#include "text/format.h"

namespace sujuva {

namespace {

// The comparison module writes a whole <section> with its heading; the report
// gives the section and heading itself.
std::string section_body(const std::string& section) {
  auto heading_end = section.find("</h2>");
  auto close = section.rfind("</section>");
  if (heading_end == std::string::npos || close == std::string::npos || close < heading_end) return section;
  return section.substr(heading_end + 5, close - heading_end - 5);
}

// A model's diagram coloured by its own analysis (without numbers if it has none).
std::string diagram_svg(const ComparedModel& model, Lang lang) {
  std::optional<DiagramFigures> figures;
  if (model.analysis) figures = figures_from(*model.process, *model.analysis);
  std::string dot = diagram_dot(*model.process, {.lang = lang}, figures ? &*figures : nullptr, *model.findings);
  return report::inline_svg(render_dot(dot, OutputFormat::svg));
}

std::string figure(const std::string& caption, const std::string& svg) {
  return "<figure class=\"side\"><figcaption><b>" + escape_html(caption) + "</b></figcaption><div class=\"diagram\">" +
         svg + "</div></figure>\n";
}

}  // namespace

ComparisonSection comparison_section(const ComparedModel& before_model, const ComparedModel& after_model,
                                     const Comparison& c, Lang lang) {
  const Process& before = *before_model.process;
  const Process& after = *after_model.process;
  ComparisonSection s;
  s.html = section_body(comparison_html_section(c, lang));
  auto title = [&](const Process& p) { return one_line(p.title.in(lang, p.name)); };
  s.html += "<div class=\"side-by-side\">\n" +
            figure(std::string(say(lang, "Ennen: ", "Före: ", "Before: ")) + title(before),
                   diagram_svg(before_model, lang)) +
            figure(std::string(say(lang, "Jälkeen: ", "Efter: ", "After: ")) + title(after),
                   diagram_svg(after_model, lang)) +
            "</div>\n";
  s.html += "<figure><div class=\"diagram\">" +
            report::inline_svg(render_dot(diff_dot(before, after, c.diffs[0], lang), OutputFormat::svg)) +
            "</div><figcaption>" +
            escape_html(say(lang,
                             "Muutos yhdessä kaaviossa: vihreä = uusi vaihe tai reitti, harmaa katkoviiva = poistunut, "
                             "oranssi = muuttunut.",
                             "Förändringen i ett diagram: grön = nytt steg eller ny väg, grå streckad = borttaget, "
                             "orange = ändrat.",
                             "The change in one diagram: green = new step or route, grey dashed = removed, orange = "
                             "changed.")) +
            "</figcaption></figure>\n";
  for (const auto& sentence : narrative(c, 1, lang)) s.markdown += "- " + report::escape_markdown(sentence) + "\n";
  return s;
}

}  // namespace sujuva
