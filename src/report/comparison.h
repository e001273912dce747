// The report's before/after section (`sujuva report AFTER --compare BEFORE`): narrative, KPIs, both diagrams, the diff.
//
//   ComparisonSection s = comparison_section(before, after, Lang::fi);   // throws CompareError
//   folder.comparison_html = s.html;
#pragma once

#include <string>

#include "model/process.h"

namespace sujuva {

struct ComparisonSection {
  std::string html;      // the body of the section (without its own <section>/<h2>), escaped
  std::string markdown;  // the narrative as a list
};

ComparisonSection comparison_section(const Process& before, const Process& after, Lang lang);

}  // namespace sujuva
