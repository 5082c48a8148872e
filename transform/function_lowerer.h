// FunctionLowerer turns one ast::FunctionDef into one ir Function. Its
// methods are spread over one file per concern:
//   lower_function.cc      parameters, body, the returned value
//   lower_stmt.cc          statements (and the "not supported yet" control flow)
//   lower_assign.cc        assignment targets, unpacking, augmented assignment
//   lower_expr.cc          names, literals, operators, tuples
//   lower_short_circuit.cc and/or, a if c else b, chained comparisons, `in`
//   lower_call.cc          calls: builtins, numpy, math, methods, same-file functions
//   lower_op_call.cc       binding call arguments to an op's canonical parameters
//   lower_attribute.cc     np.pi, math.tau, x.shape, x.T ...
//   lower_subscript.cc     x[...] index layouts
//
// Error handling: a method that reports a diagnostic still returns a value
// (poison(): an undef node), so lowering continues and finds every problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/ir.h"
#include "parser/ast.h"
#include "support/diagnostic.h"
#include "transform/bind_arguments.h"
#include "transform/builder.h"
#include "transform/scope.h"

namespace pygraft::transform {

class FunctionLowerer {
 public:
  FunctionLowerer(const ModuleScope& scope, const ast::FunctionDef& def, DiagnosticSink& diags);
  FunctionLowerer(const FunctionLowerer&) = delete;
  FunctionLowerer& operator=(const FunctionLowerer&) = delete;

  Function lower() &&;

 private:
  // Whether control reaches the end of what was just lowered.
  enum class Flow { FallsThrough, Returns };

  // ---- lower_function.cc ----
  void lower_parameters();
  void warn_if_shadows_import(std::string_view name, SourceRange range);
  ValueId poison(SourceRange range);
  void error(DiagCode code, SourceRange range, std::string message);

  // ---- lower_stmt.cc ----
  Flow lower_block(const ast::Block& block);
  Flow lower_statement(const ast::Stmt& stmt);
  Flow lower_return(const ast::Stmt& stmt, const ast::Return& ret);
  void lower_assert(const ast::Stmt& stmt, const ast::Assert& assert_stmt);
  Flow lower_control_flow(const ast::Stmt& stmt);

  // ---- lower_assign.cc ----
  void lower_assign(const ast::Assign& assign);
  void lower_ann_assign(const ast::AnnAssign& assign);
  void lower_aug_assign(const ast::Stmt& stmt, const ast::AugAssign& assign);
  void assign_target(const ast::Expr& target, ValueId value);
  void assign_name(const ast::Expr& target, const std::string& name, ValueId value);
  void unpack(const ast::Expr& target, const std::vector<ast::ExprPtr>& targets, ValueId value);
  void assign_subscript(const ast::Expr& target, const ast::SubscriptExpr& subscript,
                        ValueId value);
  std::optional<std::string> subscript_base_name(const ast::SubscriptExpr& subscript);
  ValueId apply_binary(ast::BinaryOp op, ValueId lhs, ValueId rhs, SourceRange range);

  // ---- lower_expr.cc ----
  ValueId lower_expr(const ast::Expr& expr);
  ValueId lower_kind(const ast::Expr& expr, const ast::Name& name);
  ValueId lower_kind(const ast::Expr& expr, const ast::IntLiteral& literal);
  ValueId lower_kind(const ast::Expr& expr, const ast::FloatLiteral& literal);
  ValueId lower_kind(const ast::Expr& expr, const ast::BoolLiteral& literal);
  ValueId lower_kind(const ast::Expr& expr, const ast::NoneLiteral& literal);
  ValueId lower_kind(const ast::Expr& expr, const ast::StringLiteral& literal);
  ValueId lower_kind(const ast::Expr& expr, const ast::EllipsisLiteral& literal);
  ValueId lower_kind(const ast::Expr& expr, const ast::TupleExpr& tuple);
  ValueId lower_kind(const ast::Expr& expr, const ast::ListExpr& list);
  ValueId lower_kind(const ast::Expr& expr, const ast::BinaryExpr& binary);
  ValueId lower_kind(const ast::Expr& expr, const ast::UnaryExpr& unary);
  ValueId lower_kind(const ast::Expr& expr, const ast::CompareExpr& compare);
  ValueId lower_kind(const ast::Expr& expr, const ast::CallExpr& call);
  ValueId lower_kind(const ast::Expr& expr, const ast::AttributeExpr& attr);
  ValueId lower_kind(const ast::Expr& expr, const ast::SubscriptExpr& subscript);
  ValueId lower_kind(const ast::Expr& expr, const ast::SliceExpr& slice);
  ValueId lower_global_name(const ast::Expr& expr, const std::string& name);
  ValueId apply_unary(ast::UnaryOp op, ValueId operand, SourceRange range);
  ValueId apply_compare(ast::CompareOp op, ValueId lhs, ValueId rhs, SourceRange range);
  ValueId apply_identity(ast::CompareOp op, ValueId lhs, ValueId rhs, SourceRange range);
  std::optional<ImportedModule> as_module(const ast::Expr& expr) const;

