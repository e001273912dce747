#include "render/diff_diagram.h"

#include <boost/range/iterator_range.hpp>
#include <map>
#include <vector>

#include "model/label_text.h"
#include "render/dot_writer.h"
#include "text/format.h"

namespace sujuva {

namespace {

// Labels keep the model's "\n" escapes as two characters: split there and
// wrapped (so that a long label does not stretch the graph), escaped with the
// lines as DOT line breaks.
std::string dot_label(const std::string& text, std::size_t width = 28) { return dot_lines(wrap_label(text, width)); }

DotAttributes node_style(std::optional<ChangeKind> change) {
  if (!change) return {};
  switch (*change) {
    case ChangeKind::added:
      return {{"color", dot_quoted(kAddedColor)}, {"fillcolor", dot_quoted(kAddedFill)}, {"penwidth", "2"}};
    case ChangeKind::removed:
      return {{"color", dot_quoted(kRemovedColor)},
              {"fontcolor", dot_quoted(kRemovedColor)},
              {"style", dot_quoted("rounded,dashed")}};
    case ChangeKind::changed:
      return {{"color", dot_quoted(kChangedColor)}, {"fillcolor", dot_quoted(kChangedFill)}, {"penwidth", "2"}};
  }
  return {};
}

DotAttributes edge_style(std::optional<ChangeKind> change) {
  if (!change) return {{"color", dot_quoted("#525252")}};
  switch (*change) {
    case ChangeKind::added:
      return {{"color", dot_quoted(kAddedColor)}, {"fontcolor", dot_quoted(kAddedColor)}, {"penwidth", "2"}};
    case ChangeKind::removed:
      return {{"color", dot_quoted(kRemovedColor)}, {"fontcolor", dot_quoted(kRemovedColor)}, {"style", "dashed"}};
    case ChangeKind::changed:
      return {{"color", dot_quoted(kChangedColor)}, {"fontcolor", dot_quoted(kChangedColor)}, {"penwidth", "2"}};
  }
  return {};
}

DotAttributes labelled(std::string escaped_label, DotAttributes style) {
  style.insert(style.begin(), {"label", dot_string(escaped_label)});
  return style;
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

using RouteKey = std::tuple<std::string, std::string, std::string>;  // from, to, when

class DiffGraph {
 public:
  DiffGraph(const Process& before, const Process& after, const StructuralDiff& diff, Lang lang)
      : before_(before), after_(after), lang_(lang), m_(diff.matching), diff_(diff) {
    for (const auto& s : diff_.steps) step_changes_[{s.change == ChangeKind::removed, s.id}] = &s;
  }

  std::string dot() {
    add_nodes();
    w_.open("diff");
    w_.defaults("graph", {{"rankdir", "LR"},
                          {"newrank", "true"},
                          {"fontname", dot_quoted("Helvetica")},
                          {"labelloc", "t"},
                          {"label", dot_string(title())}});
    w_.defaults("node", {{"shape", "box"},
                         {"style", dot_quoted("rounded,filled")},
                         {"fillcolor", dot_quoted("white")},
                         {"fontname", dot_quoted("Helvetica")},
                         {"fontsize", "11"}});
    w_.defaults("edge", {{"fontname", dot_quoted("Helvetica")}, {"fontsize", "9"}});
    lanes();
    for (const auto& n : nodes_) node(n);
    routes();
    removed_routes();
    legend();
    return w_.close();
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

  std::string role_label(const std::string& id) const {
    for (const Process* p : {&after_, &before_})
      if (auto r = p->find_role(id)) return p->roles[*r].label.in(lang_, id);
    return id;
  }

  // One lane per role, in the order of the roles' first steps.
  void lanes() {
    std::map<std::string, Lane> lanes;
    std::vector<std::string> order;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const auto& role = nodes_[i].role;
      if (role.empty()) continue;
      if (!lanes.count(role)) order.push_back(role), lanes[role].label = role_label(role);
      lanes[role].nodes.push_back(i);
    }
    for (size_t i = 0; i < order.size(); ++i) {
      const Lane& lane = lanes.at(order[i]);
      bool removed = !after_.find_role(order[i]), added = !before_.find_role(order[i]);
      std::string color = removed ? kRemovedColor : added ? kAddedColor : "#bdbdbd";
      w_.open_cluster("cluster_" + std::to_string(i));
      w_.cluster_attributes({{"label", dot_string(dot_label(lane.label, 40))},
                             {"style", dot_quoted(removed ? "rounded,dashed" : "rounded")},
                             {"color", dot_quoted(color)}});
      for (size_t n : lane.nodes) w_.node("    ", nodes_[n].name);
      w_.close_cluster();
    }
  }

  void node(const Node& n) {
    DotAttributes attributes = node_style(n.change);
    attributes.insert(attributes.begin(),
                      {{"label", dot_string(n.text)}, {"shape", step_shape(n.kind, StepShapes::outline)}});
    if (n.kind == StepKind::start || n.kind == StepKind::end || n.kind == StepKind::decision)
      if (!n.change || *n.change != ChangeKind::removed) attributes.push_back({"style", dot_quoted("filled")});
    w_.node("  ", n.name, attributes);
  }

  std::string before_node(StepVertex v) const {
    return m_.after_of_before[v] ? "a" + std::to_string(*m_.after_of_before[v]) : "b" + std::to_string(v);
  }

  // The after model's routes, coloured by their change.
  void routes() {
    std::map<RouteKey, const RouteChange*> changes;
    for (const auto& r : diff_.routes)
      if (r.change != ChangeKind::removed) changes[{r.from, r.to, r.when}] = &r;
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
      DotAttributes style = edge_style(change);
      if (!label.empty()) style.push_back({"label", dot_quoted(label)});
      w_.edge("  ", {"a" + std::to_string(s), "a" + std::to_string(t)}, style);
    }
  }

  // Removed routes: drawn between the steps as they exist now, or the removed ones.
  void removed_routes() {
    std::map<RouteKey, int> removed;
    for (const auto& r : diff_.routes)
      if (r.change == ChangeKind::removed) ++removed[{r.from, r.to, r.when}];
    auto name = [&](StepVertex v) {
      return m_.after_of_before[v] ? after_.graph[*m_.after_of_before[v]].id : before_.graph[v].id;
    };
    for (auto e : boost::make_iterator_range(boost::edges(before_.graph))) {
      auto s = boost::source(e, before_.graph), t = boost::target(e, before_.graph);
      auto found = removed.find({name(s), name(t), before_.graph[e].when});
      if (found == removed.end() || found->second == 0) continue;
      --found->second;
      w_.edge("  ", {before_node(s), before_node(t)}, edge_style(ChangeKind::removed));
    }
  }

  void legend() {
    w_.open_cluster("cluster_legend");
    w_.cluster_attributes({{"label", dot_string(say(lang_, "Selite", "Teckenförklaring", "Legend"))},
                           {"style", dot_quoted("rounded")},
                           {"color", dot_quoted("#bdbdbd")}});
    w_.node("    ", "legend_added",
            labelled(say(lang_, "lisätty", "tillagt", "added"), node_style(ChangeKind::added)));
    w_.node("    ", "legend_removed",
            labelled(say(lang_, "poistettu", "borttaget", "removed"), node_style(ChangeKind::removed)));
    w_.node("    ", "legend_changed",
            labelled(say(lang_, "muuttunut", "ändrat", "changed"), node_style(ChangeKind::changed)));
    w_.edge("    ", {"legend_added", "legend_removed", "legend_changed"}, {{"style", "invis"}});
    w_.close_cluster();
  }

  const Process& before_;
  const Process& after_;
  Lang lang_;
  const StepMatching& m_;
  const StructuralDiff& diff_;
  std::map<std::pair<bool, std::string>, const StepChange*> step_changes_;
  std::vector<Node> nodes_;
  DotWriter w_;
};

}  // namespace

std::string diff_dot(const Process& before, const Process& after, const StructuralDiff& diff, Lang lang) {
  return DiffGraph(before, after, diff, lang).dot();
}

}  // namespace sujuva
