#include "render/diagram.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <set>
#include <sstream>

#include "render/palette.h"
#include "text/format.h"
#include "model/label_text.h"

namespace sujuva {

std::optional<ColorBy> parse_color_by(const std::string& text) {
  if (text == "utilisation" || text == "utilization") return ColorBy::utilisation;
  if (text == "wait") return ColorBy::wait;
  if (text == "none") return ColorBy::none;
  return std::nullopt;
}

std::vector<RoleIndex> lanes_in_flow_order(const Process& process) {
  const auto& g = process.graph;
  std::vector<RoleIndex> order;
  std::vector<bool> seen_role(process.roles.size(), false), seen_step(boost::num_vertices(g), false);
  std::queue<StepVertex> frontier;
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].kind == StepKind::start) frontier.push(v), seen_step[v] = true;
  auto meet = [&](StepVertex v) {
    auto role = g[v].role;
    if (role && *role >= 0 && *role < static_cast<RoleIndex>(seen_role.size()) && !seen_role[*role])
      seen_role[*role] = true, order.push_back(*role);
  };
  while (!frontier.empty()) {
    StepVertex v = frontier.front();
    frontier.pop();
    meet(v);
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      StepVertex w = boost::target(e, g);
      if (!seen_step[w]) seen_step[w] = true, frontier.push(w);
    }
  }
  for (RoleIndex r = 0; r < static_cast<RoleIndex>(process.roles.size()); ++r)
    if (!seen_role[r]) order.push_back(r);
  return order;
}

namespace detail {

std::string describe_deadline(double weeks, const Calendar& calendar, Lang lang) {
  double days = weeks * calendar.working_days_per_week();
  if (days <= 20.0 + 1e-9) {
    int decimals = std::fabs(days - std::round(days)) < 1e-9 ? 0 : 1;
    bool one = decimals == 0 && std::lround(days) == 1;
    return format_decimal(days, decimals, lang) + " " +
           (one ? pick(lang, "työpäivä", "arbetsdag", "working day")
                : pick(lang, "työpäivää", "arbetsdagar", "working days"));
  }
  int decimals = std::fabs(weeks - std::round(weeks)) < 1e-9 ? 0 : 1;
  return format_decimal(weeks, decimals, lang) + " " + pick(lang, "viikkoa", "veckor", "weeks");
}

}  // namespace detail

namespace {

constexpr const char* kFont = "DejaVu Sans";
constexpr const char* kCheckpointBlue = "#08519c";
constexpr const char* kCheckpointPale = "#deebf7";
constexpr const char* kFindingRed = "#d62728";
constexpr const char* kBottleneckRed = "#b10026";
constexpr const char* kLaneGrey = "#f4f4f4";

// The words of the diagram in the three languages.
struct Words {
  Lang lang;
  const char* per_week() const { return pick(lang, "/vk", "/v", "/wk"); }
  const char* fte() const { return pick(lang, "htv", "årsv.", "FTE"); }
  const char* utilisation() const { return pick(lang, "käyttöaste", "beläggning", "utilisation"); }
  const char* wait() const { return pick(lang, "odotus", "väntan", "wait"); }
  const char* weeks_short() const { return pick(lang, "vk", "v", "wk"); }
  const char* overloaded() const { return pick(lang, "jono kasvaa", "kön växer", "queue grows"); }
  const char* bottleneck() const { return pick(lang, "PULLONKAULA", "FLASKHALS", "BOTTLENECK"); }
  const char* delay() const { return pick(lang, "viive", "fördröjning", "delay"); }
  const char* deadline() const { return pick(lang, "määräaika", "tidsfrist", "deadline"); }
  const char* mandatory() const { return pick(lang, "pakollinen", "obligatorisk", "mandatory"); }
  const char* skippable() const { return pick(lang, "voidaan ohittaa", "kan förbigås", "can be skipped"); }
  const char* outside_flow() const {
    return pick(lang, "asiakasvirran ulkopuolella", "utanför klientflödet", "outside the client flow");
  }
  std::string badge(const std::string& assesses) const {
    if (assesses == "special" || assesses.empty())
      return pick(lang, "erityisen tuen tarpeen arviointi", "bedömning av behov av särskilt stöd",
                  "special support assessment");
    return std::string(pick(lang, "arvioidaan: ", "bedöms: ", "assesses: ")) + assesses;
  }
};

std::string format_hours(double hours, Lang lang) {
  if (hours < 1.0 - 1e-9) return format_decimal(hours * 60, 0, lang) + " min";
  auto whole = [](double x) { return std::fabs(x - std::round(x)) < 1e-9; };
  int decimals = whole(hours) ? 0 : whole(hours * 10) ? 1 : 2;
  return format_decimal(hours, decimals, lang) + " h";
}

std::string format_rate(double per_week, Lang lang) { return format_decimal(per_week, per_week < 10 ? 1 : 0, lang); }

// HTML-like label text: escaped lines joined with <BR/>.
std::string html_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<BR/>" : "") + escape_html(lines[i]);
  return out;
}

