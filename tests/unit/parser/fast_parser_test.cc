// The fast parser (parser/fast_parser.h) builds the very AST the tree-sitter
// path builds, node for node and range for range: on every case file,
// sample and diagnostics case of the repository, on seeded mutations of them
// (comments, blank lines, spacing, parentheses, line joins), and on random
// statements and expressions. When it declines a file, the file goes to
// tree-sitter; declining is always safe, a different AST never is.
#include "parser/fast_parser.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "parser/layout_check.h"
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> corpus() {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path root = PYGRAFT_SOURCE_DIR;
  for (const char* dir : {"tests/cases", "samples", "tests/diagnostics/cases", "tests/golden",
                          "tests/golden/ast_passes", "tests/golden/passes"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
      if (entry.path().extension() == ".py") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Whether the fast parser took `source`; when it did, its AST must equal
// tree-sitter's and tree-sitter must have found nothing to report.
bool same_or_declined(const std::string& source, const std::string& what) {
  if (parser::check_layout(source)) return false;
  std::optional<ast::Module> fast = parser::parse_clean_module(source);
  if (!fast) return false;
  ParseResult reference = parse_module_with_tree_sitter(source);
  EXPECT_TRUE(reference.diagnostics.empty())
      << what << ": the fast parser took a file tree-sitter reports:\n"
      << messages(reference) << source;
  EXPECT_EQ(dump_ast(*fast), dump_ast(reference.module)) << what << ":\n" << source;
  return true;
}

TEST(FastParser, TakesEveryCleanFileOfTheRepositoryWithTheSameAst) {
  size_t taken = 0;
  for (const auto& path : corpus()) {
    if (same_or_declined(read(path), path.string())) ++taken;
  }
  // Every case file, sample and clean diagnostics case is clean.
  EXPECT_GT(taken, 80u);
}

// ---- seeded mutations ----

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string indent_of(const std::string& line) {
  return line.substr(0, line.find_first_not_of(" \t"));
}

// One random edit that keeps Python valid most of the time.
void mutate(std::vector<std::string>& lines, std::mt19937& rng) {
  if (lines.empty()) return;
  size_t i = rng() % lines.size();
  std::string& line = lines[i];
  std::string indent = indent_of(line);
  switch (rng() % 7) {
    case 0:  // a comment line at some indentation
      lines.insert(lines.begin() + static_cast<long>(i),
                   std::string(rng() % 13, ' ') + "# note " + std::to_string(i));
      break;
    case 1:  // a trailing comment
      if (line.find('#') == std::string::npos && line.find('"') == std::string::npos &&
          !line.empty() && line.back() != '\\') {
        line += "  # tail";
      }
      break;
    case 2:  // a blank line
      lines.insert(lines.begin() + static_cast<long>(i), rng() % 2 ? "" : "    ");
      break;
    case 3: {  // parentheses around the right-hand side of an assignment
      size_t eq = line.find(" = ");
      if (eq != std::string::npos && line.find('#') == std::string::npos &&
          line.find('"') == std::string::npos) {
        line = line.substr(0, eq + 3) + "(" + line.substr(eq + 3) + ")";
      }
      break;
    }
    case 4: {  // a line join after a binary operator
      size_t plus = line.find(" + ");
      if (plus != std::string::npos && line.find('#') == std::string::npos &&
          line.find('"') == std::string::npos) {
        line = line.substr(0, plus + 3) + "\\\n" + indent + "        " + line.substr(plus + 3);
      }
      break;
    }
    case 5: {  // extra spaces around ',' and '('
      std::string out;
      for (char c : line.substr(indent.size())) {
        out += c;
        if (c == ',' || c == '(') out += ' ';
      }
      if (line.find('"') == std::string::npos && line.find('#') == std::string::npos) {
        line = indent + out;
      }
      break;
    }
    default:  // a comment at the very end of the file, indented
      lines.push_back(std::string(rng() % 9, ' ') + "# end");
      break;
  }
}

TEST(FastParser, MutatedFilesGiveTheSameAst) {
  std::mt19937 rng(1234);
  size_t taken = 0;
  size_t tried = 0;
  for (const auto& path : corpus()) {
    std::vector<std::string> base = lines_of(read(path));
    for (int round = 0; round < 6; ++round) {
      std::vector<std::string> lines = base;
      for (int edit = 0; edit < 4; ++edit) mutate(lines, rng);
      std::string source;
      for (const std::string& line : lines) source += line + "\n";
      ++tried;
      if (same_or_declined(source, path.string() + " mutated")) ++taken;
    }
  }
  std::printf("mutated files: %zu of %zu taken\n", taken, tried);
  EXPECT_GT(taken, tried / 3);
}

// Lines run together (`for i in r: a    b`, `y = x  print(x)`) are invalid
// Python almost always; the fast parser must decline them or agree with
// tree-sitter (it once took the first statement of a one-line body and
// dropped the rest: found by fuzz_front_end).
TEST(FastParser, LinesRunTogetherAreDeclinedOrTheSame) {
  size_t tried = 0;
  for (const auto& path : corpus()) {
    std::vector<std::string> base = lines_of(read(path));
    for (size_t i = 0; i + 2 < base.size() && i < 60; ++i) {
      for (size_t joined = 2; joined <= 3; ++joined) {
        std::vector<std::string> lines = base;
        for (size_t k = 1; k < joined; ++k) {
          const std::string& next = base[i + k];
          lines[i] += "    " + next.substr(std::min(next.size(), indent_of(next).size()));
        }
        lines.erase(lines.begin() + static_cast<long>(i) + 1,
                    lines.begin() + static_cast<long>(i + joined));
        std::string source;
        for (const std::string& line : lines) source += line + "\n";
        ++tried;
        same_or_declined(source, path.string() + " joined at line " + std::to_string(i + 1));
      }
    }
  }
  EXPECT_GT(tried, 1000u);
}

// ---- random code ----

class CodeGenerator {
 public:
  explicit CodeGenerator(uint32_t seed) : rng_(seed) {}

  std::string expression(int depth) {
    if (depth <= 0) return atom();
    switch (rng_() % 14) {
      case 0:
        return expression(depth - 1) +
               pick({" + ", " - ", " * ", " / ", " // ", " % ", " @ ", " ** ", " & ", " | ", " ^ ",
                     " << ", " >> "}) +
               expression(depth - 1);
      case 1:
        return pick({"-", "+", "~", "not "}) + expression(depth - 1);
      case 2:
        return "(" + expression(depth - 1) + ")";
      case 3:
        return expression(depth - 1) + pick({" and ", " or "}) + expression(depth - 1) +
               pick({" and ", " or "}) + expression(depth - 1);
      case 4:
        return expression(depth - 1) +
               pick(
                   {" < ", " <= ", " == ", " != ", " is ", " is not ", " in ", " not in ", " > "}) +
               expression(depth - 1) + pick({"", " < b"});
      case 5:
        return expression(depth - 1) + " if " + expression(depth - 1) + " else " +
               expression(depth - 1);
      case 6:
        return "f(" + expression(depth - 1) + pick({"", ", ", ", k=1", ", axis=-1, "}) + ")";
      case 7:
        return "x[" +
               pick({"1", "1:", ":2", "::2", "1:2:3", "i, j", "(i, j)", "None, :", "...", ":, 0",
                     "i,", "-1"}) +
               "]";
      case 8:
        return "np." + pick({"sum", "mean", "linalg.norm"}) + "(" + expression(depth - 1) + ")";
      case 9:
        return "(" + expression(depth - 1) + ", " + expression(depth - 1) + pick({"", ","}) + ")";
      case 10:
        return "[" + expression(depth - 1) + pick({"", ", 1", ", 2,"}) + "]";
      case 11:
        return expression(depth - 1) + ".T" + pick({"", ".shape", "[0]"});
      case 12:
        return "print(" + pick({"\"a\"", "'b' \"c\"", "(\"d\")", "x"}) +
               ", end=" + pick({"\"\"", "'\\n'"}) + ")";
      default:
        return atom();
    }
  }

  std::string statement(const std::string& indent, int depth) {
    switch (depth <= 0 ? rng_() % 5 : rng_() % 10) {
      case 0:
        return indent + pick({"y", "z", "(y)", "y, z", "(y, z)", "[y, z]", "x[i]", "x[i, 1:]"}) +
               " = " + expression(2) + "\n";
      case 1:
        return indent + pick({"y", "x[0]"}) + pick({" += ", " -= ", " *= ", " //= ", " **= "}) +
               expression(2) + "\n";
      case 2:
        return indent + "y = z = " + expression(1) + "; pass\n";
      case 3:
        return indent + "return " + expression(2) + pick({"", ", 1", ","}) + "\n";
      case 4:
        return indent +
               pick({"assert " + expression(1) + ", \"message\"", "pass", "y: float = 1.0",
                     "t: np.ndarray", "f(x)"}) +
               "\n";
      case 5:
        return indent + "if " + expression(1) + ":\n" + block(indent, depth) + indent + "elif " +
               expression(1) + ":" + pick({" y = 1\n", "\n" + block(indent, depth)}) +
               pick({"", indent + "else:\n" + block(indent, depth)});
      case 6:
        return indent + "for " + pick({"i", "i, v", "(i, v)", "[i, v]"}) + " in " +
               pick({"range(n)", "enumerate(x)", "x, y"}) + ":\n" + block(indent, depth) +
               pick({"", indent + "else:\n" + block(indent, depth)});
      case 7:
        return indent + "while " + expression(1) + ":" +
               pick({" break\n", "\n" + block(indent, depth)});
      case 8:
        return indent + pick({"# a comment\n", "\n", "y = (1 +\n" + indent + "     2)\n"});
      default:
        return indent + "x = " + expression(3) + "  # trailing\n";
    }
  }

  std::string block(const std::string& indent, int depth) {
    std::string inner = indent + pick({"    ", "  ", "\t"});
    std::string out;
    for (int n = 1 + static_cast<int>(rng_() % 3); n > 0; --n) out += statement(inner, depth - 1);
    if (rng_() % 3 == 0) out += inner + "# last comment of the block\n";
    return out;
  }

  std::string module() {
    std::string out = pick({"", "\"\"\"Doc.\"\"\"\n"}) + "import numpy as np\nimport math\n";
    out += "N = " + expression(1) + "\n";
    for (int f = 0; f < 3; ++f) {
      out += "\n\ndef g" + std::to_string(f) + "(x, y=1, *, z: float = 2.0):\n";
      out += "    \"\"\"Doc.\"\"\"\n";
      for (int s = 0; s < 4; ++s) out += statement("    ", 3);
    }
    return out;
  }

 private:
  std::string atom() {
    return pick({"a", "b", "x", "1", "2.5", "1e-3", "0x1F", "True", "None", "np.pi", "x.shape[0]",
                 "len(x)"});
  }
  std::string pick(std::initializer_list<std::string> options) {
    auto it = options.begin();
    std::advance(it, rng_() % options.size());
    return *it;
  }

  std::mt19937 rng_;
};

TEST(FastParser, RandomCodeGivesTheSameAst) {
  size_t taken = 0;
  constexpr int kPrograms = 600;
  for (int seed = 0; seed < kPrograms; ++seed) {
    std::string source = CodeGenerator(static_cast<uint32_t>(seed)).module();
    // '*' makes the header keyword-only (declined); most programs drop it.
    for (size_t at; seed % 4 != 0 && (at = source.find(", *,")) != std::string::npos;) {
      source.replace(at, 4, ",");
    }
    if (same_or_declined(source, "seed " + std::to_string(seed))) ++taken;
  }
  std::printf("random programs: %zu of %d taken\n", taken, kPrograms);
  EXPECT_GT(taken, static_cast<size_t>(kPrograms / 4));
}

}  // namespace
}  // namespace pygraft::parser_test
