// A comparison's structural diff as one Graphviz graph: added steps and routes green, removed grey dashed, changed
// amber.
//
//   Comparison c = compare_processes({&before, &after});
//   std::string dot = diff_dot(before, after, c.diffs[0], Lang::fi);
//   std::string svg = render_dot(dot, OutputFormat::svg);
#pragma once

#include <string>

#include "compare/structure.h"
#include "model/process.h"

namespace sujuva {

// Colours of the diff (ColorBrewer PuOr/PRGn ends, readable with the common colour-vision deficiencies).
inline constexpr const char* kAddedColor = "#1b7837";
inline constexpr const char* kAddedFill = "#d9f0d3";
inline constexpr const char* kRemovedColor = "#969696";
inline constexpr const char* kChangedColor = "#e08214";
inline constexpr const char* kChangedFill = "#fee0b6";

// DOT text of the union of both models: steps in swimlanes by role (the after
// model's role; the before model's for removed steps), every user text escaped.
// `diff` is diff_structure(before, after).
std::string diff_dot(const Process& before, const Process& after, const StructuralDiff& diff, Lang lang);

}  // namespace sujuva
