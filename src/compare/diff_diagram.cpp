#include "compare/diff_diagram.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <map>
#include <vector>

#include "compare/structure.h"
#include "model/label_text.h"
#include "render/diagram.h"
#include "text/format.h"

namespace sujuva {

namespace detail {
namespace {

// Labels keep the model's "\n" escapes as two characters: split there and
// wrapped (so that a long label does not stretch the graph), then joined with
// real newlines, which escape_dot turns into DOT line breaks.
std::string dot_label(const std::string& text, std::size_t width = 28) {
  std::string out;
  for (const auto& line : wrap_label(text, width)) out += (out.empty() ? "" : "\n") + line;
  return escape_dot(out);
}

const char* shape(StepKind kind) {
  switch (kind) {
    case StepKind::start:
      return "circle";
    case StepKind::end:
      return "doublecircle";
    case StepKind::decision:
      return "diamond";
    case StepKind::checkpoint:
      return "hexagon";
    case StepKind::activity:
      return "note";
    case StepKind::task:
      return "box";
  }
  return "box";
}

std::string style_of(std::optional<ChangeKind> change) {
  if (!change) return "";
  switch (*change) {
    case ChangeKind::added:
      return fmt::format(", color=\"{}\", fillcolor=\"{}\", penwidth=2", kAddedColor, kAddedFill);
    case ChangeKind::removed:
      return fmt::format(", color=\"{0}\", fontcolor=\"{0}\", style=\"rounded,dashed\"", kRemovedColor);
    case ChangeKind::changed:
      return fmt::format(", color=\"{}\", fillcolor=\"{}\", penwidth=2", kChangedColor, kChangedFill);
  }
  return "";
}

std::string edge_style(std::optional<ChangeKind> change) {
  if (!change) return "color=\"#525252\"";
  switch (*change) {
    case ChangeKind::added:
      return fmt::format("color=\"{0}\", fontcolor=\"{0}\", penwidth=2", kAddedColor);
    case ChangeKind::removed:
      return fmt::format("color=\"{0}\", fontcolor=\"{0}\", style=dashed", kRemovedColor);
    case ChangeKind::changed:
      return fmt::format("color=\"{0}\", fontcolor=\"{0}\", penwidth=2", kChangedColor);
  }
  return "";
}

struct Node {
  std::string name;  // "a<vertex>" or "b<vertex>"
  std::string role;  // role id, "" outside lanes
  std::string text;  // escaped label
  StepKind kind;
  std::optional<ChangeKind> change;
};

struct Lane {
  std::string label;
  std::vector<size_t> nodes;
};

std::vector<std::string> field_summary(const std::vector<FieldChange>& fields) {
  std::vector<std::string> lines;
  for (const auto& f : fields) {
    if (f.field == "label" || f.field == "id") continue;
    lines.push_back(f.field + ": " + (f.before.empty() ? "-" : f.before) + " → " + (f.after.empty() ? "-" : f.after));
  }
  return lines;
}

class DiffGraph {
 public:
  DiffGraph(const Process& before, const Process& after, Lang lang)
      : before_(before),
        after_(after),
        lang_(lang),
        m_(match_steps(before, after)),
        diff_(diff_structure(before, after)) {
    for (const auto& s : diff_.steps) step_changes_[{s.change == ChangeKind::removed, s.id}] = &s;
  }

  std::string dot() {
    add_nodes();
    std::string out = "digraph diff {\n";
    out += fmt::format(
        "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", labelloc=t, label=\"{}\"];\n"
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", fontname=\"Helvetica\", fontsize=11];\n"
        "  edge [fontname=\"Helvetica\", fontsize=9];\n",
        title());
    out += lanes();
    for (const auto& n : nodes_) out += node_line(n);
    out += edges();
    out += legend();
    return out + "}\n";
  }

 private:
  std::string title() const {
    return dot_label(before_.title.in(lang_, before_.name) + " → " + after_.title.in(lang_, after_.name), 120);
  }

  std::string role_of(const Process& p, StepVertex v) const {
    const auto& role = p.graph[v].role;
    return role ? p.roles[*role].id : "";
  }

  void add_nodes() {
    for (auto v : boost::make_iterator_range(boost::vertices(after_.graph))) {
      const Step& s = after_.graph[v];
      std::optional<ChangeKind> change;
      std::string text = dot_label(s.label.in(lang_, s.id));
      if (auto found = step_changes_.find({false, s.id}); found != step_changes_.end()) {
        change = found->second->change;
        for (const auto& line : field_summary(found->second->fields)) text += "\\n" + dot_label(line, 40);
      }
      nodes_.push_back({"a" + std::to_string(v), role_of(after_, v), text, s.kind, change});
    }
    for (auto v : boost::make_iterator_range(boost::vertices(before_.graph))) {
      if (m_.after_of_before[v]) continue;
      const Step& s = before_.graph[v];
      nodes_.push_back({"b" + std::to_string(v), role_of(before_, v), dot_label(s.label.in(lang_, s.id)), s.kind,
                        ChangeKind::removed});
    }
  }

