#include "support/diagnostic_render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pygraft {
namespace {

Diagnostic make_diag(DiagCode id, SourceRange range, std::string message) {
  return Diagnostic{id, diag_code_info(id).default_severity, range, std::move(message), {}};
}

constexpr std::string_view kSource = "def f(x):\n    try:\n        pass\n";

TEST(DiagnosticTextTest, HeaderNamesFileLineColumnSeverityAndCode) {
  Diagnostic d = make_diag(DiagCode::UnsupportedTry, {2, 5, 2, 9}, "'try' is not supported");
  std::string text = render_diagnostic_text(d, "model.py", kSource);
  EXPECT_EQ(text.substr(0, text.find('\n')), "model.py:2:5: error[PG0102]: 'try' is not supported");
}

TEST(DiagnosticTextTest, CaretAndTildesCoverTheRange) {
  Diagnostic d = make_diag(DiagCode::UnsupportedTry, {2, 5, 2, 8}, "m");
  EXPECT_EQ(render_diagnostic_text(d, "model.py", kSource),
            "model.py:2:5: error[PG0102]: m\n    try:\n    ^~~\n");
}

TEST(DiagnosticTextTest, EmptyRangeGetsASingleCaret) {
  Diagnostic d = make_diag(DiagCode::SyntaxError, {1, 9, 1, 9}, "m");
  std::string text = render_diagnostic_text(d, "m.py", kSource);
  EXPECT_NE(text.find("def f(x):\n        ^\n"), std::string::npos) << text;
}

TEST(DiagnosticTextTest, MultiLineRangeIsClippedToTheFirstLine) {
  Diagnostic d = make_diag(DiagCode::UnsupportedTry, {2, 5, 3, 13}, "m");
  std::string text = render_diagnostic_text(d, "m.py", kSource);
  EXPECT_NE(text.find("    try:\n    ^~~~\n"), std::string::npos) << text;
}

TEST(DiagnosticTextTest, TabsExpandSoTheCaretAligns) {
  std::string_view source = "if x:\n\ty = 1\n";
  Diagnostic d = make_diag(DiagCode::UndefinedName, {2, 2, 2, 3}, "m");
  std::string text = render_diagnostic_text(d, "m.py", source);
  EXPECT_NE(text.find("\n        y = 1\n        ^\n"), std::string::npos) << text;
}

TEST(DiagnosticTextTest, Utf8ContinuationBytesTakeNoColumn) {
  std::string display;
  // "é" is two bytes; the caret under byte column 4 ("x") sits at display column 3.
  EXPECT_EQ(caret_line("\xC3\xA9 x", 4, 5, 8, display), "  ^");
}

TEST(DiagnosticTextTest, CarriageReturnIsNotPrinted) {
  Diagnostic d = make_diag(DiagCode::SyntaxError, {1, 1, 1, 2}, "m");
  std::string text = render_diagnostic_text(d, "m.py", "x\r\ny\r\n");
  EXPECT_EQ(text, "m.py:1:1: error[PG0001]: m\nx\n^\n");
}

TEST(DiagnosticTextTest, InvalidRangeOmitsPositionAndSnippet) {
  Diagnostic d = make_diag(DiagCode::InternalError, {}, "boom");
  EXPECT_EQ(render_diagnostic_text(d, "m.py", kSource), "m.py: error[PG0999]: boom\n");
}

TEST(DiagnosticTextTest, LinePastTheEndPrintsNoSnippet) {
  Diagnostic d = make_diag(DiagCode::SyntaxError, {40, 1, 40, 2}, "m");
  EXPECT_EQ(render_diagnostic_text(d, "m.py", kSource), "m.py:40:1: error[PG0001]: m\n");
}

TEST(DiagnosticTextTest, NoColorMeansNoEscapes) {
  Diagnostic d = make_diag(DiagCode::MaybeUnbound, {1, 1, 1, 4}, "m");
  EXPECT_EQ(render_diagnostic_text(d, "m.py", kSource).find('\033'), std::string::npos);
}

TEST(DiagnosticTextTest, ColorMarksWarningMagentaAndCaretGreen) {
  Diagnostic d = make_diag(DiagCode::MaybeUnbound, {1, 1, 1, 4}, "m");
  std::string text = render_diagnostic_text(d, "m.py", kSource, {.color = true});
  EXPECT_NE(text.find("\033[35mwarning[PG0501]:"), std::string::npos) << text;
  EXPECT_NE(text.find("\033[32m\033[1m^~~\033[0m"), std::string::npos) << text;
}

TEST(DiagnosticTextTest, ColorMarksErrorRed) {
  Diagnostic d = make_diag(DiagCode::SyntaxError, {1, 1, 1, 4}, "m");
  std::string text = render_diagnostic_text(d, "m.py", kSource, {.color = true});
  EXPECT_NE(text.find("\033[31merror[PG0001]:"), std::string::npos) << text;
}

TEST(DiagnosticJsonTest, EmptyListIsEmptyArray) {
  EXPECT_EQ(render_diagnostics_json({}, "m.py"), "[]\n");
}

TEST(DiagnosticJsonTest, ObjectsHaveTheSpecKeys) {
  Diagnostic d = make_diag(DiagCode::UnsupportedTry, {2, 5, 2, 8}, "no try");
  nlohmann::json json = nlohmann::json::parse(render_diagnostics_json({d}, "m.py"));
  ASSERT_EQ(json.size(), 1u);
  const nlohmann::json& o = json[0];
  EXPECT_EQ(o.size(), 8u);
  EXPECT_EQ(o["file"], "m.py");
  EXPECT_EQ(o["line"], 2);
  EXPECT_EQ(o["column"], 5);
  EXPECT_EQ(o["end_line"], 2);
  EXPECT_EQ(o["end_column"], 8);
  EXPECT_EQ(o["severity"], "error");
  EXPECT_EQ(o["code"], "PG0102");
  EXPECT_EQ(o["message"], "no try");
}

TEST(DiagnosticJsonTest, InvalidUtf8InMessageStillRenders) {
  Diagnostic d = make_diag(DiagCode::InvalidUtf8, {1, 1, 1, 2}, "bad \xFF byte");
  EXPECT_NO_THROW(nlohmann::json::parse(render_diagnostics_json({d}, "m.py")));
}

TEST(DiagnosticSarifTest, HasSchemaVersionAndDriver) {
  nlohmann::json log = nlohmann::json::parse(render_diagnostics_sarif({}, "m.py", "0.1.0"));
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_TRUE(log.contains("$schema"));
  const nlohmann::json& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "pygraft");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_FALSE(driver.contains("informationUri"));
  EXPECT_TRUE(log["runs"][0]["results"].is_array());
}

