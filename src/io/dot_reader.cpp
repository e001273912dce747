#include "io/dot_reader.h"

#include <graphviz/cgraph.h>

#include <boost/range/iterator_range.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "io/cgraph_memory.h"
#include "io/dot_source.h"

// Not in cgraph.h but exported: flushes the scanner's buffer, which otherwise
// carries what followed the last graph (a trailing newline) into the next read.
extern "C" void aglexbad(void);

namespace sujuva {

namespace {

// cgraph reports through a global callback and is not thread-safe.
std::mutex cgraph_mutex;
std::string* cgraph_errors = nullptr;

int collect_cgraph_error(char* message) {
  if (cgraph_errors) *cgraph_errors += message;
  return 0;
}

const std::set<std::string, std::less<>>& graphviz_attributes() {
  static const std::set<std::string, std::less<>> names = {"_background",
                                                           "area",
                                                           "arrowhead",
                                                           "arrowsize",
                                                           "arrowtail",
                                                           "bb",
                                                           "bgcolor",
                                                           "center",
                                                           "charset",
                                                           "class",
                                                           "clusterrank",
                                                           "color",
                                                           "colorscheme",
                                                           "comment",
                                                           "compound",
                                                           "concentrate",
                                                           "constraint",
                                                           "decorate",
                                                           "defaultdist",
                                                           "dim",
                                                           "dimen",
                                                           "dir",
                                                           "distortion",
                                                           "dpi",
                                                           "edgehref",
                                                           "edgetarget",
                                                           "edgetooltip",
                                                           "edgeURL",
                                                           "epsilon",
                                                           "esep",
                                                           "fillcolor",
                                                           "fixedsize",
                                                           "fontcolor",
                                                           "fontname",
                                                           "fontnames",
                                                           "fontpath",
                                                           "fontsize",
                                                           "forcelabels",
                                                           "gradientangle",
                                                           "group",
                                                           "head_lp",
                                                           "headclip",
                                                           "headhref",
                                                           "headlabel",
                                                           "headport",
                                                           "headtarget",
                                                           "headtooltip",
                                                           "headURL",
                                                           "height",
                                                           "href",
                                                           "id",
                                                           "image",
                                                           "imagepath",
                                                           "imagepos",
                                                           "imagescale",
                                                           "inputscale",
                                                           "K",
                                                           "labelangle",
                                                           "labeldistance",
                                                           "labelfloat",
                                                           "labelfontcolor",
                                                           "labelfontname",
                                                           "labelfontsize",
                                                           "labelhref",
                                                           "labeljust",
                                                           "labelloc",
                                                           "labeltarget",
                                                           "labeltooltip",
                                                           "labelURL",
                                                           "landscape",
                                                           "layer",
                                                           "layerlistsep",
                                                           "layers",
                                                           "layerselect",
                                                           "layersep",
                                                           "layout",
                                                           "len",
                                                           "levels",
                                                           "levelsgap",
                                                           "lhead",
                                                           "lheight",
                                                           "lp",
                                                           "ltail",
                                                           "lwidth",
                                                           "margin",
                                                           "maxiter",
                                                           "mclimit",
                                                           "mindist",
                                                           "minlen",
                                                           "mode",
                                                           "model",
                                                           "mosek",
                                                           "newrank",
                                                           "nodesep",
                                                           "nojustify",
                                                           "normalize",
                                                           "notranslate",
                                                           "nslimit",
                                                           "nslimit1",
                                                           "ordering",
                                                           "orientation",
                                                           "outputorder",
                                                           "overlap",
                                                           "overlap_scaling",
                                                           "overlap_shrink",
                                                           "pack",
                                                           "packmode",
                                                           "pad",
                                                           "page",
                                                           "pagedir",
                                                           "pencolor",
                                                           "penwidth",
                                                           "peripheries",
                                                           "pin",
                                                           "pos",
                                                           "quadtree",
                                                           "quantum",
                                                           "rank",
                                                           "rankdir",
                                                           "ranksep",
                                                           "ratio",
                                                           "rects",
                                                           "regular",
                                                           "remincross",
                                                           "repulsiveforce",
                                                           "resolution",
                                                           "root",
                                                           "rotate",
                                                           "rotation",
                                                           "samehead",
                                                           "sametail",
                                                           "samplepoints",
                                                           "scale",
                                                           "searchsize",
                                                           "sep",
                                                           "shape",
                                                           "shapefile",
                                                           "showboxes",
                                                           "sides",
                                                           "size",
                                                           "skew",
                                                           "smoothing",
                                                           "sortv",
                                                           "splines",
                                                           "start",
                                                           "style",
                                                           "stylesheet",
                                                           "tail_lp",
                                                           "tailclip",
                                                           "tailhref",
                                                           "taillabel",
                                                           "tailport",
                                                           "tailtarget",
                                                           "tailtooltip",
                                                           "tailURL",
                                                           "target",
                                                           "tooltip",
                                                           "truecolor",
                                                           "URL",
                                                           "vertices",
                                                           "viewport",
                                                           "voro_margin",
                                                           "weight",
                                                           "width",
                                                           "xdotversion",
                                                           "xlabel",
                                                           "xlp",
                                                           "z"};
  return names;
}

const std::vector<std::string> kGraphAttributes = {"label",         "label_sv",    "label_en", "hours_per_fte",
                                                   "hours_per_day", "assumptions", "source"};
const std::vector<std::string> kRoleAttributes = {"role", "label",   "label_sv", "label_en",
                                                  "fte",  "absence", "reserved", "qualification"};
const std::vector<std::string> kStepAttributes = {"kind",      "role",     "label",    "label_sv", "label_en",
                                                  "effort",    "delay",    "arrivals", "load",     "assesses",
                                                  "mandatory", "requires", "deadline", "priority"};
const std::vector<std::string> kRouteAttributes = {"p", "outcome", "when", "label", "label_sv", "label_en"};

// The attributes a user set on one cgraph object, as views into cgraph's strings
// (valid until the graph is closed). A flat vector: objects have a handful each.
class Attributes {
 public:
  using Item = std::pair<std::string_view, std::string_view>;
  void add(std::string_view name, std::string_view value) { items_.emplace_back(name, value); }
  bool count(std::string_view name) const { return find(name) != items_.end(); }
  // The value, or nullptr when the attribute is not set.
  const std::string_view* get(std::string_view name) const {
    auto it = find(name);
    return it == items_.end() ? nullptr : &it->second;
  }
  void clear() { items_.clear(); }
  std::string value(std::string_view name) const {
    auto it = find(name);
    return it == items_.end() ? std::string() : std::string(it->second);
  }
  void erase_if(const std::function<bool(const Item&)>& drop) { std::erase_if(items_, drop); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

 private:
  std::vector<Item>::const_iterator find(std::string_view name) const {
    return std::find_if(items_.begin(), items_.end(), [&](const Item& item) { return item.first == name; });
  }
  std::vector<Item> items_;
};

std::string value_of(const Attributes& values, std::string_view name) { return values.value(name); }

// The attributes declared for one kind of cgraph object (AGRAPH, AGNODE or
// AGEDGE), to read the values one object set.
class AttributeSymbols {
 public:
  AttributeSymbols(Agraph_t* root, int kind) {
    for (Agsym_t* sym = agnxtattr(root, kind, nullptr); sym; sym = agnxtattr(root, kind, sym))
      // cgraph stores the edge key as "key" for multi-edges; it is no user attribute.
      if (kind != AGEDGE || std::string_view(sym->name) != "key") symbols_.push_back(sym);
  }
  void read(void* object, Attributes& values) const {
    values.clear();
    for (Agsym_t* sym : symbols_)
      if (const char* value = agxget(object, sym); value && *value) values.add(sym->name, value);
  }
  Attributes read(void* object) const {
    Attributes values;
    read(object, values);
    return values;
  }

