#include "present/table.h"

#include <algorithm>
#include <sstream>

namespace sujuva {

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

namespace {

// The byte length of the first `count` code points of `text`.
size_t prefix_bytes(std::string_view text, size_t count) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == count) return i;
  return text.size();
}

}  // namespace

std::string shorten(std::string_view text, size_t width) {
  const size_t full = display_width(text);
  if (full <= width) return std::string(text);
  if (width <= 1) return width == 1 ? "…" : "";
  // The end gets up to a third of the room, from the start of a word; without a word start
  // there, the beginning gets it all.
  std::string_view end = text.substr(prefix_bytes(text, full - (width - 1) / 3));
  if (end.size() < text.size() && text[text.size() - end.size() - 1] != ' ') {
    size_t space = end.find(' ');
    end = space == std::string_view::npos ? std::string_view() : end.substr(space + 1);
  }
  const size_t end_width = end.empty() ? 0 : display_width(end) + 1;  // with its space
  // The beginning: whole words where that keeps two thirds of its room, then " …".
  const size_t room = width - 1 - end_width;
  std::string_view begin = text.substr(0, prefix_bytes(text, room));
  bool whole_words = begin.size() < text.size() && text[begin.size()] == ' ';
  if (size_t space = begin.rfind(' ');
      !whole_words && space != std::string_view::npos && space >= begin.size() * 2 / 3) {
    begin = begin.substr(0, space);
    whole_words = true;
  }
  while (!begin.empty() && begin.back() == ' ') begin.remove_suffix(1);
  std::string out(begin);
  if (whole_words && !out.empty() && display_width(out) + 2 + end_width <= width) out += ' ';
  out += "…";
  if (!end.empty()) {
    out += ' ';
    out += end;
  }
  return out;
}

std::string wrap_text(std::string_view text, size_t width, std::string_view first_indent, std::string_view indent) {
  std::string out(first_indent);
  size_t column = display_width(first_indent);
  size_t line_start = display_width(first_indent);
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    size_t w = display_width(word);
    if (!word.empty()) {
      if (column > line_start && width > 0 && column + 1 + w > width) {
        out += '\n';
        out += indent;
        column = line_start = display_width(indent);
      } else if (column > line_start) {
        out += ' ';
        ++column;
      }
      out += word;
      column += w;
    }
    i = end + 1;
  }
  out += '\n';
  return out;
}

void Table::add_row(const std::vector<std::string>& cells) {
  for (const auto& c : cells) cell(c);
  end_row();
}

void Table::cell(std::string_view text) {
  text_ += text;
  end_cell();
}

std::string_view Table::at(size_t row, size_t column) const {
  size_t i = row_begin(row) + column;
  size_t start = i == 0 ? 0 : cell_end_[i - 1];
  return std::string_view(text_).substr(start, cell_end_[i] - start);
}

Align Table::alignment(size_t column) const {
  if (column < align.size()) return align[column];
  return column == 0 ? Align::left : Align::right;
}

namespace {

// Narrows the label columns, widest first, until the line fits layout.width or no label column
// is wider than kMinLabelWidth.
void fit_widths(std::vector<size_t>& widths, const Table& table, const TextLayout& layout) {
  if (layout.width == 0 || widths.empty()) return;
  size_t total = display_width(layout.indent) + display_width(layout.gap) * (widths.size() - 1);
  for (size_t w : widths) total += w;
  while (total > layout.width) {
    size_t widest = widths.size();
    for (size_t column = 0; column < widths.size(); ++column)
      if (table.alignment(column) == Align::left && widths[column] > kMinLabelWidth &&
          (widest == widths.size() || widths[column] > widths[widest]))
        widest = column;
    if (widest == widths.size()) return;
    --widths[widest];
    --total;
  }
}

void append_line(std::string& line, const std::vector<size_t>& widths, const Table& table, const TextLayout& layout,
                 size_t count, auto cell) {
  line += layout.indent;
  const size_t start = line.size();
  std::string shortened;
  for (size_t column = 0; column < count; ++column) {
    std::string_view text = cell(column);
    size_t width = display_width(text);
    if (width > widths[column]) {
      shortened = shorten(text, widths[column]);
      text = shortened;
      width = display_width(text);
    }
    size_t pad = widths[column] - width;
    if (column > 0) line += layout.gap;
    if (table.alignment(column) == Align::left) {
      line += text;
      line.append(pad, ' ');
    } else {
      line.append(pad, ' ');
      line += text;
    }
  }
  if (layout.trim)
    while (line.size() > start && line.back() == ' ') line.pop_back();
  line += '\n';
}

}  // namespace

void write_table_text(const Table& table, const TextLayout& layout, std::ostream& out) {
  std::vector<size_t> widths(table.header.size(), 0);
  auto widen = [&](size_t column, std::string_view text) {
    if (widths.size() <= column) widths.resize(column + 1, 0);
    widths[column] = std::max(widths[column], display_width(text));
  };
  // Each header cell's lines, bottom-aligned: header_lines[k][column] is on header line k.
  size_t lines = 1;
  std::vector<std::vector<std::string_view>> split(table.header.size());
  for (size_t column = 0; column < table.header.size(); ++column) {
    std::string_view rest = table.header[column];
    for (size_t cut; (cut = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(cut + 1))
      split[column].push_back(rest.substr(0, cut));
    split[column].push_back(rest);
    lines = std::max(lines, split[column].size());
  }
  std::vector<std::vector<std::string_view>> header_lines(lines, std::vector<std::string_view>(split.size()));
  for (size_t column = 0; column < split.size(); ++column)
    for (size_t k = 0; k < split[column].size(); ++k) {
      header_lines[lines - split[column].size() + k][column] = split[column][k];
      widen(column, split[column][k]);
    }
  for (size_t row = 0; row < table.rows(); ++row)
    if (!table.is_span(row))
      for (size_t column = 0; column < table.cells_in(row); ++column) widen(column, table.at(row, column));
  fit_widths(widths, table, layout);

  std::string line;
  for (const auto& header_line : header_lines)
    append_line(line, widths, table, layout, header_line.size(), [&](size_t column) { return header_line[column]; });
  for (size_t row = 0; row < table.rows(); ++row) {
    if (table.is_span(row)) {
      std::string_view text = table.at(row, 0);
      line += layout.indent;
      line += layout.width == 0 ? std::string(text)
                                : shorten(text, layout.width - std::min(layout.width, display_width(layout.indent)));
      line += '\n';
      continue;
    }
    append_line(line, widths, table, layout, table.cells_in(row), [&](size_t column) { return table.at(row, column); });
    // Written in pieces: the text of a million-step table need not be held twice.
    if (line.size() >= (1 << 16)) {
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
      line.clear();
    }
  }
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

std::string table_text(const Table& table, const TextLayout& layout) {
  std::ostringstream out;
  write_table_text(table, layout, out);
  return std::move(out).str();
}

}  // namespace sujuva