  std::string lanes() const {
    std::map<std::string, Lane> lanes;
    std::vector<std::string> order;
    auto label = [&](const std::string& id) {
      for (const Process* p : {&after_, &before_})
        if (auto r = p->find_role(id)) return p->roles[*r].label.in(lang_, id);
      return id;
    };
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const auto& role = nodes_[i].role;
      if (role.empty()) continue;
      if (!lanes.count(role)) order.push_back(role), lanes[role].label = label(role);
      lanes[role].nodes.push_back(i);
    }
    std::string out;
    for (size_t i = 0; i < order.size(); ++i) {
      const Lane& lane = lanes.at(order[i]);
      bool removed = !after_.find_role(order[i]), added = !before_.find_role(order[i]);
      std::string color = removed ? kRemovedColor : added ? kAddedColor : "#bdbdbd";
      out += fmt::format("  subgraph cluster_{} {{\n    label=\"{}\"; style=\"rounded{}\"; color=\"{}\";\n", i,
                         dot_label(lane.label, 40), removed ? ",dashed" : "", color);
      for (size_t n : lane.nodes) out += "    " + nodes_[n].name + ";\n";
      out += "  }\n";
    }
    return out;
  }

  static std::string node_line(const Node& n) {
    std::string extra = style_of(n.change);
    if (n.kind == StepKind::start || n.kind == StepKind::end || n.kind == StepKind::decision)
      if (!n.change || *n.change != ChangeKind::removed) extra += ", style=\"filled\"";
    return fmt::format("  {} [label=\"{}\", shape={}{}];\n", n.name, n.text, shape(n.kind), extra);
  }

  std::string before_node(StepVertex v) const {
    return m_.after_of_before[v] ? "a" + std::to_string(*m_.after_of_before[v]) : "b" + std::to_string(v);
  }

  std::string edges() const {
    std::map<std::tuple<std::string, std::string, std::string>, const RouteChange*> changes;
    for (const auto& r : diff_.routes)
      if (r.change != ChangeKind::removed) changes[{r.from, r.to, r.when}] = &r;
    std::string out;
    for (auto e : boost::make_iterator_range(boost::edges(after_.graph))) {
      auto s = boost::source(e, after_.graph), t = boost::target(e, after_.graph);
      const Route& r = after_.graph[e];
      auto found = changes.find({after_.graph[s].id, after_.graph[t].id, r.when});
      std::optional<ChangeKind> change;
      std::string label = r.when.empty() ? "" : "[" + r.when + "]";
      if (found != changes.end()) {
        change = found->second->change;
        for (const auto& f : found->second->fields)
          label += (label.empty() ? "" : " ") + f.field + " " + f.before + " → " + f.after;
      }
      out += fmt::format("  a{} -> a{} [{}{}];\n", s, t, edge_style(change),
                         label.empty() ? "" : ", label=\"" + escape_dot(label) + "\"");
    }
    // Removed routes: drawn between the steps as they exist now, or the removed ones.
    std::map<std::tuple<std::string, std::string, std::string>, int> removed;
    for (const auto& r : diff_.routes)
      if (r.change == ChangeKind::removed) ++removed[{r.from, r.to, r.when}];
    for (auto e : boost::make_iterator_range(boost::edges(before_.graph))) {
      auto s = boost::source(e, before_.graph), t = boost::target(e, before_.graph);
      auto name = [&](StepVertex v) {
        return m_.after_of_before[v] ? after_.graph[*m_.after_of_before[v]].id : before_.graph[v].id;
      };
      auto found = removed.find({name(s), name(t), before_.graph[e].when});
      if (found == removed.end() || found->second == 0) continue;
      --found->second;
      out += fmt::format("  {} -> {} [{}];\n", before_node(s), before_node(t), edge_style(ChangeKind::removed));
    }
    return out;
  }

  std::string legend() const {
    return fmt::format(
        "  subgraph cluster_legend {{\n"
        "    label=\"{}\"; style=\"rounded\"; color=\"#bdbdbd\";\n"
        "    legend_added [label=\"{}\"{}];\n"
        "    legend_removed [label=\"{}\"{}];\n"
        "    legend_changed [label=\"{}\"{}];\n"
        "    legend_added -> legend_removed -> legend_changed [style=invis];\n"
        "  }}\n",
        pick(lang_, "Selite", "Teckenförklaring", "Legend"), pick(lang_, "lisätty", "tillagt", "added"),
        style_of(ChangeKind::added), pick(lang_, "poistettu", "borttaget", "removed"), style_of(ChangeKind::removed),
        pick(lang_, "muuttunut", "ändrat", "changed"), style_of(ChangeKind::changed));
  }

  const Process& before_;
  const Process& after_;
  Lang lang_;
  StepMatching m_;
  StructuralDiff diff_;
  std::map<std::pair<bool, std::string>, const StepChange*> step_changes_;
  std::vector<Node> nodes_;
};

}  // namespace
}  // namespace detail

std::string diff_dot(const Process& before, const Process& after, Lang lang) {
  return detail::DiffGraph(before, after, lang).dot();
}

}  // namespace sujuva
