// A comparison's diff as one Graphviz graph drawn as `render` draws a model: added steps, routes and roles green,
// removed red and dashed, changed amber with what changed ("htv 4 → 5", "p 30 % → 20 %").
//
//   Comparison c = compare_processes({&before, &after});
//   std::string dot = diff_dot(before, after, c.diffs[0], Lang::fi);
//   std::string svg = render_dot(dot, OutputFormat::svg);
#pragma once

#include <string>

#include "compare/structure.h"
#include "model/process.h"

namespace sujuva {

// Colours of the diff: ColorBrewer's PRGn green, RdBu red and PuOr orange. The removed red and the
// added green differ for every reader by the dashes too. The inks are the shades of the words, dark
// enough to read on white (contrast 4.5 or more).
inline constexpr const char* kAddedColor = "#1b7837";
inline constexpr const char* kAddedInk = "#1b7837";
inline constexpr const char* kRemovedColor = "#b2182b";
inline constexpr const char* kRemovedInk = "#b2182b";
inline constexpr const char* kChangedColor = "#e08214";
inline constexpr const char* kChangedInk = "#b35806";

// DOT text of the union of both models in the annotated diagram's style (shapes, fonts, lanes,
// labels): the steps in the lanes of the after model's roles (the before model's for what was
// removed), every user text escaped, the marks explained in the key. `diff` is
// diff_structure(before, after).
std::string diff_dot(const Process& before, const Process& after, const StructuralDiff& diff, Lang lang);

}  // namespace sujuva
