// The process drawn as an annotated Graphviz DOT graph: swimlanes per role, checkpoints, heat map, findings.
//
// The DOT text is built from the typed model (never from the user's file), so
// the same model always gives the same bytes, and every user string is escaped.
//
//   DiagramOptions options{.lang = Lang::sv, .color = ColorBy::utilisation};
//   DiagramFigures figures = figures_from(analysis);   // optional numbers
//   std::string dot = diagram_dot(process, options, &figures, check_process(process, options.lang));
//   std::string svg = render_dot(dot, OutputFormat::svg);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "model/process.h"

namespace sujuva {

enum class ColorBy { utilisation, wait, none };

std::optional<ColorBy> parse_color_by(const std::string& text);  // "utilisation", "wait", "none"

// The poster's paper: A3 landscape, 420 x 297 mm.
constexpr double kPosterWidthInches = 16.54, kPosterHeightInches = 11.69;

struct DiagramOptions {
  Lang lang = Lang::fi;
  ColorBy color = ColorBy::utilisation;
  bool poster = false;  // large fonts, fewer numbers, A3 landscape
};

// Numbers drawn on the diagram; every field may be missing (a model drawn
// without analysis, or a role the analysis could not solve).
struct RoleFigures {
  std::optional<double> utilisation;
  std::optional<double> wait_weeks;  // mean wait per visit; none when unstable
  bool unstable = false;             // utilisation >= 1: the queue grows
  bool bottleneck = false;           // by the one rule, RoleResult::bottleneck (flow/analysis.h)
};

// The flow along the routes from one step to another (Analysis::routes).
struct RouteFigures {
  double clients_per_week = 0;
  std::optional<double> share;  // of the clients leaving `from`
};

struct DiagramFigures {
  std::vector<RoleFigures> roles;                                          // by RoleIndex
  std::vector<std::optional<double>> step_arrivals;                        // clients/week, by vertex
  std::map<std::pair<std::size_t, std::size_t>, RouteFigures> route_flow;  // (from, to) vertices
  // The busiest role (highest utilisation), set only when no role is a bottleneck, so that the
  // legend can say so and name it.
  std::optional<RoleIndex> busiest;
};

// Roles in the order clients first meet them (breadth-first from the starts);
// roles no client reaches come last, in file order.
std::vector<RoleIndex> lanes_in_flow_order(const Process& process);

// The diagram as DOT text. `findings` with a route are drawn as red dashed
// paths; a mandatory checkpoint that a finding shows can be skipped is marked.
std::string diagram_dot(const Process& process, const DiagramOptions& options, const DiagramFigures* figures = nullptr,
                        const Diagnostics& findings = {});

}  // namespace sujuva
