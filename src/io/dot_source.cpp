#include "io/dot_source.h"

#include <strings.h>

#include <algorithm>
#include <array>
#include <utility>
#include <cctype>

namespace sujuva::io::detail {

int SourceLines::edge_line(int tail, int head, size_t occurrence) const {
  if (tail < 0 || head < 0 || size_t(tail) + 1 >= first_target.size()) return 0;
  int line = 0;
  for (size_t i = first_target[tail]; i < first_target[tail + 1]; ++i) {
    if (targets[i].head != head) continue;
    line = targets[i].line;
    if (occurrence-- == 0) break;
  }
  return line;
}

void SourceLines::reserve(size_t expected_nodes, size_t expected_edges) {
  size_t size = 64;
  while (size < 2 * expected_nodes) size *= 2;
  if (size > slots.size()) grow_slots(size);
  nodes.reserve(expected_nodes);
  edge_mentions.reserve(expected_edges);
}

void SourceLines::finish() {
  // A counting sort by tail keeps each tail's routes in text order.
  first_target.assign(nodes.size() + 1, 0);
  for (const EdgeMention& e : edge_mentions) ++first_target[e.tail + 1];
  for (size_t t = 0; t < nodes.size(); ++t) first_target[t + 1] += first_target[t];
  std::vector<size_t> next(first_target.begin(), first_target.end() - 1);
  targets.resize(edge_mentions.size());
  for (const EdgeMention& e : edge_mentions) targets[next[e.tail]++] = {e.head, e.line};
  edge_mentions = {};
}

void SourceLines::grow_slots(size_t size) {
  slots.assign(size, -1);
  for (size_t ordinal = 0; ordinal < nodes.size(); ++ordinal)
    slots[slot_of(nodes[ordinal].id, std::hash<std::string_view>{}(nodes[ordinal].id))] = static_cast<int>(ordinal);
}

int SourceLines::add_node(std::string_view id, int line, bool gives_attributes) {
  if (2 * (nodes.size() + 1) > slots.size()) grow_slots(std::max<size_t>(64, 2 * slots.size()));
  int& slot = slots[slot_of(id, std::hash<std::string_view>{}(id))];
  if (slot < 0) {
    slot = static_cast<int>(nodes.size());
    nodes.push_back({id, line, gives_attributes});
  } else if (gives_attributes && !nodes[slot].gives_attributes) {
    // The first line that gives the node attributes wins over an earlier mere mention.
    nodes[slot].line = line;
    nodes[slot].gives_attributes = true;
  }
  return slot;
}

namespace {

struct Token {
  enum Kind { none, id, punct } kind = none;
  std::string_view text;
  int line = 0;
  bool is(const char* p) const { return kind == punct && text == p; }
};

class Lexer {
 public:
  Lexer(std::string_view text, SourceLines& lines) : s_(text), lines_(lines) {}
  Token next();

 private:
  void skip_space_and_comments();
  std::string_view quoted();

  std::string_view s_;
  SourceLines& lines_;
  size_t i_ = 0;
  int line_ = 1;
  bool line_start_ = true;
};

bool is_id_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '.' || u >= 0x80;
}

void Lexer::skip_space_and_comments() {
  while (i_ < s_.size()) {
    char c = s_[i_];
    if (c == '\n') {
      ++line_;
      ++i_;
      line_start_ = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i_;
    } else if (c == '#' && line_start_) {  // preprocessor-style line, ignored by Graphviz
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
    } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
    } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
      i_ += 2;
      while (i_ + 1 < s_.size() && !(s_[i_] == '*' && s_[i_ + 1] == '/')) line_ += s_[i_++] == '\n';
      i_ += 2;
    } else {
      return;
    }
  }
}

// A double-quoted string: a view into the text unless escapes must be removed.
std::string_view Lexer::quoted() {
  size_t begin = ++i_;
  bool escaped = false;
  while (i_ < s_.size() && s_[i_] != '"') {
    if (s_[i_] == '\\' && i_ + 1 < s_.size() && (s_[i_ + 1] == '"' || s_[i_ + 1] == '\n')) {
      escaped = true;
      line_ += s_[i_ + 1] == '\n';
      i_ += 2;
      continue;
    }
    line_ += s_[i_++] == '\n';
  }
  std::string_view raw = s_.substr(begin, std::min(i_, s_.size()) - begin);
  ++i_;
  if (!escaped) return raw;
  std::string text;
  for (size_t k = 0; k < raw.size(); ++k) {
    if (raw[k] == '\\' && k + 1 < raw.size() && raw[k + 1] == '\n') {
      ++k;
      continue;
    }
    if (raw[k] == '\\' && k + 1 < raw.size() && raw[k + 1] == '"') ++k;
    text += raw[k];
  }
  return lines_.own(std::move(text));
}

