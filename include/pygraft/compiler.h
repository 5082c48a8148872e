// pygraft's compiler as a library: Python source text in, a graph file's
// bytes (or a listing) and structured diagnostics out.
//
// No global state: every call works on its own data, so independent
// compilations may run concurrently from several threads. Nothing here
// throws for bad input; problems come back as diagnostics or io_error.
// This header needs only the C++ standard library.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pygraft::api {

enum class Severity { Error, Warning, Note };

// One problem in the user's source (SPEC §2): 1-based line and column, end
// exclusive; a zero line means the diagnostic has no position. Columns count
// bytes of the UTF-8 line (as clang's do); the *_utf16 columns count UTF-16
// code units, as SARIF and LSP clients expect (0: not computed, use the byte
// columns).
struct Diagnostic {
  std::string code;  // stable, e.g. "PG0101"
  Severity severity = Severity::Error;
  std::string file;  // the file name given to compile()
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  std::string message;
  uint32_t column_utf16 = 0;
  uint32_t end_column_utf16 = 0;
};

struct CompileOptions {
  // Functions to convert, with what they use (the rest of the file is left
  // out with a PG0313 note); empty: every top-level function.
  std::vector<std::string> entries;
  bool warnings_as_errors = false;  // --Werror
  bool record_passes = false;       // fill CompileResult::passes
};

// The module's --emit text listing after one step of the IR pipeline: "build"
// (the lowering), then each pass in order (dce, const-dedup, ...).
struct PassSnapshot {
  std::string pass;
  std::string ir;
};

enum class EmitFormat {
  Graph,  // the binary graph file (docs/graph-format.md)
  Text,   // a readable listing
  Dot,    // Graphviz
};

// The converted module, opaque: serialize it with CompileResult::emit.
class CompiledModule;

struct CompileResult {
  // Set when the file could not be read (compile_file only); nothing else is
  // set then.
  std::optional<std::string> io_error;
  std::string file;                              // the name used in messages
  std::string source;                            // the text, for quoting lines
  std::vector<Diagnostic> diagnostics;           // in source order
  std::shared_ptr<const CompiledModule> module;  // set when there is no error
  // With CompileOptions::record_passes, one snapshot per pipeline step
  // (none when the source had errors: the pipeline does not run then).
  std::vector<PassSnapshot> passes;

  bool has_errors() const;
  bool ok() const { return module != nullptr; }
  // The module in `format`; empty when !ok(). Deterministic: the same
  // source and options always give the same bytes.
  std::string emit(EmitFormat format = EmitFormat::Graph) const;
  // Shorthand for emit(EmitFormat::Graph).
  std::string graph_bytes() const { return emit(EmitFormat::Graph); }
};

// Compiles `source`; `file` names it in diagnostics and in runtime errors.
CompileResult compile(std::string_view source, std::string_view file,
                      const CompileOptions& options = {});
// Reads `path` and compiles it; a read failure sets io_error.
CompileResult compile_file(const std::string& path, const CompileOptions& options = {});

// Rendering, as the CLI prints diagnostics. Every function accepts
// diagnostics from several files.
struct TextStyle {
  bool color = false;  // ANSI colours
};
// clang-style text with the source line and a caret; `source` is the text
// of the diagnostics' file (the one compile() was given).
std::string render_text(const std::vector<Diagnostic>& diagnostics, std::string_view source,
                        const TextStyle& style = {});
// A JSON array of {file, line, column, end_line, end_column, severity, code,
// message}.
std::string render_json(const std::vector<Diagnostic>& diagnostics);
// A SARIF 2.1.0 log.
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, std::string_view tool_version);

// "error", "warning", "note".
std::string_view severity_name(Severity severity);
// The version of this library, e.g. "0.1.0".
std::string_view version();

}  // namespace pygraft::api
