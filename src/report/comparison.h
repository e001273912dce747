// The report's before/after section (`sujuva report AFTER --compare BEFORE`): narrative, KPIs, both diagrams, the diff.
//
//   Comparison c = compare_processes({&before, &after}, {}, Lang::fi);
//   ComparisonSection s = comparison_section({&before, &before_analysis, &before_findings},
//                                            {&after, nullptr, &after_findings}, c, Lang::fi);
//   folder.comparison_html = s.html;
#pragma once

#include <string>

#include "compare/comparison.h"
#include "flow/analysis.h"
#include "model/process.h"

namespace sujuva {

struct ComparisonSection {
  std::string html;      // the body of the section (without its own <section>/<h2>), escaped
  std::string markdown;  // the narrative as a list
};

// One side of the comparison as the report draws it: the model, its analysis for the diagram's
// colours (null: the model has no steady state, drawn without numbers) and its check's findings.
struct ComparedModel {
  const Process* process;
  const Analysis* analysis;
  const Diagnostics* findings;
};

ComparisonSection comparison_section(const ComparedModel& before, const ComparedModel& after,
                                     const Comparison& comparison, Lang lang);

}  // namespace sujuva