TEST(DiagnosticSarifTest, OneRulePerCodeWithNameAndHelp) {
  nlohmann::json log = nlohmann::json::parse(render_diagnostics_sarif({}, "m.py", "0.1.0"));
  const nlohmann::json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), all_diag_codes().size());
  const DiagCodeInfo& info = diag_code_info(DiagCode::UnsupportedTry);
  const nlohmann::json& rule = rules[static_cast<size_t>(DiagCode::UnsupportedTry)];
  EXPECT_EQ(rule["id"], info.code);
  EXPECT_EQ(rule["name"], info.title);
  EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
  EXPECT_EQ(rule["help"]["text"], info.help);
}

TEST(DiagnosticSarifTest, ResultPointsAtRuleAndRegion) {
  Diagnostic d = make_diag(DiagCode::MaybeUnbound, {3, 2, 3, 7}, "maybe");
  nlohmann::json log = nlohmann::json::parse(render_diagnostics_sarif({d}, "dir/m.py", "0.1.0"));
  const nlohmann::json& result = log["runs"][0]["results"][0];
  EXPECT_EQ(result["ruleId"], "PG0501");
  EXPECT_EQ(result["ruleIndex"], static_cast<size_t>(DiagCode::MaybeUnbound));
  EXPECT_EQ(result["level"], "warning");
  EXPECT_EQ(result["message"]["text"], "maybe");
  const nlohmann::json& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "dir/m.py");
  EXPECT_EQ(location["region"]["startLine"], 3);
  EXPECT_EQ(location["region"]["startColumn"], 2);
  EXPECT_EQ(location["region"]["endLine"], 3);
  EXPECT_EQ(location["region"]["endColumn"], 7);
}

TEST(DiagnosticSarifTest, UriIsPercentEncoded) {
  Diagnostic d = make_diag(DiagCode::SyntaxError, {1, 1, 1, 2}, "m");
  nlohmann::json log = nlohmann::json::parse(render_diagnostics_sarif({d}, "my model.py", "0"));
  EXPECT_EQ(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "my%20model.py");
}

TEST(DiagnosticSarifTest, InvalidRangeHasNoRegion) {
  Diagnostic d = make_diag(DiagCode::InternalError, {}, "m");
  nlohmann::json log = nlohmann::json::parse(render_diagnostics_sarif({d}, "m.py", "0"));
  EXPECT_FALSE(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"].contains("region"));
}

TEST(DiagnosticSarifTest, ColumnsCountUtf16CodeUnits) {
  // e-acute is 2 bytes / 1 unit, the arrow 3 bytes / 1 unit, U+1D6FC
  // (mathematical alpha) 4 bytes / 2 units: the '[' is byte column 29,
  // UTF-16 column 24.
  constexpr std::string_view kUnicode =
      "def f(x):\n    print(\"\xC3\xA9\xE2\x86\x92\xF0\x9D\x9B\xBC\"); y = [v for v in x]\n";
  std::vector<Diagnostic> diagnostics = {
      make_diag(DiagCode::UnsupportedListComprehension, {2, 29, 2, 43}, "m")};
  compute_utf16_columns(diagnostics, kUnicode);
  EXPECT_EQ(diagnostics[0].utf16.column, 24u);
  EXPECT_EQ(diagnostics[0].utf16.end_column, 38u);
  nlohmann::json log = nlohmann::json::parse(render_diagnostics_sarif(diagnostics, "m.py", "0"));
  const nlohmann::json& region =
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startColumn"], 24);
  EXPECT_EQ(region["endColumn"], 38);
  // ASCII lines: the same columns; past the end of a line: one per byte.
  std::vector<Diagnostic> ascii = {make_diag(DiagCode::UnsupportedTry, {2, 5, 2, 12}, "m")};
  compute_utf16_columns(ascii, kSource);
  EXPECT_EQ(ascii[0].utf16.column, 5u);
  EXPECT_EQ(ascii[0].utf16.end_column, 12u);
}

}  // namespace
}  // namespace pygraft
