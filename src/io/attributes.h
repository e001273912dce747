// The attributes one cgraph object sets, and the names sujuva reads on graphs, roles, steps and routes; private to io.
#pragma once

#include <graphviz/cgraph.h>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sujuva::io::detail {

inline const std::vector<std::string> kGraphAttributes = {"label",         "label_sv",    "label_en", "hours_per_fte",
                                                          "hours_per_day", "assumptions", "source"};
inline const std::vector<std::string> kRoleAttributes = {"role", "label",   "label_sv", "label_en",
                                                         "fte",  "absence", "reserved", "qualification"};
inline const std::vector<std::string> kStepAttributes = {"kind",      "role",     "label",    "label_sv", "label_en",
                                                         "effort",    "delay",    "arrivals", "load",     "assesses",
                                                         "mandatory", "requires", "basis",    "basis_sv", "basis_en",
                                                         "deadline",  "deadline_basis", "deadline_basis_sv",
                                                         "deadline_basis_en", "priority"};
inline const std::vector<std::string> kRouteAttributes = {"p", "outcome", "when", "label", "label_sv", "label_en"};

inline bool is_one_of(std::string_view name, const std::vector<std::string>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

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
  // The value, or "" when the attribute is not set.
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

}  // namespace sujuva::io::detail
