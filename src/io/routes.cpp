// The routes: one per edge, with its probability, outcome, condition, labels and drawing.
#include <algorithm>

#include "io/graphviz_attributes.h"
#include "io/reader.h"
#include "model/units.h"

namespace sujuva::io::detail {

// The hot loop of a large model: one pass over cgraph's edges with no
// allocation for the usual route (`p`, maybe `outcome` or `when`). The routes
// are kept as records and built after cgraph's graph is gone, so that the two
// never take memory at the same time.
void Reader::read_routes(Agraph_t* g) {
  AttributeSymbols symbols(g, AGEDGE);
  Attributes values;
  std::vector<std::pair<Agnode_t*, size_t>> seen_heads;  // for the lines of repeated routes
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    seen_heads.clear();
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      Agnode_t* head = aghead(e);
      auto seen = std::find_if(seen_heads.begin(), seen_heads.end(), [&](auto& h) { return h.first == head; });
      size_t occurrence = seen == seen_heads.end() ? 0 : ++seen->second;
      if (seen == seen_heads.end()) seen_heads.emplace_back(head, 0);
      RouteRecord& route = routes_.emplace_back();
      route.tail = static_cast<uint32_t>(vertex_of_[AGSEQ(n)]);
      route.head = static_cast<uint32_t>(vertex_of_[AGSEQ(head)]);
      route.line = lines_.edge_line(ordinal_of_[AGSEQ(n)], ordinal_of_[AGSEQ(head)], occurrence);
      if (route.line == 0) route.line = process_.graph[route.tail].line;  // e.g. `a -> {b c}`
      symbols.read(e, values);
      read_route_attributes(route, values);
    }
  }
}

int Reader::route_name(std::string_view name) {
  auto [it, added] = route_name_index_.try_emplace(std::string(name), static_cast<int>(route_names_.size()));
  if (added) route_names_.emplace_back(name);
  return it->second;
}

void Reader::read_route_attributes(RouteRecord& route, const Attributes& values) {
  const auto& g = process_.graph;
  auto where = [&] { return messages_.route_where(g[route.tail].id, g[route.head].id); };
  if (const auto* p = values.get("p")) {
    auto x = parse_share(*p, messages_.lang());
    if (x && *x.value >= 0 && *x.value <= 1)
      route.p = *x.value;
    else
      route.p = messages_.number_in(std::string(*p), 0, 1, false, route.line, where() + ": p", true);
  }
  if (const auto* outcome = values.get("outcome")) {
    route.outcome = route_name(*outcome);
    if (!process_.find_class(std::string(*outcome))) process_.classes.emplace_back(*outcome);
  }
  if (const auto* when = values.get("when")) route.when = route_name(*when);
  bool all_plain = std::all_of(values.begin(), values.end(), [](auto& item) {
    return item.first == "p" || item.first == "outcome" || item.first == "when";
  });
  if (all_plain) return;
  route.extra = static_cast<int>(route_extras_.size());
  auto& [labels, drawing] = route_extras_.emplace_back();
  labels = Labels{values.value("label"), values.value("label_sv"), values.value("label_en")};
  messages_.warn_unknown(values, kRouteAttributes, route.line, where());
  for (const auto& [name, value] : values)
    if (is_graphviz_attribute(name)) drawing.emplace_back(name, value);
}

void Reader::build_routes() {
  auto& g = process_.graph;
  // Each step's route lists get their final size at once: growing them edge by
  // edge reallocates millions of small vectors in a large model. (m_vertices and
  // its edge lists are public members of Boost's adjacency_list storage.)
  std::vector<uint32_t> out_degree(boost::num_vertices(g)), in_degree(boost::num_vertices(g));
  for (const RouteRecord& record : routes_) ++out_degree[record.tail], ++in_degree[record.head];
  for (StepVertex v = 0; v < boost::num_vertices(g); ++v) {
    g.m_vertices[v].m_out_edges.reserve(out_degree[v]);
    g.m_vertices[v].m_in_edges.reserve(in_degree[v]);
  }
  for (const RouteRecord& record : routes_) {
    Route& route = g[boost::add_edge(record.tail, record.head, g).first];
    route.p = record.p;
    route.line = record.line;
    if (record.outcome >= 0) route.outcome = route_names_[record.outcome];
    if (record.when >= 0) route.when = route_names_[record.when];
    if (record.extra >= 0) {
      auto& [labels, drawing] = route_extras_[record.extra];
      route.label = labels;
      route.drawing = std::move(drawing);
    }
  }
  routes_ = {};
  route_extras_ = {};
}

// A `when` must name a class that some checkpoint (assesses or outcome) can set.
void Reader::check_classes() {
  const auto& g = process_.graph;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Route& route = g[e];
    if (route.when.empty() || process_.find_class(route.when)) continue;
    std::string suggestion = did_you_mean(route.when, process_.classes);
    messages_.error(
        "unknown-class", route.line,
        messages_.route_where(g[boost::source(e, g)].id, g[boost::target(e, g)].id) + ": when=\"" + route.when +
            messages_.say("\" on luokka, jota mikään tarkistuspiste ei aseta",
                          "\" är en klass som ingen kontrollpunkt sätter", "\" names a class that no checkpoint sets") +
            messages_.hint(suggestion,
                           messages_.say(" (aseta se tarkistuspisteen assesses=- tai outcome=-määritteellä)",
                                         " (sätt den med assesses= eller outcome= på en kontrollpunkt)",
                                         " (set it with assesses= or outcome= on a checkpoint)")));
  }
}

}  // namespace sujuva::io::detail
