// FunctionLowerer turns one ast::FunctionDef into one ir Function. Its
// methods are spread over one file per concern:
//   lower_function.cc      parameters, body, the returned value
//   lower_stmt.cc          statements; dispatch of control flow
//   lower_region.cc        building regions and cond nodes (snapshots of the scope)
//   lower_if.cc            if / elif / else -> cond
//   lower_loop.cc          while -> loop; the loop node shared with for
//   lower_for.cc           for over range / arrays / enumerate / zip -> loop
//   lower_assign.cc        assignment targets, unpacking, augmented assignment
//   lower_expr.cc          names, literals, operators, tuples
//   lower_short_circuit.cc and/or, a if c else b, chained comparisons, `in` -> cond
//   lower_long_chains.cc   those chains and if/elif chains past kMaxChainNesting links
//   lower_call.cc          calls: builtins, numpy, math, methods, same-file functions
//   lower_op_call.cc       binding call arguments to an op's canonical parameters
//   lower_attribute.cc     np.pi, math.tau, x.shape, x.T ...
//   lower_subscript.cc     x[...] index layouts
//
// Error handling: a method that reports a diagnostic still returns a value
// (poison(): an undef node), so lowering continues and finds every problem.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/ir.h"
#include "parser/ast.h"
#include "support/diagnostic.h"
#include "transform/analysis/liveness.h"
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
  // True for a name that code the parser left out may bind: reporting it as
  // undefined would only repeat the parser's diagnostic.
  bool in_dropped_code(std::string_view name) const;
  // A method or attribute receiver whose problem was already reported: its
  // value stands for a failed expression (`Model().forward` after the class
  // was reported, `m.forward` with `m = Model()`), or its attribute chain
  // starts at a name of dropped code (`os.path` after `import os`).
  bool unknown_receiver(const ast::Expr& expr, ValueId value) const;

  // ---- lower_stmt.cc ----
  Flow lower_block(const ast::Block& block);
  Flow lower_statement(const ast::Stmt& stmt);
  Flow lower_return(const ast::Stmt& stmt, const ast::Return& ret);
  void lower_assert(const ast::Stmt& stmt, const ast::Assert& assert_stmt);
  void lower_raise(const ast::Stmt& stmt, const ast::Raise& raise);
  ValueId lower_str_format(const ast::Expr& expr, const ast::CallExpr& call, ValueId receiver);
  // ---- lower_container_methods.cc ----
  // A list or dict method (or an in-place method rewritten to `$name`);
  // nullopt when `attr` names none.
  std::optional<ValueId> lower_container_method(const ast::Expr& expr, const ast::CallExpr& call,
                                                const ast::AttributeExpr& attr, ValueId receiver);
  Flow lower_control_flow(const ast::Stmt& stmt);

  // ---- lower_region.cc ----
  using NameList = std::vector<std::string>;
  // Lowers into a new region with one argument per name; returns its yields.
  using RegionBody = std::function<std::vector<ValueId>(const std::vector<ValueId>& args)>;
  Region build_region(const NameList& arg_names, const RegionBody& body);
  // A cond node on `pred` with one result per entry of `output_names`.
  std::vector<ValueId> emit_cond(ValueId pred, Region then_region, Region else_region,
                                 const NameList& output_names, SourceRange range);
  // A cond node of one value, each branch lowered lazily into its region.
  ValueId emit_cond_value(ValueId pred, const std::function<ValueId()>& then_value,
                          const std::function<ValueId()>& else_value, SourceRange range);
  // The current value of a local, or an undef node (reading it raises
  // UnboundLocalError at run time).
  ValueId current_or_undef(const std::string& name, SourceRange range);
  std::vector<ValueId> current_values(const NameList& names, SourceRange range);
  void bind_all(const NameList& names, const std::vector<ValueId>& values, size_t first = 0);
  // Python's truth of a compile-time constant value, else nullopt.
  std::optional<bool> constant_truth(ValueId value) const;

  // ---- lower_if.cc ----
  Flow lower_if(const ast::Stmt& stmt, const ast::If& if_stmt);
  std::vector<ValueId> lower_branch(const ast::Block& block, const NameList& outputs,
                                    SourceRange range);

  // ---- lower_loop.cc ----
  // A loop node: `hidden` values (e.g. a for loop's counter) come first among
  // the carried values, then the locals `carried`. `condition` runs in the
  // cond region and `body` in the body region with the locals bound to the
  // region arguments; both receive the hidden arguments; body returns the
  // next hidden values.
  struct LoopSpec {
    NameList hidden_names;
    std::vector<ValueId> hidden_init;
    NameList carried;
    std::function<ValueId(const std::vector<ValueId>& hidden)> condition;
    std::function<std::vector<ValueId>(const std::vector<ValueId>& hidden)> body;
  };
  void emit_loop(const LoopSpec& spec, SourceRange range);
  Flow lower_while(const ast::Stmt& stmt, const ast::While& while_stmt);
  Flow lower_loop_else(const ast::Block& orelse);

  // ---- lower_for.cc ----
  // What a for loop iterates over, evaluated once before the loop.
  struct IterationSource {
    enum class Kind { Range, Sequence, Enumerate, Zip };
    Kind kind = Kind::Sequence;
    ValueId length = 0;                  // the trip count (a range's may be negative: no trips)
    ValueId start = 0;                   // Range, Enumerate
    ValueId step = 0;                    // Range
    ValueId sequence = 0;                // Sequence
    std::vector<IterationSource> parts;  // Enumerate: one, Zip: one per argument
  };
  Flow lower_for(const ast::Stmt& stmt, const ast::For& for_stmt);
  Flow unroll_for(const ast::For& for_stmt, const std::vector<ValueId>& elements);
  std::optional<std::vector<ValueId>> known_elements(ValueId value, SourceRange range);
  std::optional<IterationSource> lower_iteration_source(const ast::Expr& iter);
  std::optional<IterationSource> lower_range(const ast::Expr& expr, const ast::CallExpr& call);
  std::optional<IterationSource> lower_enumerate(const ast::Expr& expr, const ast::CallExpr& call);
  std::optional<IterationSource> lower_zip(const ast::Expr& expr, const ast::CallExpr& call);
  std::optional<IterationSource> lower_reversed(const ast::Expr& expr, const ast::CallExpr& call);
  IterationSource sequence_source(ValueId sequence, SourceRange range);
  ValueId range_length(ValueId start, ValueId stop, ValueId step, SourceRange range);
  ValueId element_at(const IterationSource& source, ValueId index, SourceRange range);
  ValueId for_condition(const ast::For& for_stmt, const IterationSource& source, ValueId index);
  std::optional<std::string> iteration_builtin(const ast::Expr& iter) const;

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
  ValueId lower_kind(const ast::Expr& expr, const ast::DictExpr& dict);
  ValueId lower_kind(const ast::Expr& expr, const ast::ListComp& comp);
  ValueId lower_kind(const ast::Expr& expr, const ast::DictComp& comp);
  ValueId lower_kind(const ast::Expr& expr, const ast::Lambda& lambda);
  ValueId lower_kind(const ast::Expr& expr, const ast::BinaryExpr& binary);
  ValueId lower_kind(const ast::Expr& expr, const ast::UnaryExpr& unary);
  ValueId lower_kind(const ast::Expr& expr, const ast::CompareExpr& compare);
  ValueId lower_kind(const ast::Expr& expr, const ast::CallExpr& call);
  ValueId lower_kind(const ast::Expr& expr, const ast::AttributeExpr& attr);
  ValueId lower_kind(const ast::Expr& expr, const ast::SubscriptExpr& subscript);
  ValueId lower_kind(const ast::Expr& expr, const ast::SliceExpr& slice);
  ValueId lower_global_name(const ast::Expr& expr, const std::string& name);
  // PG0113 at a use of a name an import of another module binds; false when
  // `name` is not one.
  bool report_foreign_use(const SourceRange& range, const std::string& name);
  ValueId apply_unary(ast::UnaryOp op, ValueId operand, SourceRange range);
  ValueId apply_compare(ast::CompareOp op, ValueId lhs, ValueId rhs, SourceRange range);
  ValueId apply_identity(ast::CompareOp op, ValueId lhs, ValueId rhs, SourceRange range);
  std::optional<ImportedModule> as_module(const ast::Expr& expr) const;

  // ---- lower_short_circuit.cc ----
  ValueId lower_kind(const ast::Expr& expr, const ast::BoolOpExpr& boolop);
  // Operands [first, last) nested, the first evaluated in the current region.
  ValueId lower_bool_chain(const ast::Expr& expr, const ast::BoolOpExpr& boolop, size_t first,
                           size_t last);
  ValueId lower_kind(const ast::Expr& expr, const ast::IfExpr& if_expr);
  ValueId lower_chained_compare(const ast::Expr& expr, const ast::CompareExpr& compare);
  ValueId lower_compare_chain(const ast::Expr& expr, const ast::CompareExpr& compare, size_t link,
                              ValueId lhs);
  ValueId lower_membership(SourceRange range, ast::CompareOp op, ValueId lhs, ValueId rhs);
  ValueId lower_membership_chain(SourceRange range, bool negated, ValueId lhs,
                                 const std::vector<ValueId>& elements, size_t first);

  // ---- lower_long_chains.cc ----
  // Chains longer than kMaxChainNesting (transform/nesting_limits.h), lowered
  // as groups of that many nested links, each group in the else region of a
  // cond on whether the groups before it decided.
  Flow lower_long_if_chain(const ast::Stmt& stmt);
  std::vector<ValueId> lower_if_group(const std::vector<const ast::Stmt*>& links, size_t first,
                                      size_t last, const NameList& outputs);
  std::vector<ValueId> after_undecided(ValueId decided, const std::vector<ValueId>& passed,
                                       const std::function<std::vector<ValueId>()>& rest,
                                       SourceRange range);
  ValueId lower_long_conditional(const ast::Expr& expr);
  std::vector<ValueId> lower_conditional_group(const std::vector<const ast::Expr*>& links,
                                               size_t first, size_t last);
  ValueId lower_long_bool_chain(const ast::Expr& expr, const ast::BoolOpExpr& boolop);
  ValueId lower_long_compare(const ast::Expr& expr, const ast::CompareExpr& compare);
  std::vector<ValueId> lower_compare_group(const ast::Expr& expr, const ast::CompareExpr& compare,
                                           size_t first, size_t last, ValueId lhs);
  ValueId lower_long_membership(SourceRange range, bool negated, ValueId lhs,
                                const std::vector<ValueId>& elements);
  ValueId lower_membership_group(SourceRange range, ValueId lhs,
                                 const std::vector<ValueId>& elements, size_t first, size_t last);

  // ---- lower_call.cc ----
  // True after reporting `expr` as a string built from values ("x: " + str(x)).
  ValueId lower_named_call(const ast::Expr& expr, const ast::CallExpr& call,
                           const std::string& name);
  ValueId lower_module_call(const ast::Expr& expr, const ast::CallExpr& call, ImportedModule module,
                            const ast::AttributeExpr& attr);
  ValueId lower_method_call(const ast::Expr& expr, const ast::CallExpr& call,
                            const ast::AttributeExpr& attr);
  // Lowers a call's arguments only for their diagnostics, after the call
  // itself failed to bind.
  void lower_arguments_for_diagnostics(const CallSite& site);
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
                                               const CallSite& site, bool always_tuple);
  ValueId lower_attribute_op(const SpellingMatch& match, ValueId receiver, SourceRange range);
  using LoweredArguments = std::vector<std::vector<ValueId>>;
  LoweredArguments lower_in_source_order(const std::vector<ParamSpec>& params,
                                         const std::vector<ParamBinding>& bound, bool allow_lists);
  ValueId pack(const std::vector<ValueId>& values, bool variadic, bool always_tuple,
               SourceRange range);
  ValueId lower_argument(const ParamSpec& param, const CallArgument& argument, bool allow_lists);
  std::optional<ValueId> lower_dtype_argument(const ast::Expr& expr);
  std::optional<ValueId> lower_type_info(const ast::Expr& expr, const ast::AttributeExpr& attr);
  ValueId lower_sequence_argument(const ast::Expr& expr);
  ValueId convert_result(ResultConversion conversion, ValueId value, SourceRange range);
  // The op node of a spelled call with its canonical operands, after the
  // spelling's Python-scalar rules (graph/op_table.h ScalarRules), then the
  // spelling's result conversion.
  ValueId emit_spelled_op(const SpellingMatch& match, std::vector<ValueId> inputs,
                          SourceRange range);
  ValueId math_argument(ValueId value, SourceRange range);

  // ---- lower_attribute.cc ----
  ValueId lower_module_attribute(const ast::Expr& expr, ImportedModule module,
                                 const ast::AttributeExpr& attr);
  ValueId lower_array_attribute(const ast::Expr& expr, const ast::AttributeExpr& attr);
  bool report_dotted_module_path(const ast::Expr& expr, const ast::AttributeExpr& attr);
  std::optional<ValueId> lower_submodule_call(const ast::Expr& expr, const ast::CallExpr& call,
                                              const ast::AttributeExpr& attr);

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
  // Of the function body after the AST passes: cond outputs and loop-carried
  // values are the names live where they matter (transform/analysis/).
  Liveness liveness_;
  std::optional<ValueId> return_value_;
  // How many cond/loop regions enclose the code being lowered.
  int region_depth_ = 0;
  std::set<std::string, std::less<>> shadow_warned_;
  // Values that stand for an expression whose problem was reported.
  std::unordered_set<ValueId> poisoned_;
};

}  // namespace pygraft::transform
