// Test helpers for the render tests: load inline models and read emitted DOT back with cgraph.
#pragma once

#include <cgraph.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "io/dot_reader.h"

namespace sujuva::test {

inline Process load_model(const std::string& text) {
  ReadResult r = read_process_text(text, "t.dot");
  for (const auto& d : r.diagnostics) INFO(d.format());
  REQUIRE(r.usable());
  return *r.process;
}

// The emitted DOT parsed by cgraph, with lookups of the attributes it chose.
class ParsedDot {
 public:
  explicit ParsedDot(const std::string& text) : g_(agmemread(text.c_str())) { REQUIRE(g_ != nullptr); }
  ~ParsedDot() { agclose(g_); }
  ParsedDot(const ParsedDot&) = delete;
  ParsedDot& operator=(const ParsedDot&) = delete;

  int nodes() const { return agnnodes(g_); }
  int edges() const { return agnedges(g_); }
  std::string node(const std::string& id, const char* attr) const {
    Agnode_t* n = agnode(g_, const_cast<char*>(id.c_str()), 0);
    REQUIRE(n != nullptr);
    char* value = agget(n, const_cast<char*>(attr));
    return value ? value : "";
  }
  std::string edge(const std::string& from, const std::string& to, const char* attr) const {
    Agnode_t* a = agnode(g_, const_cast<char*>(from.c_str()), 0);
    Agnode_t* b = agnode(g_, const_cast<char*>(to.c_str()), 0);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    Agedge_t* e = agedge(g_, a, b, nullptr, 0);
    REQUIRE(e != nullptr);
    char* value = agget(e, const_cast<char*>(attr));
    return value ? value : "";
  }
  std::string graph(const char* attr) const {
    char* value = agget(g_, const_cast<char*>(attr));
    return value ? value : "";
  }
  // Cluster names in the order they were written.
  std::vector<std::string> clusters() const {
    std::vector<std::string> names;
    for (Agraph_t* s = agfstsubg(g_); s; s = agnxtsubg(s)) names.push_back(agnameof(s));
    return names;
  }
  std::string cluster(const std::string& name, const char* attr) const {
    Agraph_t* s = agsubg(g_, const_cast<char*>(name.c_str()), 0);
    REQUIRE(s != nullptr);
    char* value = agget(s, const_cast<char*>(attr));
    return value ? value : "";
  }
  std::string cluster_of(const std::string& id) const {
    Agnode_t* n = agnode(g_, const_cast<char*>(id.c_str()), 0);
    REQUIRE(n != nullptr);
    for (Agraph_t* s = agfstsubg(g_); s; s = agnxtsubg(s))
      if (agsubnode(s, n, 0)) return agnameof(s);
    return "";
  }

 private:
  Agraph_t* g_;
};

}  // namespace sujuva::test