  // ---- lower_short_circuit.cc (const-only until cond nodes exist) ----
  ValueId lower_kind(const ast::Expr& expr, const ast::BoolOpExpr& boolop);
  ValueId lower_kind(const ast::Expr& expr, const ast::IfExpr& if_expr);
  ValueId lower_chained_compare(const ast::Expr& expr, const ast::CompareExpr& compare);
  ValueId lower_membership(SourceRange range, ast::CompareOp op, ValueId lhs, ValueId rhs);
  ValueId not_supported_yet(SourceRange range, std::string_view construct);

  // ---- lower_call.cc ----
  ValueId lower_named_call(const ast::Expr& expr, const ast::CallExpr& call,
                           const std::string& name);
  ValueId lower_module_call(const ast::Expr& expr, const ast::CallExpr& call, ImportedModule module,
                            const ast::AttributeExpr& attr);
  ValueId lower_method_call(const ast::Expr& expr, const ast::CallExpr& call,
                            const ast::AttributeExpr& attr);
  ValueId lower_function_call(const ast::Expr& expr, const ast::CallExpr& call,
                              const FunctionSignature& callee);
  ValueId lower_print(const ast::Expr& expr, const ast::CallExpr& call);
  std::optional<std::string> print_keyword(const ast::Keyword& keyword);
  CallSite make_call_site(std::string_view callee, const ast::Expr& expr,
                          const ast::CallExpr& call);

  // ---- lower_op_call.cc ----
  ValueId lower_op_call(const SpellingMatch& match, const CallSite& site);
  std::optional<ValueId> lower_canonical_param(const ParamSpec& canonical, const ParamSpec* spelled,
                                               const std::vector<ValueId>& values,
                                               const CallSite& site);
  ValueId lower_attribute_op(const SpellingMatch& match, ValueId receiver, SourceRange range);
  using LoweredArguments = std::vector<std::vector<ValueId>>;
  LoweredArguments lower_in_source_order(const std::vector<ParamSpec>& params,
                                         const std::vector<ParamBinding>& bound, bool allow_lists);
  ValueId pack(const std::vector<ValueId>& values, bool variadic, SourceRange range);
  ValueId lower_argument(const ParamSpec& param, const CallArgument& argument, bool allow_lists);
  std::optional<ValueId> lower_dtype_argument(const ast::Expr& expr);
  ValueId lower_sequence_argument(const ast::Expr& expr);
  ValueId convert_result(ResultConversion conversion, ValueId value, SourceRange range);

  // ---- lower_attribute.cc ----
  ValueId lower_module_attribute(const ast::Expr& expr, ImportedModule module,
                                 const ast::AttributeExpr& attr);
  ValueId lower_array_attribute(const ast::Expr& expr, const ast::AttributeExpr& attr);
  bool report_dotted_module_path(const ast::Expr& expr, const ast::AttributeExpr& attr);

  // ---- lower_subscript.cc ----
  struct IndexParts {
    std::vector<ValueId> operands;
    LiteralTuple layout;
  };
  IndexParts lower_index(const ast::SubscriptExpr& subscript);
  void lower_index_item(const ast::Expr& item, IndexParts& parts);
  void lower_slice(const ast::SliceExpr& slice, IndexParts& parts);
  ValueId emit_getitem(ValueId base, const IndexParts& parts, SourceRange range);
  ValueId emit_setitem(ValueId base, ValueId value, const IndexParts& parts, SourceRange range);

  const ModuleScope& scope_;
  const ast::FunctionDef& def_;
  DiagnosticSink& diags_;
  Function function_;
  IrBuilder builder_;
  Environment env_;
  std::optional<ValueId> return_value_;
  std::set<std::string, std::less<>> shadow_warned_;
};

}  // namespace pygraft::transform
