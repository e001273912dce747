// The graph's own settings (title, working-time units, notes) and its roles (clusters).
#include <algorithm>

#include "io/graphviz_attributes.h"
#include "io/reader.h"

namespace sujuva::io::detail {

void Reader::read_calendar_setting(const Attributes& values, const char* name, double& target) {
  if (!values.count(name)) return;
  const int line = lines_.attribute_line(name);
  if (auto x = messages_.number_in(values.value(name), 0, 168, false, line,
                                   messages_.say("malli: ", "modellen: ", "graph ") + name)) {
    if (*x <= 0)
      messages_.error(
          "range", line,
          messages_.say("malli: ", "modellen: ", "graph ") + name +
              messages_.say(" pitää olla suurempi kuin 0", " ska vara större än 0", " must be greater than 0"));
    else
      target = *x;
  }
}

// `class_NAME[_sv|_en]` and `qualification_NAME[_sv|_en]`: the model's own word for a class or
// a qualification. False for any other attribute.
bool Reader::read_term(const std::string& attribute, const std::string& value) {
  for (auto [prefix, terms] : {std::pair{std::string("class_"), &process_.terms.classes},
                               std::pair{std::string("qualification_"), &process_.terms.qualifications}}) {
    if (attribute.size() <= prefix.size() || attribute.rfind(prefix, 0) != 0) continue;
    std::string name = attribute.substr(prefix.size());
    auto suffix = [&](const char* s) { return name.size() > 3 && name.compare(name.size() - 3, 3, s) == 0; };
    if (suffix("_sv"))
      (*terms)[name.substr(0, name.size() - 3)].sv = value;
    else if (suffix("_en"))
      (*terms)[name.substr(0, name.size() - 3)].en = value;
    else
      (*terms)[name].fi = value;
    return true;
  }
  return false;
}

void Reader::read_graph_settings(Agraph_t* g) {
  auto values = AttributeSymbols(g, AGRAPH).read(g);
  process_.title = {values.value("label"), values.value("label_sv"), values.value("label_en")};
  read_calendar_setting(values, "hours_per_fte", process_.calendar.hours_per_fte);
  read_calendar_setting(values, "hours_per_day", process_.calendar.hours_per_day);
  if (process_.calendar.hours_per_day > process_.calendar.hours_per_fte)
    messages_.error("range", lines_.attribute_line("hours_per_day"),
                    messages_.say("malli: hours_per_day ei saa olla suurempi kuin hours_per_fte",
                                  "modellen: hours_per_day får inte vara större än hours_per_fte",
                                  "graph hours_per_day must not exceed hours_per_fte"));
  for (const char* note : {"assumptions", "source"})
    if (values.count(note)) process_.notes[note] = values.value(note);
  // Graph attributes are warned about with their own line; the root graph may give roles' defaults.
  for (const auto& [name_view, value] : values) {
    std::string name(name_view);
    if (read_term(name, std::string(value))) continue;
    if (is_one_of(name, kGraphAttributes) || is_graphviz_attribute(name) || is_one_of(name, kRoleAttributes)) continue;
    messages_.unknown_attribute(messages_.say("malli", "modellen", "graph"), name, kGraphAttributes,
                                lines_.attribute_line(name));
  }
}

// The role a subgraph with these (its own) attributes defines; nullopt when it is a duplicate.
std::optional<RoleIndex> Reader::read_role(const std::string& subgraph, const Attributes& values) {
  Role r;
  r.line = lines_.subgraph_line(subgraph);
  r.id = values.count("role") ? values.value("role") : subgraph.substr(subgraph.rfind("cluster_", 0) == 0 ? 8 : 7);
  const std::string where = messages_.role_where(r.id);
  r.label = {values.value("label"), values.value("label_sv"), values.value("label_en")};
  r.qualification = values.value("qualification");
  if (values.count("fte"))
    r.fte = messages_.number_in(values.value("fte"), 0, 1e6, false, r.line, where + ": fte").value_or(0);
  else
    messages_.warning("no-fte", r.line,
                      where + messages_.say(": fte puuttuu, joten roolissa ei ole henkilöstöä (aseta fte=...)",
                                            ": fte saknas, så rollen har ingen personal (ange fte=...)",
                                            ": no fte given; it has no staff (set fte=...)"));
  if (values.count("absence"))
    r.absence = messages_.number_in(values.value("absence"), 0, 1, true, r.line, where + ": absence", true).value_or(0);
  if (values.count("reserved"))
    r.reserved =
        messages_.number_in(values.value("reserved"), 0, 1, true, r.line, where + ": reserved", true).value_or(0);
  messages_.warn_unknown(values, kRoleAttributes, r.line, where);
  if (process_.find_role(r.id)) {
    messages_.error("duplicate-role", r.line,
                    messages_.role_where("\"" + r.id + "\"") +
                        messages_.say(" on määritelty kahdesti (roolien tunnusten pitää olla yksilöllisiä)",
                                      " är definierad två gånger (rollernas id måste vara unika)",
                                      " is defined twice (role ids must be unique)"));
    return std::nullopt;
  }
  process_.roles.push_back(r);
  return static_cast<RoleIndex>(process_.roles.size() - 1);
}

// A cluster (or any subgraph with `role=`) is a role; nested subgraphs inherit it.
void Reader::collect_roles(Agraph_t* root, Agraph_t* g, std::optional<RoleIndex> enclosing) {
  // cgraph keeps subgraphs by name; roles are numbered in the order the file gives them.
  std::vector<Agraph_t*> subgraphs;
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) subgraphs.push_back(sub);
  std::stable_sort(subgraphs.begin(), subgraphs.end(), [&](Agraph_t* a, Agraph_t* b) {
    return lines_.subgraph_line(agnameof(a)) < lines_.subgraph_line(agnameof(b));
  });
  for (Agraph_t* sub : subgraphs) {
    std::string name = agnameof(sub);
    AttributeSymbols graph_symbols(root, AGRAPH);
    auto values = graph_symbols.read(sub);
    auto parent_values = graph_symbols.read(g);
    // cgraph copies a parent's graph attributes into subgraphs: a value equal to the parent's
    // was set here only if the subgraph's own text says so (an inner role with the same fte).
    values.erase_if([&](const Attributes::Item& item) {
      return parent_values.count(item.first) && parent_values.value(item.first) == item.second &&
             !lines_.sets_attribute(name, item.first);
    });
    std::optional<RoleIndex> role = enclosing;
    bool is_cluster = name.rfind("cluster", 0) == 0;
    if (values.count("role") || (is_cluster && !enclosing))
      if (auto own = read_role(name, values)) role = own;
    if (role)
      for (Agnode_t* n = agfstnode(sub); n; n = agnxtnode(sub, n)) role_of_node_[AGSEQ(n)] = *role;
    collect_roles(root, sub, role);
  }
}

}  // namespace sujuva::io::detail
