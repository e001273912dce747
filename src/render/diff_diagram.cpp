// The diff diagram's writer: both models' steps, lanes and routes through the annotated diagram's
// drawing functions, with a mark on each change.
#include "render/diff_diagram.h"

#include <boost/range/iterator_range.hpp>
#include <map>
#include <tuple>
#include <vector>

#include "model/label_text.h"
#include "render/diagram_internal.h"
#include "render/diff_words.h"

namespace sujuva {

namespace {

using namespace diagram;

using RouteKey = std::tuple<std::string, std::string, std::string>;  // from, to, when

// A step of the drawing: of the after model, or of the before model when it was removed.
struct Placed {
  bool removed;
  StepVertex v;
};

class DiffGraph {
 public:
  DiffGraph(const Process& before, const Process& after, const StructuralDiff& diff, Lang lang)
      : before_(before),
        after_(after),
        diff_(diff),
        m_(diff.matching),
        lang_(lang),
        options_{.lang = lang, .color = ColorBy::none},
        after_c_{after, options_, nullptr, Words{lang}, utilisation_scale(lang), {}},
        before_c_{before, options_, nullptr, Words{lang}, utilisation_scale(lang), {}} {
    for (const auto& s : diff_.steps) steps_[{s.change == ChangeKind::removed, s.id}] = &s;
    for (const auto& r : diff_.roles) roles_[r.id] = &r;
    after_c_.title = one_line(before.title.in(lang, before.name)) + " → " + one_line(after.title.in(lang, after.name));
    after_c_.findings = false;
    after_c_.extra_rows = key();
  }

  std::string dot() {
    w_.open(dot_quoted("diff"));
    write_defaults(w_, after_c_);
    w_.graph_attribute("label", "<" + legend(after_c_) + ">");
    lanes();
    routes();
    removed_routes();
    return w_.close();
  }

 private:
  Mark mark(ChangeKind change, std::vector<std::string> lines) const {
    switch (change) {
      case ChangeKind::added:
        return {kAddedColor, kAddedInk, false, {added_word(lang_)}};
      case ChangeKind::removed:
        return {kRemovedColor, kRemovedInk, true, {removed_word(lang_)}};
      case ChangeKind::changed:
        break;
    }
    return {kChangedColor, kChangedInk, false, std::move(lines)};
  }

  std::optional<Mark> step_mark(const Placed& s) const {
    const Process& p = s.removed ? before_ : after_;
    auto found = steps_.find({s.removed, p.graph[s.v].id});
    if (found == steps_.end()) return std::nullopt;
    const StepChange& c = *found->second;
    std::string was;
    if (c.change == ChangeKind::changed && m_.before_of_after[s.v])
      was = one_line(before_.graph[*m_.before_of_after[s.v]].label.in(lang_, c.before_id));
    Mark result = mark(c.change, change_lines(c.fields, before_, after_, lang_, was));
    // A change the drawing cannot show (only the id) is not marked.
    if (result.lines.empty()) return std::nullopt;
    return result;
  }

  std::string node_name(const Placed& s) const {
    return s.removed ? dot_quoted("removed:" + before_.graph[s.v].id) : dot_quoted(after_.graph[s.v].id);
  }

  void write_step(const Placed& s, const char* indent) {
    auto m = step_mark(s);
    const Context& c = s.removed ? before_c_ : after_c_;
    w_.node(indent, node_name(s), step_attributes(c, s.v, m ? &*m : nullptr));
  }

  // The steps without a role, then a lane per role: the after model's in the order clients meet
  // them, then the roles that were removed. A removed step goes to its role's lane where the role
  // is still there.
  void lanes() {
    std::map<std::string, std::vector<Placed>> by_role;
    std::vector<Placed> free;
    auto place = [&](const Process& p, Placed s) {
      auto role = p.graph[s.v].role;
      if (role && *role >= 0 && *role < static_cast<RoleIndex>(p.roles.size()))
        by_role[p.roles[*role].id].push_back(s);
      else
        free.push_back(s);
    };
    for (auto v : boost::make_iterator_range(boost::vertices(after_.graph))) place(after_, {false, v});
    for (auto v : boost::make_iterator_range(boost::vertices(before_.graph)))
      if (!m_.after_of_before[v]) place(before_, {true, v});
    for (const auto& s : free) write_step(s, "  ");
    for (RoleIndex r : lanes_in_flow_order(after_)) lane(after_c_, r, by_role[after_.roles[r].id]);
    for (RoleIndex r = 0; r < static_cast<RoleIndex>(before_.roles.size()); ++r)
      if (!after_.find_role(before_.roles[r].id)) lane(before_c_, r, by_role[before_.roles[r].id]);
  }

