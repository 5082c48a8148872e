// How `pygraft run` reports what goes wrong (SPEC §1, docs/diagnostics.md):
// usage and I/O errors (exit 2) and runtime errors (exit 3), as text on
// stderr or, with --diagnostics json|sarif, as one document on stdout.
#pragma once

#include <string>

#include "cli/commands.h"
#include "graph/ir.h"
#include "runtime/interpreter.h"

namespace pygraft::cli {

// Reports a usage or I/O error of `run` ("pygraft: error: MESSAGE" in text
// form); returns kExitUsage.
int report_run_usage_error(const RunCommandOptions& options, CommandIo& io,
                           const std::string& message);

// Reports a runtime error of a call into `module` (loaded from
// options.graph_path): at the failing node of the model's source, quoting
// its lines when the source file is still readable; returns kExitRuntime.
int report_runtime_error(const rt::ExecutionError& error, const Module& module,
                         const RunCommandOptions& options, CommandIo& io);

}  // namespace pygraft::cli