Token Lexer::next() {
  skip_space_and_comments();
  if (i_ >= s_.size()) return {};
  line_start_ = false;
  Token token{Token::id, {}, line_};
  char c = s_[i_];
  if (c == '"') {
    token.text = quoted();
  } else if (c == '<') {  // HTML string, nested angle brackets
    size_t begin = i_;
    int depth = 0;
    do {
      depth += s_[i_] == '<' ? 1 : s_[i_] == '>' ? -1 : 0;
      line_ += s_[i_] == '\n';
      ++i_;
    } while (i_ < s_.size() && depth > 0);
    token.text = s_.substr(begin, i_ - begin);
  } else if (c == '-' && i_ + 1 < s_.size() && (s_[i_ + 1] == '>' || s_[i_ + 1] == '-')) {
    token = {Token::punct, "->", line_};
    i_ += 2;
  } else if (is_id_char(c) || c == '-') {
    size_t begin = i_++;
    while (i_ < s_.size() && is_id_char(s_[i_])) ++i_;
    token.text = s_.substr(begin, i_ - begin);
  } else {
    token = {Token::punct, s_.substr(i_++, 1), line_};
  }
  return token;
}

bool is_keyword(std::string_view text) {
  for (const char* k : {"graph", "digraph", "subgraph", "node", "edge", "strict"})
    if (text.size() == std::char_traits<char>::length(k) && strncasecmp(text.data(), k, text.size()) == 0) return true;
  return false;
}

}  // namespace

SourceLines index_source_lines(std::string_view text) {
  SourceLines lines;
  // A model spends roughly 60 bytes of text on a route and 150 on a step.
  lines.reserve(text.size() / 150 + 16, text.size() / 60 + 16);
  Lexer lexer(text, lines);
  // A window of four tokens: the one before, the current one and two after it.
  std::array<Token, 4> w{Token{}, lexer.next(), lexer.next(), lexer.next()};
  // The subgraphs open at this point ("" for the root and anonymous ones), and whether the
  // attribute list open now is a `graph [...]` one (its attributes are the subgraph's own).
  std::vector<std::string_view> open{};
  std::string_view named;  // the id after `subgraph`, until its `{`
  int brackets = 0;
  bool graph_list = false;
  for (; w[1].kind != Token::none; w = {w[1], w[2], w[3], lexer.next()}) {
    const Token& t = w[1];
    if (t.kind == Token::punct) {
      if (t.is("{")) open.push_back(std::exchange(named, {}));
      if (t.is("}") && !open.empty()) open.pop_back();
      if (t.is("[")) ++brackets, graph_list = w[0].kind == Token::id && w[0].text == "graph";
      if (t.is("]") && brackets > 0) --brackets;
      continue;
    }
    if (t.kind != Token::id) continue;
    if (w[2].is("=")) {
      lines.add_attribute(t.text, t.line);
      if (!open.empty() && (brackets == 0 || graph_list)) lines.add_own_attribute(open.back(), t.text);
      continue;
    }
    if (w[0].is("=")) continue;
    if (w[0].kind == Token::id && is_keyword(w[0].text)) {
      if (w[0].text == "subgraph") lines.add_subgraph(t.text, t.line), named = t.text;
      continue;
    }
    if (is_keyword(t.text)) continue;
    // A node mention; `id [ ... ]` outside an edge gives the node attributes.
    int tail = lines.add_node(t.text, t.line, w[2].is("[") && !w[0].is("->"));
    // The head is mentioned here first if at all; the next round finds it again.
    if (w[2].is("->") && w[3].kind == Token::id && !is_keyword(w[3].text))
      lines.add_edge(tail, lines.add_node(w[3].text, w[3].line, false), w[2].line);
  }
  lines.finish();
  return lines;
}

}  // namespace sujuva::io::detail