  void lane(const Context& c, RoleIndex r, const std::vector<Placed>& steps) {
    const Role& role = c.process.roles[r];
    auto found = roles_.find(role.id);
    std::optional<Mark> m;
    if (found != roles_.end()) {
      const RoleChange& change = *found->second;
      std::string was;
      if (auto b = before_.find_role(role.id); b && change.change == ChangeKind::changed)
        was = one_line(before_.roles[*b].label.in(lang_, role.id));
      m = mark(change.change, change_lines(change.fields, before_, after_, lang_, was));
      if (m->lines.empty()) m.reset();
    }
    // A role that a model names but gives no steps is drawn only when it changed.
    if (steps.empty() && !m) return;
    open_lane(w_, c, r, false, m ? &*m : nullptr);
    for (const auto& s : steps) write_step(s, "    ");
    w_.close_cluster();
  }

  // The after model's routes, marked by their change.
  void routes() {
    std::map<RouteKey, const RouteChange*> changes;
    for (const auto& r : diff_.routes)
      if (r.change != ChangeKind::removed) changes[{r.from, r.to, r.when}] = &r;
    const auto& g = after_.graph;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      auto s = boost::source(e, g), t = boost::target(e, g);
      auto found = changes.find({g[s].id, g[t].id, g[e].when});
      std::optional<Mark> m;
      if (found != changes.end())
        m = mark(found->second->change, change_lines(found->second->fields, before_, after_, lang_, ""));
      w_.edge("  ", {node_name({false, s}), node_name({false, t})},
              route_attributes(after_c_, e, 1.2, FindingLine::none, m ? &*m : nullptr));
    }
  }

  // The before model's routes that were removed: between the steps as they are now, or the
  // removed ones.
  void removed_routes() {
    std::map<RouteKey, int> removed;
    for (const auto& r : diff_.routes)
      if (r.change == ChangeKind::removed) ++removed[{r.from, r.to, r.when}];
    const auto& g = before_.graph;
    auto placed = [&](StepVertex v) {
      return m_.after_of_before[v] ? Placed{false, *m_.after_of_before[v]} : Placed{true, v};
    };
    auto id = [&](StepVertex v) { return m_.after_of_before[v] ? after_.graph[*m_.after_of_before[v]].id : g[v].id; };
    const Mark m = mark(ChangeKind::removed, {});
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      auto s = boost::source(e, g), t = boost::target(e, g);
      auto found = removed.find({id(s), id(t), g[e].when});
      if (found == removed.end() || found->second == 0) continue;
      --found->second;
      w_.edge("  ", {node_name(placed(s)), node_name(placed(t))}, route_attributes(before_c_, e, 1.2, FindingLine::none, &m));
    }
  }

  // The key's row of the marks, each cell drawn as its mark is.
  std::string key() const {
    auto cell = [](const char* color, const char* ink, bool dashed, const std::string& text) {
      return std::string("<TD BORDER=\"3\"") + (dashed ? " STYLE=\"dashed\"" : "") + " COLOR=\"" + color +
             "\"><FONT COLOR=\"" + ink + "\"><B>" + escape_html(text) + "</B></FONT></TD>";
    };
    std::string cells = cell(kAddedColor, kAddedInk, false, added_word(lang_)) +
                        cell(kRemovedColor, kRemovedInk, true, removed_word(lang_)) +
                        cell(kChangedColor, kChangedInk, false,
                             std::string(changed_word(lang_)) + ": " +
                                 say(lang_, "ennen → jälkeen", "före → efter", "before → after"));
    return legend_row(say(lang_, "Muutokset", "Ändringar", "Changes"), cells);
  }

  const Process& before_;
  const Process& after_;
  const StructuralDiff& diff_;
  const StepMatching& m_;
  Lang lang_;
  DiagramOptions options_;
  Context after_c_, before_c_;
  std::map<std::pair<bool, std::string>, const StepChange*> steps_;
  std::map<std::string, const RoleChange*> roles_;
  DotWriter w_;
};

}  // namespace

std::string diff_dot(const Process& before, const Process& after, const StructuralDiff& diff, Lang lang) {
  return DiffGraph(before, after, diff, lang).dot();
}

}  // namespace sujuva
