// Layout and rendering of DOT text in-process with Graphviz's gvc library (never the `dot` program).
//
//   std::string svg = render_dot(dot_text, OutputFormat::svg);   // throws RenderError
//   write_file_atomically("diagram.svg", svg);
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sujuva {

enum class OutputFormat { svg, png, pdf, dot };

// By the file name's extension (case-insensitive): .svg, .png, .pdf, .dot / .gv.
std::optional<OutputFormat> format_from_path(const std::string& path);

struct RenderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Lays out `dot` with the dot engine and renders it, in a child process so that no render
// depends on the ones before it (Graphviz 2.42 keeps state between renders). OutputFormat::dot
// returns the text unchanged (the annotated DOT is the input, not a laid-out copy).
std::string render_dot(std::string_view dot, OutputFormat format);

// A PDF of exactly `width_in` x `height_in` inches (e.g. A3 landscape, 16.54 x
// 11.69) with the drawing centred: Graphviz's PDF page is the drawing's own size,
// so the drawing (which must fit: give it a `size`) is rendered once to measure
// it and again with margins that make up the difference.
std::string render_pdf_page(std::string_view dot, double width_in, double height_in);

namespace detail {
// How gvc finds its plugins: from the installed configuration (config6a,
// written by libgvc6's postinst) or, when that is missing or broken, by
// loading the plugin libraries beside libgvc explicitly.
enum class PluginSource { installed_config, explicit_libraries };
std::string render_dot_with(std::string_view dot, OutputFormat format, PluginSource source);
}  // namespace detail

}  // namespace sujuva
