// The numbers a diagram shows, taken from the flow analysis (utilisation, waits, flows, bottleneck).
//
//   Analysis a = analyze(process);
//   DiagramFigures figures = figures_from(process, a);
//   std::string dot = diagram_dot(process, options, &figures, findings);
#pragma once

#include "flow/analysis.h"
#include "render/diagram.h"

namespace sujuva {

// Every figure is the analysis' own (route flows from Analysis::routes): nothing is recomputed.
DiagramFigures figures_from(const Process& process, const Analysis& analysis);

}  // namespace sujuva
