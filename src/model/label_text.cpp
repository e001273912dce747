#include "model/label_text.h"

#include <algorithm>
#include <sstream>

namespace sujuva {

namespace {

// Length in characters (code points) of UTF-8 text.
std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::vector<std::string> split_escaped_lines(const std::string& text) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // The model's labels keep Graphviz's "\n", "\l", "\r" escapes as two characters.
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == 'l' || text[i + 1] == 'r')) {
      lines.emplace_back(), ++i;
    } else if (text[i] == '\n') {
      lines.emplace_back();
    } else if (text[i] != '\r') {
      lines.back() += text[i];
    }
  }
  return lines;
}

}  // namespace

std::vector<std::string> wrap_label(const std::string& label, std::size_t width) {
  std::vector<std::string> out;
  for (const auto& line : split_escaped_lines(label)) {
    std::istringstream words(line);
    std::string word, current;
    while (words >> word) {
      if (!current.empty() && utf8_length(current) + 1 + utf8_length(word) > width) {
        out.push_back(current);
        current.clear();
      }
      current += (current.empty() ? "" : " ") + word;
    }
    if (!current.empty()) out.push_back(current);
  }
  if (out.empty()) out.emplace_back();
  return out;
}

std::string one_line(const std::string& label) {
  std::string out;
  for (const auto& line : split_escaped_lines(label)) {
    std::istringstream words(line);
    std::string word;
    while (words >> word) out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::string_view label_line(const std::string& label, std::string& scratch) {
  const bool plain = std::none_of(label.begin(), label.end(), [](char c) { return c == '\\' || c == '\n'; }) &&
                     (label.empty() || label.back() != ' ');
  if (plain) return label;
  scratch = one_line(label);
  return scratch;
}

std::string role_label(const Process& process, const std::string& id, Lang lang) {
  auto r = process.find_role(id);
  return r ? one_line(process.roles[*r].label.in(lang, id)) : id;
}

std::string step_label(const Process& process, const std::string& id, Lang lang) {
  auto v = process.find_step(id);
  return v ? one_line(process.graph[*v].label.in(lang, id)) : id;
}

}  // namespace sujuva