std::string quoted(const std::string& text) { return "\"" + escape_dot(text) + "\""; }

class DotWriter {
 public:
  DotWriter(const Process& process, const DiagramOptions& options, const DiagramFigures* figures,
            const Diagnostics& findings)
      : p_(process), g_(process.graph), o_(options), f_(figures), w_{options.lang} {
    scale_ = options.color == ColorBy::wait ? wait_scale(options.lang) : utilisation_scale(options.lang);
    mark_findings(findings);
    if (f_)
      for (const auto& [key, flow] : f_->route_flow) max_flow_ = std::max(max_flow_, flow.clients_per_week);
  }

  std::string write() {
    out_ << "digraph " << quoted(p_.name.empty() ? "process" : p_.name) << " {\n";
    write_defaults();
    out_ << "  label=<" << legend() << ">;\n";
    std::vector<std::vector<StepVertex>> lane_steps(p_.roles.size());
    std::vector<StepVertex> free_steps;
    for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
      auto role = g_[v].role;
      if (role && *role >= 0 && *role < static_cast<RoleIndex>(p_.roles.size()))
        lane_steps[*role].push_back(v);
      else
        free_steps.push_back(v);
    }
    for (auto v : free_steps) write_step(v, "  ");
    for (RoleIndex r : lanes_in_flow_order(p_))
      if (!lane_steps[r].empty()) write_lane(r, lane_steps[r]);
    for (auto e : boost::make_iterator_range(boost::edges(g_))) write_route(e);
    write_detours();
    out_ << "}\n";
    return out_.str();
  }

 private:
  int font_size() const { return o_.poster ? 20 : 11; }
  int small_size() const { return o_.poster ? 16 : 9; }

  void write_defaults() {
    // Top to bottom with the lanes side by side: a 30–80 step flow then stays
    // near the proportions of a screen or an A3 sheet instead of a 3:1 strip.
    out_ << "  graph [rankdir=TB, fontname=" << quoted(kFont) << ", fontsize=" << font_size()
         << ", labelloc=t, labeljust=l, nodesep=" << (o_.poster ? "0.35" : "0.25")
         << ", ranksep=" << (o_.poster ? "0.6" : "0.45") << ", pad=" << (o_.poster ? "0.25" : "0.3")
         << ", charset=\"UTF-8\"";
    // A3 landscape is 420 x 297 mm = 16.54 x 11.69 in. The drawing gets A3's
    // proportions (height / width = 11.19 / 16.04, spacing stretched, text
    // undistorted) and is scaled to fill the page inside the 0.25 in pad.
    // The margin replaces the PDF device's default half inch.
    if (o_.poster) out_ << ", size=\"16.04,11.19!\", ratio=0.6976, margin=0";
    out_ << "];\n";
    out_ << "  node [fontname=" << quoted(kFont) << ", fontsize=" << font_size()
         << ", shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#525252\", margin=\"0.12,0.06\"];\n";
    out_ << "  edge [fontname=" << quoted(kFont) << ", fontsize=" << small_size()
         << ", color=\"#636363\", fontcolor=\"#252525\", arrowsize=0.7];\n";
  }

  // Heat-map bin of a role, if it is coloured.
  std::optional<int> role_bin(std::optional<RoleIndex> role) const {
    if (!f_ || !role || o_.color == ColorBy::none || *role < 0 || *role >= static_cast<RoleIndex>(f_->roles.size()))
      return std::nullopt;
    const RoleFigures& r = f_->roles[*role];
    if (r.unstable) return scale_.size() - 1;
    auto value = o_.color == ColorBy::wait ? r.wait_weeks : r.utilisation;
    if (!value) return std::nullopt;
    return scale_.bin(*value);
  }

  // Title and legend in the graph label. Each legend row is its own table so
  // that the colour bins and the key do not share column widths.
  std::string legend() const {
    std::ostringstream t;
    int title = o_.poster ? 36 : 18;
    const char* row =
        "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\"><TR>";
    const char* end_row = "</TR></TABLE></TD></TR>";
    t << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">";
    t << "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" << title << "\"><B>"
      << escape_html(one_line(p_.title.in(o_.lang, p_.name))) << "</B></FONT></TD></TR>";
    if (f_ && o_.color != ColorBy::none) {
      t << row << "<TD ALIGN=\"RIGHT\"><B>" << escape_html(scale_.title) << ":</B></TD>";
      for (int b = 0; b < scale_.size(); ++b)
        t << "<TD BGCOLOR=\"" << scale_.fill(b) << "\" BORDER=\"1\" COLOR=\"#969696\"><FONT COLOR=\"" << scale_.ink(b)
          << "\">" << escape_html(scale_.labels[b]) << "</FONT></TD>";
      t << end_row;
    }
    t << row << "<TD ALIGN=\"RIGHT\"><B>" << pick(o_.lang, "Merkit", "Tecken", "Key") << ":</B></TD>";
    t << "<TD BGCOLOR=\"" << kCheckpointBlue << "\"><FONT COLOR=\"#ffffff\">" << escape_html(w_.badge("special"))
      << "</FONT></TD>";
    t << "<TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"#737373\">"
      << pick(o_.lang, "muu työ (ei asiakasvirtaa)", "annat arbete (ej klientflöde)", "other work (no client flow)")
      << "</TD>";
    t << "<TD>◇ " << pick(o_.lang, "ohjautuminen", "vägval", "routing") << "</TD>";
    t << "<TD><FONT COLOR=\"" << kFindingRed << "\">- - - "
      << pick(o_.lang, "tarkistuksen löydös", "kontrollfynd", "check finding") << "</FONT></TD>";
    if (f_ && !f_->route_flow.empty())
      t << "<TD>"
        << pick(o_.lang, "viivan paksuus = asiakkaita viikossa", "linjens tjocklek = klienter per vecka",
                "line width = clients per week")
        << "</TD>";
    if (f_ && f_->bottleneck)
      t << "<TD BORDER=\"2\" COLOR=\"" << kBottleneckRed << "\"><FONT COLOR=\"" << kBottleneckRed << "\"><B>"
        << w_.bottleneck() << "</B></FONT></TD>";
    t << end_row << "</TABLE>";
    return t.str();
  }

  void write_lane(RoleIndex r, const std::vector<StepVertex>& steps) {
    const Role& role = p_.roles[r];
    auto bin = role_bin(r);
    bool bottleneck = f_ && f_->bottleneck == r;
    out_ << "  subgraph " << quoted("cluster_" + role.id) << " {\n";
    std::string fill = bin ? lighten(scale_.fill(*bin), 0.55) : kLaneGrey;
    out_ << "    style=\"filled,rounded\"; fillcolor=" << quoted(fill)
         << "; color=" << quoted(bottleneck ? kBottleneckRed : "#969696") << "; penwidth=" << (bottleneck ? 4 : 1)
         << ";\n";
    out_ << "    label=<" << lane_title(r, bottleneck) << ">; labeljust=l; fontsize=" << (o_.poster ? 24 : 13) << ";\n";
    for (auto v : steps) write_step(v, "    ");
    out_ << "  }\n";
  }

  std::string lane_title(RoleIndex r, bool bottleneck) const {
    const Role& role = p_.roles[r];
    std::ostringstream t;
    t << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
    t << "<TR><TD ALIGN=\"LEFT\"><B>"
      << html_lines(wrap_label(role.label.in(o_.lang, role.id), o_.poster ? 60 : 70)) << "</B></TD></TR>";
    std::vector<std::string> facts;
    facts.push_back(format_decimal(role.fte, std::fabs(role.fte - std::round(role.fte)) < 1e-9 ? 0 : 2, o_.lang) + " " +
                    w_.fte());
    if (f_ && r < static_cast<RoleIndex>(f_->roles.size())) {
      const RoleFigures& fig = f_->roles[r];
      if (fig.utilisation)
        facts.push_back(std::string(w_.utilisation()) + " " + format_percent(*fig.utilisation, o_.lang));
      if (fig.unstable)
        facts.push_back(w_.overloaded());
      else if (fig.wait_weeks && !o_.poster)
        facts.push_back(std::string(w_.wait()) + " " + wait_text(*fig.wait_weeks));
    }
    t << "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" << (o_.poster ? 20 : 11) << "\">" << escape_html(join(facts))
      << "</FONT></TD></TR>";
    if (bottleneck)
      t << "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" << kBottleneckRed << "\"><B>⚠ " << w_.bottleneck()
        << "</B></FONT></TD></TR>";
    t << "</TABLE>";
    return t.str();
  }

  // Short waits in working days ("0,8 tp"), longer ones in weeks.
  std::string wait_text(double weeks) const {
    double days = weeks * p_.calendar.working_days_per_week();
    if (days < 5) return format_decimal(days, 1, o_.lang) + " " + pick(o_.lang, "tp", "ad", "wd");
    return format_decimal(weeks, 1, o_.lang) + " " + w_.weeks_short();
  }

  std::string step_details(StepVertex v) const {
    const Step& s = g_[v];
    std::vector<std::string> parts;
    if (s.kind == StepKind::start && s.arrivals_per_week > 0)
      parts.push_back(format_rate(s.arrivals_per_week, o_.lang) + w_.per_week());
    if (s.kind == StepKind::activity && s.load_hours_per_week > 0)
      parts.push_back(format_hours(s.load_hours_per_week, o_.lang) + w_.per_week());
    if (o_.poster) return join(parts);
    if (s.does_work() && s.effort) parts.push_back(format_hours(s.mean_effort_hours(), o_.lang));
    if (s.delay && s.mean_delay_weeks() > 0)
      parts.push_back(std::string(w_.delay()) + " " + format_decimal(s.mean_delay_weeks(), 1, o_.lang) + " " +
                      w_.weeks_short());
    if (f_ && s.kind != StepKind::start && s.kind != StepKind::activity && v < f_->step_arrivals.size() &&
        f_->step_arrivals[v])
      parts.push_back(format_rate(*f_->step_arrivals[v], o_.lang) + w_.per_week());
    return join(parts);
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
    return out;
  }

  void write_step(StepVertex v, const char* indent) {
    const Step& s = g_[v];
    std::size_t width = s.kind == StepKind::decision ? 18 : o_.poster ? 22 : 26;
    std::string name = html_lines(wrap_label(s.label.in(o_.lang, s.id), width));
    std::string details = step_details(v);
    auto bin = role_bin(s.role);
    std::string fill = bin ? scale_.fill(*bin) : "#ffffff";
    std::string ink = bin ? scale_.ink(*bin) : "#000000";
    std::vector<std::pair<std::string, std::string>> attrs;  // value already quoted or <html>
    std::ostringstream label;
    label << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
    switch (s.kind) {
      case StepKind::start:
        attrs = {{"shape", "oval"}, {"fillcolor", "\"#c7e9c0\""}, {"penwidth", "1.5"}};
        ink = "#000000";
        break;
      case StepKind::end:
        attrs = {{"shape", "oval"}, {"fillcolor", "\"#e0e0e0\""}, {"peripheries", "2"}};
        ink = "#000000";
        break;
      case StepKind::decision:
        attrs = {{"shape", "diamond"}, {"style", "filled"}, {"fillcolor", "\"#ffffff\""}, {"margin", "0.02"}};
        ink = "#000000";
        break;
      case StepKind::activity:
        attrs = {{"shape", "box"},
                 {"style", "\"rounded,dashed,filled\""},
                 {"fillcolor", "\"#ffffff\""},
                 {"color", "\"#737373\""},
                 {"fontcolor", "\"#525252\""}};
        ink = "#525252";
        break;
      case StepKind::checkpoint:
        attrs = {{"shape", "hexagon"},
                 {"penwidth", "3"},
                 {"color", quoted(kCheckpointBlue)},
                 {"fillcolor", quoted(bin ? fill : kCheckpointPale)},
                 {"margin", "\"0.18,0.04\""}};
        if (!bin) ink = "#000000";
        label << "<TR><TD BGCOLOR=\"" << kCheckpointBlue << "\"><FONT COLOR=\"#ffffff\" POINT-SIZE=\"" << small_size()
              << "\"><B>" << escape_html(w_.badge(s.assesses)) << "</B></FONT></TD></TR>";
        break;
      case StepKind::task:
        attrs = {{"fillcolor", quoted(fill)}};
        break;
    }
    label << "<TR><TD><FONT COLOR=\"" << ink << "\">" << name << "</FONT></TD></TR>";
    if (!details.empty())
      label << "<TR><TD><FONT COLOR=\"" << ink << "\" POINT-SIZE=\"" << small_size() << "\">" << escape_html(details)
            << "</FONT></TD></TR>";
    if (s.kind == StepKind::activity)
      label << "<TR><TD><FONT POINT-SIZE=\"" << small_size() << "\"><I>" << w_.outside_flow()
            << "</I></FONT></TD></TR>";
    if (s.kind == StepKind::checkpoint) {
      std::string facts;
      if (s.deadline_weeks)
        facts = std::string(w_.deadline()) + " " + detail::describe_deadline(*s.deadline_weeks, p_.calendar, o_.lang);
      if (s.mandatory) facts += (facts.empty() ? "" : " · ") + std::string(w_.mandatory());
      if (!facts.empty())
        label << "<TR><TD><FONT COLOR=\"" << ink << "\" POINT-SIZE=\"" << small_size() << "\"><B>" << escape_html(facts)
              << "</B></FONT></TD></TR>";
      if (skippable_.count(v))
        label << "<TR><TD BGCOLOR=\"" << kFindingRed << "\"><FONT COLOR=\"#ffffff\" POINT-SIZE=\"" << small_size()
              << "\"><B>⚠ " << w_.skippable() << "</B></FONT></TD></TR>";
    }
    label << "</TABLE>";
    out_ << indent << quoted(s.id) << " [";
    for (const auto& [k, v2] : attrs) out_ << k << "=" << v2 << ", ";
    out_ << "label=<" << label.str() << ">];\n";
  }

  // Share of the clients leaving `from` who take this route: the analysis' when
  // it has flows, else the model's explicit probability.
  std::optional<double> route_share(RouteEdge e) const {
    if (f_ && !f_->route_flow.empty()) {
      auto it = f_->route_flow.find({boost::source(e, g_), boost::target(e, g_)});
      return it == f_->route_flow.end() ? std::nullopt : it->second.share;
    }
    return g_[e].p;
  }

  void write_route(RouteEdge e) {
    auto from = boost::source(e, g_), to = boost::target(e, g_);
    const Route& r = g_[e];
    std::vector<std::string> lines;
    std::string own = r.label.in(o_.lang);
    if (!own.empty())
      for (auto& l : wrap_label(own, 24)) lines.push_back(l);
    if (!o_.poster) {
      std::vector<std::string> numbers;
      auto share = route_share(e);
      if (share && *share < 1 - 1e-9) numbers.push_back(format_percent(*share, o_.lang));
      if (f_) {
        auto it = f_->route_flow.find({from, to});
        if (it != f_->route_flow.end())
          numbers.push_back(format_rate(it->second.clients_per_week, o_.lang) + w_.per_week());
      }
      if (!numbers.empty()) lines.push_back(join(numbers));
    }
    out_ << "  " << quoted(g_[from].id) << " -> " << quoted(g_[to].id) << " [";
    std::vector<std::string> attrs;
    double width = 1.2;
    if (f_ && max_flow_ > 0) {
      auto it = f_->route_flow.find({from, to});
      double flow = it == f_->route_flow.end() ? 0 : it->second.clients_per_week;
      width = 1 + 7 * flow / max_flow_;
    }
    bool finding = finding_routes_.count({from, to}) > 0;
    if (finding) {
      attrs.push_back("color=" + quoted(kFindingRed));
      attrs.push_back("style=dashed");
      width = std::max(width, 2.5);
    } else if (!r.outcome.empty()) {
      attrs.push_back("color=" + quoted(kCheckpointBlue));
    }
    if (!r.outcome.empty()) attrs.push_back("fontcolor=" + quoted(kCheckpointBlue));
    std::ostringstream pw;
    pw.precision(3);
    pw << width;
    attrs.push_back("penwidth=" + pw.str());
    if (!lines.empty()) {
      std::string text;
      for (std::size_t i = 0; i < lines.size(); ++i) text += (i ? "\n" : "") + lines[i];
      attrs.push_back("label=" + quoted(text));
    }
    for (std::size_t i = 0; i < attrs.size(); ++i) out_ << (i ? ", " : "") << attrs[i];
    out_ << "];\n";
  }

  // Findings' routes that do not follow a route of the model (should not
  // happen, but a finding must never be silently lost from the drawing).
  void write_detours() {
    for (const auto& [from, to] : detours_)
      out_ << "  " << quoted(g_[from].id) << " -> " << quoted(g_[to].id) << " [color=" << quoted(kFindingRed)
           << ", style=dashed, penwidth=2.5, constraint=false];\n";
  }

  void mark_findings(const Diagnostics& findings) {
    for (const auto& d : findings) {
      // Warnings (e.g. "no mandatory checkpoint") are hints for the model's
      // authors; the diagram shows only what is wrong.
      if (d.severity != Severity::error) continue;
      std::vector<StepVertex> route;
      for (const auto& id : d.route)
        if (auto v = p_.find_step(id)) route.push_back(*v);
      for (std::size_t i = 0; i + 1 < route.size(); ++i) {
        auto [e, exists] = boost::edge(route[i], route[i + 1], g_);
        (void)e;
        (exists ? finding_routes_ : detours_).insert({route[i], route[i + 1]});
      }
      // A mandatory checkpoint on the finding's line that its route avoids: the
      // route is the proof that the checkpoint can be skipped.
      for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
        const Step& s = g_[v];
        if (s.kind != StepKind::checkpoint || !s.mandatory || d.line == 0 || d.line != s.line || route.empty())
          continue;
        if (std::find(route.begin(), route.end(), v) == route.end()) skippable_.insert(v);
      }
    }
  }

  const Process& p_;
  const ProcessGraph& g_;
  const DiagramOptions& o_;
  const DiagramFigures* f_;
  Words w_;
  HeatScale scale_;
  double max_flow_ = 0;
  std::set<std::pair<StepVertex, StepVertex>> finding_routes_, detours_;
  std::set<StepVertex> skippable_;
  std::ostringstream out_;
};

}  // namespace

std::string diagram_dot(const Process& process, const DiagramOptions& options, const DiagramFigures* figures,
                        const Diagnostics& findings) {
  return DotWriter(process, options, figures, findings).write();
}

}  // namespace sujuva