 private:
  std::vector<Agsym_t*> symbols_;
};

class Reader {
 public:
  // Writes into `result` in place: a Boost adjacency_list copies when moved.
  Reader(std::string_view text, std::string file, Lang lang, ReadResult& result)
      : text_(text),
        file_(std::move(file)),
        lang_(lang),
        diagnostics_(result.diagnostics),
        process_(result.process.emplace()) {}

  // False when the model cannot be used at all (the caller drops the process).
  bool read();

 private:
  // `rule`: the diagnostic's stable name (README, "Rules").
  void error(const char* rule, int line, const std::string& message) {
    diagnostics_.push_back({Severity::error, file_, line, message, {}, rule});
  }
  void warning(const char* rule, int line, const std::string& message) {
    diagnostics_.push_back({Severity::warning, file_, line, message, {}, rule});
  }
  bool check_text();
  Agraph_t* parse(std::string& cgraph_messages);
  // Built in place: assigning or swapping an adjacency_list copies it.
  void add_steps(size_t count) {
    process_.graph.m_vertices.reserve(count);
    for (size_t i = 0; i < count; ++i) boost::add_vertex(process_.graph);
  }
  void read_graph_settings(Agraph_t* g);
  void collect_roles(Agraph_t* root, Agraph_t* g, std::optional<RoleIndex> enclosing);
  void read_steps(Agraph_t* g);
  void read_step_attributes(Step& step, const Attributes& values, size_t sequence);
  void read_routes(Agraph_t* g);
  // A route as read from cgraph, before it is added to the graph.
  struct RouteRecord {
    uint32_t tail = 0, head = 0;
    int line = 0;
    std::optional<double> p;
    int outcome = -1, when = -1;  // into route_names_
    int extra = -1;               // into route_extras_: labels, drawing attributes
  };
  void read_route_attributes(RouteRecord& route, const Attributes& values);
  int route_name(std::string_view name);
  void build_routes();
  void check_classes();
  void warn_unknown(const Attributes& values, const std::vector<std::string>& known, int line, const std::string& what);
  std::optional<double> number_in(const std::string& value, double low, double high, bool high_open, int line,
                                  const std::string& what);

