// The pieces of the annotated diagram shared by its writer, its steps and its legend (internal to render).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "render/diagram.h"
#include "render/dot_writer.h"
#include "render/palette.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva::diagram {

inline constexpr const char* kFont = "DejaVu Sans";
inline constexpr const char* kCheckpointBlue = "#08519c";
inline constexpr const char* kCheckpointPale = "#deebf7";
inline constexpr const char* kFindingRed = "#d62728";    // the service breaks a rule on this route
inline constexpr const char* kModelProblem = "#e6550d";  // the model is wrong on this route
inline constexpr const char* kBottleneckRed = "#b10026";
inline constexpr const char* kLaneGrey = "#f4f4f4";

// The words of the diagram in the three languages.
struct Words {
  Lang lang;
  const char* per_week() const { return say(lang, "/vk", "/v", "/wk"); }
  const char* fte() const { return fte_term(lang); }
  const char* utilisation() const { return say(lang, "käyttöaste", "beläggning", "utilisation"); }
  const char* wait() const { return say(lang, "odotus", "väntan", "wait"); }
  const char* overloaded() const { return say(lang, "jono kasvaa", "kön växer", "queue grows"); }
  const char* bottleneck() const { return say(lang, "PULLONKAULA", "FLASKHALS", "BOTTLENECK"); }
  const char* delay() const { return say(lang, "viive", "fördröjning", "delay"); }
  const char* deadline() const { return say(lang, "määräaika", "tidsfrist", "deadline"); }
  const char* mandatory() const { return say(lang, "pakollinen", "obligatorisk", "mandatory"); }
  const char* skippable() const { return say(lang, "voidaan ohittaa", "kan förbigås", "can be skipped"); }
  const char* outside_flow() const {
    return say(lang, "asiakasvirran ulkopuolella", "utanför klientflödet", "outside the client flow");
  }
  std::string badge(const std::string& assesses) const;
};

// A change drawn over a step, a lane or a route (the diff diagram's): the outline in the change's
// colour, dashed for what was removed, and lines that say what changed in `ink`, a darker shade
// of the colour that reads on white.
struct Mark {
  std::string color;
  std::string ink;
  bool dashed = false;
  std::vector<std::string> lines;
};

// What every part of one drawing reads.
struct Context {
  const Process& process;
  const DiagramOptions& options;
  const DiagramFigures* figures;  // null: drawn without analysis
  Words words;
  HeatScale scale;
  std::set<StepVertex> skippable;  // mandatory checkpoints that a finding's route avoids
  // A drawing of something else than the process alone (the diff of two models) gives its own
  // title, says that it draws no check findings, and adds rows to the key.
  std::string title;       // empty: the process's title
  bool findings = true;    // the key explains the red dashes of findings
  std::string extra_rows;  // HTML rows (legend_row) after the key
  // Whether routes of service findings (red dashes) and of model errors (orange dots) are drawn,
  // so that the key explains only what the drawing shows.
  bool service_routes = false, model_routes = false;

  int font_size() const { return options.poster ? 20 : 11; }
  int small_size() const { return options.poster ? 16 : 9; }
  std::optional<int> role_bin(std::optional<RoleIndex> role) const;  // heat-map bin, if coloured
};

std::string legend(const Context& c);  // the graph label: title and key (legend.cpp)
// One row of the key: a bold heading and HTML cells (legend.cpp).
std::string legend_row(const std::string& heading, const std::string& cells);
std::string lane_title(const Context& c, RoleIndex r, bool bottleneck, const Mark* mark = nullptr);  // steps.cpp
// Shape, colours and label (steps.cpp).
DotAttributes step_attributes(const Context& c, StepVertex v, const Mark* mark = nullptr);

// The frame of a drawing (frame.cpp): graph, node and edge defaults, and a lane's cluster opened
// with its colours and title (the caller writes its steps and closes it).
void write_defaults(DotWriter& w, const Context& c);
void open_lane(DotWriter& w, const Context& c, RoleIndex r, bool bottleneck, const Mark* mark = nullptr);

// A route's colour, line width and label: its own words, its share and clients per week
// (routes.cpp). `finding`: it lies on the route of a check finding of that kind.
enum class FindingLine { none, service, model };
DotAttributes route_attributes(const Context& c, RouteEdge e, double width, FindingLine finding,
                               const Mark* mark = nullptr);
// Replaces the attribute's value, or adds it.
void set_attribute(DotAttributes& attributes, const std::string& name, const std::string& value);

// Numbers in the diagram's words (durations.cpp).
std::string format_hours(double hours, Lang lang);                         // "45 min", "2,5 h"
std::string format_rate(double per_week, Lang lang);                       // one decimal below 10
std::string join(const std::vector<std::string>& parts);                   // with " · "

}  // namespace sujuva::diagram
