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
  void end_row() {
    row_end_.push_back(cell_end_.size());
    span_.push_back(false);
  }
  // A row of one text across the whole table (a group's heading): it does not widen the first
  // column and is shortened only to the line's width.
  void add_span(std::string_view text) {
    cell(text);
    end_row();
    span_.back() = true;
  }
  bool is_span(size_t row) const { return span_[row]; }

  size_t rows() const { return row_end_.size(); }
  size_t cells_in(size_t row) const { return row_end_[row] - row_begin(row); }
  std::string_view at(size_t row, size_t column) const;
  Align alignment(size_t column) const;

 private:
  size_t row_begin(size_t row) const { return row == 0 ? 0 : row_end_[row - 1]; }

  std::string text_;
  std::vector<size_t> cell_end_;  // end of each cell in text_
  std::vector<size_t> row_end_;   // cells up to the end of each row
  std::vector<bool> span_;        // per row: add_span
};

// How the plain text lines up: every line is `indent`, then the cells padded to their column's
// width and joined by `gap`.
struct TextLayout {
  std::string indent;
  std::string gap = "  ";
  bool trim = true;  // without the spaces that padding leaves at the end of a line
  // The most columns a line may take (0: no limit). A wider table shortens its left-aligned
  // (label) columns, widest first and none below kMinLabelWidth, and ends a shortened cell in
  // "…"; numbers are never cut.
  size_t width = 0;
};

inline constexpr size_t kMinLabelWidth = 12;

// How text output fits a screen: the most columns a line takes (0: no limit) and whether tables
// show every column (`wide`) or the ones a reader needs first.
struct TextFit {
  size_t width = 0;
  bool wide = true;
};

// The header, then each row, one line each. A header cell may hold several lines ("kapasiteetti\nh/vk"):
// they stand above each other, the last ones on the header's last line. Widths count code points, so that ä, – and ≥
// take one column like any letter.
std::string table_text(const Table& table, const TextLayout& layout);
void write_table_text(const Table& table, const TextLayout& layout, std::ostream& out);

// The columns a text takes: its code points (UTF-8 continuation bytes do not count).
size_t display_width(std::string_view text);

// `text` in at most `width` columns: as it is when it fits, else its beginning and its end around
// "…", cut at spaces where that keeps most of it ("Sosiaalityöntekijät, nuoret … 18–29"): in these
// labels the end often tells two apart.
std::string shorten(std::string_view text, size_t width);

// Prose for a terminal: `text` broken at spaces into lines of at most `width` columns (0: one
// line), the first line after `first_indent`, the others after `indent`, each ending in '\n'. A
// word longer than a line stays whole.
std::string wrap_text(std::string_view text, size_t width, std::string_view first_indent, std::string_view indent);

}  // namespace sujuva
