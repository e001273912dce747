#include "io/dot_source.h"

#include <cctype>
#include <vector>

namespace sujuva::detail {

int SourceLines::edge_line(const std::string& tail, const std::string& head) const {
  auto it = edge.find({tail, head});
  if (it != edge.end()) return it->second;
  return node_line(tail);
}

namespace {

struct Token {
  enum Kind { id, punct } kind;
  std::string text;
  int line;
};

bool is_id_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '.' || u >= 0x80;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  int line = 1;
  size_t i = 0;
  bool line_start = true;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') {
      ++line;
      ++i;
      line_start = true;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '#' && line_start) {  // preprocessor-style line, ignored by Graphviz
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    line_start = false;
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < s.size() && !(s[i] == '*' && s[i + 1] == '/')) {
        if (s[i] == '\n') ++line;
        ++i;
      }
      i += 2;
      continue;
    }
    if (c == '"') {
      int start_line = line;
      std::string text;
      ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) {
          if (s[i + 1] == '\n') {
            ++line;
            i += 2;
            continue;
          }  // line continuation
          if (s[i + 1] == '"') {
            text += '"';
            i += 2;
            continue;
          }
        }
        if (s[i] == '\n') ++line;
        text += s[i++];
      }
      ++i;
      tokens.push_back({Token::id, text, start_line});
      continue;
    }
    if (c == '<') {  // HTML string, nested angle brackets
      int start_line = line, depth = 0;
      size_t begin = i;
      do {
        if (s[i] == '<') ++depth;
        if (s[i] == '>') --depth;
        if (s[i] == '\n') ++line;
        ++i;
      } while (i < s.size() && depth > 0);
      tokens.push_back({Token::id, std::string(s.substr(begin, i - begin)), start_line});
      continue;
    }
    if (c == '-' && i + 1 < s.size() && (s[i + 1] == '>' || s[i + 1] == '-')) {
      tokens.push_back({Token::punct, "->", line});
      i += 2;
      continue;
    }
    if (is_id_char(c) || c == '-') {
      size_t begin = i++;
      while (i < s.size() && is_id_char(s[i])) ++i;
      tokens.push_back({Token::id, std::string(s.substr(begin, i - begin)), line});
      continue;
    }
    tokens.push_back({Token::punct, std::string(1, c), line});
    ++i;
  }
  return tokens;
}

bool is_keyword(const std::string& text) {
  static const char* keywords[] = {"graph", "digraph", "subgraph", "node", "edge", "strict"};
  for (const char* k : keywords)
    if (text.size() == std::char_traits<char>::length(k)) {
      bool same = true;
      for (size_t i = 0; i < text.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != k[i]) same = false;
      if (same) return true;
    }
  return false;
}

}  // namespace

SourceLines index_source_lines(std::string_view text) {
  SourceLines lines;
  auto tokens = tokenize(text);
  auto is = [&](size_t i, const char* punct) {
    return i < tokens.size() && tokens[i].kind == Token::punct && tokens[i].text == punct;
  };
  std::map<std::string, bool> has_attribute_line;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::id) continue;
    bool after_equals = i > 0 && is(i - 1, "=");
    bool before_equals = is(i + 1, "=");
    if (before_equals) {
      lines.attribute.emplace(t.text, t.line);
      continue;
    }
    if (after_equals) continue;
    if (i > 0 && tokens[i - 1].kind == Token::id && is_keyword(tokens[i - 1].text)) {
      if (tokens[i - 1].text == "subgraph") lines.subgraph.emplace(t.text, t.line);
      continue;
    }
    if (is_keyword(t.text)) continue;
    // A node mention. Prefer the line where it gets attributes: `id [ ... ]`.
    if (is(i + 1, "[") && !is(i - 1, "->") && !is(i + 1, "->")) {
      if (!has_attribute_line[t.text]) {
        lines.node[t.text] = t.line;
        has_attribute_line[t.text] = true;
      }
    } else {
      lines.node.emplace(t.text, t.line);
    }
    if (is(i + 1, "->") && i + 2 < tokens.size() && tokens[i + 2].kind == Token::id)
      lines.edge.emplace(std::make_pair(t.text, tokens[i + 2].text), tokens[i + 1].line);
  }
  return lines;
}

}  // namespace sujuva::detail
