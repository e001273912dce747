// A table for people: header cells, rows of cells and each column's alignment, written as aligned plain text.
//
//   Table t;
//   t.header = {"rooli", "käyttöaste"};
//   t.add_row({"sosiaalityöntekijä", "93 %"});
//   std::cout << table_text(t, {.indent = "  ", .gap = "  "});
//   //   rooli               käyttöaste
//   //   sosiaalityöntekijä        93 %
//
// The report prints the same type as HTML and Markdown (report/document.h).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sujuva {

enum class Align { left, right };

// The rows are kept as one string of cells: a million step rows as vectors of strings cost more
// in allocation than in formatting.
class Table {
 public:
  std::vector<std::string> header;
  // Per column; a column without an entry is left-aligned if it is the first, right-aligned
  // otherwise (a label, then numbers).
  std::vector<Align> align;

  void add_row(const std::vector<std::string>& cells);
  // A row cell by cell: cell() for each, then end_row().
  void cell(std::string_view text);
  // For a cell composed in place: append to text(), then end_cell().
  std::string& text() { return text_; }
  void end_cell() { cell_end_.push_back(text_.size()); }
  void end_row() { row_end_.push_back(cell_end_.size()); }

  size_t rows() const { return row_end_.size(); }
  size_t cells_in(size_t row) const { return row_end_[row] - row_begin(row); }
  std::string_view at(size_t row, size_t column) const;
  Align alignment(size_t column) const;

 private:
  size_t row_begin(size_t row) const { return row == 0 ? 0 : row_end_[row - 1]; }

  std::string text_;
  std::vector<size_t> cell_end_;  // end of each cell in text_
  std::vector<size_t> row_end_;   // cells up to the end of each row
};

// How the plain text lines up: every line is `indent`, then the cells padded to their column's
// width and joined by `gap`.
struct TextLayout {
  std::string indent;
  std::string gap = "  ";
  bool trim = true;  // without the spaces that padding leaves at the end of a line
};

// The header, then each row, one line each. Widths count code points, so that ä, – and ≥ take
// one column like any letter.
std::string table_text(const Table& table, const TextLayout& layout);
void write_table_text(const Table& table, const TextLayout& layout, std::ostream& out);

// The columns a text takes: its code points (UTF-8 continuation bytes do not count).
size_t display_width(std::string_view text);

}  // namespace sujuva
