// The diagram's nodes and lane titles: shape and colour per kind of step, the label's lines and figures.
#include <cmath>
#include <sstream>

#include "model/label_text.h"
#include "render/diagram_internal.h"
#include "text/duration.h"

namespace sujuva::diagram {

std::string Words::badge(const std::string& assesses) const {
  if (assesses == "special" || assesses.empty())
    return say(lang, "erityisen tuen tarpeen arviointi", "bedömning av behov av särskilt stöd",
                "special support assessment");
  return std::string(say(lang, "arvioidaan: ", "bedöms: ", "assesses: ")) + assesses;
}

std::optional<int> Context::role_bin(std::optional<RoleIndex> role) const {
  if (!figures || !role || options.color == ColorBy::none || *role < 0 ||
      *role >= static_cast<RoleIndex>(figures->roles.size()))
    return std::nullopt;
  const RoleFigures& r = figures->roles[*role];
  if (r.unstable) return scale.size() - 1;
  auto value = options.color == ColorBy::wait ? r.wait_weeks : r.utilisation;
  if (!value) return std::nullopt;
  return scale.bin(*value);
}

namespace {

// A mark's lines as rows of an HTML-like label, bold in the mark's ink.
void mark_rows(const Mark* mark, int point_size, const char* align, std::ostringstream& label) {
  if (!mark) return;
  for (const auto& line : mark->lines)
    label << "<TR><TD" << align << "><FONT COLOR=\"" << mark->ink << "\" POINT-SIZE=\"" << point_size << "\"><B>"
          << escape_html(line) << "</B></FONT></TD></TR>";
}

}  // namespace

std::string lane_title(const Context& c, RoleIndex r, bool bottleneck, const Mark* mark) {
  const Role& role = c.process.roles[r];
  const Lang lang = c.options.lang;
  std::ostringstream t;
  t << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
  t << "<TR><TD ALIGN=\"LEFT\"><B>" << html_lines(wrap_label(role.label.in(lang, role.id), c.options.poster ? 60 : 70))
    << "</B></TD></TR>";
  std::vector<std::string> facts;
  facts.push_back(format_decimal(role.fte, std::fabs(role.fte - std::round(role.fte)) < 1e-9 ? 0 : 2, lang) + " " +
                  c.words.fte());
  if (c.figures && r < static_cast<RoleIndex>(c.figures->roles.size())) {
    const RoleFigures& fig = c.figures->roles[r];
    if (fig.utilisation)
      facts.push_back(std::string(c.words.utilisation()) + " " + format_percent(*fig.utilisation, lang));
    if (fig.unstable)
      facts.push_back(c.words.overloaded());
    else if (fig.wait_weeks && !c.options.poster)
      facts.push_back(std::string(c.words.wait()) + " " + format_duration(*fig.wait_weeks, c.process.calendar.working_days_per_week(), lang,
                                                                  DurationStyle::unit));
  }
  t << "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" << (c.options.poster ? 20 : 11) << "\">" << escape_html(join(facts))
    << "</FONT></TD></TR>";
  if (bottleneck)
    t << "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" << kBottleneckRed << "\"><B>⚠ " << c.words.bottleneck()
      << "</B></FONT></TD></TR>";
  mark_rows(mark, c.options.poster ? 20 : 11, " ALIGN=\"LEFT\"", t);
  t << "</TABLE>";
  return t.str();
}

namespace {

// Arrivals or load, effort, delay and visits per week on one line.
std::string step_details(const Context& c, StepVertex v) {
  const Step& s = c.process.graph[v];
  const Lang lang = c.options.lang;
  std::vector<std::string> parts;
  if (s.kind == StepKind::start && s.arrivals_per_week > 0)
    parts.push_back(format_rate(s.arrivals_per_week, lang) + c.words.per_week());
  if (s.kind == StepKind::activity && s.load_hours_per_week > 0)
    parts.push_back(format_hours(s.load_hours_per_week, lang) + c.words.per_week());
  if (c.options.poster) return join(parts);
  if (s.does_work() && s.effort) parts.push_back(format_hours(s.mean_effort_hours(), lang));
  if (s.delay && s.mean_delay_weeks() > 0)
    parts.push_back(std::string(c.words.delay()) + " " + format_duration(s.mean_delay_weeks(), c.process.calendar.working_days_per_week(), lang,
                                    DurationStyle::unit));
  const auto* f = c.figures;
  if (f && s.kind != StepKind::start && s.kind != StepKind::activity && v < f->step_arrivals.size() &&
      f->step_arrivals[v])
    parts.push_back(format_rate(*f->step_arrivals[v], lang) + c.words.per_week());
  return join(parts);
}

// The node's look by its kind of step; `ink` becomes the text colour it needs.
DotAttributes kind_attributes(const Context& c, const Step& s, std::optional<int> bin, std::string& ink) {
  const std::string shape = step_shape(s.kind, StepShapes::lanes);
  const std::string fill = bin ? c.scale.fill(*bin) : "#ffffff";
  switch (s.kind) {
    case StepKind::start:
      ink = "#000000";
      return {{"shape", shape}, {"fillcolor", "\"#c7e9c0\""}, {"penwidth", "1.5"}};
    case StepKind::end:
      ink = "#000000";
      return {{"shape", shape}, {"fillcolor", "\"#e0e0e0\""}, {"peripheries", "2"}};
    case StepKind::decision:
      ink = "#000000";
      return {{"shape", shape}, {"style", "filled"}, {"fillcolor", "\"#ffffff\""}, {"margin", "0.02"}};
    case StepKind::activity:
      ink = "#525252";
      return {{"shape", shape},
              {"style", "\"rounded,dashed,filled\""},
              {"fillcolor", "\"#ffffff\""},
              {"color", "\"#737373\""},
              {"fontcolor", "\"#525252\""}};
    case StepKind::checkpoint:
      if (!bin) ink = "#000000";
      return {{"shape", shape},
              {"penwidth", "3"},
              {"color", dot_quoted(kCheckpointBlue)},
              {"fillcolor", dot_quoted(bin ? fill : kCheckpointPale)},
              {"margin", "\"0.18,0.04\""}};
    case StepKind::task:
      break;
  }
  return {{"fillcolor", dot_quoted(fill)}};  // the default shape
}

// A checkpoint's deadline, whether it is mandatory, and whether a finding shows it can be skipped.
void checkpoint_rows(const Context& c, StepVertex v, const std::string& ink, std::ostringstream& label) {
  const Step& s = c.process.graph[v];
  std::string facts;
  if (s.deadline_weeks)
    facts = std::string(c.words.deadline()) + " " +
            format_duration(*s.deadline_weeks, c.process.calendar.working_days_per_week(), c.options.lang);
  if (s.mandatory) facts += (facts.empty() ? "" : " · ") + std::string(c.words.mandatory());
  if (!facts.empty())
    label << "<TR><TD><FONT COLOR=\"" << ink << "\" POINT-SIZE=\"" << c.small_size() << "\"><B>" << escape_html(facts)
          << "</B></FONT></TD></TR>";
  if (c.skippable.count(v))
    label << "<TR><TD BGCOLOR=\"" << kFindingRed << "\"><FONT COLOR=\"#ffffff\" POINT-SIZE=\"" << c.small_size()
          << "\"><B>⚠ " << c.words.skippable() << "</B></FONT></TD></TR>";
}

}  // namespace

DotAttributes step_attributes(const Context& c, StepVertex v, const Mark* mark) {
  const Step& s = c.process.graph[v];
  std::size_t width = s.kind == StepKind::decision ? 18 : c.options.poster ? 22 : 26;
  std::string name = html_lines(wrap_label(s.label.in(c.options.lang, s.id), width));
  std::string details = step_details(c, v);
  auto bin = c.role_bin(s.role);
  std::string ink = bin ? c.scale.ink(*bin) : "#000000";
  DotAttributes attributes = kind_attributes(c, s, bin, ink);
  std::ostringstream label;
  label << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
  if (s.kind == StepKind::checkpoint)
    label << "<TR><TD BGCOLOR=\"" << kCheckpointBlue << "\"><FONT COLOR=\"#ffffff\" POINT-SIZE=\"" << c.small_size()
          << "\"><B>" << escape_html(c.words.badge(s.assesses)) << "</B></FONT></TD></TR>";
  label << "<TR><TD><FONT COLOR=\"" << ink << "\">" << name << "</FONT></TD></TR>";
  if (!details.empty())
    label << "<TR><TD><FONT COLOR=\"" << ink << "\" POINT-SIZE=\"" << c.small_size() << "\">" << escape_html(details)
          << "</FONT></TD></TR>";
  if (s.kind == StepKind::activity)
    label << "<TR><TD><FONT POINT-SIZE=\"" << c.small_size() << "\"><I>" << c.words.outside_flow()
          << "</I></FONT></TD></TR>";
  if (s.kind == StepKind::checkpoint) checkpoint_rows(c, v, ink, label);
  mark_rows(mark, c.small_size(), "", label);
  label << "</TABLE>";
  attributes.push_back({"label", "<" + label.str() + ">"});
  if (mark) {
    set_attribute(attributes, "color", dot_quoted(mark->color));
    set_attribute(attributes, "penwidth", "3");
    // The kind's own style (a diamond's plain fill, an activity's dashes) with dashes added;
    // the other kinds draw with the graph's default, rounded and filled.
    if (mark->dashed) {
      std::string style = "rounded,filled";
      for (const auto& [name, value] : attributes)
        if (name == "style") style = value.front() == '"' ? value.substr(1, value.size() - 2) : value;
      if (style.find("dashed") == std::string::npos) style += ",dashed";
      set_attribute(attributes, "style", dot_quoted(style));
    }
  }
  return attributes;
}

}  // namespace sujuva::diagram