  std::string_view text_;
  std::string file_;
  Lang lang_;  // of the messages
  std::string say(std::string fi, std::string sv, std::string en) const {
    return sujuva::say(lang_, std::move(fi), std::move(sv), std::move(en));
  }
  // `(did you mean "x"?)`, or `otherwise` when there is no suggestion.
  std::string hint(const std::string& suggestion, const std::string& otherwise = "") const {
    return suggestion.empty() ? otherwise : did_you_mean_hint(suggestion, lang_);
  }
  std::string node_where(const std::string& id) const { return say("vaihe \"", "steget \"", "node \"") + id + "\""; }
  std::string role_where(const std::string& id) const { return say("rooli ", "rollen ", "role ") + id; }
  std::string route_where(const std::string& from, const std::string& to) const {
    return say("reitti ", "rutt ", "route ") + from + " -> " + to;
  }
  Diagnostics& diagnostics_;
  Process& process_;
  detail::SourceLines lines_;
  std::vector<RoleIndex> role_of_node_;  // by cgraph's node sequence number; -1: none
  std::vector<StepVertex> vertex_of_;    // by cgraph's node sequence number
  std::vector<int> ordinal_of_;          // by cgraph's node sequence number: the source index's ordinal
  std::vector<RouteRecord> routes_;
  std::vector<std::string> route_names_;  // outcome and when values
  std::unordered_map<std::string, int> route_name_index_;
  std::vector<std::pair<Labels, Drawing>> route_extras_;
};

bool Reader::check_text() {
  if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error("empty-file", 0,
          say("tiedosto on tyhjä; prosessimalli on DOT-kaavio (digraph), katso processes/README.md",
              "filen är tom; en processmodell är en DOT-graf (digraph), se processes/README.md",
              "the file is empty; a process model is a DOT digraph, see processes/README.md"));
    return false;
  }
  if (text_.find('\0') != std::string_view::npos) {
    error("binary-file", 0,
          say("tämä on binääritiedosto eikä DOT-tekstitiedosto", "detta är en binärfil, inte en DOT-textfil",
              "this is a binary file, not a DOT text file"));
    return false;
  }
  int line = 1;
  for (size_t i = 0; i < text_.size();) {
    auto c = static_cast<unsigned char>(text_[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text_.size();
    for (size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text_[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      error("encoding", line,
            say("teksti ei ole kelvollista UTF-8:aa (tallenna tiedosto UTF-8-muodossa)",
                "texten är inte giltig UTF-8 (spara filen som UTF-8)",
                "the text is not valid UTF-8 (save the file as UTF-8)"));
      return false;
    }
    if (c == '\n') ++line;
    i += length;
  }
  return true;
}

std::optional<double> Reader::number_in(const std::string& value, double low, double high, bool high_open, int line,
                                        const std::string& what) {
  auto number = parse_number(value, lang_);
  if (!number) {
    error("number", line, what + ": " + number.error);
    return std::nullopt;
  }
  double x = *number.value;
  if (x < low || x > high || (high_open && x == high)) {
    std::ostringstream range;
    range << low << (high_open ? ", " : say("–", " och ", " and ")) << high;
    const std::string bounds = high_open ? "[" + range.str() + ")" : range.str();
    error("range", line,
          what +
              (high_open ? say(" pitää olla välillä ", " ska ligga i ", " must be in ")
                         : say(" pitää olla ", " ska ligga mellan ", " must be between ")) +
              bounds + say(", ei ", ", inte ", ", not ") + value);
    return std::nullopt;
  }
  return x;
}

void Reader::warn_unknown(const Attributes& values, const std::vector<std::string>& known, int line,
                          const std::string& what) {
  for (const auto& [name_view, value] : values) {
    if (std::find(known.begin(), known.end(), name_view) != known.end()) continue;
    if (graphviz_attributes().count(name_view)) continue;
    std::string name(name_view);
    std::string suggestion = did_you_mean(name, known);
    warning("unknown-attribute", line,
            what + say(": tuntematon määrite \"", ": okänt attribut \"", ": unknown attribute \"") + name + "\"" +
                hint(suggestion, say(" (jätetään huomiotta)", " (ignoreras)", " (ignored)")));
  }
}

void Reader::read_graph_settings(Agraph_t* g) {
  auto values = AttributeSymbols(g, AGRAPH).read(g);
  process_.title = {value_of(values, "label"), value_of(values, "label_sv"), value_of(values, "label_en")};
  auto setting = [&](const char* name, double& target) {
    if (!values.count(name)) return;
    if (auto x = number_in(value_of(values, name), 0, 168, false, lines_.attribute_line(name),
                           say("malli: ", "modellen: ", "graph ") + name)) {
      if (*x <= 0)
        error("range", lines_.attribute_line(name),
              say("malli: ", "modellen: ", "graph ") + name +
                  say(" pitää olla suurempi kuin 0", " ska vara större än 0", " must be greater than 0"));
      else
        target = *x;
    }
  };
  setting("hours_per_fte", process_.calendar.hours_per_fte);
  setting("hours_per_day", process_.calendar.hours_per_day);
  if (process_.calendar.hours_per_day > process_.calendar.hours_per_fte)
    error("range", lines_.attribute_line("hours_per_day"),
          say("malli: hours_per_day ei saa olla suurempi kuin hours_per_fte",
              "modellen: hours_per_day får inte vara större än hours_per_fte",
              "graph hours_per_day must not exceed hours_per_fte"));
  for (const char* note : {"assumptions", "source"})
    if (values.count(note)) process_.notes[note] = value_of(values, note);
  // Graph attributes are warned about with their own line.
  for (const auto& [name_view, value] : values) {
    std::string name(name_view);
    if (std::find(kGraphAttributes.begin(), kGraphAttributes.end(), name) != kGraphAttributes.end()) continue;
    if (graphviz_attributes().count(name)) continue;
    if (std::find(kRoleAttributes.begin(), kRoleAttributes.end(), name) != kRoleAttributes.end()) continue;
    std::string suggestion = did_you_mean(name, kGraphAttributes);
    warning("unknown-attribute", lines_.attribute_line(name),
            say("malli: tuntematon määrite \"", "modellen: okänt attribut \"", "graph: unknown attribute \"") + name +
                "\"" + hint(suggestion, say(" (jätetään huomiotta)", " (ignoreras)", " (ignored)")));
  }
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
    // cgraph copies a parent's graph attributes into subgraphs: only differing values were set here.
    values.erase_if([&](const Attributes::Item& item) {
      return parent_values.count(item.first) && value_of(parent_values, item.first) == item.second;
    });
    std::optional<RoleIndex> role = enclosing;
    bool is_cluster = name.rfind("cluster", 0) == 0;
    if (values.count("role") || (is_cluster && !enclosing)) {
      Role r;
      r.line = lines_.subgraph_line(name);
      r.id = values.count("role") ? value_of(values, "role") : name.substr(name.rfind("cluster_", 0) == 0 ? 8 : 7);
      r.label = {value_of(values, "label"), value_of(values, "label_sv"), value_of(values, "label_en")};
      r.qualification = value_of(values, "qualification");
      if (values.count("fte"))
        r.fte = number_in(value_of(values, "fte"), 0, 1e6, false, r.line, role_where(r.id) + ": fte").value_or(0);
      else
        warning("no-fte", r.line,
                role_where(r.id) + say(": fte puuttuu, joten roolissa ei ole henkilöstöä (aseta fte=...)",
                                       ": fte saknas, så rollen har ingen personal (ange fte=...)",
                                       ": no fte given; it has no staff (set fte=...)"));
      if (values.count("absence"))
        r.absence =
            number_in(value_of(values, "absence"), 0, 1, true, r.line, role_where(r.id) + ": absence").value_or(0);
      if (values.count("reserved"))
        r.reserved =
            number_in(value_of(values, "reserved"), 0, 1, true, r.line, role_where(r.id) + ": reserved").value_or(0);
      warn_unknown(values, kRoleAttributes, r.line, role_where(r.id));
      if (process_.find_role(r.id)) {
        error(
            "duplicate-role", r.line,
            role_where("\"" + r.id + "\"") + say(" on määritelty kahdesti (roolien tunnusten pitää olla yksilöllisiä)",
                                                 " är definierad två gånger (rollernas id måste vara unika)",
                                                 " is defined twice (role ids must be unique)"));
      } else {
        process_.roles.push_back(r);
        role = static_cast<RoleIndex>(process_.roles.size() - 1);
      }
    }
    if (role)
      for (Agnode_t* n = agfstnode(sub); n; n = agnxtnode(sub, n)) role_of_node_[AGSEQ(n)] = *role;
    collect_roles(root, sub, role);
  }
}

const std::vector<std::pair<std::string, StepKind>> kKinds = {
    {"start", StepKind::start},       {"task", StepKind::task},         {"checkpoint", StepKind::checkpoint},
    {"decision", StepKind::decision}, {"activity", StepKind::activity}, {"end", StepKind::end}};

void Reader::read_step_attributes(Step& step, const Attributes& values, size_t sequence) {
  const std::string where = node_where(step.id);
  const int line = step.line;
  if (values.count("kind")) {
    auto it = std::find_if(kKinds.begin(), kKinds.end(), [&](auto& k) { return k.first == value_of(values, "kind"); });
    if (it == kKinds.end()) {
      std::vector<std::string> names;
      for (auto& k : kKinds) names.push_back(k.first);
      std::string suggestion = did_you_mean(value_of(values, "kind"), names);
      error("unknown-kind", line,
            where + say(": tuntematon tyyppi kind=\"", ": okänd typ kind=\"", ": unknown kind \"") +
                value_of(values, "kind") + "\"" + hint(suggestion) +
                say("; käytä start, task, checkpoint, decision, activity tai end",
                    "; använd start, task, checkpoint, decision, activity eller end",
                    "; use start, task, checkpoint, decision, activity or end"));
    } else {
      step.kind = it->second;
    }
  }
  step.label = Labels{values.count("label") && value_of(values, "label") != "\\N" ? value_of(values, "label") : "",
                      value_of(values, "label_sv"), value_of(values, "label_en")};
  if (values.count("role")) {
    if (auto r = process_.find_role(value_of(values, "role"))) {
      step.role = *r;
    } else {
      std::vector<std::string> ids;
      for (auto& r : process_.roles) ids.push_back(r.id);
      std::string suggestion = did_you_mean(value_of(values, "role"), ids);
      error("unknown-role", line,
            where + say(": tuntematon rooli \"", ": okänd roll \"", ": unknown role \"") + value_of(values, "role") +
                "\"" + hint(suggestion));
    }
  } else if (role_of_node_[sequence] >= 0) {
    step.role = role_of_node_[sequence];
  }
  auto distribution = [&](const char* name, bool is_effort) -> std::optional<Distribution> {
    if (!values.count(name)) return std::nullopt;
    auto spec = parse_distribution(value_of(values, name), lang_);
    if (!spec) {
      error("distribution", line, where + ": " + name + " " + spec.error);
      return std::nullopt;
    }
    if (is_effort && spec.value->uses_calendar_units()) {
      error("distribution", line,
            where + ": effort \"" + value_of(values, name) +
                say("\" on kalenteriaikaa (d tai w); työmäärä on henkilöstön työaikaa: käytä min, h tai wd",
                    "\" är kalendertid (d eller w); arbetsinsats är personalens arbetstid: använd min, h eller wd",
                    "\" uses calendar time (d or w); effort is staff working time: use min, h or wd"));
      return std::nullopt;
    }
    Distribution d = is_effort ? spec.value->in_hours(process_.calendar) : spec.value->in_weeks(process_.calendar);
    if (d.kind == DistributionKind::triangular && !(d.a <= d.b && d.b <= d.c)) {
      error("distribution", line,
            where + ": " + name + " \"" + value_of(values, name) + "\": tri(min, mode, max)" +
                say(" edellyttää min <= mode <= max", " kräver min <= mode <= max", " needs min <= mode <= max"));
      return std::nullopt;
    }
    if (d.kind == DistributionKind::uniform && !(d.a <= d.b)) {
      error("distribution", line,
            where + ": " + name + " \"" + value_of(values, name) + "\": uniform(min, max)" +
                say(" edellyttää min <= max", " kräver min <= max", " needs min <= max"));
      return std::nullopt;
    }
    if ((d.kind == DistributionKind::exponential || d.kind == DistributionKind::lognormal) && d.a <= 0) {
      error("distribution", line,
            where + ": " + name + " \"" + value_of(values, name) + "\"" +
                say(": keskiarvon pitää olla suurempi kuin 0", ": medelvärdet ska vara större än 0",
                    " needs a mean greater than 0"));
      return std::nullopt;
    }
    return d;
  };
  step.effort = distribution("effort", true);
  step.delay = distribution("delay", false);
  if (values.count("arrivals")) {
    auto rate = parse_rate_per_week(value_of(values, "arrivals"), process_.calendar, lang_);
    if (!rate)
      error("rate", line, where + ": arrivals " + rate.error);
    else
      step.arrivals_per_week = *rate.value;
    if (step.kind != StepKind::start)
      warning(
          "misplaced-attribute", line,
          where + say(": arrivals otetaan huomioon vain alkuvaiheissa (kind=start)",
                      ": arrivals räknas bara på startsteg (kind=start)", ": arrivals only count on kind=start steps"));
  }
  if (values.count("load")) {
    auto load = parse_load_hours_per_week(value_of(values, "load"), process_.calendar, lang_);
    if (!load)
      error("rate", line, where + ": load " + load.error);
    else
      step.load_hours_per_week = *load.value;
    if (step.kind != StepKind::activity)
      warning("misplaced-attribute", line,
              where + say(": load otetaan huomioon vain toiminnoissa (kind=activity)",
                          ": load räknas bara på aktiviteter (kind=activity)",
                          ": load only counts on kind=activity steps"));
  }
  step.assesses = value_of(values, "assesses");
  step.required_role = value_of(values, "requires");
  if (values.count("mandatory")) {
    const std::string& m = value_of(values, "mandatory");
    if (m == "true" || m == "yes" || m == "1")
      step.mandatory = true;
    else if (m != "false" && m != "no" && m != "0")
      error("boolean", line,
            where +
                say(": mandatory pitää olla true tai false, ei \"", ": mandatory ska vara true eller false, inte \"",
                    ": mandatory must be true or false, not \"") +
                m + "\"");
  }
  if (values.count("deadline")) {
    auto d = parse_duration(value_of(values, "deadline"), lang_);
    if (!d)
      error("duration", line, where + ": deadline " + d.error);
    else
      step.deadline_weeks = process_.calendar.to_weeks(*d.value);
  }
  if (values.count("priority")) {
    auto p = parse_number(value_of(values, "priority"), lang_);
    if (!p || *p.value != static_cast<int>(*p.value))
      error("number", line,
            where + say(": priority pitää olla kokonaisluku", ": priority ska vara ett heltal",
                        ": priority must be a whole number"));
    else
      step.priority = static_cast<int>(*p.value);
  }
  if (step.kind != StepKind::checkpoint)
    for (const char* name : {"assesses", "mandatory", "requires"})
      if (values.count(name))
        warning("misplaced-attribute", line,
                where + ": " + name +
                    say(" koskee vain tarkistuspisteitä (kind=checkpoint)",
                        " gäller bara kontrollpunkter (kind=checkpoint)", " only applies to kind=checkpoint steps"));
  if (!step.does_work() && step.effort)
    warning("misplaced-attribute", line,
            where +
                say(": effort jätetään huomiotta, koska vaiheen tyyppi on ",
                    ": effort ignoreras eftersom stegets typ är ", ": effort on a ") +
                to_string(step.kind) + say("", "", " step is ignored"));
  warn_unknown(values, kStepAttributes, line, where);
  for (const auto& [name, value] : values)
    if (std::find(kStepAttributes.begin(), kStepAttributes.end(), name) == kStepAttributes.end() &&
        graphviz_attributes().count(name))
      step.drawing.emplace_back(name, value);
}

// Vertices are numbered in cgraph's node order, which is also its sequence order.
void Reader::read_steps(Agraph_t* g) {
  AttributeSymbols symbols(g, AGNODE);
  Attributes values;
  StepVertex v = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n), ++v) {
    Step& step = process_.graph[v];
    step.id = agnameof(n);
    auto [line, ordinal] = lines_.node_line_and_ordinal(step.id, static_cast<int>(v));
    step.line = line;
    ordinal_of_[AGSEQ(n)] = ordinal;
    symbols.read(n, values);
    read_step_attributes(step, values, AGSEQ(n));
    if (!step.assesses.empty() && !process_.find_class(step.assesses)) process_.classes.push_back(step.assesses);
  }
}

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
  auto where = [&] { return route_where(g[route.tail].id, g[route.head].id); };
  if (const auto* p = values.get("p")) {
    auto x = parse_number(*p, lang_);
    if (x && *x.value >= 0 && *x.value <= 1)
      route.p = *x.value;
    else
      route.p = number_in(std::string(*p), 0, 1, false, route.line, where() + ": p");
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
  labels = Labels{value_of(values, "label"), value_of(values, "label_sv"), value_of(values, "label_en")};
  warn_unknown(values, kRouteAttributes, route.line, where());
  for (const auto& [name, value] : values)
    if (graphviz_attributes().count(name)) drawing.emplace_back(name, value);
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
    error("unknown-class", route.line,
          route_where(g[boost::source(e, g)].id, g[boost::target(e, g)].id) + ": when=\"" + route.when +
              say("\" on luokka, jota mikään tarkistuspiste ei aseta", "\" är en klass som ingen kontrollpunkt sätter",
                  "\" names a class that no checkpoint sets") +
              hint(suggestion, say(" (aseta se tarkistuspisteen assesses=- tai outcome=-määritteellä)",
                                   " (sätt den med assesses= eller outcome= på en kontrollpunkt)",
                                   " (set it with assesses= or outcome= on a checkpoint)")));
  }
}

// About 30 000 steps: below this the whole read takes a fraction of a second.
constexpr size_t kArenaFrom = 4 << 20;

// cgraph's parse, the longest step, runs while a second thread indexes the
// source lines: the two only read the text.
Agraph_t* Reader::parse(std::string& cgraph_messages) {
  // The index thread then also makes room for the steps and routes the index
  // counted: on a large model that is hundreds of megabytes to fault in, off
  // the parse's path. The main thread touches neither until it has the index.
  std::future<detail::SourceLines> index = std::async(std::launch::async, [this] {
    detail::SourceLines lines = detail::index_source_lines(text_);
    add_steps(lines.node_count());
    routes_.resize(lines.route_mentions());
    routes_.clear();
    return lines;
  });
  Agraph_t* g = nullptr;
  {
    std::lock_guard lock(cgraph_mutex);
    cgraph_errors = &cgraph_messages;
    agseterr(AGWARN);
    agusererrf previous = agseterrf(collect_cgraph_error);
    // agsetfile restarts cgraph's line counter, which otherwise runs on across reads.
    std::string file_for_cgraph = file_;
    agsetfile(file_for_cgraph.data());
    detail::TextChannel channel{text_};
    // Small models take cgraph's default memory, large ones the arena (see cgraph_memory.h).
    Agdisc_t discipline =
        detail::reading_discipline(text_.size() >= kArenaFrom ? detail::Memory::arena : detail::Memory::malloc);
    g = agread(&channel, &discipline);
    aglexbad();
    // cgraph keeps the name's pointer for its messages: leave it on a string that lives on, not
    // on this function's copy (AddressSanitizer: a later parse error read it after it was freed).
    static char no_file[] = "";
    agsetfile(no_file);
    agseterrf(previous);
    cgraph_errors = nullptr;
  }
  lines_ = index.get();
  return g;
}

bool Reader::read() {
  if (!check_text()) return false;
  std::string cgraph_messages;
  Agraph_t* g = parse(cgraph_messages);
  if (!g) {
    // cgraph says e.g. "Error: t.dot: syntax error in line 3 near 'x'": keep the line and the "near".
    int line = 0;
    auto at = cgraph_messages.find("line ");
    if (at != std::string::npos) line = std::atoi(cgraph_messages.c_str() + at + 5);
    auto near = cgraph_messages.find("near ");
    std::string detail =
        near == std::string::npos ? "" : " " + say("kohdassa ", "nära ", "near ") + cgraph_messages.substr(near + 5);
    while (!detail.empty() && std::isspace(static_cast<unsigned char>(detail.back()))) detail.pop_back();
    error("syntax", line,
          say("DOT-syntaksivirhe", "DOT-syntaxfel", "DOT syntax error") + detail +
              say(" (muoto: katso processes/README.md)", " (formatet: se processes/README.md)",
                  " (see processes/README.md for the format)"));
    return false;
  }
  // With the arena, closing is one step whatever the size of the graph.
  auto close = [](Agraph_t* graph) {
    std::lock_guard lock(cgraph_mutex);
    agclose(graph);
  };
  std::unique_ptr<Agraph_t, decltype(close)> graph(g, close);
  if (!agisdirected(g)) {
    error("undirected", 1,
          say("prosessi on suuntaamaton kaavio; kirjoita `digraph`, jotta reiteillä on suunta",
              "processen är en oriktad graf; skriv `digraph` så att rutterna har en riktning",
              "the process is an undirected graph; write `digraph` so that routes have a direction"));
    return false;
  }
  size_t sequence_end = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) sequence_end = std::max<size_t>(sequence_end, AGSEQ(n) + 1);
  role_of_node_.assign(sequence_end, -1);
  ordinal_of_.assign(sequence_end, -1);
  // Vertices are numbered in cgraph's node order.
  vertex_of_.resize(sequence_end);
  StepVertex v = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) vertex_of_[AGSEQ(n)] = v++;
  // The index counts nodes as cgraph does, except in odd corners of DOT.
  if (boost::num_vertices(process_.graph) != static_cast<size_t>(agnnodes(g))) {
    process_.graph.clear();
    add_steps(agnnodes(g));
  }
  read_graph_settings(g);
  collect_roles(g, g, std::nullopt);
  read_steps(g);
  read_routes(g);
  graph.reset();
  lines_ = {};
  build_routes();
  check_classes();
  process_.file = file_;
  process_.name = std::filesystem::path(file_).stem().string();
  return true;
}

}  // namespace

