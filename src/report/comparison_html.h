// The before/after section of the HTML report: narrative, KPI table and a utilisation bar chart per role (inline SVG).
//
//   std::string html = comparison_html_section(compare_processes({&before, &after}), Lang::fi);
//   // <section class="comparison"> ... </section>: self-contained, every user text escaped
#pragma once

#include <string>

#include "compare/comparison.h"

namespace sujuva {

std::string comparison_html_section(const Comparison& comparison, Lang lang);

// The chart alone: horizontal bars of utilisation per role, one bar per model,
// a dashed line at 100 %. Well-formed SVG.
std::string utilisation_chart_svg(const Comparison& comparison, Lang lang);

}  // namespace sujuva
