// Memory and input disciplines for cgraph: read a graph from a string view into an arena.
//
//   detail::TextChannel channel{text};
//   Agdisc_t disc = detail::reading_discipline(detail::Memory::arena);
//   Agraph_t* g = agread(&channel, &disc);
//   ...
//   agclose(g);  // frees the whole arena at once
#pragma once

#include <graphviz/cgraph.h>

#include <cstddef>
#include <string_view>

namespace sujuva::io::detail {

// What cgraph's scanner reads: the text, handed over a line at a time as
// agmemread does. The text need not end in '\0' and is never copied.
struct TextChannel {
  std::string_view text;
  size_t at = 0;
};

enum class Memory { malloc, arena };

// A discipline whose input is a TextChannel and whose memory is cgraph's
// default (malloc) or an arena. cgraph frees a graph whose memory discipline
// has `close` in one step (the "whoosh" path of agclose) instead of deleting
// node by node and edge by edge: for a model of a million steps that is
// seconds and a gigabyte less at the peak.
//
// The arena has one known leak, from cgraph rather than from the arena: cdt
// keeps the edges of a subgraph (routes written inside a cluster) through
// holders it takes from malloc, which the one-step close does not return
// (96 bytes a route). Deleting those edges first is not possible: cgraph frees
// such holders with free() even when they came from the discipline. The reader
// therefore uses the arena only for large models (see dot_reader.cpp).
Agdisc_t reading_discipline(Memory memory);

// Bytes the arenas currently hold from the system (for tests and benchmarks).
size_t arena_bytes_in_use();

}  // namespace sujuva::io::detail