ReadResult read_process_text(std::string_view text, const std::string& file_name, Lang lang) {
  ReadResult result;
  if (!Reader(text, file_name, lang, result).read()) result.process.reset();
  return result;
}

ReadResult read_process_file(const std::string& path, Lang lang) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto fail = [&](const std::string& message) {
    return ReadResult{std::nullopt, {{Severity::error, path, 0, message, {}, "file"}}};
  };
  if (!fs::exists(path, ec)) return fail(say(lang, "tiedostoa ei ole", "filen finns inte", "no such file"));
  if (fs::is_directory(path, ec))
    return fail(say(lang, "on hakemisto eikä prosessimallitiedosto", "är en katalog, inte en processmodellfil",
                    "is a directory, not a process model file"));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(say(lang, "tiedostoa ei voi lukea (puuttuuko lukuoikeus?)", "filen kan inte läsas (saknas behörighet?)",
                    "cannot be read (permission denied?)"));
  // One copy of the text: a model of a million steps is over 100 MB.
  auto size = fs::file_size(path, ec);
  if (ec) {  // not a regular file (a pipe): read as a stream
    std::ostringstream stream;
    stream << in.rdbuf();
    return read_process_text(stream.str(), path, lang);
  }
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return read_process_text(text, path, lang);
}

}  // namespace sujuva
