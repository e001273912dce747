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

void append_line(std::string& line, const std::vector<size_t>& widths, const Table& table, const TextLayout& layout,
                 size_t count, auto cell) {
  line += layout.indent;
  const size_t start = line.size();
  for (size_t column = 0; column < count; ++column) {
    std::string_view text = cell(column);
    size_t pad = widths[column] - display_width(text);
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
  for (size_t column = 0; column < table.header.size(); ++column) widen(column, table.header[column]);
  for (size_t row = 0; row < table.rows(); ++row)
    for (size_t column = 0; column < table.cells_in(row); ++column) widen(column, table.at(row, column));

  std::string line;
  append_line(line, widths, table, layout, table.header.size(),
              [&](size_t column) { return std::string_view(table.header[column]); });
  for (size_t row = 0; row < table.rows(); ++row) {
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
