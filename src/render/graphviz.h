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

// A layout that took longer than render_time_limit_seconds(): the layout was stopped. Graphviz's
// dot layout grows much faster than the graph on some models (800 steps with random routes back
// take hours), so that a command neither hangs nor leaves a process running.
struct RenderTimeout : RenderError {
  double seconds;
  explicit RenderTimeout(double limit) : RenderError("the layout took longer than the time limit"), seconds(limit) {}
};

// The most seconds one layout may take: SUJUVA_RENDER_SECONDS when it is a number above 0,
// else 300. Only layouts in a separate process (render_in_fresh_processes, or a fork) are timed.
double render_time_limit_seconds();

// Lays out `dot` with the dot engine and renders it, in a child process so that no render
// depends on the ones before it (Graphviz 2.42 keeps state between renders). OutputFormat::dot
// returns the text unchanged (the annotated DOT is the input, not a laid-out copy).
std::string render_dot(std::string_view dot, OutputFormat format);

// A PDF of exactly `width_in` x `height_in` inches (e.g. A3 landscape, 16.54 x
// 11.69) with the drawing centred: Graphviz's PDF page is the drawing's own size,
// so the drawing (which must fit: give it a `size`) is rendered once to measure
// it and again with margins that make up the difference.
std::string render_pdf_page(std::string_view dot, double width_in, double height_in);

// Fresh-process rendering. Graphviz 2.42's dot layout depends on the state of the process it
// runs in (it orders some of its sets by address), so a render in a fork of a process that has
// done other work can lay out the same graph differently. A program whose main() starts with
//
//   if (sujuva::is_render_child(argc, argv)) return sujuva::render_child_main(argc, argv);
//   sujuva::render_in_fresh_processes();
//
// renders every diagram in a new copy of itself (`PROGRAM __render FORMAT SOURCE`, the DOT text
// on stdin), which always starts from the same state. Without the call, renders run in a fork.
void render_in_fresh_processes();
bool is_render_child(int argc, char** argv);
int render_child_main(int argc, char** argv);

namespace detail {
// How gvc finds its plugins: from the installed configuration (config6a,
// written by libgvc6's postinst) or, when that is missing or broken, by
// loading the plugin libraries beside libgvc explicitly.
enum class PluginSource { installed_config, explicit_libraries };
std::string render_dot_with(std::string_view dot, OutputFormat format, PluginSource source);
}  // namespace detail

}  // namespace sujuva
