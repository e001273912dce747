// The report's assumptions and sources: the model's notes, its working week and the comment at the top of its file.
#include <sstream>

#include "model/label_text.h"
#include "present/bottleneck_text.h"
#include "report/sections.h"
#include "text/format.h"

namespace sujuva {

std::string model_header_comment(std::string_view source) {
  std::string out;
  std::size_t i = 0;
  while (i < source.size()) {
    while (i < source.size() && std::isspace(static_cast<unsigned char>(source[i]))) ++i;
    if (source.compare(i, 2, "/*") == 0) {
      auto end = source.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      out += std::string(source.substr(i + 2, end - i - 2));
      out += '\n';
      i = end + 2;
    } else if (source.compare(i, 2, "//") == 0 || source.compare(i, 1, "#") == 0) {
      auto end = source.find('\n', i);
      std::size_t skip = source[i] == '#' ? 1 : 2;
      out += std::string(source.substr(i + skip, (end == std::string_view::npos ? source.size() : end) - i - skip));
      out += '\n';
      i = end == std::string_view::npos ? source.size() : end + 1;
    } else {
      break;  // the graph itself begins
    }
  }
  // Without blank lines at either end, trailing spaces, or the indentation all lines share.
  std::vector<std::string> lines;
  std::istringstream split(out);
  for (std::string line; std::getline(split, line);) {
    line.erase(line.find_last_not_of(" \t\r") + 1);
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  std::size_t indent = std::string::npos;
  for (const auto& line : lines)
    if (!line.empty()) indent = std::min(indent, line.find_first_not_of(" \t"));
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + (line.empty() ? line : line.substr(indent));
  return text;
}

namespace report {

Section assumptions_section(const Context& ctx) {
  Section s{"assumptions",
            say(ctx.lang, "Mallin oletukset ja lähteet", "Modellens antaganden och källor",
                 "Assumptions and sources of the model"),
            {}};
  for (const char* key : {"assumptions", "source"}) {
    auto it = ctx.p.notes.find(key);
    if (it == ctx.p.notes.end() || it->second.empty()) continue;
    std::string lead = std::string(key) == "source" ? say(ctx.lang, "Lähteet: ", "Källor: ", "Sources: ")
                                                    : say(ctx.lang, "Oletukset: ", "Antaganden: ", "Assumptions: ");
    s.blocks.push_back(paragraph(lead + one_line(it->second)));
  }
  s.blocks.push_back(paragraph(std::string(say(ctx.lang, "Viikkotyöaika ", "Veckoarbetstid ", "Working week ")) +
                               ctx.num(ctx.p.calendar.hours_per_fte, 2) + " h, " +
                               ctx.num(ctx.p.calendar.hours_per_day, 2) +
                               say(ctx.lang, " h päivässä.", " h per dag.", " h a day.")));
  if (!ctx.in.model_comment.empty()) {
    s.blocks.push_back(
        paragraph(say(ctx.lang, "Mallitiedoston alun kommentti:", "Kommentaren i början av modellfilen:",
                       "The comment at the top of the model file:")));
    Block pre;
    pre.kind = Block::Kind::preformatted;
    pre.text = ctx.in.model_comment;
    s.blocks.push_back(pre);
  }
  if (ctx.a)
    for (const auto& note : analysis_notes(*ctx.a, ctx.p, ctx.lang)) s.blocks.push_back(paragraph(note));
  return s;
}

}  // namespace report

}  // namespace sujuva
