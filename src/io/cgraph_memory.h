// Memory and input disciplines for cgraph: read a graph from a string view into an arena.
//
//   detail::TextChannel channel{text};
//   Agdisc_t disc = detail::arena_reading_discipline();
//   Agraph_t* g = agread(&channel, &disc);
//   ...
//   agclose(g);  // frees the whole arena at once
#pragma once

#include <graphviz/cgraph.h>

#include <cstddef>
#include <string_view>

namespace sujuva::detail {

// What cgraph's scanner reads: the text, handed over a line at a time as
// agmemread does. The text need not end in '\0' and is never copied.
struct TextChannel {
  std::string_view text;
  size_t at = 0;
};

// A discipline whose memory is an arena and whose input is a TextChannel.
// cgraph frees a graph whose memory discipline has `close` in one step (the
// "whoosh" path of agclose) instead of deleting node by node and edge by edge:
// for a model of a million steps that is seconds.
Agdisc_t arena_reading_discipline();

// Bytes the arenas currently hold from the system (for tests and benchmarks).
size_t arena_bytes_in_use();

}  // namespace sujuva::detail
